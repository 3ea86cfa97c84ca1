import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsolationTestTasks } from '../../../tests/support/isolationTestWorker';
import { repoRoot } from '../../../tests/support/paths';
import { bundleWorker } from '../../workers/bundleWorker';
import { createIsolationRunner, type IsolationRunner, type TaskOutcome } from './isolationRunner';

let dir = '';
let workerPath = '';
const runners: IsolationRunner<IsolationTestTasks>[] = [];

function runner(options: Partial<Parameters<typeof createIsolationRunner>[0]> = {}) {
  const created = createIsolationRunner<IsolationTestTasks>({ workerPath, ...options });
  runners.push(created);
  return created;
}

function value<T>(outcome: TaskOutcome<T>): T {
  if (!outcome.ok) throw new Error(`expected a value, got ${JSON.stringify(outcome.refusal)}`);
  return outcome.value;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hocba-isolation-test-'));
  workerPath = join(dir, 'isolationTestWorker.cjs');
  await bundleWorker(join(repoRoot, 'tests', 'support', 'isolationTestWorker.ts'), workerPath);
}, 60_000);

afterAll(async () => {
  await Promise.all(runners.map((created) => created.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('the isolation runner', () => {
  it('runs a task in another thread and returns its output', async () => {
    const echoed = value(await runner().run('echo', { text: 'Nguyễn Văn An' }));
    expect(echoed.text).toBe('Nguyễn Văn An');
    expect(echoed.threadId).not.toBe(threadId);
  });

  it('moves transferred input bytes instead of copying them, and moves output bytes back', async () => {
    const isolated = runner();
    const bytes = new Uint8Array(5 * 1024 * 1024).fill(1).buffer;
    const outcome = await isolated.run('byteLength', { bytes }, { transfer: [bytes] });
    expect(value(outcome)).toBe(5 * 1024 * 1024);
    // Detached here: the worker received the buffer itself.
    expect(bytes.byteLength).toBe(0);
    const back = value(await isolated.run('bytesBack', { size: 1024 }));
    expect(back.bytes.byteLength).toBe(1024);
    expect(back.bytes[1023]).toBe(7);
  });

  it('refuses a task that never ends at its deadline, and the next task still runs', async () => {
    const isolated = runner({ limits: { deadlineMs: 500 } });
    const spun = await isolated.run('spin', {});
    expect(spun).toEqual({ ok: false, refusal: { kind: 'deadline', deadlineMs: 500 } });
    expect(value(await isolated.run('echo', { text: 'sau' })).text).toBe('sau');
  });

  it('refuses a task that allocates without bound as out of memory; main goes on', async () => {
    const isolated = runner({ limits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 } });
    const before = process.memoryUsage().heapUsed;
    expect(await isolated.run('allocate', {})).toEqual({ ok: false, refusal: { kind: 'out-of-memory' } });
    expect(value(await isolated.run('echo', { text: 'còn sống' })).text).toBe('còn sống');
    // The worker's heap was its own: main's did not take the hoard.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(32 * 1024 * 1024);
  });

  it("returns a task's error, and a stack overflow as an error, not a crash", async () => {
    const isolated = runner({ limits: { stackSizeMb: 1 } });
    expect(await isolated.run('fail', { message: 'hỏng' })).toEqual({
      ok: false,
      refusal: { kind: 'task-error', name: 'RangeError', message: 'hỏng' },
    });
    const overflow = await isolated.run('recurse', {});
    expect(!overflow.ok && overflow.refusal.kind).toBe('task-error');
    expect(value(await isolated.run('echo', { text: 'tiếp' })).text).toBe('tiếp');
  });

  it('reports a worker that exits as crashed and replaces it', async () => {
    const isolated = runner();
    expect(await isolated.run('exit', { code: 3 })).toEqual({
      ok: false,
      refusal: { kind: 'crashed', detail: 'exit code 3' },
    });
    expect(value(await isolated.run('echo', { text: 'mới' })).text).toBe('mới');
  });

  it('runs queued tasks one at a time in the order asked', async () => {
    const isolated = runner({ limits: { deadlineMs: 500 } });
    const outcomes = await Promise.all([
      isolated.run('echo', { text: '1' }),
      isolated.run('spin', {}),
      isolated.run('echo', { text: '3' }),
    ]);
    expect(outcomes.map((outcome) => (outcome.ok ? outcome.value.text : outcome.refusal.kind))).toEqual([
      '1',
      'deadline',
      '3',
    ]);
  });

  it('says the worker is unavailable when its script is missing, and refuses after close', async () => {
    const missing = runner({ workerPath: join(dir, 'nowhere.cjs') });
    const outcome = await missing.run('echo', { text: 'x' });
    expect(!outcome.ok && outcome.refusal.kind).toBe('unavailable');
    const isolated = runner({ limits: { deadlineMs: 10_000 } });
    const spinning = isolated.run('spin', {});
    const queued = isolated.run('echo', { text: 'x' });
    await isolated.close();
    expect(await spinning).toEqual({ ok: false, refusal: { kind: 'closed' } });
    expect(await queued).toEqual({ ok: false, refusal: { kind: 'closed' } });
    expect(await isolated.run('echo', { text: 'x' })).toEqual({ ok: false, refusal: { kind: 'closed' } });
  });

  it('does not keep a process alive once its tasks are done (the CLI exits)', async () => {
    const probe = join(repoRoot, 'tests', 'support', 'isolationExitProbe.ts');
    const tsx = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    // A process kept alive by the worker is killed after 20 s (and the test fails on its code).
    const child = spawn(process.execPath, [tsx, probe, workerPath], {
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 20_000,
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('echoed');
  }, 30_000);
});
