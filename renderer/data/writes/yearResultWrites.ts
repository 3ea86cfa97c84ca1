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
