import { compareVietnameseNames } from '../domain/personName';
import type { ClassListPreview } from './classListPreview';

const sttPattern = /^\d{1,4}$/;

/**
 * The STT each importable row keeps in the class (số thứ tự), by the row's number in the file:
 * the file's own STT column when every importable row has a distinct whole number there, as the
 * school numbered its list; otherwise the rows' order in the file, 1, 2, 3 … A class list is the
 * school's order, never re-sorted by given name.
 */
export function listNumbersOf(preview: ClassListPreview): ReadonlyMap<number, number> {
  const rows = preview.rows.filter((row) => row.student !== undefined);
  const given = rows.map((row) => row.cells.rowNumberInList?.trim() ?? '');
  const numbers = given.map((text) => (sttPattern.test(text) ? Number(text) : 0));
  const usable = numbers.every((value) => value >= 1) && new Set(numbers).size === numbers.length;
  return new Map(
    rows.map((row, index) => [row.rowNumber, usable ? (numbers[index] ?? index + 1) : index + 1]),
  );
}

/** Roster order: by STT where the class list gave one, students without one after, by name. */
export function compareRosterOrder(
  a: { readonly listNumber: number | null; readonly fullName: string },
  b: { readonly listNumber: number | null; readonly fullName: string },
): number {
  if (a.listNumber !== b.listNumber) {
    if (a.listNumber === null) return 1;
    if (b.listNumber === null) return -1;
    return a.listNumber - b.listNumber;
  }
  return compareVietnameseNames(a.fullName, b.fullName);
}
