import { yearResultIdOf } from '../../../shared/domain/evaluation/resultDocuments';
import type { YearResultDoc } from '../collections/yearResultsCollection';
import type { HocbaDatabase } from '../database';
import { auditedWriteMany, type WriteResult } from './auditedWrite';
import type { StudentPlace } from './resultWrites';
import { WriteRefused, type WriteContext } from './writeContext';
import { writeStrings } from './writeStrings';

/** The homeroom teacher's confirmation of one student's computed year. */
export type YearConfirmation = {
  readonly place: StudentPlace;
  readonly result: string;
  readonly fingerprint: string;
  /** Awards confirmed now (proposals accepted, other awards). */
  readonly awards: readonly { readonly kind: 'excellent' | 'exemplary' | 'other'; readonly title: string }[];
};

export function blankYearResult(place: StudentPlace): YearResultDoc {
  return {
    id: yearResultIdOf(place.studentId, place.schoolYear),
    studentId: place.studentId,
    classId: place.classId,
    confirmation: null,
    awards: [],
    supplementaryEvaluation: null,
    principalDecision: null,
    note: '',
    schoolId: place.schoolId,
    schoolYear: place.schoolYear,
    updatedAt: '',
    updatedBy: '',
    rev: 0,
  };
}

/**
 * Records that the homeroom teacher checked the computed results and awards of their class
 * (../shared/docs/domain.md: the teacher proposes, the system computes). Each confirmation keeps the values'
 * fingerprint, so a later change shows the result as needing confirmation again.
 */
export function confirmYearResults(
  database: HocbaDatabase,
  context: WriteContext,
  confirmations: readonly YearConfirmation[],
): Promise<WriteResult> {
  const at = context.now().toISOString();
  const by = context.actor.userId;
  const writes = confirmations.map((confirmation) => {
    if (!context.permissions.isHomeroomOf(confirmation.place.classId))
      throw new WriteRefused(writeStrings.notHomeroom);
    const blank = blankYearResult(confirmation.place);
    return {
      target: {
        docId: blank.id,
        studentId: confirmation.place.studentId,
        classId: confirmation.place.classId,
        blank,
      },
      build: (current: YearResultDoc): YearResultDoc => ({
        ...current,
        confirmation: { result: confirmation.result, fingerprint: confirmation.fingerprint, at, by },
        awards: confirmation.awards.map((award) => ({ ...award, at, by })),
      }),
    };
  });
  return auditedWriteMany(database, context, 'yearResults', writes);
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function yearResultWrite(place: StudentPlace, build: (current: YearResultDoc) => YearResultDoc) {
  const blank = blankYearResult(place);
  return { target: { docId: blank.id, studentId: place.studentId, classId: place.classId, blank }, build };
}

/**
 * Đánh giá bổ sung of a student who did not complete the year (TT27 Điều 11 khoản 2), entered
 * by the homeroom teacher after the support plan: completed, or not (then the principal decides).
 * A completed one clears a decision that no longer applies.
 */
export async function recordSupplementaryEvaluation(
  database: HocbaDatabase,
  context: WriteContext,
  place: StudentPlace,
  value: { readonly outcome: 'completed' | 'notCompleted'; readonly date: string },
): Promise<WriteResult> {
  if (!context.permissions.isHomeroomOf(place.classId)) throw new WriteRefused(writeStrings.notHomeroom);
  if (!isoDate.test(value.date)) throw new WriteRefused(writeStrings.badStepDate);
  if (await onIndividualPlan(database, place)) throw new WriteRefused(writeStrings.noSupplementaryOnPlan);
  const stamp = { at: context.now().toISOString(), by: context.actor.userId };
  return auditedWriteMany(database, context, 'yearResults', [
    yearResultWrite(place, (current) => ({
      ...current,
      supplementaryEvaluation: { ...value, ...stamp },
      principalDecision: value.outcome === 'completed' ? null : current.principalDecision,
    })),
  ]);
}

/** Whether the student is evaluated against an individual education plan (TT27 Điều 8). */
async function onIndividualPlan(database: HocbaDatabase, place: StudentPlace): Promise<boolean> {
  const person = await database.people.findOne(place.studentId).exec();
  return person?.individualEducationPlan === true;
}

/**
 * The principal's decision on promotion (TT27 Điều 11 khoản 3), only after a supplementary
 * evaluation the student did not pass; for a student evaluated against an individual education
 * plan (Điều 8), on the homeroom teacher's evaluation of the plan, with no supplementary step.
 */
export async function recordPrincipalDecision(
  database: HocbaDatabase,
  context: WriteContext,
  place: StudentPlace,
  value: { readonly decision: 'promoted' | 'retained'; readonly date: string },
): Promise<WriteResult> {
  if (!context.permissions.canDecidePromotion) throw new WriteRefused(writeStrings.notPrincipal);
  if (!isoDate.test(value.date)) throw new WriteRefused(writeStrings.badStepDate);
  const onPlan = await onIndividualPlan(database, place);
  const stamp = { at: context.now().toISOString(), by: context.actor.userId };
  return auditedWriteMany(database, context, 'yearResults', [
    yearResultWrite(place, (current) => {
      if (!onPlan && current.supplementaryEvaluation?.outcome !== 'notCompleted')
        throw new WriteRefused(writeStrings.decisionBeforeSupplementary);
      return { ...current, principalDecision: { ...value, ...stamp } };
    }),
  ]);
}
