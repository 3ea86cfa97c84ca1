import { verifyRecordPdfTask } from '../services/records/verifyRecordPdfTask';
import { readClassListTask } from '../services/xlsx/readClassListTask';

/**
 * Every task the untrusted-files worker runs, by name. Adding one is an import and an entry:
 * main's `IsolationRunner<UntrustedFileTasks>` then accepts `run('name', input)` with the
 * entry's input type and answers with its output type. Inputs and outputs must survive
 * structured clone (plain data, ArrayBuffers, typed arrays; no class instances or functions).
 */
export const untrustedFileTasks = {
  readClassList: readClassListTask,
  verifyRecordPdf: verifyRecordPdfTask,
};

export type UntrustedFileTasks = typeof untrustedFileTasks;
