import type { RawTable } from '../../../shared/classList/rawTable';
import { readClassListTable } from './reading/readClassListTable';
import { XlsxRefusal } from './reading/xlsxRefusal';

export type ReadClassListInput = { readonly bytes: ArrayBuffer };
/** A refusal is an answer, not an error: its message is for the teacher. */
export type ReadClassListOutput =
  { readonly ok: true; readonly table: RawTable } | { readonly ok: false; readonly message: string };

/** The worker task behind `classList:read`: the bounded reader on bytes moved from main. */
export async function readClassListTask(input: ReadClassListInput): Promise<ReadClassListOutput> {
  try {
    return { ok: true, table: await readClassListTable(new Uint8Array(input.bytes)) };
  } catch (error) {
    if (error instanceof XlsxRefusal) return { ok: false, message: error.message };
    throw error;
  }
}
