import { afterAll, describe, expect, it } from 'vitest';
import { exceljsChoker } from '../../tests/support/hostileXlsx';
import { classListXlsx } from '../../tests/support/xlsxBuilder';
import { UserFacingError } from './userFacingError';
import type { UntrustedFileTasks } from '../workers/untrustedFileTasks';
import { classListRefusalError, classListServiceStrings, createClassListService } from './classListService';
import { createIsolationRunner, type IsolationRunner } from './isolation/isolationRunner';
import { resolveUntrustedFilesWorker } from './isolation/untrustedFilesWorkerPath';

const runners: IsolationRunner<UntrustedFileTasks>[] = [];
function serviceWith(limits: Parameters<typeof createIsolationRunner>[0]['limits']) {
  const untrustedFiles = createIsolationRunner<UntrustedFileTasks>({
    workerPath: resolveUntrustedFilesWorker,
    limits,
  });
  runners.push(untrustedFiles);
  return createClassListService({ untrustedFiles });
}

afterAll(async () => {
  await Promise.all(runners.map((runner) => runner.close()));
});

async function messageOf(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => new Error('read instead of refusing'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof UserFacingError)) throw error;
  return error.message;
}

describe('the class-list service when the isolated reader gives up', { timeout: 60_000 }, () => {
  it('tells the teacher the file took too long when the deadline passes', async () => {
    const service = serviceWith({ deadlineMs: 1 });
    expect(await messageOf(service.read('lop.xlsx', classListXlsx(30)))).toBe(
      classListServiceStrings.tooSlow(1),
    );
  });

  it('tells the teacher the file needs too much memory when the worker runs out', async () => {
    const service = serviceWith({ maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 });
    expect(await messageOf(service.read('lop.xlsx', exceljsChoker()))).toBe(
      classListServiceStrings.tooMuchMemory,
    );
  });

  it('names every other way the worker can fail', () => {
    expect(classListRefusalError({ kind: 'crashed', detail: 'exit code 1' }).code).toBe('failed');
    expect(classListRefusalError({ kind: 'task-error', name: 'TypeError', message: 'x' }).message).toBe(
      classListServiceStrings.readerFailed,
    );
    expect(classListRefusalError({ kind: 'unavailable', detail: 'no worker' }).code).toBe('unavailable');
    expect(classListRefusalError({ kind: 'closed' }).message).toBe(classListServiceStrings.closing);
  });
});
