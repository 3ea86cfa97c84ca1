import { describe, expect, it, vi } from 'vitest';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { createLogger, memoryLogSink } from '../services/logger';
import { UserFacingError } from '../services/userFacingError';
import { createIpcDispatcher, type IpcHandlers } from './dispatcher';

const appInfo = {
  name: 'Học bạ số',
  version: '1.2.3',
  platform: 'linux',
  dataDir: '/data',
  runtime: 'bridge' as const,
  deviceId: 'device-00000000-0000-4000-8000-000000000000',
  dataProtection: 'passphrase' as const,
};

const notUsedHere = async (): Promise<never> => {
  throw new Error('not used in this test');
};

function setup(overrides: Partial<IpcHandlers> = {}) {
  const lines: string[] = [];
  const handlers = {
    'app:info': vi.fn(async () => appInfo),
    'sample:generate': vi.fn(async (request: { seed: number; students: number }) =>
      generateSampleSchool(request),
    ),
    'classList:read': notUsedHere,
    'classList:template': notUsedHere,
    'token:chooseLibrary': notUsedHere,
    'audit:recordHead': notUsedHere,
    'audit:checkChain': notUsedHere,
    'summary:exportXlsx': notUsedHere,
    'trackingBook:exportXlsx': notUsedHere,
    'trackingBook:exportPdf': notUsedHere,
    'photo:save': notUsedHere,
    'photo:read': notUsedHere,
    'records:produce': notUsedHere,
    'records:amend': notUsedHere,
    'records:list': notUsedHere,
    'records:read': notUsedHere,
    'records:verify': notUsedHere,
    'token:list': notUsedHere,
    'token:watch': notUsedHere,
    'signing:start': notUsedHere,
    'signing:status': notUsedHere,
    'signing:cancel': notUsedHere,
    'signing:current': notUsedHere,
    'records:bundleAdd': notUsedHere,
    'records:bundleFinish': notUsedHere,
    'backup:stage': notUsedHere,
    'backup:create': notUsedHere,
    'backup:list': notUsedHere,
    'backup:verify': notUsedHere,
    'backup:inspect': notUsedHere,
    'backup:restore': notUsedHere,
    'backup:restoredPart': notUsedHere,
    'session:current': notUsedHere,
    'session:signIn': notUsedHere,
    'session:signOut': notUsedHere,
    'session:actAsTrialUser': notUsedHere,
    'session:changePassword': notUsedHere,
    'session:resetPassword': notUsedHere,
    'session:serverSetting': notUsedHere,
    'session:setServer': notUsedHere,
    'session:databaseKey': notUsedHere,
    'session:createStaffAccount': notUsedHere,
    'session:updateStaffAccount': notUsedHere,
    'session:saveClass': notUsedHere,
    'session:saveAssignments': notUsedHere,
    'sync:pull': notUsedHere,
    'sync:push': notUsedHere,
    'sync:auditHeads': notUsedHere,
    'sync:handInRecords': notUsedHere,
    ...overrides,
  } satisfies IpcHandlers;
  // Rights are main's guard's business (ipcGuard.test.ts); here every call may run.
  const dispatch = createIpcDispatcher(
    handlers,
    createLogger(memoryLogSink(lines), 'debug'),
    async () => undefined,
  );
  return { dispatch, handlers, lines };
}

describe('IPC dispatcher', () => {
  it('runs the handler for a valid request and returns its checked answer', async () => {
    const { dispatch, handlers } = setup();
    await expect(dispatch('app:info', {})).resolves.toEqual({ ok: true, value: appInfo });
    expect(handlers['app:info']).toHaveBeenCalledTimes(1);
  });

  it('refuses a payload that breaks the schema, names the field, and never runs the handler', async () => {
    const { dispatch, handlers } = setup();
    const result = await dispatch('sample:generate', { seed: 1, students: 999_999 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.message).toMatch(/không hợp lệ/);
    expect(result.error.issues?.map((issue) => issue.path)).toEqual(['students']);
    expect(handlers['sample:generate']).not.toHaveBeenCalled();
  });

  it.each([
    ['a missing payload', undefined],
    ['a string payload', 'seed=1'],
    ['an array payload', [1, 2]],
    ['an extra field (strict objects)', { seed: 1, students: 10, evil: true }],
    ['a float where an integer is required', { seed: 1.5, students: 10 }],
    ['a prototype-pollution attempt', JSON.parse('{"__proto__": {"admin": true}, "seed": 1}') as unknown],
  ])('refuses %s without running the handler', async (_label, payload) => {
    const { dispatch, handlers } = setup();
    const result = await dispatch('sample:generate', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(handlers['sample:generate']).not.toHaveBeenCalled();
  });

  it('refuses an unknown channel', async () => {
    const { dispatch } = setup();
    await expect(dispatch('fs:readFile', { path: '/etc/passwd' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
  });

  it('passes a deliberate user-facing error through with its message', async () => {
    const { dispatch } = setup({
      'app:info': async () => {
        throw new UserFacingError('failed', 'Không đọc được thư mục dữ liệu.');
      },
    });
    await expect(dispatch('app:info', {})).resolves.toEqual({
      ok: false,
      error: { code: 'failed', message: 'Không đọc được thư mục dữ liệu.' },
    });
  });

  it('hides an unexpected error behind a generic message and keeps its text out of the log', async () => {
    const { dispatch, lines } = setup({
      'app:info': async () => {
        throw new Error('Nguyễn Văn An 012345678901');
      },
    });
    const result = await dispatch('app:info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(JSON.stringify(result)).not.toContain('Nguyễn');
    expect(lines.join('\n')).not.toContain('Nguyễn');
    expect(lines.join('\n')).toContain('ipc.handler-failed');
  });

  it('refuses an answer that breaks the response schema', async () => {
    const { dispatch } = setup({
      'app:info': async () => ({ ...appInfo, runtime: 'toaster' }) as unknown as typeof appInfo,
    });
    await expect(dispatch('app:info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-response' },
    });
  });
});
