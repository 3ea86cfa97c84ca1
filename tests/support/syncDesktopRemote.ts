import { rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { nodeBundleOptions } from '../../main/workers/bundleWorker';
import type { CollectionSyncState } from '../../renderer/data/sync/schoolReplication';
import type { ConflictLogEntry } from '../../renderer/data/sync/conflictLog';
import type { StudentPlace, SubjectCellWrite } from '../../renderer/data/writes/resultWrites';
import type { SyncedCollection } from '../../shared/sync/syncWire';
import type { IpcResult } from '../../shared/ipc/result';
import type { ChainCheckAnswer } from '../../renderer/features/history/chainCheck';
import { repoRoot } from './paths';

export type SyncDesktopCall =
  | {
      readonly op: 'start';
      readonly input: { readonly serverUrl: string; readonly login: string; readonly password: string };
    }
  | {
      readonly op:
        'startSync' | 'awaitInitialPull' | 'syncNow' | 'stopSync' | 'states' | 'conflictLog' | 'close';
    }
  | { readonly op: 'writeSubjectCells'; readonly cells: readonly SubjectCellWrite[] }
  | {
      readonly op: 'subjectValue';
      readonly studentId: string;
      readonly rowKey: string;
      readonly schoolYear: string;
      readonly period: string;
    }
  | { readonly op: 'ids'; readonly collection: SyncedCollection }
  | { readonly op: 'checkChain' }
  | { readonly op: 'switchAccount'; readonly input: { readonly login: string; readonly password: string } }
  | { readonly op: 'tamperChain'; readonly deviceId: string; readonly how: ChainTampering }
  | {
      readonly op: 'chooseInConflict';
      readonly key: string;
      readonly choice: 'mine' | 'server';
      readonly place: StudentPlace;
    };

/**
 * What someone with the desktop's database does to another desktop's chain there: gives its last
 * event another hash, puts it back as it was, deletes it, or adds an event after it.
 */
export type ChainTampering = 'rehashLast' | 'restoreLast' | 'removeLast' | 'appendOne';

/** A desktop in its own worker thread (syncDesktopWorker.ts), driven from the test. */
export type RemoteDesktop = {
  readonly userId: string;
  readonly deviceId: string;
  readonly startSync: () => Promise<void>;
  readonly awaitInitialPull: () => Promise<void>;
  readonly syncNow: () => Promise<void>;
  readonly stopSync: () => Promise<void>;
  readonly states: () => Promise<readonly CollectionSyncState[]>;
  readonly writeSubjectCells: (cells: readonly SubjectCellWrite[]) => Promise<void>;
  readonly subjectValue: (
    place: { readonly studentId: string; readonly rowKey: string; readonly schoolYear: string },
    period: string,
  ) => Promise<Record<string, unknown> | null>;
  readonly ids: (collection: SyncedCollection) => Promise<string[]>;
  readonly conflictLog: () => Promise<ConflictLogEntry[]>;
  /** The page's integrity check with main (History's "Kiểm tra", and the start check). */
  readonly checkChain: () => Promise<IpcResult<ChainCheckAnswer>>;
  /**
   * Another account signs in on this desktop (a shared school computer): the same main and data
   * folder. Answers who works here now and the audit chain their writes go to.
   */
  readonly switchAccount: (input: {
    login: string;
    password: string;
  }) => Promise<{ userId: string; deviceId: string }>;
  readonly tamperChain: (deviceId: string, how: ChainTampering) => Promise<void>;
  /** The conflict log's choice, as the screen's buttons make it (`place`: where the student is). */
  readonly chooseInConflict: (key: string, choice: 'mine' | 'server', place: StudentPlace) => Promise<void>;
  readonly close: () => Promise<void>;
};

/** Bundles the worker once per test file, inside the repository so its native modules resolve. */
export async function syncDesktopLauncher(): Promise<{
  readonly start: (input: { serverUrl: string; login: string; password: string }) => Promise<RemoteDesktop>;
}> {
  const dir = join(repoRoot, 'node_modules', '.cache', 'hocba-sync-desktop');
  await mkdir(dir, { recursive: true });
  const script = join(dir, `worker-${String(process.pid)}.cjs`);
  const { build } = await import('esbuild');
  await build({
    ...nodeBundleOptions,
    entryPoints: [join(repoRoot, 'tests', 'support', 'syncDesktopWorker.ts')],
    outfile: script,
    sourcemap: 'inline',
    external: ['electron', 'pkcs11js', '@node-rs/argon2', 'electron-updater', 'esbuild'],
  });
  // Tens of MB each: gone with the process that made it.
  process.once('exit', () => rmSync(script, { force: true }));

  const start = async (input: { serverUrl: string; login: string; password: string }) => {
    const worker = new Worker(script);
    let next = 0;
    const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
    worker.on('message', (message: { id: number; ok: boolean; value?: unknown; error?: string }) => {
      const entry = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.ok) entry?.resolve(message.value);
      else entry?.reject(new Error(message.error));
    });
    worker.on('error', (error) => {
      for (const entry of waiting.values()) entry.reject(error);
      waiting.clear();
    });
    const call = <T>(message: SyncDesktopCall): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        next += 1;
        waiting.set(next, { resolve: (value) => resolve(value as T), reject });
        worker.postMessage({ id: next, call: message });
      });
    const started = await call<{ userId: string; deviceId: string }>({ op: 'start', input });
    return {
      ...started,
      startSync: () => call<null>({ op: 'startSync' }).then(() => undefined),
      awaitInitialPull: () => call<null>({ op: 'awaitInitialPull' }).then(() => undefined),
      syncNow: () => call<null>({ op: 'syncNow' }).then(() => undefined),
      stopSync: () => call<null>({ op: 'stopSync' }).then(() => undefined),
      states: () => call<readonly CollectionSyncState[]>({ op: 'states' }),
      writeSubjectCells: (cells) => call<null>({ op: 'writeSubjectCells', cells }).then(() => undefined),
      subjectValue: (place, period) => call({ op: 'subjectValue', ...place, period }),
      ids: (collection) => call<string[]>({ op: 'ids', collection }),
      conflictLog: () => call<ConflictLogEntry[]>({ op: 'conflictLog' }),
      checkChain: () => call<IpcResult<ChainCheckAnswer>>({ op: 'checkChain' }),
      switchAccount: (next) =>
        call<{ userId: string; deviceId: string }>({ op: 'switchAccount', input: next }),
      tamperChain: (deviceId, how) => call<null>({ op: 'tamperChain', deviceId, how }).then(() => undefined),
      chooseInConflict: (key, choice, place) =>
        call<null>({ op: 'chooseInConflict', key, choice, place }).then(() => undefined),
      close: async () => {
        await call<null>({ op: 'close' });
        await worker.terminate();
      },
    } satisfies RemoteDesktop;
  };
  return { start };
}
