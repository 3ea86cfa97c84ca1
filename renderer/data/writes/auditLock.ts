/**
 * Runs `work` holding this device's audit lock (Web Locks: also across windows and tabs), so the
 * chain's sequence has one writer at a time and events are written in the order they happen.
 * Web Locks are not re-entrant: code already holding the lock calls the `…Locked` variants.
 */
export async function withAuditLock<T>(deviceId: string, work: () => Promise<T>): Promise<T> {
  return await navigator.locks.request(auditLockNameOf(deviceId), { mode: 'exclusive' }, work);
}

export function auditLockNameOf(deviceId: string): string {
  return `hocba-audit:${deviceId}`;
}
