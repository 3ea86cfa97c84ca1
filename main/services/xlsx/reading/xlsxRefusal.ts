import { readClassListStrings } from './readClassListStrings';

/**
 * A class-list file the reader will not read, with the Vietnamese message the teacher sees.
 * Thrown inside the reader (in the isolated worker); the task turns it into a typed answer.
 */
export class XlsxRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxRefusal';
  }
}

export function refuse(message: string): never {
  throw new XlsxRefusal(message);
}

/** Too big, or built to exhaust the reader. */
export function refuseHostile(reason: string): never {
  throw new XlsxRefusal(readClassListStrings.hostile(reason));
}

export function refuseDamaged(reason: string): never {
  throw new XlsxRefusal(readClassListStrings.damaged(reason));
}
