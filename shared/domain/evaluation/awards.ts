import type { CharacterLevel, PeriodCode, YearResultCode } from './catalogueSchema';
import type { CompiledCatalogue } from './compiledCatalogue';
import type { YearValues } from './computeYearResult';
import { evaluationStrings as strings } from './evaluationStrings';
import type { StudentYearInput } from './studentYearInput';
import type { AwardProposal } from './yearResultTypes';

const traitRank: Record<CharacterLevel, number> = { C: 0, Đ: 1, T: 2 };
const earlierPeriods: readonly PeriodCode[] = ['GK1', 'CK1', 'GK2'];

/** Qualities and competencies that rose during the year: the lowest earlier level below the CN level. */
function traitProgress(compiled: CompiledCatalogue, input: StudentYearInput, values: YearValues): string[] {
  const evidence: string[] = [];
  for (const { trait, level } of values.traits) {
    const entries =
      trait.kind === 'quality'
        ? input.qualities.filter((entry) => entry.quality === trait.code)
        : input.competencies.filter((entry) => entry.competency === trait.code);
    let lowest: { level: CharacterLevel; period: PeriodCode } | undefined;
    for (const period of earlierPeriods) {
      const earlier = entries.find((entry) => entry.period === period)?.level;
      if (earlier && (!lowest || traitRank[earlier] < traitRank[lowest.level]))
        lowest = { level: earlier, period };
    }
    if (lowest && traitRank[lowest.level] < traitRank[level]) {
      evidence.push(
        strings.traitProgress(
          trait.label,
          compiled.characterLevelName(lowest.level),
          compiled.periodShortName(lowest.period),
          compiled.characterLevelName(level),
          compiled.periodShortName('CN'),
        ),
      );
    }
  }
  return evidence;
}

/**
 * Award proposals (TT27 Điều 13 khoản 1): "Học sinh Xuất sắc" for the top result;
 * "Học sinh Tiêu biểu" candidates among HTT students with outstanding results in a subject or
 * clear progress in a quality or competency. The class's recognition is the teacher's to confirm.
 */
export function proposeAwards(
  compiled: CompiledCatalogue,
  input: StudentYearInput,
  result: YearResultCode,
  values: YearValues,
): AwardProposal[] {
  const rules = compiled.catalogue.awards;
  if (result === rules.excellentFor)
    return [{ award: 'excellent', title: strings.excellentAward, requiresConfirmation: false }];
  if (result !== rules.exemplaryCandidatesFrom) return [];
  const outstanding = values.subjects
    .filter(({ score }) => score !== undefined && score >= rules.outstandingScore)
    .map(({ row, score }) =>
      strings.outstandingSubject(row.phrase, compiled.periodShortName('CN'), score ?? 0),
    );
  const evidence = [...outstanding, ...traitProgress(compiled, input, values)];
  return evidence.length === 0
    ? []
    : [{ award: 'exemplary', title: strings.exemplaryAward, requiresConfirmation: true, evidence }];
}
