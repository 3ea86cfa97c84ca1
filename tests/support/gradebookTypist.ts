import type { Page } from 'playwright-core';
import { pasteThenShown, type ShownRow } from './gradebookState';

/** A small seeded random source (mulberry32), so a failing run's edits can be replayed. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (from: number, to: number): number => from + Math.floor(next() * (to - from + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return { next, int, pick };
}
export type Random = ReturnType<typeof seededRandom>;

/** The grade book's columns in a test period: level, score, comment. */
export const gradebookColumns = ['level', 'score', 'comment'] as const;
export type GradebookColumn = (typeof gradebookColumns)[number];

/** `row:column`, e.g. `4:score`. */
export const cellKey = (row: number, column: GradebookColumn) => `${row}:${column}`;

const levels = ['T', 'H', 'C'] as const;
const comments = [
  'Em tiếp thu bài nhanh',
  'Em cần luyện thêm phép chia',
  'Em làm bài cẩn thận, trình bày sạch đẹp',
  'Em tích cực phát biểu xây dựng bài',
  'Em cần chú ý hơn khi đặt tính',
] as const;

/**
 * Types and pastes into a grade book the way a teacher would, at random: runs of levels typed
 * down the level column, a score typed and entered, blocks of levels, scores and comments pasted
 * as tab-separated text (as Excel puts them on the clipboard), a cell cleared with Delete. Every
 * value sent to a cell is recorded in `given`, in order. `stop()` makes it finish the key it is
 * on (a score's digits and Enter, or one paste, count as one) and return.
 */
export function gradebookTypist(page: Page, rows: number, random: Random) {
  const given = new Map<string, string[]>();
  let stopped = false;
  let edits = 0;
  let comment = 0;
  const give = (row: number, column: GradebookColumn, text: string) => {
    const key = cellKey(row, column);
    given.set(key, [...(given.get(key) ?? []), text]);
    edits += 1;
  };
  const cell = (row: number, column: number) =>
    page.getByRole('grid').locator('tbody tr').nth(row).locator('[role="gridcell"]').nth(column);
  const valueFor = (column: GradebookColumn): string => {
    if (column === 'level') return random.pick(levels);
    if (column === 'score') return String(random.int(0, 10));
    comment += 1;
    return `${random.pick(comments)} (${comment})`;
  };

  const typeLevels = async () => {
    const count = random.int(1, 6);
    const top = random.int(0, rows - count);
    await cell(top, 0).click();
    for (let index = 0; index < count && !stopped; index += 1) {
      const level = random.pick(levels);
      await page.keyboard.press(level);
      give(top + index, 'level', level);
    }
  };
  const typeScore = async () => {
    const row = random.int(0, rows - 1);
    const score = valueFor('score');
    await cell(row, 1).click();
    await page.keyboard.type(score);
    await page.keyboard.press('Enter');
    give(row, 'score', score);
  };
  const paste = async () => {
    const height = random.int(1, Math.min(5, rows));
    const top = random.int(0, rows - height);
    const left = random.int(0, gradebookColumns.length - 1);
    const columns = gradebookColumns.slice(left, left + random.int(1, gradebookColumns.length - left));
    const block = Array.from({ length: height }, () => columns.map(valueFor));
    await cell(top, left).click();
    await page.evaluate(
      (text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document.activeElement?.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true }),
        );
      },
      `${block.map((values) => values.join('\t')).join('\r\n')}\r\n`,
    );
    block.forEach((values, index) =>
      values.forEach((text, offset) => {
        const column = columns[offset];
        if (column) give(top + index, column, text);
      }),
    );
  };
  const clear = async () => {
    const row = random.int(0, rows - 1);
    const column = random.int(0, gradebookColumns.length - 1);
    await cell(row, column).click();
    await page.keyboard.press('Delete');
    const key = gradebookColumns[column];
    if (key) give(row, key, '');
  };

  let running: Promise<void> | undefined;
  let failure: { readonly error: unknown } | undefined;
  return {
    given,
    get edits() {
      return edits;
    },
    /** Starts typing and pasting until `stop`. */
    start(): void {
      running = (async () => {
        while (!stopped) {
          const draw = random.next();
          if (draw < 0.45) await typeLevels();
          else if (draw < 0.65) await typeScore();
          else if (draw < 0.92) await paste();
          else await clear();
        }
      })().catch((error: unknown) => {
        // Kept for `stop`, which the test awaits: never an unhandled rejection.
        failure = { error };
      });
    },
    /** Stops after the key or paste under way; resolves once no input is in flight. */
    async stop(): Promise<void> {
      stopped = true;
      await running;
      if (failure) throw failure.error;
    },
    /**
     * Stops, then pastes a last block at the active cell and reads the grade book `waitMs` later,
     * in the page: the moment a kill that follows lands on, with that paste's save in flight.
     */
    async stopWithPaste(waitMs: number): Promise<ShownRow[]> {
      await this.stop();
      const values = Array.from({ length: random.int(1, 4) }, () => gradebookColumns.map(valueFor));
      const { pasted, rows: shown } = await pasteThenShown(page, { values, waitMs });
      pasted?.values.forEach((line, index) =>
        line.forEach((text, offset) => {
          const column = gradebookColumns[pasted.column + offset];
          if (column) give(pasted.row + index, column, text);
        }),
      );
      return shown;
    },
  };
}
