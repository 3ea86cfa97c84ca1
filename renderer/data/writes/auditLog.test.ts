import { afterEach, describe, expect, it } from 'vitest';
import { genesisHash, sealAuditEvent } from '../../../shared/audit/auditChain';
import { databaseHarness, testDeviceId } from '../../../tests/support/browserDatabase';
import { auditEventIdOf, type AuditEventDoc } from '../collections/auditEventsCollection';
import { chainHead } from './auditLog';

/**
 * Finding a chain's head without reading the whole chain (Chromium IndexedDB): a count on the
 * index, then a walk upwards. A chain with holes (events deleted from the middle) must still give
 * its real last event, whatever was deleted.
 */

const harness = databaseHarness();
afterEach(() => harness.cleanUp());

function chain(length: number): AuditEventDoc[] {
  const events: AuditEventDoc[] = [];
  let prevHash = genesisHash;
  for (let seq = 1; seq <= length; seq += 1) {
    const event = sealAuditEvent({
      deviceId: testDeviceId,
      seq,
      prevHash,
      actor: 'user:a',
      at: '2026-01-01T00:00:00.000Z',
      collectionName: 'people',
      docId: 'student:1',
      field: 'fullName',
      old: 'null',
      new: String(seq),
      studentId: '',
      classId: '',
      amendmentId: '',
    });
    events.push({ ...event, id: auditEventIdOf(testDeviceId, seq) });
    prevHash = event.hash;
  }
  return events;
}

/** A fresh page's view (no head remembered) of a chain of `length` with `deleted` taken out. */
async function headOf(length: number, deleted: readonly number[]) {
  const name = `audit-head-${String(length)}-${deleted.join('-')}`;
  const writer = await harness.open(name);
  const events = chain(length);
  const kept = events.filter((event) => !deleted.includes(event.seq));
  if (kept.length > 0) await writer.auditEvents.bulkInsert(kept);
  await writer.close();
  const reader = await harness.open(name);
  const head = await chainHead(reader, testDeviceId);
  // The open-source RxDB allows 13 open collections per page: one database at a time.
  await reader.close();
  const expected = events.filter((event) => !deleted.includes(event.seq)).at(-1);
  return { head, expected: expected ? { seq: expected.seq, hash: expected.hash } : undefined };
}

describe('the head of an audit chain', () => {
  it('is the genesis of an empty chain and the last event of a whole one', async () => {
    expect((await headOf(0, [])).head).toEqual({ seq: 0, hash: genesisHash });
    const whole = await headOf(1500, []);
    expect(whole.head).toEqual(whole.expected);
  });

  it.each([
    { name: 'the last three deleted', deleted: [8, 9, 10] },
    { name: 'a hole in the middle', deleted: [5] },
    { name: 'holes and the event at the count', deleted: [5, 9] },
    { name: 'the count’s event and the last', deleted: [8, 10] },
    { name: 'a run of holes below the count', deleted: [2, 3, 4, 10] },
    { name: 'everything but the first', deleted: [2, 3, 4, 5, 6, 7, 8, 9, 10] },
    { name: 'the first ones', deleted: [1, 2, 3] },
  ])('is the real last event with $name', async ({ deleted }) => {
    const { head, expected } = await headOf(10, deleted);
    expect(head).toEqual(expected);
  });
});
