import type { AuditHead } from '../../../shared/sync/syncWire';
import { historyStrings } from './strings';

/**
 * The History screen's comparison with the province server (issue 12, point 4): for each device
 * whose chain the server holds, the event this database holds at the server's head must have the
 * server's hash. A chain the server holds further than this database is fine for another desktop
 * (not pulled yet) but not for this one (its own events cannot be missing here). Pure: the caller
 * reads the hashes.
 */
export type ServerHeadVerdict =
  | { readonly deviceId: string; readonly verdict: 'match' | 'behind' }
  | { readonly deviceId: string; readonly verdict: 'differs' | 'missingHere'; readonly seq: number };

export type ServerHeadCheck = {
  readonly devices: readonly ServerHeadVerdict[];
  /** Sentences for what does not match (empty when everything does). */
  readonly problems: readonly string[];
};

export function compareWithServerHeads(input: {
  readonly heads: readonly AuditHead[];
  readonly ownDeviceId: string;
  /** The hash this database holds for the device's event at `seq`; undefined when it has none. */
  readonly hashAt: (deviceId: string, seq: number) => string | undefined;
  /** This database's head seq for the device (0 for none). */
  readonly localHeadOf: (deviceId: string) => number;
}): ServerHeadCheck {
  const devices: ServerHeadVerdict[] = [];
  const problems: string[] = [];
  for (const head of input.heads) {
    const own = head.deviceId === input.ownDeviceId;
    if (head.seq > input.localHeadOf(head.deviceId)) {
      if (own) {
        devices.push({ deviceId: head.deviceId, verdict: 'missingHere', seq: head.seq });
        problems.push(historyStrings.serverAheadOfOwn(head.seq, input.localHeadOf(head.deviceId)));
      } else devices.push({ deviceId: head.deviceId, verdict: 'behind' });
      continue;
    }
    const here = input.hashAt(head.deviceId, head.seq);
    if (here === head.hash) devices.push({ deviceId: head.deviceId, verdict: 'match' });
    else {
      devices.push({ deviceId: head.deviceId, verdict: 'differs', seq: head.seq });
      problems.push(historyStrings.serverDiffers(head.seq, own));
    }
  }
  return { devices, problems };
}
