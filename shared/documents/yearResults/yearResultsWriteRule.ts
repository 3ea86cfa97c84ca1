import { yearResultIdOf } from '../../domain/evaluation/resultDocuments';
import { canonicalJson, type JsonValue } from '../../encoding/canonicalJson';
import { allowed, commonVerdict, firstRefusal, refused, writeRuleOf, type WriteCheck } from '../writeRule';
import { writeRuleStrings as text } from '../writeRuleStrings';
import type { YearResultDoc } from './yearResults';

/** `yearResult:<student id>:<năm học>`. */
export const yearResultNaturalIdOf = (doc: YearResultDoc): string =>
  yearResultIdOf(doc.studentId, doc.schoolYear);

const homeroomFields = ['confirmation', 'awards', 'supplementaryEvaluation', 'note'] as const;
type DecidedField = (typeof homeroomFields)[number] | 'principalDecision';

/** What a year result holds before anyone decides anything (a document created or removed). */
const undecided: Pick<YearResultDoc, DecidedField> = {
  confirmation: null,
  awards: [],
  supplementaryEvaluation: null,
  principalDecision: null,
  note: '',
};

const same = (left: JsonValue | undefined, right: JsonValue | undefined) =>
  canonicalJson(left ?? null) === canonicalJson(right ?? null);

/** Every stamp (`by`) the write adds or changes names the writer. */
function stampsAreWriters(before: YearResultDoc | null, after: YearResultDoc, userId: string): boolean {
  const stamps = (doc: YearResultDoc | null) =>
    doc
      ? [doc.confirmation, doc.supplementaryEvaluation, doc.principalDecision, ...doc.awards].filter(
          (stamp) => stamp !== null,
        )
      : [];
  const old = new Set(stamps(before).map((stamp) => canonicalJson(stamp)));
  return stamps(after).every((stamp) => old.has(canonicalJson(stamp)) || stamp.by === userId);
}

/**
 * What people decide about a student's year: the homeroom teacher confirms the computed result,
 * the awards and the supplementary evaluation and writes the note; the principal alone decides
 * whether a student who has not completed the programme moves up (TT27 Điều 11 khoản 3). A
 * passed supplementary evaluation clears an earlier decision, so the homeroom teacher may clear it.
 */
export const checkYearResultWrite: WriteCheck<YearResultDoc> = (writer, _controls, before, after) => {
  const { permissions, actor } = writer;
  const doc = after ?? before;
  const changed = (field: DecidedField) => !same((before ?? undecided)[field], (after ?? undecided)[field]);
  return firstRefusal(
    () => commonVerdict(writer, before, after, yearResultNaturalIdOf),
    () =>
      before && after && (before.studentId !== after.studentId || before.classId !== after.classId)
        ? refused(text.rowChanged)
        : allowed,
    () => (after && !stampsAreWriters(before, after, actor.userId) ? refused(text.notYourStamp) : allowed),
    () =>
      homeroomFields.some(changed) && doc && !permissions.isHomeroomOf(doc.classId)
        ? refused(text.notHomeroom)
        : allowed,
    () => {
      if (!changed('principalDecision') || permissions.canDecidePromotion) return allowed;
      const cleared = after?.principalDecision === null && doc && permissions.isHomeroomOf(doc.classId);
      return cleared ? allowed : refused(text.notPrincipal);
    },
  );
};

export const yearResultWriteRule = writeRuleOf(checkYearResultWrite);
