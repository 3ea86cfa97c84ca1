import type { CharacterLevel, SubjectLevel, YearResultCode } from './catalogueSchema';

/** A value that kept the student from the next higher result. */
export type Reason =
  | {
      readonly kind: 'subjectLevel';
      readonly row: string;
      readonly label: string;
      readonly level: SubjectLevel;
      readonly needed: readonly SubjectLevel[];
      readonly message: string;
    }
  | {
      readonly kind: 'traitLevel';
      readonly trait: string;
      readonly label: string;
      readonly level: CharacterLevel;
      readonly needed: readonly CharacterLevel[];
      readonly message: string;
    }
  | {
      readonly kind: 'score';
      readonly row: string;
      readonly label: string;
      readonly score: number;
      readonly minimum: number;
      readonly message: string;
    };

/** A value that must be entered (or corrected) before the year's result can be computed. */
export type MissingValue = {
  /** `grade` and `completionStep` mark inputs that contradict themselves rather than a missing value. */
  readonly kind: 'subjectLevel' | 'score' | 'traitLevel' | 'grade' | 'completionStep';
  /** Row key (`toan`, `tin-hoc-cong-nghe/tin-hoc`), trait code, or `grade` / `completion`. */
  readonly key: string;
  readonly label: string;
  readonly period: 'CN';
  readonly reason: 'missing' | 'invalid' | 'duplicate';
  readonly message: string;
};

/** Award proposals (TT27 Điều 13): the principal awards; "Tiêu biểu" needs the teacher's confirmation. */
export type AwardProposal =
  | { readonly award: 'excellent'; readonly title: string; readonly requiresConfirmation: false }
  | {
      readonly award: 'exemplary';
      readonly title: string;
      readonly requiresConfirmation: true;
      /** What makes the student a candidate: outstanding subjects, progress in qualities or competencies. */
      readonly evidence: readonly string[];
    };

/** Hoàn thành chương trình lớp học / tiểu học, and the steps for a student who did not (TT27 Điều 11). */
export type Completion =
  | {
      readonly status: 'completed';
      readonly via: 'yearResult' | 'supplementaryEvaluation';
      readonly label: string;
    }
  | {
      readonly status: 'pending';
      readonly nextStep: 'supplementaryEvaluation' | 'principalDecision';
      readonly label: string;
    }
  | {
      readonly status: 'decided';
      readonly decision: 'promoted' | 'retained';
      readonly label: string;
    };

export type YearOutcome =
  | {
      readonly status: 'computed';
      readonly id?: string;
      readonly result: YearResultCode;
      readonly resultName: string;
      /** Empty at the top result; otherwise the values that kept the student from the next one. */
      readonly reasons: readonly Reason[];
      readonly explanation: string;
      readonly awards: readonly AwardProposal[];
      readonly completion: Completion;
    }
  | {
      /**
       * A student with disabilities evaluated against their individual education plan (kế hoạch
       * giáo dục cá nhân, TT27 Điều 8): no standard level is computed, nothing is "missing"; the
       * principal decides completion on the homeroom teacher's evaluation of the plan.
       */
      readonly status: 'individualPlan';
      readonly id?: string;
      readonly resultName: string;
      readonly explanation: string;
      readonly completion: Completion;
    }
  | {
      readonly status: 'incomplete';
      readonly id?: string;
      /** Never empty: what to enter or correct, in catalogue order. */
      readonly missing: readonly MissingValue[];
    };
