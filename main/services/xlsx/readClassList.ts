import type { RawTable } from '../../../shared/classList/rawTable';
import { UserFacingError } from '../userFacingError';
import { readClassListTable } from './reading/readClassListTable';
import { XlsxRefusal } from './reading/xlsxRefusal';

export { plainNumber } from './reading/cellText';
export { readClassListStrings } from './reading/readClassListStrings';

/**
 * Reads a class list from .xlsx bytes in this thread (readClassListTable.ts): for tests and
 * benchmarks. The app reads files from outside through the isolated worker (classListService.ts),
 * never with this on main's thread. A refused file rejects with a UserFacingError.
 */
export async function readClassListWorkbook(bytes: Uint8Array): Promise<RawTable> {
  try {
    return await readClassListTable(bytes);
  } catch (error) {
    if (error instanceof XlsxRefusal) throw new UserFacingError('invalid-request', error.message);
    throw error;
  }
}
