import { confirmableResultOf } from '../../../shared/domain/evaluation/computeYearResult';
import { yearInputFingerprint } from '../../../shared/domain/evaluation/yearFingerprint';
import type { SummaryData } from './useClassSummary';

/**
 * Where a student's year-end result stands: computed and confirmed by the homeroom teacher with
 * the values it was computed from (`confirmed`), confirmed before a value changed (`stale`), not
 * confirmed yet (`none`), or not computable (`incomplete`). Only a confirmed result goes into a
 * final học bạ.
 */
export type ConfirmationStatus = 'confirmed' | 'stale' | 'none' | 'incomplete';

export function confirmationStatus(data: SummaryData, studentId: string): ConfirmationStatus {
  const row = data.summary.rows.find((candidate) => candidate.studentId === studentId);
  const result = row?.outcome ? confirmableResultOf(row.outcome) : undefined;
  if (result === undefined) return 'incomplete';
  const confirmation = data.yearResults.get(studentId)?.confirmation;
  const input = data.inputs.get(studentId);
  if (!confirmation || !input) return 'none';
  return confirmation.fingerprint === yearInputFingerprint(input) && confirmation.result === result
    ? 'confirmed'
    : 'stale';
}
