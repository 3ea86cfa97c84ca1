import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMainRuntime, type MainRuntime } from '../../main/mainRuntime';
import { createLogger, memoryLogSink } from '../../main/services/logger';
import { staffRoleOfAccount } from '../../shared/auth/accountRoles';
import { assignmentWithId } from '../../shared/domain/assignment';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import { permissionsFor, type Actor } from '../../shared/domain/permissions';
import type { DeskSession } from '../../shared/ipc/sessionChannels';
import type { HocbaDatabase } from '../../renderer/data/database';
import { openLocalDatabase } from '../../renderer/data/openLocalDatabase';
import {
  startSchoolReplication,
  type SchoolReplication,
  type SchoolReplicationOptions,
} from '../../renderer/data/sync/schoolReplication';
import { syncTransportThroughMain } from '../../renderer/data/sync/syncTransport';
import type { WriteContext } from '../../renderer/data/writes/writeContext';
import { createIpcClient, type IpcClient } from '../../renderer/ipc/ipcClient';
import { chainHeadReportsSettled } from '../../renderer/data/writes/chainHeadReporter';
import { installChainHeadReporting } from '../../renderer/features/history/auditHeadReporting';

/**
 * One desktop as the app runs it, in this Node process: main's services (createMainRuntime, its
 * own data folder and device id) signed in to the province server as an account, and the page's
 * side: the account's RxDB database (the app's own, on IndexedDB: fake-indexeddb here) with the
 * app's replication, reaching main through the same typed IPC contract the page uses.
 */
export type SyncDesktop = {
  readonly runtime: MainRuntime;
  readonly ipc: IpcClient;
  readonly serverUrl: string;
  readonly session: Extract<DeskSession, { kind: 'account' }>;
  readonly database: HocbaDatabase;
  readonly context: WriteContext;
  /** Starts (or starts again, after `stopSync`) the replication. */
  readonly startSync: (options?: Partial<SchoolReplicationOptions>) => SchoolReplication;
  readonly sync: () => SchoolReplication;
  readonly stopSync: () => Promise<void>;
  readonly close: () => Promise<void>;
};

type SignIn = {
  readonly login: string;
  readonly password: string;
  readonly now?: () => Date;
};

export async function startSyncDesktop(
  input: SignIn & {
    /** Where this desktop reaches the server (a proxy in front of it, for the fault tests). */
    readonly serverUrl: string;
  },
): Promise<SyncDesktop> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hocba-sync-desktop-'));
  const runtime = await createMainRuntime(
    { name: 'Học bạ số', version: '0.0.0-test', platform: 'linux', dataDir, runtime: 'bridge' },
    createLogger(memoryLogSink([]), 'warn'),
    { provinceServerUrl: input.serverUrl },
  );
  const ipc = createIpcClient((channel, request) => runtime.dispatch(channel, request), 'bridge');
  // As the app's root does (useChainHeadReporting): every audited write is reported to main. One
  // desktop per realm (syncDesktopWorker.ts), so the page's one reporter is this desktop's.
  const stopReporting = installChainHeadReporting(ipc);
  const desktop = await signInOn({ runtime, ipc, serverUrl: input.serverUrl }, input);
  return {
    ...desktop,
    close: async () => {
      await desktop.close();
      stopReporting();
      runtime.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Another account signs in on the same desktop, as on a school's shared computer: the one working
 * here stops syncing, its database closes, it signs out; main's services and data folder stay.
 */
export async function switchAccount(desktop: SyncDesktop, next: SignIn): Promise<SyncDesktop> {
  await desktop.stopSync();
  await chainHeadReportsSettled();
  await desktop.database.close();
  await desktop.ipc.invoke('session:signOut', {});
  const switched = await signInOn(desktop, next);
  // Closing the desktop closes the account working on it now, then main (the earlier account's
  // database is closed already).
  return {
    ...switched,
    close: async () => {
      await switched.close();
      await desktop.close();
    },
  };
}

async function signInOn(
  desk: { readonly runtime: MainRuntime; readonly ipc: IpcClient; readonly serverUrl: string },
  input: SignIn,
): Promise<SyncDesktop> {
  const { runtime, ipc } = desk;
  const signedIn = await ipc.invoke('session:signIn', { login: input.login, password: input.password });
  if (!signedIn.ok) throw new Error(`sign-in of ${input.login}: ${signedIn.error.message}`);
  const session = signedIn.value;
  if (
    session.kind !== 'account' ||
    session.account.schoolId === null ||
    session.account.role === 'provinceAdmin'
  )
    throw new Error(`${input.login} is not a school's account`);
  const database = await openLocalDatabase(ipc, session.databaseName);
  const actor: Actor = { userId: session.account.userId, role: staffRoleOfAccount(session.account.role) };
  const assignments = session.account.assignments
    .filter((assignment) => assignment.teacherId === session.account.userId)
    .map(assignmentWithId);
  const context: WriteContext = {
    // The account's own audit chain on this desktop, as the app's root gives it to the writes.
    deviceId: session.chainDeviceId,
    actor,
    permissions: permissionsFor(actor, assignments),
    catalogue: defaultCompiledCatalogue(),
    now: input.now ?? (() => new Date()),
  };
  const schoolId = session.account.schoolId;
  let replication: SchoolReplication | undefined;
  const stopSync = async () => {
    await replication?.stop();
    replication = undefined;
  };
  return {
    runtime,
    ipc,
    serverUrl: desk.serverUrl,
    session,
    database,
    context,
    startSync: (options = {}) => {
      if (replication !== undefined) throw new Error('sync is running already');
      replication = startSchoolReplication({
        database,
        transport: syncTransportThroughMain(ipc),
        schoolId,
        deviceId: context.deviceId,
        serverUrl: desk.serverUrl,
        ...options,
      });
      return replication;
    },
    sync: () => {
      if (replication === undefined) throw new Error('sync is not running');
      return replication;
    },
    stopSync,
    close: async () => {
      await stopSync();
      await chainHeadReportsSettled();
      await database.close();
    },
  };
}
