import { genesisHash } from '../../../shared/audit/auditChain';
import { auditEventIdOf } from '../collections/auditEventsCollection';
import type { HocbaDatabase } from '../database';

/** The last event of a device's chain: its sequence number and hash (genesis when there is none). */
export type ChainHead = { readonly seq: number; readonly hash: string };

/**
 * The last event of a chain without reading the whole chain: IndexedDB counts the device's events
 * on the index, and a chain without holes ends at that count; from there the index is walked
 * upwards (ascending, so each step stops early) past any events a hole pushed beyond it.
 */
async function lastEvent(database: HocbaDatabase, deviceId: string) {
  const count = await database.auditEvents.count({ selector: { deviceId } }).exec();
  if (count === 0) return undefined;
  let from = count;
  let last = await database.auditEvents.findOne(auditEventIdOf(deviceId, count)).exec();
  for (;;) {
    const beyond = await database.auditEvents
      .find({ selector: { deviceId, seq: { $gt: from } }, sort: [{ seq: 'asc' }], limit: 1000 })
      .exec();
    const furthest = beyond.at(-1);
    if (!furthest) break;
    last = furthest;
    from = furthest.seq;
  }
  // Holes and nothing beyond the count: the head is below it (only a damaged chain gets here).
  return (
    last ?? (await database.auditEvents.findOne({ selector: { deviceId }, sort: [{ seq: 'desc' }] }).exec())
  );
}

/** The head of a device's chain as RxDB holds it (after the journal is applied: the whole chain). */
export async function storedChainHead(database: HocbaDatabase, deviceId: string): Promise<ChainHead> {
  const last = await lastEvent(database, deviceId);
  return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: genesisHash };
}
