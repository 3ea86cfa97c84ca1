import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger';
import {
  isTaskReply,
  type TaskInput,
  type TaskOutput,
  type TaskRegistry,
  type TaskRequest,
} from './isolatedTask';

/** What a worker may use. The heap limits are V8's; ArrayBuffers and Buffers are outside them. */
export type IsolationLimits = {
  /** V8 old generation (the main heap), MB. */
  readonly maxOldGenerationSizeMb: number;
  /** V8 young generation, MB. */
  readonly maxYoungGenerationSizeMb: number;
  /** The thread's stack, MB. */
  readonly stackSizeMb: number;
  /** Wall-clock time from handing the task over (worker start-up included) to its answer, ms. */
  readonly deadlineMs: number;
};

export const defaultIsolationLimits: IsolationLimits = {
  maxOldGenerationSizeMb: 256,
  maxYoungGenerationSizeMb: 32,
  stackSizeMb: 4,
  deadlineMs: 20_000,
};

/** Why a task gave no output. */
export type IsolationRefusal =
  /** Not answered in time: the worker was terminated. */
  | { readonly kind: 'deadline'; readonly deadlineMs: number }
  /** The worker reached its heap limit and was stopped by V8; main is unaffected. */
  | { readonly kind: 'out-of-memory' }
  /** The worker exited or failed outside the task (exit code, uncaught error type). */
  | { readonly kind: 'crashed'; readonly detail: string }
  /** The task threw: its error's name and message. */
  | { readonly kind: 'task-error'; readonly name: string; readonly message: string }
  /** The worker script cannot be found or started (a packaging problem, not the file). */
  | { readonly kind: 'unavailable'; readonly detail: string }
  /** The runner was closed before the task ran or finished. */
  | { readonly kind: 'closed' };

export type TaskOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: IsolationRefusal };

export type RunOptions = {
  /** ArrayBuffers in the input to move to the worker instead of copying (they become unusable here). */
  readonly transfer?: readonly ArrayBuffer[];
  /** This task's deadline instead of the runner's. */
  readonly deadlineMs?: number;
};

export type IsolationRunner<R extends TaskRegistry> = {
  /** Runs one task in the worker; tasks run one at a time, in the order asked. Never rejects. */
  readonly run: <N extends keyof R & string>(
    task: N,
    input: TaskInput<R[N]>,
    options?: RunOptions,
  ) => Promise<TaskOutcome<TaskOutput<R[N]>>>;
  /** Refuses what is queued, stops the task under way and terminates the worker. */
  readonly close: () => Promise<void>;
};

export type IsolationRunnerOptions = {
  /** The bundled worker script (a .cjs that calls serveTasks), or how to find it on first use. */
  readonly workerPath: string | (() => Promise<string>);
  readonly limits?: Partial<IsolationLimits>;
  /** A warm worker idle this long is terminated so it holds no memory (ms, default 30 s). */
  readonly idleMs?: number;
  readonly logger?: Logger;
};

type Job = {
  readonly id: number;
  readonly task: string;
  readonly input: unknown;
  readonly transfer: readonly ArrayBuffer[];
  readonly deadlineMs: number;
  readonly resolve: (outcome: TaskOutcome<unknown>) => void;
};

type Slot = { readonly worker: Worker; error: Error | undefined };

