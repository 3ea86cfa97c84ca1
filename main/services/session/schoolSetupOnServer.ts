import type { AssignmentWire } from '../../../shared/auth/authWire';
import type {
  ClassWire,
  CreateClassRequest,
  CreatedAccount,
  CreateStaffRequest,
  StaffAccountWire,
  UpdateStaffRequest,
} from '../../../shared/auth/schoolAdminWire';
import { classIdOf, type ClassId, type UserId } from '../../../shared/domain/ids';
import type { Logger } from '../logger';
import type { DeskSessionService } from './deskSessionService';
import type { ProvinceServerClient, ServerAnswer } from './provinceServerClient';

/**
 * What a school's leadership sets up on the province server from the desktop's "Thiết lập năm học"
 * screen, as the signed-in account (online): staff accounts, classes and assignments (phân công),
 * which the server holds as the source of truth and from which each teacher's rights come. The
 * server checks every call again; main's IPC guard refuses anyone but leadership before asking.
 */
export type SchoolSetupOnServer = {
  /** Thêm cán bộ: the account and the one-time code to print for its holder. */
  readonly createStaffAccount: (request: CreateStaffRequest) => Promise<CreatedAccount>;
  /** Sửa cán bộ: name, role, or disabled (can no longer sign in) / enabled again. */
  readonly updateStaffAccount: (userId: UserId, changes: UpdateStaffRequest) => Promise<StaffAccountWire>;
  /**
   * Thêm lớp. Class ids follow from school, year and name, so a class the server holds already
   * (made before on this or another desktop) is the same class: its grade is set, nothing fails.
   */
  readonly saveClass: (request: CreateClassRequest) => Promise<ClassWire>;
  /**
   * Phân công of one class: each teacher's assignment as it now stands. One with no subjects and
   * no homeroom is removed on the server (the desktop keeps the empty document as the record).
   */
  readonly saveAssignments: (
    classId: ClassId,
    assignments: readonly Omit<AssignmentWire, 'classId'>[],
  ) => Promise<AssignmentWire[]>;
};

export function createSchoolSetupOnServer(options: {
  readonly sessions: Pick<DeskSessionService, 'callAsAccount'>;
  readonly server: ProvinceServerClient;
  readonly logger: Logger;
}): SchoolSetupOnServer {
  const { sessions, server, logger } = options;
  return {
    createStaffAccount: async (request) => {
      const created = await sessions.callAsAccount((url, token, schoolId) =>
        server.createStaff(url, token, schoolId, request),
      );
      logger.info('setup.staff-account-created', { role: created.account.role });
      return created;
    },
    updateStaffAccount: async (userId, changes) => {
      const updated = await sessions.callAsAccount((url, token, schoolId) =>
        server.updateStaff(url, token, schoolId, userId, changes),
      );
      logger.info('setup.staff-account-updated', { fields: Object.keys(changes).sort().join(',') });
      return updated;
    },
    saveClass: async (request) => {
      const saved = await sessions.callAsAccount(async (url, token, schoolId) => {
        const created = await server.createClass(url, token, schoolId, request);
        if (created.kind !== 'refused' || created.code !== 'conflict') return created;
        // The request passed the IPC contract, so its name is cleaned as the server cleans it.
        const classId = classIdOf(schoolId, request.schoolYear, request.name);
        return server.updateClassGrade(url, token, schoolId, classId, request.grade);
      });
      logger.info('setup.class-saved', { grade: saved.grade });
      return saved;
    },
    saveAssignments: async (classId, assignments) => {
      const saved = await sessions.callAsAccount(async (url, token, schoolId) => {
        const answered: AssignmentWire[] = [];
        // One call per teacher, each idempotent: a retry after a renewed token repeats them safely.
        for (const assignment of assignments) {
          const answer: ServerAnswer<AssignmentWire | null> =
            assignment.homeroom || assignment.subjects.length > 0
              ? await server.putAssignment(url, token, schoolId, { ...assignment, classId })
              : await server.deleteAssignment(url, token, schoolId, classId, assignment.teacherId);
          if (answer.kind !== 'ok') return answer;
          if (answer.value !== null) answered.push(answer.value);
        }
        return { kind: 'ok' as const, value: answered };
      });
      logger.info('setup.assignments-saved', { teachers: assignments.length });
      return saved;
    },
  };
}
