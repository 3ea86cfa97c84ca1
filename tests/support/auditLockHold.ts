import type { Page } from 'playwright-core';
import { readDeviceFile } from '../../main/services/deviceIdentity';

/**
 * Holds a page's saves back for as long as a test needs: the device's audit lock taken from the
 * page with the journal marked busy, as a bulk writer in another window would. A save then waits
 * for the lock, which is exactly the state "shown but not stored yet".
 */
export async function auditLockHold(page: Page, dataDir: string, journalDatabase: string) {
  const device = await readDeviceFile(dataDir);
  if (device.kind !== 'ok') throw new Error('main wrote no device identity');
  const lockName = `hocba-audit:${device.deviceId}`;
  return {
    hold: () =>
      page.evaluate(
        async ({ name, journal }) => {
          await new Promise<void>((marked, failed) => {
            const request = indexedDB.open(journal);
            request.onerror = () => failed(request.error ?? new Error('no journal'));
            request.onsuccess = () => {
              const transaction = request.result.transaction('marks', 'readwrite');
              transaction.objectStore('marks').put({ name: 'busy', count: 1 });
              transaction.oncomplete = () => {
                request.result.close();
                marked();
              };
            };
          });
          await new Promise<void>((held) => {
            void navigator.locks.request(
              name,
              () =>
                new Promise<void>((release) => {
                  (window as unknown as { releaseAuditLock: () => void }).releaseAuditLock = release;
                  held();
                }),
            );
          });
        },
        { name: lockName, journal: journalDatabase },
      ),
    release: () =>
      page.evaluate(() => (window as unknown as { releaseAuditLock: () => void }).releaseAuditLock()),
  };
}
