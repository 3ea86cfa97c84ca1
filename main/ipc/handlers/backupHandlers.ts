import { BackupRefused } from '../../services/backup/backupReader';
import type { BackupDesk } from '../../services/backup/backupDesk';
import { UserFacingError } from '../../services/userFacingError';
import type { IpcHandlers } from '../dispatcher';

/** A backup's refusal reaches the page in its own words; anything else stays a failure. */
async function refusalsToUser<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupRefused) throw new UserFacingError('failed', error.message);
    throw error;
  }
}

export function backupHandlers(
  desk: BackupDesk,
): Pick<
  IpcHandlers,
  | 'backup:stage'
  | 'backup:create'
  | 'backup:list'
  | 'backup:verify'
  | 'backup:inspect'
  | 'backup:restore'
  | 'backup:restoredPart'
> {
  return {
    'backup:stage': (request) =>
      refusalsToUser(() =>
        desk.stage(
          request.uploadId,
          request.index,
          request.count,
          Buffer.from(request.bytesBase64, 'base64'),
        ),
      ),
    'backup:create': (request) =>
      refusalsToUser(() => desk.create(request.uploadId, request.passphrase, request.school)),
    'backup:list': () => desk.list(),
    'backup:verify': (request) => refusalsToUser(() => desk.verify(request.fileName, request.passphrase)),
    'backup:inspect': (request) => refusalsToUser(() => desk.inspect(request.uploadId, request.passphrase)),
    'backup:restore': (request) => refusalsToUser(() => desk.restore(request.uploadId, request.passphrase)),
    'backup:restoredPart': (request) =>
      refusalsToUser(() => ({
        bytesBase64: desk.restoredPart(request.restoreId, request.index).toString('base64'),
      })),
  };
}
