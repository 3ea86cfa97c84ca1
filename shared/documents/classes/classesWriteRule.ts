import { classIdOf, type SchoolId } from '../../domain/ids';
import { allowed, commonVerdict, firstRefusal, refused, writeRuleOf, type WriteCheck } from '../writeRule';
import { writeRuleStrings as text } from '../writeRuleStrings';
import type { ClassDoc } from './classes';

/** `class:<mã trường>:<năm học>:<tên lớp>`. */
export const classNaturalIdOf = (doc: ClassDoc): string =>
  classIdOf(doc.schoolId as SchoolId, doc.schoolYear, doc.name);

/** Classes are created, changed and removed by leadership only (setup, the year roll-over). */
export const checkClassWrite: WriteCheck<ClassDoc> = (writer, _controls, before, after) =>
  firstRefusal(
    () => commonVerdict(writer, before, after, classNaturalIdOf),
    () => (writer.permissions.canSetUpSchool ? allowed : refused(text.notLeadership)),
  );

export const classWriteRule = writeRuleOf(checkClassWrite);
