import { characterResultIdOf } from '../../domain/evaluation/resultDocuments';
import { allowed, commonVerdict, firstRefusal, refused, writeRuleOf, type WriteCheck } from '../writeRule';
import { writeRuleStrings as text } from '../writeRuleStrings';
import type { CharacterResultDoc } from './characterResults';

/** `characterResult:<student id>:<năm học>`. */
export const characterResultNaturalIdOf = (doc: CharacterResultDoc): string =>
  characterResultIdOf(doc.studentId, doc.schoolYear);

/** Qualities and competencies are evaluated by the homeroom teacher of the class (TT27 Điều 6). */
export const checkCharacterResultWrite: WriteCheck<CharacterResultDoc> = (writer, _controls, before, after) =>
  firstRefusal(
    () => commonVerdict(writer, before, after, characterResultNaturalIdOf),
    () =>
      before && after && (before.studentId !== after.studentId || before.classId !== after.classId)
        ? refused(text.rowChanged)
        : allowed,
    () =>
      [before, after].every((side) => !side || writer.permissions.isHomeroomOf(side.classId))
        ? allowed
        : refused(text.notHomeroom),
  );

export const characterResultWriteRule = writeRuleOf(checkCharacterResultWrite);
