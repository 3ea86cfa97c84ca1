import type { StudentIdentity } from '../domain/student';
import type { ClassListField } from './classListColumns';

/** One problem in one cell of an imported row, in words a teacher acts on. */
export type ClassListProblem = { readonly field: ClassListField; readonly message: string };

export type ClassListPreviewRow = {
  readonly rowNumber: number;
  /** The row as it will be written (NFC, trimmed, dates ISO, ethnicity canonical) when valid. */
  readonly student: StudentIdentity | undefined;
  /** The cells as read, for showing an invalid row. */
  readonly cells: Readonly<Partial<Record<ClassListField, string>>>;
  readonly problems: readonly ClassListProblem[];
  /** What was corrected on the way in (a look-alike letter in a name): shown, not refused. */
  readonly notices: readonly ClassListProblem[];
};

/** What the teacher sees before anything is written. */
export type ClassListPreview = {
  readonly sheetName: string;
  /** Which spreadsheet column (0-based) each recognised field came from. */
  readonly columns: Readonly<Partial<Record<ClassListField, number>>>;
  /** Headers that matched no field (ignored, shown so nothing is dropped silently). */
  readonly ignoredHeaders: readonly string[];
  /** Required fields with no column at all: nothing can be imported until the file has them. */
  readonly missingRequired: readonly ClassListField[];
  readonly rows: readonly ClassListPreviewRow[];
  readonly validCount: number;
  readonly invalidCount: number;
};

/** What the class-list rules need to know beyond the file. */
export type ClassListContext = {
  /** Student codes already in the school, with the class they are in, to refuse duplicates. */
  readonly existingStudentCodes: ReadonlyMap<string, string>;
  readonly existingPersonalIds: ReadonlyMap<string, string>;
  /** The school year the list is for (`2025-2026`), to check ages. */
  readonly schoolYear: string;
  /** The class's grade, to check ages against it. */
  readonly grade: number;
};
