import type { SignedRecordHandIn } from '../../services/sync/signedRecordHandIn';
import type { SchoolSync } from '../../services/sync/schoolSync';
import type { IpcHandlers } from '../dispatcher';

export function syncHandlers(
  sync: SchoolSync,
  recordHandIn: SignedRecordHandIn,
): Pick<IpcHandlers, 'sync:pull' | 'sync:push' | 'sync:auditHeads' | 'sync:handInRecords'> {
  return {
    'sync:pull': (request) => sync.pull(request.collection, { after: request.after, limit: request.limit }),
    'sync:push': (request) => sync.push(request.collection, request.rows),
    'sync:auditHeads': () => sync.auditHeads(),
    'sync:handInRecords': (request) => recordHandIn.handIn({ retryRefused: request.retryRefused === true }),
  };
}
