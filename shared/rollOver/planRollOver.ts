import { compareRosterOrder } from '../classList/listNumbers';
import type { YearOutcome } from '../domain/evaluation/yearResultTypes';
import { isoDateSchema } from '../domain/student';
import { cleanText } from '../domain/text';
import type {
  Destination,
  DestinationKind,
  NewClass,
  RollOverChoice,
  RollOverClass,
  RollOverInput,
  RollOverPlan,
  RollOverStudent,
  Standing,
  StudentPlan,
} from './rollOverTypes';

const lastGrade = 5;
const classOrder = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });
const nameKey = (name: string) => cleanText(name).toLocaleUpperCase('vi');

/**
 * Where the year leaves a student (TT27 Điều 11): a confirmed result that completes the grade
 * programme (directly, after the supplementary evaluation, or by the principal's decision — the
 * only path for a student on an individual education plan, Điều 8) moves them up; the principal's
 * "chưa được lên lớp" keeps them in the grade. Anything not confirmed is not settled.
 */
export function standingOf(
  year: { readonly outcome: YearOutcome; readonly confirmed: boolean } | undefined,
): Standing {
  if (!year) return 'noResult';
  const { outcome } = year;
  if (outcome.status === 'incomplete') return 'incomplete';
  const { completion } = outcome;
  // A step still to take says more than a missing confirmation: name it first.
  if (completion.status === 'pending')
    return completion.nextStep === 'supplementaryEvaluation' ? 'awaitingSupplementary' : 'awaitingDecision';
  if (!year.confirmed) return 'notConfirmed';
  if (completion.status === 'completed') return 'completed';
  return completion.decision === 'promoted' ? 'completed' : 'retained';
}

/** "3A" in grade 4 is "4A": the same letters after the grade; undefined when the name has no grade. */
export function classNameInGrade(name: string, fromGrade: number, toGrade: number): string | undefined {
  const clean = cleanText(name);
  const prefix = String(fromGrade);
  if (!clean.startsWith(prefix) || /^\d/.test(clean.slice(prefix.length))) return undefined;
  return `${toGrade}${clean.slice(prefix.length)}`;
}

/** Next year's classes by name (letter case aside), and the new ones the plan proposes. */
function classBook(nextClasses: readonly RollOverClass[]) {
  const existing = new Map(nextClasses.map((schoolClass) => [nameKey(schoolClass.name), schoolClass]));
  const proposed = new Map<string, NewClass>();
  return {
    /** The class next year has under this name, or a new one proposed for it. */
    propose(grade: number, name: string): string {
      const found = existing.get(nameKey(name));
      if (found?.grade === grade) return found.name;
      const key = nameKey(name);
      if (!proposed.has(key)) proposed.set(key, { grade, name: cleanText(name) });
      return cleanText(name);
    },
    find(name: string): NewClass | undefined {
      return existing.get(nameKey(name)) ?? proposed.get(nameKey(name));
    },
    /** The proposed classes some student goes into, in class order. */
    newClassesUsed(destinations: readonly Destination[]): NewClass[] {
      const used = new Set(
        destinations.flatMap((destination) =>
          destination.kind === 'promoted' || destination.kind === 'retained'
            ? [nameKey(destination.className)]
            : [],
        ),
      );
      return [...proposed]
        .filter(([key]) => used.has(key) && !existing.has(key))
        .map(([, schoolClass]) => schoolClass)
        .sort((a, b) => a.grade - b.grade || classOrder.compare(a.name, b.name));
    },
  };
}

function proposalFor(
  standing: Standing,
  fromClass: RollOverClass,
  book: ReturnType<typeof classBook>,
): Destination {
  if (standing !== 'completed' && standing !== 'retained') return { kind: 'undecided', reason: standing };
  if (standing === 'completed' && fromClass.grade >= lastGrade) return { kind: 'finishedPrimary' };
  const toGrade = standing === 'completed' ? fromClass.grade + 1 : fromClass.grade;
  const name = classNameInGrade(fromClass.name, fromClass.grade, toGrade);
  if (name === undefined) return { kind: 'undecided', reason: 'noClassProposed' };
  const className = book.propose(toGrade, name);
  return standing === 'completed' ? { kind: 'promoted', className } : { kind: 'retained', className };
}

function choiceFor(
  choice: RollOverChoice,
  standing: Standing,
  fromClass: RollOverClass,
  book: ReturnType<typeof classBook>,
): Destination {
  if (choice.kind !== 'class') {
    const detail = cleanText(choice.kind === 'transferred' ? choice.destination : choice.reason);
    if (!isoDateSchema.safeParse(choice.date).success || detail === '')
      return { kind: 'undecided', reason: 'departureIncomplete' };
    return choice.kind === 'transferred'
      ? { kind: 'transferred', date: choice.date, destination: detail }
      : { kind: 'left', date: choice.date, reason: detail };
  }
  // A class follows the year's outcome: the principal settles the outcome first, on Tổng hợp.
  if (standing !== 'completed' && standing !== 'retained') return { kind: 'undecided', reason: standing };
  const target = book.find(choice.className);
  if (!target) return { kind: 'undecided', reason: 'unknownClass' };
  if (standing === 'completed' && fromClass.grade < lastGrade && target.grade === fromClass.grade + 1)
    return { kind: 'promoted', className: target.name };
  if (standing === 'retained' && target.grade === fromClass.grade)
    return { kind: 'retained', className: target.name };
  return { kind: 'undecided', reason: 'choiceNotAllowed' };
}

const noCounts: Record<DestinationKind, number> = {
  promoted: 0,
  retained: 0,
  finishedPrimary: 0,
  transferred: 0,
  left: 0,
  undecided: 0,
};

/**
 * The year roll-over (TT27 Điều 11), student by student: who moves up into which class of next
 * year, who stays in the grade, who finishes primary school, who transferred or left, and who
 * cannot move until the principal settles their year. A class goes to the next grade's class with
 * the same letters ("3A" → "4A"), a retained student to next year's class of the same name; a
 * class next year does not have yet is proposed as new. The principal's choices replace the
 * proposals where they fit the year's outcome. Pure: the same input gives the same plan.
 */
export function planRollOver(input: RollOverInput): RollOverPlan {
  const book = classBook(input.nextClasses);
  const classes = [...input.classes].sort((a, b) => a.grade - b.grade || classOrder.compare(a.name, b.name));
  const byClass = new Map<string, RollOverStudent[]>();
  for (const student of input.students)
    byClass.set(student.classId, [...(byClass.get(student.classId) ?? []), student]);
  // Every proposal first, so a choice may name a new class that a later class's proposal adds.
  const proposed = classes.flatMap((fromClass) =>
    [...(byClass.get(fromClass.id) ?? [])].sort(compareRosterOrder).map((student) => {
      const standing = standingOf(student.year);
      return { student, fromClass, standing, proposal: proposalFor(standing, fromClass, book) };
    }),
  );
  const students: StudentPlan[] = proposed.map(({ student, fromClass, standing, proposal }) => {
    const choice = input.choices?.get(student.id);
    return {
      studentId: student.id,
      fullName: student.fullName,
      listNumber: student.listNumber,
      fromClassId: fromClass.id,
      fromClassName: fromClass.name,
      grade: fromClass.grade,
      standing,
      destination: choice ? choiceFor(choice, standing, fromClass, book) : proposal,
      chosen: choice !== undefined,
    };
  });
  const counts = { ...noCounts };
  for (const student of students) counts[student.destination.kind] += 1;
  return {
    students,
    newClasses: book.newClassesUsed(students.map((student) => student.destination)),
    counts,
  };
}
