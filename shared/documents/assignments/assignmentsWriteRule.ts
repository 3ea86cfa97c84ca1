import { assignmentIdOf } from '../../domain/assignment';
import { allowed, commonVerdict, firstRefusal, refused, writeRuleOf, type WriteCheck } from '../writeRule';
import { writeRuleStrings as text } from '../writeRuleStrings';
import type { AssignmentDoc } from './assignments';

/** `assignment:<login>:<class id>`. */
export const assignmentNaturalIdOf = (doc: AssignmentDoc): string =>
  assignmentIdOf(doc.teacherId, doc.classId);

/** Assignments (phân công) are made by leadership only: they are where every teacher's rights come from. */
export const checkAssignmentWrite: WriteCheck<AssignmentDoc> = (writer, _controls, before, after) =>
  firstRefusal(
    () => commonVerdict(writer, before, after, assignmentNaturalIdOf),
    () => (writer.permissions.canSetUpSchool ? allowed : refused(text.notLeadership)),
  );

export const assignmentWriteRule = writeRuleOf(checkAssignmentWrite);
