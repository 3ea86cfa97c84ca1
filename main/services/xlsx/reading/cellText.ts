import type { NumberFormatOf } from './cellStyles';
import type { RawCell } from './sheetScan';

export type CellText = { readonly text: string; readonly numeric: boolean };

/** Plain decimal text for a number, never an exponent: 1e21 → "1000000000000000000000". */
export function plainNumber(value: number): string {
  const text = String(value);
  if (!text.includes('e')) return text;
  if (Number.isInteger(value)) return BigInt(value).toString();
  const match = /e-(\d+)$/.exec(text);
  const mantissaDecimals = (/\.(\d+)e/.exec(text)?.[1] ?? '').length;
  return value.toFixed(Math.min(100, Number(match?.[1] ?? 0) + mantissaDecimals));
}

/**
 * A number the cell displays with a zero-padded format ("0000000000", as schools do to show a
 * student code's leading zero) is read the way it is shown.
 */
function numberText(value: number, numFmt: string | undefined): string {
  const text = plainNumber(value);
  if (numFmt !== undefined && /^0+$/.test(numFmt) && /^\d+$/.test(text))
    return text.padStart(numFmt.length, '0');
  return text;
}

/** A date or time format: date letters outside quoted text and `[…]` sections (exceljs's test). */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (numFmt === undefined || numFmt === '') return false;
  const bare = numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

const millisecondsPerDay = 24 * 3600 * 1000;

/**
 * The calendar date of an Excel serial date (days since 1899-12-30, or since 1904-01-01), its
 * wall-clock time rounded to the second as exceljs did; undefined when it is no real date.
 */
function serialDate(serial: number, date1904: boolean): string | undefined {
  const milliseconds = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * millisecondsPerDay);
  const rounded = new Date(Math.round(milliseconds / 1000) * 1000);
  return Number.isNaN(rounded.getTime()) ? undefined : rounded.toISOString().slice(0, 10);
}

export type CellContext = {
  readonly sharedStrings: ReadonlyMap<number, string>;
  readonly numberFormatOf: NumberFormatOf;
  readonly date1904: boolean;
};

/** A stored cell as the text the class-list rules read. */
export function cellText(cell: RawCell, context: CellContext): CellText {
  switch (cell.kind) {
    case 'shared':
      return { text: context.sharedStrings.get(cell.index) ?? '', numeric: false };
    case 'text':
    case 'error':
    case 'isoDate':
      return { text: cell.text, numeric: false };
    case 'boolean':
      return { text: cell.value ? 'TRUE' : 'FALSE', numeric: false };
    case 'number': {
      const numFmt = context.numberFormatOf(cell.style);
      if (isDateFormat(numFmt)) {
        const date = serialDate(cell.value, context.date1904);
        if (date !== undefined) return { text: date, numeric: false };
      }
      return { text: numberText(cell.value, numFmt), numeric: true };
    }
  }
}
