import { studentIdOf } from '../../domain/ids';
import { allowed, commonVerdict, firstRefusal, refused, writeRuleOf, type WriteCheck } from '../writeRule';
import { writeRuleStrings as text } from '../writeRuleStrings';
import type { PersonDoc } from './people';

/** `student:<mã học sinh>`: the Ministry's code, stable across years and schools. */
export const personNaturalIdOf = (doc: PersonDoc): string => studentIdOf(doc.studentCode);

/**
 * A student's document is written by the homeroom teacher of their class (profile, photo,
 * checks, electives, study history) or by leadership (a class list set up, the year roll-over).
 * Only leadership moves a student to another class or removes one; the student code never changes.
 */
export const checkPersonWrite: WriteCheck<PersonDoc> = (writer, _controls, before, after) => {
  const { permissions } = writer;
  const leader = permissions.canSetUpSchool;
  return firstRefusal(
    () =>
      before && after && before.studentCode !== after.studentCode
        ? refused(text.studentCodeReadOnly)
        : allowed,
    () => commonVerdict(writer, before, after, personNaturalIdOf),
    () => {
      if (leader) return allowed;
      if (!after) return refused(text.onlyRemovedByLeadership);
      if (before && before.classId !== after.classId) return refused(text.classMoveByLeadership);
      if (!before)
        return permissions.canImportClassList(after.classId)
          ? allowed
          : refused(text.notHomeroomOrLeadership);
      return permissions.isHomeroomOf(after.classId) ? allowed : refused(text.notHomeroomOrLeadership);
    },
  );
};

export const personWriteRule = writeRuleOf(checkPersonWrite);
