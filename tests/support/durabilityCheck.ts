import { auditedDocument, chainProblems, valueAt } from './auditedValues';
import type { ShownRow, StoredState } from './gradebookState';
import { cellKey, gradebookColumns, type GradebookColumn } from './gradebookTypist';

/** Text as the grid compares it: Unicode NFC, no surrounding spaces. */
const normal = (text: string) => text.normalize('NFC').trim();

/** A stored leaf as the grid shows it: nothing entered is empty. */
function asShown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** What happened to the cells of one grade book across one kill. */
export type CycleReport = {
  /** Cells given a value in this cycle and shown saved (value, no aria-busy) at the kill. */
  readonly shownSaved: number;
  /** Cells shown unsaved at the kill (aria-busy, or editor open). */
  readonly shownUnsaved: number;
  /** Of those, stored with the value on screen anyway (its save committed before the kill). */
  readonly unsavedButStored: number;
  /** Cells shown saved whose value is not what the database holds after reopening. */
  readonly lost: readonly string[];
  /** Cells whose stored value has no audit event that set it. */
  readonly withoutEvent: readonly string[];
  /** Cells shown unsaved that came back with a value they never had. */
  readonly corrupt: readonly string[];
  /** The grid after reopening against the database read raw. */
  readonly screenDiffers: readonly string[];
  readonly chainProblems: readonly string[];
  /** Audit events in the database after reopening. */
  readonly events: number;
};

export type CycleInput = {
  readonly period: string;
  /** Each cell's stored value before this cycle (from the previous reopening). */
  readonly before: ReadonlyMap<string, string>;
  /** Values sent to each cell in this cycle, in order. */
  readonly given: ReadonlyMap<string, readonly string[]>;
  /** The grid right before the kill. */
  readonly atKill: readonly ShownRow[];
  /** The grid after reopening (every save settled). */
  readonly reopened: readonly ShownRow[];
  /** The database after reopening, read raw. */
  readonly stored: StoredState;
};

function cellAt(rows: readonly ShownRow[], row: number, column: number) {
  const cell = rows[row]?.cells[column];
  if (!cell) throw new Error(`the grid has no cell ${row}:${column}`);
  return cell;
}

/**
 * Judges one kill: every cell shown saved at the kill must come back with that value, held by the
 * database and set by an audit event, and the audit chain must verify; a cell shown unsaved may
 * come back with its value before the cycle or any value sent to it, nothing else.
 */
export function judgeCycle(input: CycleInput): { report: CycleReport; after: Map<string, string> } {
  const { stored } = input;
  const studentsByName = new Map<string, string[]>();
  for (const person of stored.people)
    studentsByName.set(person.fullName, [...(studentsByName.get(person.fullName) ?? []), person.id]);
  const resultByStudent = new Map(stored.results.map((result) => [result.studentId, result]));
  const lost: string[] = [];
  const withoutEvent: string[] = [];
  const corrupt: string[] = [];
  const screenDiffers: string[] = [];
  const after = new Map<string, string>();
  let shownSaved = 0;
  let shownUnsaved = 0;
  let unsavedButStored = 0;

  input.reopened.forEach((row, rowIndex) => {
    const ids = studentsByName.get(row.name) ?? [];
    const [studentId] = ids;
    if (studentId === undefined || ids.length > 1)
      throw new Error(`grid row ${rowIndex} (${row.name}) matches ${ids.length} students of the class`);
    const result = resultByStudent.get(studentId);
    const audited = result ? auditedDocument(stored.events, 'subjectResults', result.id) : undefined;
    gradebookColumns.forEach((column: GradebookColumn, columnIndex) => {
      const key = cellKey(rowIndex, column);
      const now = normal(cellAt(input.reopened, rowIndex, columnIndex).text);
      const held = normal(asShown(valueAt(result, `${input.period}.${column}`)));
      const told = normal(asShown(valueAt(audited, `${input.period}.${column}`)));
      after.set(key, held);
      if (now !== held) screenDiffers.push(`${key}: screen "${now}", database "${held}"`);
      if (told !== held) withoutEvent.push(`${key}: database "${held}", audit history "${told}"`);

      const atKill = cellAt(input.atKill, rowIndex, columnIndex);
      const sent = input.given.get(key) ?? [];
      const previous = input.before.get(key) ?? '';
      if (atKill.busy || atKill.editing) {
        shownUnsaved += 1;
        const allowed = new Set([previous, ...sent].map(normal));
        if (!allowed.has(held))
          corrupt.push(`${key}: came back "${held}", had "${previous}", was sent ${JSON.stringify(sent)}`);
        if (held === normal(atKill.text) && held !== normal(previous)) unsavedButStored += 1;
        return;
      }
      if (sent.length > 0) shownSaved += 1;
      const shown = normal(atKill.text);
      if (shown !== held)
        lost.push(
          `${key}: shown saved "${shown}" at the kill, stored "${held}" after (before the cycle "${previous}", sent ${JSON.stringify(sent)})`,
        );
    });
  });

  return {
    report: {
      shownSaved,
      shownUnsaved,
      unsavedButStored,
      lost,
      withoutEvent,
      corrupt,
      screenDiffers,
      chainProblems: chainProblems(stored.events).map(
        (problem) => `${problem.kind} at ${problem.seq}: ${problem.message}`,
      ),
      events: stored.events.length,
    },
    after,
  };
}

