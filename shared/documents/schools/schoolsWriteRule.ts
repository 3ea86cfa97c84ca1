import { schoolIdOf } from '../../domain/ids';
import { allowed, commonVerdict, firstRefusal, refused, writeRuleOf, type WriteCheck } from '../writeRule';
import { writeRuleStrings as text } from '../writeRuleStrings';
import type { SchoolDoc } from './schools';

/** `school:<mã trường>`. */
export const schoolNaturalIdOf = (doc: SchoolDoc): string => schoolIdOf(doc.code);

/**
 * A school's profile, staff list, school years and signing identities are set up by leadership
 * (hiệu trưởng, phó hiệu trưởng), and by no one else.
 */
export const checkSchoolWrite: WriteCheck<SchoolDoc> = (writer, _controls, before, after) =>
  firstRefusal(
    () => commonVerdict(writer, before, after, schoolNaturalIdOf),
    () => (writer.permissions.canSetUpSchool ? allowed : refused(text.notLeadership)),
  );

export const schoolWriteRule = writeRuleOf(checkSchoolWrite);
