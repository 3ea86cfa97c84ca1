import type { ClassId } from '../ids';
import type { Permissions } from '../permissions';
import type { GradePlan } from './compiledCatalogue';
import type { TrackingBookScope } from './trackingBook';

/**
 * What of a class's Sổ theo dõi a person may export: leadership and the homeroom teacher the
 * whole book (every subject, qualities and competencies); a subject teacher only the subject rows
 * of their assignment (domain.md: a teacher's rights come from the assignment); anyone else nothing.
 */
export function trackingBookScopeOf(
  permissions: Permissions,
  classId: ClassId,
  plan: GradePlan,
): TrackingBookScope {
  if (!permissions.canSeeClass(classId)) return { rowKeys: [], traits: false };
  const whole = permissions.canSetUpSchool || permissions.isHomeroomOf(classId);
  const rowKeys = plan.rows
    .filter((row) => whole || permissions.canEditSubject(classId, row.key))
    .map((row) => row.key);
  return { rowKeys, traits: whole };
}

/** The same scope narrowed to one subject row (the grade book's selected subject). */
export function narrowScope(scope: TrackingBookScope, rowKey: string): TrackingBookScope {
  return { rowKeys: scope.rowKeys.filter((key) => key === rowKey), traits: false };
}

export const isEmptyScope = (scope: TrackingBookScope): boolean =>
  scope.rowKeys.length === 0 && !scope.traits;
