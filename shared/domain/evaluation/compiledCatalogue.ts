import type { Grade } from '../grade';
import { grades } from '../grade';
import {
  catalogueSchema,
  type Catalogue,
  type CatalogueSubject,
  type CharacterLevel,
  type PeriodCode,
  type SubjectLevel,
  type YearResultCode,
} from './catalogueSchema';
import { defaultCatalogue } from './defaultCatalogue';
import { evaluationStrings } from './evaluationStrings';

/**
 * One row of evaluation for a grade: a subject, or one part of a subject evaluated in parts
 * (key `tin-hoc-cong-nghe/tin-hoc`). Rows are what get a level, a score and a comment.
 */
export type EvaluatedRow = {
  readonly key: string;
  readonly subject: CatalogueSubject;
  readonly partCode: string | undefined;
  /** "Toán", "Tin học và Công nghệ (Tin học)". */
  readonly label: string;
  /** How a sentence names the row: "môn Toán"; an activity by its own name. */
  readonly phrase: string;
  readonly status: 'compulsory' | 'elective';
  readonly testPeriods: ReadonlySet<PeriodCode>;
};

export type TraitKind = 'quality' | 'competency';

export type EvaluatedTrait = {
  readonly code: string;
  readonly kind: TraitKind;
  readonly competencyKind: 'general' | 'specific' | undefined;
  readonly name: string;
  /** "Phẩm chất Chăm chỉ", "Năng lực Tự chủ và tự học". */
  readonly label: string;
};

/** Everything evaluated in one grade, in summary-table order. */
export type GradePlan = {
  readonly grade: Grade;
  readonly rows: readonly EvaluatedRow[];
  readonly rowsByKey: ReadonlyMap<string, EvaluatedRow>;
  /** Subject code → part code ('' for an undivided subject) → row: no key strings built per lookup. */
  readonly rowsBySubject: ReadonlyMap<string, ReadonlyMap<string, EvaluatedRow>>;
  readonly competencies: readonly EvaluatedTrait[];
  readonly qualities: readonly EvaluatedTrait[];
  readonly traitsByCode: ReadonlyMap<string, EvaluatedTrait>;
};

/** A validated catalogue with lookup tables built once, so classifying a province stays fast. */
export type CompiledCatalogue = {
  readonly catalogue: Catalogue;
  /** The grade's plan; throws RangeError for a number that is not a primary grade. */
  readonly plan: (grade: number) => GradePlan;
  readonly subjectsByCode: ReadonlyMap<string, CatalogueSubject>;
  readonly periodName: (period: PeriodCode) => string;
  readonly periodShortName: (period: PeriodCode) => string;
  readonly subjectLevelName: (level: SubjectLevel) => string;
  readonly characterLevelName: (level: CharacterLevel) => string;
  readonly yearResultName: (result: YearResultCode) => string;
};

/** "môn Toán" for a subject; an activity ("Hoạt động trải nghiệm") is named as it is. */
export function subjectPhrase(kind: CatalogueSubject['kind'], label: string): string {
  return kind === 'activity' ? label : `môn ${label}`;
}

export function rowKeyOf(subjectCode: string, partCode: string | undefined): string {
  return partCode === undefined ? subjectCode : `${subjectCode}/${partCode}`;
}

function rowsFor(catalogue: Catalogue, grade: Grade): EvaluatedRow[] {
  const rows: EvaluatedRow[] = [];
  const ordered = [...catalogue.subjects].sort((a, b) => a.summaryOrder - b.summaryOrder);
  for (const subject of ordered) {
    const entry = subject.grades.find((candidate) => candidate.grade === grade);
    if (!entry) continue;
    const testPeriods = new Set(entry.testPeriods);
    const parts = subject.parts ?? [undefined];
    for (const part of parts) {
      rows.push({
        key: rowKeyOf(subject.code, part?.code),
        subject,
        partCode: part?.code,
        label: part ? `${subject.name} (${part.name})` : subject.name,
        phrase: subjectPhrase(subject.kind, part ? `${subject.name} (${part.name})` : subject.name),
        status: entry.status,
        testPeriods,
      });
    }
  }
  return rows;
}

function groupRowsBySubject(rows: readonly EvaluatedRow[]): Map<string, Map<string, EvaluatedRow>> {
  const bySubject = new Map<string, Map<string, EvaluatedRow>>();
  for (const row of rows) {
    const parts = bySubject.get(row.subject.code) ?? new Map<string, EvaluatedRow>();
    parts.set(row.partCode ?? '', row);
    bySubject.set(row.subject.code, parts);
  }
  return bySubject;
}

function traitsFor(catalogue: Catalogue, grade: Grade) {
  const byOrder = <T extends { order: number }>(items: readonly T[]) =>
    [...items].sort((a, b) => a.order - b.order);
  const qualities: EvaluatedTrait[] = byOrder(catalogue.qualities)
    .filter((trait) => trait.grades.includes(grade))
    .map((trait) => ({
      code: trait.code,
      kind: 'quality',
      competencyKind: undefined,
      name: trait.name,
      label: evaluationStrings.qualityLabel(trait.name),
    }));
  const competencies: EvaluatedTrait[] = byOrder(catalogue.competencies)
    .filter((trait) => trait.grades.includes(grade))
    .map((trait) => ({
      code: trait.code,
      kind: 'competency',
      competencyKind: trait.kind,
      name: trait.name,
      label: evaluationStrings.competencyLabel(trait.name),
    }));
  return { qualities, competencies };
}

function nameLookup<C extends string>(items: readonly { code: C; name: string }[]): (code: C) => string {
  const names = new Map(items.map((item) => [item.code, item.name]));
  return (code) => names.get(code) ?? code;
}

export function compileCatalogue(catalogue: Catalogue): CompiledCatalogue {
  const plans = new Map<Grade, GradePlan>();
  for (const grade of grades) {
    const rows = rowsFor(catalogue, grade);
    const { qualities, competencies } = traitsFor(catalogue, grade);
    plans.set(grade, {
      grade,
      rows,
      rowsByKey: new Map(rows.map((row) => [row.key, row])),
      rowsBySubject: groupRowsBySubject(rows),
      qualities,
      competencies,
      traitsByCode: new Map([...qualities, ...competencies].map((trait) => [trait.code, trait])),
    });
  }
  return {
    catalogue,
    plan: (grade) => {
      const plan = plans.get(grade as Grade);
      if (!plan) throw new RangeError(`grade ${grade} is not a primary grade`);
      return plan;
    },
    subjectsByCode: new Map(catalogue.subjects.map((subject) => [subject.code, subject])),
    periodName: nameLookup(catalogue.periods),
    periodShortName: nameLookup(
      catalogue.periods.map((period) => ({ code: period.code, name: period.shortName })),
    ),
    subjectLevelName: nameLookup(catalogue.subjectLevels),
    characterLevelName: nameLookup(catalogue.characterLevels),
    yearResultName: nameLookup(catalogue.yearResults),
  };
}

let cachedDefault: CompiledCatalogue | undefined;

/** The catalogue shipped with the app, validated and compiled once. */
export function defaultCompiledCatalogue(): CompiledCatalogue {
  cachedDefault ??= compileCatalogue(catalogueSchema.parse(defaultCatalogue));
  return cachedDefault;
}
