import { cleanText, searchKeyOf } from '../domain/text';
import { classListColumns, type ClassListField } from './classListColumns';
import type { RawTable } from './rawTable';

/** How a row of header cells maps onto the class-list fields. */
export type HeaderMatch = {
  /** Which column (0-based) each recognised field comes from; the first of duplicates wins. */
  readonly columns: Readonly<Partial<Record<ClassListField, number>>>;
  /** Non-empty headers that matched no field, or a field already taken by an earlier column. */
  readonly ignoredHeaders: readonly string[];
  /** Required fields with no column, in template order. */
  readonly missingRequired: readonly ClassListField[];
  /** How many distinct fields were recognised (used to tell a header row from a title). */
  readonly recognisedCount: number;
};

/** A header row is one with at least this many recognised fields; a title matches at most one. */
export const minimumHeaderMatches = 2;
/** Header rows are looked for in the first rows only: titles, school name, class name above it. */
export const headerSearchRows = 10;

/**
 * The comparable form of a header: NFC, no diacritics (đ → d), lower case, without anything in
 * parentheses ("(dd/mm/yyyy)", "(*)") or punctuation, single spaces.
 */
export function normalizeHeader(text: string): string {
  return searchKeyOf(text)
    .replace(/\([^)]*\)?/g, ' ')
    .replace(/\[[^\]]*\]?/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const fieldByHeader: ReadonlyMap<string, ClassListField> = new Map(
  classListColumns.flatMap((column) =>
    [column.header, ...column.aliases].map((spelling) => [normalizeHeader(spelling), column.field] as const),
  ),
);

/** The field a header cell names, if any. */
export function fieldForHeader(text: string): ClassListField | undefined {
  return fieldByHeader.get(normalizeHeader(text));
}

/** Maps header cells to fields. */
export function matchHeaders(headers: readonly string[]): HeaderMatch {
  const columns: Partial<Record<ClassListField, number>> = {};
  const ignoredHeaders: string[] = [];
  headers.forEach((header, index) => {
    const shown = cleanText(header);
    if (shown === '') return;
    const field = fieldForHeader(shown);
    if (field === undefined || columns[field] !== undefined) {
      ignoredHeaders.push(shown);
      return;
    }
    columns[field] = index;
  });
  const missingRequired = classListColumns
    .filter((column) => column.required && columns[column.field] === undefined)
    .map((column) => column.field);
  return { columns, ignoredHeaders, missingRequired, recognisedCount: Object.keys(columns).length };
}

/** Whether a row of cells looks like the class list's header row. */
export function isHeaderRow(cells: readonly string[]): boolean {
  return matchHeaders(cells).recognisedCount >= minimumHeaderMatches;
}

/** A table whose header row has been located: the header cells and the data rows below them. */
export type LocatedTable = {
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly rows: RawTable['rows'];
  readonly match: HeaderMatch;
};

/**
 * Finds the header row. The reader in main already puts the header row first when it can tell;
 * when it cannot (or the table came from elsewhere) the header row may be one of the first rows
 * under a title ("DANH SÁCH HỌC SINH LỚP 3A"), so the first rows are searched too. When no row
 * looks like a header, the table's own header row is kept and the missing fields are reported.
 */
export function locateHeader(table: RawTable): LocatedTable {
  const own = matchHeaders(table.headers);
  if (own.recognisedCount >= minimumHeaderMatches) {
    return { headerRow: table.headerRow, headers: table.headers, rows: table.rows, match: own };
  }
  const searched = table.rows.slice(0, headerSearchRows);
  for (const [index, row] of searched.entries()) {
    const match = matchHeaders(row.cells);
    if (match.recognisedCount >= minimumHeaderMatches) {
      return { headerRow: row.rowNumber, headers: row.cells, rows: table.rows.slice(index + 1), match };
    }
  }
  return { headerRow: table.headerRow, headers: table.headers, rows: table.rows, match: own };
}
