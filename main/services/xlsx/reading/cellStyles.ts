import { xlsxHostileReasons, xlsxPartNames } from './readClassListStrings';
import type { PartHandler, XlsxPackage } from './xlsxPackage';
import type { XlsxLimits } from './xlsxLimits';
import { refuseHostile } from './xlsxRefusal';

/** The number format a cell's style index (`s`) gives it; undefined for General. */
export type NumberFormatOf = (styleIndex: number) => string | undefined;

/** Excel's built-in number formats that have a fixed code (as exceljs knows them). */
const builtInFormats: ReadonlyMap<number, string> = new Map([
  [1, '0'],
  [2, '0.00'],
  [3, '#,##0'],
  [4, '#,##0.00'],
  [9, '0%'],
  [10, '0.00%'],
  [11, '0.00E+00'],
  [12, '# ?/?'],
  [13, '# ??/??'],
  [14, 'mm-dd-yy'],
  [15, 'd-mmm-yy'],
  [16, 'd-mmm'],
  [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'],
  [21, 'h:mm:ss'],
  [22, 'm/d/yy "h":mm'],
  [37, '#,##0 ;(#,##0)'],
  [38, '#,##0 ;[Red](#,##0)'],
  [39, '#,##0.00 ;(#,##0.00)'],
  [40, '#,##0.00 ;[Red](#,##0.00)'],
  [45, 'mm:ss'],
  [46, '[h]:mm:ss'],
  [47, 'mmss.0'],
  [48, '##0.0E+0'],
  [49, '@'],
]);

function integer(text: string | undefined): number {
  const value = Number.parseInt(text ?? '', 10);
  return Number.isSafeInteger(value) ? value : 0;
}

/**
 * Reads the cell formats (`cellXfs`) and custom number formats of styles.xml, nothing else, with
 * Excel's own limits on their numbers. Style 0 and format 0 are General, as exceljs reads them.
 */
export async function readNumberFormats(
  pkg: XlsxPackage,
  path: string | undefined,
  limits: XlsxLimits,
): Promise<NumberFormatOf> {
  const general: NumberFormatOf = () => undefined;
  if (path === undefined || !pkg.has(path)) return general;
  const custom = new Map<number, string>();
  const cellFormats: number[] = [];
  let inCellFormats = false;
  const tooMany = () => refuseHostile(xlsxHostileReasons.tooManyStyles(limits.maxCellStyles));
  const handler: PartHandler = {
    wantsText: () => false,
    text: () => undefined,
    close: (name) => {
      if (name === 'cellXfs') inCellFormats = false;
    },
    open: (name, tag) => {
      if (name === 'cellXfs') inCellFormats = true;
      else if (name === 'xf' && inCellFormats) {
        if (cellFormats.length >= limits.maxCellStyles) tooMany();
        cellFormats.push(integer(tag.attr('numFmtId')));
      } else if (name === 'numFmt') {
        if (custom.size >= limits.maxNumberFormats) tooMany();
        // exceljs drops the backslash of escaped characters (`\-` → `-`).
        const code = (tag.attr('formatCode') ?? '').replace(/\\(.)/g, '$1');
        custom.set(integer(tag.attr('numFmtId')), code);
      }
    },
  };
  await pkg.scan(
    { path, label: xlsxPartNames.styles, maxBytes: limits.maxStylesXmlBytes, maxElements: 1_000_000 },
    handler,
  );
  return (styleIndex) => {
    if (styleIndex <= 0) return undefined;
    const formatId = cellFormats[styleIndex];
    if (formatId === undefined || formatId === 0) return undefined;
    return custom.get(formatId) ?? builtInFormats.get(formatId);
  };
}