/** Everything a run of kills of one kind found. */
export type KillTally = {
  cycles: number;
  /** Cell values sent (a typed level, a score entered, each cell of a paste, a Delete). */
  edits: number;
  shownSaved: number;
  shownUnsaved: number;
  unsavedButStored: number;
  readonly lost: string[];
  readonly withoutEvent: string[];
  readonly corrupt: string[];
  readonly screenDiffers: string[];
  readonly chainProblems: string[];
  /** The database held fewer audit events after a kill than before it. */
  readonly eventsShrank: string[];
  /** Errors of the pages the app was opened in again. */
  readonly pageProblems: string[];
  milliseconds: number;
};

export const emptyTally = (): KillTally => ({
  cycles: 0,
  edits: 0,
  shownSaved: 0,
  shownUnsaved: 0,
  unsavedButStored: 0,
  lost: [],
  withoutEvent: [],
  corrupt: [],
  screenDiffers: [],
  chainProblems: [],
  eventsShrank: [],
  pageProblems: [],
  milliseconds: 0,
});

/** Adds one cycle's report, each finding prefixed with the cycle's number. */
export function addCycle(tally: KillTally, report: CycleReport, edits: number, milliseconds: number): void {
  tally.cycles += 1;
  const at = (line: string) => `cycle ${tally.cycles}: ${line}`;
  tally.edits += edits;
  tally.shownSaved += report.shownSaved;
  tally.shownUnsaved += report.shownUnsaved;
  tally.unsavedButStored += report.unsavedButStored;
  tally.lost.push(...report.lost.map(at));
  tally.withoutEvent.push(...report.withoutEvent.map(at));
  tally.corrupt.push(...report.corrupt.map(at));
  tally.screenDiffers.push(...report.screenDiffers.map(at));
  tally.chainProblems.push(...report.chainProblems.map(at));
  tally.milliseconds += milliseconds;
}

/** One line for the log. */
export function tallyLine(what: string, tally: KillTally): string {
  const perCycle = tally.cycles === 0 ? 0 : Math.round(tally.milliseconds / tally.cycles);
  return (
    `${what}: ${tally.cycles} cycles, ${tally.edits} cell values sent; at the kills ${tally.shownSaved} ` +
    `edited cells shown saved, ${tally.shownUnsaved} shown unsaved (${tally.unsavedButStored} of these ` +
    `stored all the same); edits lost ${tally.lost.length}, without their audit event ` +
    `${tally.withoutEvent.length}, audit chain problems ${tally.chainProblems.length}; ${perCycle} ms a cycle`
  );
}
