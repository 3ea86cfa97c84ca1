import type { AuditAnomaly, AuditFindingKind } from '../../../shared/ipc/auditChannels';
import type { HeadStoreBody } from './headStoreFile';

/**
 * Anomalies kept in the head store (the count keeps them all). Beyond the cap the middle goes:
 * the first ones stay, so a page that floods the record cannot push out the evidence of what
 * happened first.
 */
export const maxKeptAnomalies = 200;
const keptFirst = 50;
/** How many the integrity check shows. */
export const maxShownAnomalies = 50;

export type Anomaly = {
  readonly kind: AuditFindingKind;
  /** The chain (`<deviceId>/<database>`) or file concerned. */
  readonly subject: string;
  readonly message: string;
};

/**
 * Adds an anomaly to the record. The same kind for the same subject right after itself (a page
 * sending the same refused report with every keystroke) is counted, not listed again.
 */
export function noteAnomaly(body: HeadStoreBody, anomaly: Anomaly, at: string): void {
  const last = body.anomalies.findLast((entry) => entry.subject === anomaly.subject);
  if (
    last?.kind === anomaly.kind &&
    (anomaly.kind === 'conflictingReport' || last.message === anomaly.message)
  ) {
    last.count += 1;
    last.lastAt = at;
    return;
  }
  body.anomalies.push({ ...anomaly, at, lastAt: at, count: 1 });
  body.anomalyCount += 1;
  if (body.anomalies.length > maxKeptAnomalies)
    body.anomalies.splice(keptFirst, body.anomalies.length - maxKeptAnomalies);
}

/** Newest first; when there are more than fit, the first few are shown too (what started it). */
export function shownAnomalies(body: HeadStoreBody): AuditAnomaly[] {
  const all = body.anomalies;
  const shown =
    all.length <= maxShownAnomalies ? all : [...all.slice(0, 10), ...all.slice(10 - maxShownAnomalies)];
  return [...shown]
    .reverse()
    .map(({ kind, message, at, lastAt, count }) => ({ kind, message, at, lastAt, count }));
}
