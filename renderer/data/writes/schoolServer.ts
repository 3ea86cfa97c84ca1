import type { AssignmentWire } from '../../../shared/auth/authWire';
import type { UpdateStaffRequest } from '../../../shared/auth/schoolAdminWire';
import type { ClassId, UserId } from '../../../shared/domain/ids';
import type { IpcClient } from '../../ipc/ipcClient';
import type { IpcResult } from '../../../shared/ipc/result';
import { WriteRefused } from './writeContext';
import { setupWriteStrings } from './writeStrings';

/**
 * Where a real account's school setup is written first: the province server, which holds staff
 * accounts, classes and assignments (phân công) as the source of truth and gives each teacher
 * their rights from them. Setup writes call it after their own checks and before the local
 * write, so a refusal (or no connection) leaves this desktop as it was. The trial has none.
 */
export type SchoolServerWrites = {
  readonly updateStaffAccount: (userId: UserId, changes: UpdateStaffRequest) => Promise<void>;
  /** The class as the server holds it; its id is the one the desktop names it by. */
  readonly saveClass: (input: {
    readonly schoolYear: string;
    readonly grade: number;
    readonly name: string;
  }) => Promise<ClassId>;
  readonly saveAssignments: (
    classId: ClassId,
    assignments: readonly Omit<AssignmentWire, 'classId'>[],
  ) => Promise<void>;
};

/** The server through main (session:*), as the signed-in account; main's words come back as refusals. */
export function schoolServerThroughMain(ipc: IpcClient): SchoolServerWrites {
  return {
    updateStaffAccount: async (userId, changes) => {
      refusedUnlessOk(await ipc.invoke('session:updateStaffAccount', { userId, changes }));
    },
    saveClass: async (input) => refusedUnlessOk(await ipc.invoke('session:saveClass', input)).classId,
    saveAssignments: async (classId, assignments) => {
      refusedUnlessOk(
        await ipc.invoke('session:saveAssignments', { classId, assignments: [...assignments] }),
      );
    },
  };
}

/**
 * A value, or main's (or the server's) reason as a refusal of the write; when the server cannot
 * be reached, the reason says first why this needs it.
 */
export function refusedUnlessOk<T>(answer: IpcResult<T>): T {
  if (answer.ok) return answer.value;
  const reason = answer.error.issues?.[0]?.message ?? answer.error.message;
  throw new WriteRefused(
    answer.error.code === 'unavailable' ? `${setupWriteStrings.setupOnServer} ${reason}` : reason,
  );
}
