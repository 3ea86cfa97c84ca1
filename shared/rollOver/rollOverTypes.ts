import type { YearOutcome } from '../domain/evaluation/yearResultTypes';
import type { ClassId, StudentId } from '../domain/ids';

/** A class as the roll-over needs it: this year's or next year's. */
export type RollOverClass = {
  readonly id: ClassId;
  readonly grade: number;
  readonly name: string;
};

/** A student of this year's classes, with the year's outcome as the engine computes it. */
export type RollOverStudent = {
  readonly id: StudentId;
  readonly fullName: string;
  readonly classId: ClassId;
  readonly listNumber: number | null;
  /**
   * The engine's outcome and whether the homeroom teacher confirmed it with the values it was
   * computed from; absent when the student has no results this year.
   */
  readonly year?: { readonly outcome: YearOutcome; readonly confirmed: boolean };
};

/** Chuyển trường (to which school) or thôi học (why), with the date (ISO `yyyy-mm-dd`). */
export type Departure =
  | { readonly kind: 'transferred'; readonly date: string; readonly destination: string }
  | { readonly kind: 'left'; readonly date: string; readonly reason: string };

/** What the principal chose for one student instead of the proposal. */
export type RollOverChoice = { readonly kind: 'class'; readonly className: string } | Departure;

/**
 * Where the year leaves a student (TT27 Điều 11): completed the grade programme, or retained by
 * the principal's decision; or not settled yet, and why.
 */
export type Standing =
  | 'completed'
  | 'retained'
  | 'noResult'
  | 'incomplete'
  | 'notConfirmed'
  | 'awaitingSupplementary'
  | 'awaitingDecision';

/** Why a student cannot be moved yet: the principal must settle it, nothing is guessed. */
export type UndecidedReason =
  | Exclude<Standing, 'completed' | 'retained'>
  /** The class name does not say its grade ("Hoa Mai"), so no class can be proposed. */
  | 'noClassProposed'
  /** A chosen class that does not fit the year's outcome (lên lớp for a retained student, …). */
  | 'choiceNotAllowed'
  /** A chosen class that next year does not have. */
  | 'unknownClass'
  /** A transfer or leave without a real date, or without the school or the reason. */
  | 'departureIncomplete';

export type Destination =
  /** Lên lớp: into a class of the next grade. */
  | { readonly kind: 'promoted'; readonly className: string }
  /** Ở lại lớp: into a class of the same grade. */
  | { readonly kind: 'retained'; readonly className: string }
  /** Hoàn thành chương trình tiểu học: grade 5 completed, the student leaves the school. */
  | { readonly kind: 'finishedPrimary' }
  | Departure
  | { readonly kind: 'undecided'; readonly reason: UndecidedReason };

export type DestinationKind = Destination['kind'];

export type StudentPlan = {
  readonly studentId: StudentId;
  readonly fullName: string;
  readonly listNumber: number | null;
  readonly fromClassId: ClassId;
  readonly fromClassName: string;
  readonly grade: number;
  readonly standing: Standing;
  readonly destination: Destination;
  /** Whether the destination is the principal's choice rather than the proposal. */
  readonly chosen: boolean;
};

/** A class next year does not have yet, which the plan sends students into. */
export type NewClass = { readonly grade: number; readonly name: string };

export type RollOverPlan = {
  /** By this year's class (in class order), then in roster order. */
  readonly students: readonly StudentPlan[];
  readonly newClasses: readonly NewClass[];
  readonly counts: Readonly<Record<DestinationKind, number>>;
};

export type RollOverInput = {
  readonly classes: readonly RollOverClass[];
  readonly nextClasses: readonly RollOverClass[];
  readonly students: readonly RollOverStudent[];
  readonly choices?: ReadonlyMap<StudentId, RollOverChoice>;
};