function errorCode(error: Error | undefined): string | undefined {
  const code: unknown = error !== undefined && 'code' in error ? error.code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs named tasks in a worker_threads Worker with V8 resource limits and a deadline. One warm
 * worker is reused for speed; after a deadline, an out-of-memory stop or a crash it is replaced
 * by a fresh one for the next task; after `idleMs` without work it is terminated. Inputs and
 * outputs cross by structured clone, ArrayBuffers named in `transfer` by moving them.
 */
export function createIsolationRunner<R extends TaskRegistry>(
  options: IsolationRunnerOptions,
): IsolationRunner<R> {
  const limits: IsolationLimits = { ...defaultIsolationLimits, ...options.limits };
  const idleMs = options.idleMs ?? 30_000;
  const logger = options.logger;
  const queue: Job[] = [];
  let slot: Slot | undefined;
  let current:
    | { readonly job: Job; readonly slot: Slot; readonly startedAt: number; timer?: NodeJS.Timeout }
    | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let closed = false;
  /** A job is between the queue and `current` (finding the worker script). */
  let starting = false;
  let nextId = 1;
  let resolvedPath: Promise<string> | undefined;

  const workerPath = (): Promise<string> => {
    resolvedPath ??=
      typeof options.workerPath === 'string' ? Promise.resolve(options.workerPath) : options.workerPath();
    return resolvedPath;
  };

  function finish(job: Job, outcome: TaskOutcome<unknown>): void {
    if (current?.job !== job) return;
    if (current.timer !== undefined) clearTimeout(current.timer);
    const elapsedMs = Math.round(performance.now() - current.startedAt);
    current = undefined;
    if (outcome.ok) logger?.debug('isolation.task-done', { task: job.task, elapsedMs });
    else logger?.warn('isolation.task-refused', { task: job.task, kind: outcome.refusal.kind, elapsedMs });
    job.resolve(outcome);
    void pump();
  }

  function discard(stale: Slot): void {
    if (slot === stale) slot = undefined;
    void stale.worker.terminate();
  }

  function spawn(path: string): Slot {
    const worker = new Worker(path, {
      resourceLimits: {
        maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb,
        maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb,
        stackSizeMb: limits.stackSizeMb,
      },
      // The bundle needs no loader: tsx's or vitest's flags would only slow it down.
      execArgv: [],
      stdout: false,
      stderr: false,
    });
    const own: Slot = { worker, error: undefined };
    worker.on('message', (message: unknown) => {
      if (current?.slot !== own || !isTaskReply(message) || message.id !== current.job.id) return;
      const { job } = current;
      if (message.ok) finish(job, { ok: true, value: message.value });
      else finish(job, { ok: false, refusal: { kind: 'task-error', ...message.error } });
    });
    worker.on('error', (error) => {
      own.error = error;
    });
    worker.on('exit', (code) => {
      if (slot === own) slot = undefined;
      if (current?.slot !== own) return;
      const failure = errorCode(own.error);
      const refusal: IsolationRefusal =
        failure === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { kind: 'out-of-memory' }
          : {
              kind: 'crashed',
              detail: own.error === undefined ? `exit code ${code}` : (failure ?? own.error.name),
            };
      finish(current.job, { ok: false, refusal });
    });
    return own;
  }

  function armIdle(): void {
    if (slot === undefined || idleTimer !== undefined) return;
    // Idle, the worker must not keep the process (the CLI, a test) alive.
    slot.worker.unref();
    const idle = slot;
    idleTimer = setTimeout(() => {
      idleTimer = undefined;
      if (current === undefined && slot === idle) discard(idle);
    }, idleMs);
    idleTimer.unref();
  }

  async function pump(): Promise<void> {
    // After close() the queue is empty; `closed` is checked again once the script is found.
    if (current !== undefined || starting) return;
    const job = queue.shift();
    if (job === undefined) {
      armIdle();
      return;
    }
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    idleTimer = undefined;
    starting = true;
    let path: string | undefined;
    try {
      path = await workerPath();
      if (!existsSync(path)) throw new Error(`no worker script at ${path}`);
    } catch (error) {
      resolvedPath = undefined;
      path = undefined;
      logger?.error('isolation.unavailable', { task: job.task });
      const detail = error instanceof Error ? error.message : String(error);
      job.resolve({ ok: false, refusal: { kind: 'unavailable', detail } });
    }
    starting = false;
    if (path === undefined) {
      void pump();
      return;
    }
    if (closed) {
      job.resolve({ ok: false, refusal: { kind: 'closed' } });
      return;
    }
    slot ??= spawn(path);
    const running = slot;
    running.worker.ref();
    current = { job, slot: running, startedAt: performance.now() };
    current.timer = setTimeout(() => {
      discard(running);
      finish(job, { ok: false, refusal: { kind: 'deadline', deadlineMs: job.deadlineMs } });
    }, job.deadlineMs);
    const request: TaskRequest = { id: job.id, task: job.task, input: job.input };
    try {
      running.worker.postMessage(request, [...job.transfer]);
    } catch (error) {
      const name = error instanceof Error ? error.name : 'DataCloneError';
      const message = error instanceof Error ? error.message : String(error);
      finish(job, { ok: false, refusal: { kind: 'task-error', name, message } });
    }
  }

  return {
    run: (task, input, runOptions = {}) =>
      new Promise((resolve) => {
        if (closed) {
          resolve({ ok: false, refusal: { kind: 'closed' } });
          return;
        }
        queue.push({
          id: nextId++,
          task,
          input,
          transfer: runOptions.transfer ?? [],
          deadlineMs: runOptions.deadlineMs ?? limits.deadlineMs,
          resolve: resolve as (outcome: TaskOutcome<unknown>) => void,
        });
        void pump();
      }),
    close: async () => {
      closed = true;
      const last = slot;
      slot = undefined;
      if (idleTimer !== undefined) clearTimeout(idleTimer);
      idleTimer = undefined;
      for (const job of queue.splice(0)) job.resolve({ ok: false, refusal: { kind: 'closed' } });
      if (current !== undefined) finish(current.job, { ok: false, refusal: { kind: 'closed' } });
      if (last !== undefined) await last.worker.terminate();
    },
  };
}
