import type { UserId } from '../../shared/domain/ids';
import type { StaffRole } from '../../shared/domain/staff';
import type { HocbaDatabase } from '../data/database';
import type { IpcClient } from '../ipc/ipcClient';

export type TrialActor = { readonly userId: UserId; readonly role: StaffRole };

/**
 * Tells main who acts in the sample trial, with their assignments: main checks every call against
 * the session it holds, and in the trial (made-up data, anyone may act as anyone) the page says
 * who that is. A real account's session is main's own and cannot be declared.
 */
export async function declareTrialActor(
  ipc: IpcClient,
  database: HocbaDatabase,
  actor: TrialActor,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const school = await database.schools.findOne().exec();
  if (!school) return { ok: false, message: 'Chưa có dữ liệu trường trên máy này.' };
  const own = await database.assignments
    .find({ selector: { teacherId: actor.userId, schoolYear: school.schoolYear } })
    .exec();
  const declared = await ipc.invoke('session:actAsTrialUser', {
    userId: actor.userId,
    role: actor.role,
    schoolCode: school.code,
    assignments: own.map((doc) => ({
      id: doc.id,
      teacherId: doc.teacherId,
      classId: doc.classId,
      homeroom: doc.homeroom,
      subjects: [...doc.subjects],
    })),
  });
  return declared.ok ? { ok: true } : { ok: false, message: declared.error.message };
}
