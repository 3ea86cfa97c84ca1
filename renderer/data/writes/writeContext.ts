import type { Permissions, Actor } from '../../../shared/domain/permissions';
import type { SchoolServerWrites } from './schoolServer';
import type { CompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';

/** Everything a write needs to know besides its data: who, on which device, when, with which rights. */
export type WriteContext = {
  readonly deviceId: string;
  readonly actor: Actor;
  readonly permissions: Permissions;
  readonly catalogue: CompiledCatalogue;
  readonly now: () => Date;
  /** A real account's province server, where school setup is written first; absent in the trial. */
  readonly schoolServer?: SchoolServerWrites;
};

/** A write the rules do not allow; the message says why, in Vietnamese, for the user. */
export class WriteRefused extends Error {
  override name = 'WriteRefused';
}
