import { afterEach, describe, expect, it } from 'vitest';
import {
  JournalBeliefOutdated,
  JournalStore,
  journalKeyOf,
  type JournalWrite,
  type StoredChainHead,
} from './journalStore';
import { databaseKeyOf, SealBroken } from '../storage/fieldSeal';

// Real Chromium IndexedDB: the version check is the database's own constraint, not page code.
const opened: JournalStore[] = [];
const names: string[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) store.close();
  for (const name of names.splice(0)) await JournalStore.remove(name);
});

async function freshName(): Promise<string> {
  const name = `journal-test-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}

async function open(name: string, key = testKey): Promise<JournalStore> {
  const store = await JournalStore.open(name, key);
  opened.push(store);
  return store;
}

const deviceId = 'desk-1';
const testKey = databaseKeyOf(crypto.getRandomValues(new Uint8Array(32)));

/** A save of one document's state, after `head`, with one (unsealed, test-only) event. */
function saveOf(docId: string, value: string, head: StoredChainHead | undefined): JournalWrite {
  const seq = (head?.seq ?? 0) + 1;
  const hash = `${value}-${seq}`.padEnd(64, '0');
  return {
    documents: [{ collectionName: 'subjectResults', docId, state: { id: docId, value } }],
    events: [
      {
        id: `${deviceId}:${seq}`,
        deviceId,
        seq,
        prevHash: head?.hash ?? '0'.repeat(64),
        hash,
        actor: 'u1',
        at: '2026-12-05T08:00:00.000Z',
        collectionName: 'subjectResults',
        docId,
        field: 'value',
        old: 'null',
        new: JSON.stringify(value),
        studentId: 's1',
        classId: 'c1',
        amendmentId: '',
      },
    ],
    head: { deviceId, seq, hash },
  };
}

/** A first save through the reading path; what it returns is what the page then believes. */
async function firstSave(store: JournalStore) {
  const { committed, known } = await store.commit(
    deviceId,
    [journalKeyOf('subjectResults', 'a')],
    (_s, head) => saveOf('a', 'first', head),
  );
  if (!committed) throw new Error('nothing written');
  return { committed, known };
}

describe('the journal version', () => {
  it('lets a save that assumes the current version through, without reading, and moves it on', async () => {
    const store = await open(await freshName());
    const { known } = await firstSave(store);
    expect(known.version).toBe(1);
    const head = known.heads.find((candidate) => candidate.deviceId === deviceId);
    const second = await store.commitAssuming(known.version, saveOf('b', 'second', head));
    expect(second).toMatchObject({ from: 1, entryId: 2 });
    expect(await store.version()).toBe(2);
    const snapshot = await store.snapshot();
    expect(snapshot.entries.map((entry) => entry.id)).toEqual([1, 2]);
    expect(snapshot.documents.map((document) => [document.key, document.entryId])).toEqual([
      ['subjectResults/a', 1],
      ['subjectResults/b', 2],
    ]);
    expect((await store.head(deviceId))?.seq).toBe(2);
  });

  // Each way the journal can change behind a page's back must refuse the page's assumed save,
  // and leave nothing of it behind (no entry, no state, the head untouched).
  const otherWindowChanges: Record<string, (other: JournalStore) => Promise<unknown>> = {
    'another window saved': (other) =>
      other.commit(deviceId, [journalKeyOf('subjectResults', 'a')], (_s, head) =>
        saveOf('a', 'other window', head),
      ),
    'another window applied and dropped the states': async (other) => other.forget(await other.snapshot()),
    'a bulk writer marked itself busy': (other) => other.setBusy(true),
    'a bulk writer moved the head': (other) => other.setHead({ deviceId, seq: 40, hash: 'f'.repeat(64) }),
  };
  for (const [change, makeChange] of Object.entries(otherWindowChanges)) {
    it(`refuses a save that assumes an old version when ${change}`, async () => {
      const name = await freshName();
      const store = await open(name);
      const { known } = await firstSave(store);
      const other = await open(name);
      await makeChange(other);
      const before = await store.snapshot();
      const headBefore = await store.head(deviceId);
      const head = known.heads.find((candidate) => candidate.deviceId === deviceId);
      await expect(store.commitAssuming(known.version, saveOf('b', 'stale', head))).rejects.toBeInstanceOf(
        JournalBeliefOutdated,
      );
      expect(await store.snapshot()).toEqual(before);
      expect(await store.head(deviceId)).toEqual(headBefore);
    });
  }

  it('tells the reading save everything the journal holds, other windows’ states included', async () => {
    const name = await freshName();
    const store = await open(name);
    await firstSave(store);
    const other = await open(name);
    await other.commit(deviceId, [journalKeyOf('subjectResults', 'z')], (_s, head) =>
      saveOf('z', 'zed', head),
    );
    const { known } = await store.commit(deviceId, [journalKeyOf('subjectResults', 'b')], (_s, head) =>
      saveOf('b', 'bee', head),
    );
    expect(known.version).toBe(3);
    expect(known.documents.map((document) => [document.key, document.state])).toEqual([
      ['subjectResults/a', { id: 'a', value: 'first' }],
      ['subjectResults/z', { id: 'z', value: 'zed' }],
      ['subjectResults/b', { id: 'b', value: 'bee' }],
    ]);
    expect(known.heads).toEqual([expect.objectContaining({ deviceId, seq: 3 })]);
  });

  it('starts after the last entry of a journal written before versions existed', async () => {
    const name = await freshName();
    // The journal as the previous release left it: schema 2, entries with auto-increment ids.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 2);
      request.onupgradeneeded = () => {
        const idb = request.result;
        const entries = idb.createObjectStore('entries', { keyPath: 'id', autoIncrement: true });
        idb.createObjectStore('documents', { keyPath: 'key' });
        idb.createObjectStore('heads', { keyPath: 'deviceId' });
        idb.createObjectStore('marks', { keyPath: 'name' });
        for (let index = 0; index < 7; index += 1) entries.add({ events: [] });
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const store = await open(name);
    expect(await store.version()).toBe(7);
    const { committed } = await firstSave(store);
    expect(committed.entryId).toBe(8);
    expect((await store.snapshot()).entries.map((entry) => entry.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

/** Everything the journal's IndexedDB holds, as stored (what someone reading the disk would see). */
async function rawContents(name: string): Promise<string> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  const stores = ['entries', 'documents'];
  const transaction = idb.transaction(stores, 'readonly');
  const all = await Promise.all(
    stores.map(
      (store) =>
        new Promise<unknown[]>((resolve) => {
          const request = transaction.objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
        }),
    ),
  );
  idb.close();
  return JSON.stringify(all);
}

describe('the journal keeps states and events sealed', () => {
  it('stores no value of a save in the clear, and gives it back whole', async () => {
    const name = await freshName();
    const store = await open(name);
    await store.commit(deviceId, [], (_s, head) => saveOf('a', 'Nguyễn Thị Hoa', head));
    const raw = await rawContents(name);
    expect(raw).toContain('hs1.');
    expect(raw).not.toContain('Nguyễn');
    expect(raw).not.toContain(JSON.stringify('Nguyễn Thị Hoa'));
    const snapshot = await store.snapshot();
    expect(snapshot.documents[0]?.state).toEqual({ id: 'a', value: 'Nguyễn Thị Hoa' });
    expect(snapshot.entries[0]?.events[0]?.new).toBe(JSON.stringify('Nguyễn Thị Hoa'));
  });

  it('opens nothing under another key (another account on this desktop)', async () => {
    const name = await freshName();
    await firstSave(await open(name));
    const stranger = await open(name, databaseKeyOf(crypto.getRandomValues(new Uint8Array(32))));
    await expect(stranger.snapshot()).rejects.toBeInstanceOf(SealBroken);
  });
});
