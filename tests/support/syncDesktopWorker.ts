// Each desktop's page has its own IndexedDB, as two machines do: installed before RxDB loads.
import 'fake-indexeddb/auto';
import { parentPort } from 'node:worker_threads';
import { installInRealmLocks } from './inRealmLocks';
import { subjectResultIdOf } from '../../shared/domain/evaluation/resultDocuments';
import type { StudentId } from '../../shared/domain/ids';
import { auditEventIdOf } from '../../shared/documents/auditEvents/auditEvents';
import { readConflictLog } from '../../renderer/data/sync/conflictLog';
import { chooseInConflict } from '../../renderer/data/sync/takeMyValue';
import { writeSubjectCells } from '../../renderer/data/writes/resultWrites';
import { checkChainWithMain } from '../../renderer/features/history/chainCheck';
import { startSyncDesktop, switchAccount, type SyncDesktop } from './syncDesktop';
import type { SyncDesktopCall } from './syncDesktopRemote';

/**
 * One desktop in a worker thread of its own (a JavaScript realm of its own, as each desktop's
 * page is: the open-source RxDB opens at most 13 collections per realm, and a desktop opens 8).
 * The test drives it with messages (syncDesktopRemote.ts).
 */
installInRealmLocks();
let desktop: SyncDesktop | undefined;
/** The hashes tamperChain replaced, by event id, to put back. */
const tampered = new Map<string, string>();
const current = (): SyncDesktop => {
  if (desktop === undefined) throw new Error('the desktop has not started');
  return desktop;
};

async function handle(call: SyncDesktopCall): Promise<unknown> {
  switch (call.op) {
    case 'start':
      desktop = await startSyncDesktop(call.input);
      return { userId: desktop.session.account.userId, deviceId: desktop.context.deviceId };
    case 'startSync':
      // Faults are the tests' business, not waits: tries again soon after each failure.
      current().startSync({ retry: { firstMs: 20, maxMs: 200 } });
      return null;
    case 'awaitInitialPull':
      await current().sync().awaitInitialPull();
      return null;
    case 'syncNow':
      await current().sync().syncNow();
      return null;
    case 'stopSync':
      await current().stopSync();
      return null;
    case 'states':
      return await new Promise((resolve) => {
        const subscription = current()
          .sync()
          .states$.subscribe((states) => resolve(states));
        subscription.unsubscribe();
      });
    case 'writeSubjectCells':
      await writeSubjectCells(current().database, current().context, call.cells);
      return null;
    case 'subjectValue': {
      const { studentId, rowKey, schoolYear, period } = call;
      const doc = await current()
        .database.subjectResults.findOne(subjectResultIdOf(studentId as StudentId, rowKey, schoolYear))
        .exec();
      const json = doc?.toJSON() as Record<string, unknown> | undefined;
      return json?.[period] ?? null;
    }
    case 'ids': {
      const collection = current().database.collections[call.collection];
      const docs = await collection.find().exec();
      return docs.map((doc) => doc.primary).sort();
    }
    case 'conflictLog':
      return await readConflictLog(current().database);
    case 'switchAccount':
      desktop = await switchAccount(current(), call.input);
      return { userId: desktop.session.account.userId, deviceId: desktop.context.deviceId };
    case 'checkChain':
      return await checkChainWithMain(current().database, current().context.deviceId, (request) =>
        current().ipc.invoke('audit:checkChain', request),
      );
    case 'tamperChain': {
      const { database } = current();
      const last = await database.auditEvents
        .findOne({ selector: { deviceId: call.deviceId }, sort: [{ deviceId: 'desc' }, { seq: 'desc' }] })
        .exec();
      if (!last) throw new Error(`no event of ${call.deviceId} here`);
      const original = tampered.get(last.primary);
      switch (call.how) {
        case 'rehashLast':
          tampered.set(last.primary, last.hash);
          await last.incrementalPatch({ hash: 'a'.repeat(64) });
          break;
        case 'restoreLast':
          if (original === undefined) throw new Error('nothing to put back');
          await last.incrementalPatch({ hash: original });
          break;
        case 'removeLast':
          await last.remove();
          break;
        case 'appendOne':
          await database.auditEvents.insert({
            ...last.toMutableJSON(),
            id: auditEventIdOf(call.deviceId, last.seq + 1),
            seq: last.seq + 1,
            prevHash: last.hash,
            hash: 'b'.repeat(64),
          });
          break;
      }
      return null;
    }
    case 'chooseInConflict': {
      const entry = (await readConflictLog(current().database)).find((logged) => logged.key === call.key);
      if (entry === undefined) throw new Error(`no conflict log entry ${call.key}`);
      await chooseInConflict(
        current().database,
        current().context,
        entry,
        call.choice,
        () => call.place,
        new Date(),
      );
      return null;
    }
    case 'close':
      await desktop?.close();
      desktop = undefined;
      return null;
  }
}

parentPort?.on('message', (message: { id: number; call: SyncDesktopCall }) => {
  handle(message.call).then(
    (value) => parentPort?.postMessage({ id: message.id, ok: true, value }),
    (error: unknown) =>
      parentPort?.postMessage({
        id: message.id,
        ok: false,
        error:
          error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error),
      }),
  );
});
