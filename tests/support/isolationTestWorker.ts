import { threadId } from 'node:worker_threads';
import { serveTasks } from '../../main/services/isolation/serveTasks';

/**
 * A worker for the isolation runner's own tests: tasks that misbehave on purpose (never end,
 * allocate without bound, throw, recurse, exit), served by the same harness as the real worker.
 */
const hoard: unknown[] = [];

function recurse(depth: number): number {
  return depth === Number.MAX_SAFE_INTEGER ? depth : recurse(depth + 1) + 1;
}

export const isolationTestTasks = {
  echo: (input: { readonly text: string }) => ({ text: input.text, threadId }),
  byteLength: (input: { readonly bytes: ArrayBuffer }) => input.bytes.byteLength,
  bytesBack: (input: { readonly size: number }) => ({ bytes: new Uint8Array(input.size).fill(7) }),
  spin: (_input: Record<string, never>) => {
    for (;;) {
      // Never returns: only the runner's deadline ends it.
    }
  },
  allocate: (_input: Record<string, never>) => {
    for (;;) hoard.push(new Array<number>(100_000).fill(Math.random()));
  },
  fail: (input: { readonly message: string }) => {
    throw new RangeError(input.message);
  },
  recurse: (_input: Record<string, never>) => recurse(0),
  exit: (input: { readonly code: number }) => process.exit(input.code),
};

export type IsolationTestTasks = typeof isolationTestTasks;

serveTasks(isolationTestTasks);
