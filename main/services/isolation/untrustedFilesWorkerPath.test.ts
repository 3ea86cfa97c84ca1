import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bundledUntrustedFilesWorker,
  resolveUntrustedFilesWorker,
  untrustedFilesWorkerEnv,
} from './untrustedFilesWorkerPath';

const fromSetup = process.env[untrustedFilesWorkerEnv];

afterEach(() => {
  process.env[untrustedFilesWorkerEnv] = fromSetup;
});

describe('where the untrusted-files worker is', () => {
  it('is the test run’s fresh bundle when the global setup names it', async () => {
    expect(fromSetup).toBeDefined();
    expect(await resolveUntrustedFilesWorker()).toBe(fromSetup);
  });

  it('is bundled from this source tree into a temporary folder when main runs from source', async () => {
    expect(untrustedFilesWorkerEnv).toBe('HOCBA_UNTRUSTED_FILES_WORKER');
    delete process.env.HOCBA_UNTRUSTED_FILES_WORKER;
    expect(bundledUntrustedFilesWorker()).toBeUndefined();
    const built = await resolveUntrustedFilesWorker();
    expect(built.startsWith(tmpdir())).toBe(true);
    expect(built).not.toBe(fromSetup);
    expect(existsSync(built)).toBe(true);
  }, 60_000);
});
