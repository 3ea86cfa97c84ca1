import type { YearResultCode } from './catalogueSchema';
import type { CompiledCatalogue } from './compiledCatalogue';
import { evaluationStrings as strings } from './evaluationStrings';
import type { StudentYearInput } from './studentYearInput';
import type { Completion } from './yearResultTypes';

/** The principal's decision as the record words it; in grade 5 it concerns the primary programme. */
function decidedCompletion(lastGrade: boolean, decision: 'promoted' | 'retained'): Completion {
  const promoted = decision === 'promoted';
  return {
    status: 'decided',
    decision,
    label: lastGrade
      ? promoted
        ? strings.primaryByDecision
        : strings.primaryRetained
      : promoted
        ? strings.promoted
        : strings.retained,
  };
}

/**
 * Completion of the grade (TT27 Điều 11): any result but the fallback completes it — in grade 5
 * that is "Hoàn thành chương trình tiểu học". Otherwise the record moves through recorded steps:
 * a support plan and supplementary evaluation, then, if that fails, the principal's decision.
 */
export function completionOf(
  compiled: CompiledCatalogue,
  input: StudentYearInput,
  result: YearResultCode,
): Completion {
  const lastGrade = input.grade === 5;
  const programme = lastGrade ? strings.primaryProgramme : strings.gradeProgramme;
  const completedLabel = strings.completed(programme);
  if (result !== compiled.catalogue.fallbackResult)
    return { status: 'completed', via: 'yearResult', label: completedLabel };
  const supplementary = input.supplementaryEvaluation;
  if (!supplementary)
    return {
      status: 'pending',
      nextStep: 'supplementaryEvaluation',
      label: strings.awaitingSupplementary(programme),
    };
  if (supplementary.outcome === 'completed')
    return { status: 'completed', via: 'supplementaryEvaluation', label: completedLabel };
  const decision = input.principalDecision;
  if (!decision)
    return { status: 'pending', nextStep: 'principalDecision', label: strings.awaitingDecision(programme) };
  return decidedCompletion(lastGrade, decision.decision);
}

/**
 * Completion of a student evaluated against an individual education plan (TT27 Điều 8): the
 * principal decides, on the homeroom teacher's evaluation of the plan, with no supplementary
 * evaluation in between.
 */
export function individualPlanCompletion(input: StudentYearInput): Completion {
  const lastGrade = input.grade === 5;
  const programme = lastGrade ? strings.primaryProgramme : strings.gradeProgramme;
  const decision = input.principalDecision;
  if (!decision)
    return {
      status: 'pending',
      nextStep: 'principalDecision',
      label: strings.awaitingPlanDecision(programme),
    };
  return decidedCompletion(lastGrade, decision.decision);
}
