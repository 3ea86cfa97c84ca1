import { parseVietnameseDate } from '../../../shared/domain/dates';
import type { StudentId } from '../../../shared/domain/ids';
import type {
  NewClass,
  RollOverChoice,
  RollOverClass,
  StudentPlan,
} from '../../../shared/rollOver/rollOverTypes';
import { setupStrings } from './strings';

const strings = setupStrings.rollOver;

/** What the principal picked for a student, as typed (the date as written, dd/mm/yyyy). */
export type RollOverDraft =
  | { readonly kind: 'class'; readonly className: string }
  | { readonly kind: 'transferred' | 'left'; readonly dateText: string; readonly detail: string };

/** The drafts as the planner takes them: a date that is not a real one stays empty. */
export function choicesOf(drafts: ReadonlyMap<StudentId, RollOverDraft>): Map<StudentId, RollOverChoice> {
  const choices = new Map<StudentId, RollOverChoice>();
  for (const [studentId, draft] of drafts) {
    if (draft.kind === 'class') {
      choices.set(studentId, draft);
      continue;
    }
    const date = parseVietnameseDate(draft.dateText) ?? '';
    choices.set(
      studentId,
      draft.kind === 'transferred'
        ? { kind: 'transferred', date, destination: draft.detail }
        : { kind: 'left', date, reason: draft.detail },
    );
  }
  return choices;
}

export type DestinationOption = {
  readonly value: string;
  readonly label: string;
  readonly disabled?: boolean;
};

export const undecidedValue = 'undecided';
export const classValue = (name: string) => `class:${name}`;

/** The select's value: what the principal picked, else the plan's proposal. */
export function valueOf(student: StudentPlan, draft: RollOverDraft | undefined): string {
  if (draft) return draft.kind === 'class' ? classValue(draft.className) : draft.kind;
  const { destination } = student;
  if (destination.kind === 'promoted' || destination.kind === 'retained')
    return classValue(destination.className);
  return destination.kind;
}

/**
 * Where a student may go, by the year's outcome: a class of the next grade after completing it
 * (or primary school finished in grade 5), a class of the same grade when retained; transfer and
 * leave always. Nothing to choose beyond those until the year is settled on Tổng hợp.
 */
export function destinationOptions(
  student: StudentPlan,
  nextClasses: readonly (RollOverClass | NewClass)[],
  newNames: ReadonlySet<string>,
): DestinationOption[] {
  const label = (name: string) => (newNames.has(name) ? strings.newClassMark(name) : name);
  const classes = (grade: number, wording: (name: string) => string) =>
    nextClasses
      .filter((schoolClass) => schoolClass.grade === grade)
      .map((schoolClass) => ({
        value: classValue(schoolClass.name),
        label: wording(label(schoolClass.name)),
      }));
  const options: DestinationOption[] = [];
  if (student.standing === 'completed' && student.grade >= 5)
    options.push({ value: 'finishedPrimary', label: strings.kinds.finishedPrimary });
  else if (student.standing === 'completed') options.push(...classes(student.grade + 1, strings.promoteTo));
  else if (student.standing === 'retained') options.push(...classes(student.grade, strings.stayIn));
  const settled = student.standing === 'completed' || student.standing === 'retained';
  if (!settled || student.destination.kind === 'undecided')
    options.unshift({ value: undecidedValue, label: `— ${strings.kinds.undecided} —` });
  options.push(
    { value: 'transferred', label: strings.kinds.transferred },
    { value: 'left', label: strings.kinds.left },
  );
  return options;
}
