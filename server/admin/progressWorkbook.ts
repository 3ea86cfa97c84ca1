import ExcelJS from 'exceljs';
import { percentOf } from '../../shared/sync/schoolProgress';
import type { SchoolProgressLine } from '../services/provinceProgressService';
import { adminPageStrings as t } from '../strings';
import { measureLabels, progressMeasures, provinceTimeOf } from './progressHtml';

/**
 * The province's progress as an Excel workbook (.xlsx): one row per school, each measure as done,
 * of and per cent, the way a province officer forwards it to the Department's leaders.
 */
export async function progressWorkbook(lines: readonly SchoolProgressLine[], now: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Học bạ số';
  workbook.created = now;
  const sheet = workbook.addWorksheet(t.sheetName, { views: [{ state: 'frozen', xSplit: 2, ySplit: 4 }] });
  const fixed = [t.code, t.name, t.district, t.schoolYear, t.lastSync, t.devices, t.classes, t.students];
  sheet.addRow([t.sheetTitle]).font = { bold: true, size: 14 };
  sheet.addRow([t.madeAt(provinceTimeOf(now))]);
  // Two header rows: the measure above, done / of / % below.
  const top = sheet.addRow([...fixed, ...measureLabels.flatMap((label) => [label, '', '']), t.recordsPartly]);
  const sub = sheet.addRow([
    ...fixed.map(() => ''),
    ...measureLabels.flatMap(() => [t.done, t.of, t.percent]),
    '',
  ]);
  for (const row of [top, sub]) {
    row.font = { bold: true };
    row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  }
  fixed.forEach((_, index) => sheet.mergeCells(3, index + 1, 4, index + 1));
  measureLabels.forEach((_, index) => {
    const first = fixed.length + 1 + index * 3;
    sheet.mergeCells(3, first, 3, first + 2);
  });
  const partlyColumn = fixed.length + measureLabels.length * 3 + 1;
  sheet.mergeCells(3, partlyColumn, 4, partlyColumn);
  for (const { school, sync, progress } of lines) {
    sheet.addRow([
      school.code,
      school.name,
      school.district,
      progress.schoolYear ?? '',
      sync.lastChangeAt === null ? t.neverSynced : provinceTimeOf(sync.lastChangeAt),
      sync.devices,
      progress.classes,
      progress.students,
      ...progressMeasures(progress).flatMap(({ value }) => [
        value.done,
        value.of,
        value.of === 0 ? null : percentOf(value),
      ]),
      progress.recordsPartlySigned,
    ]);
  }
  sheet.getColumn(2).width = 36;
  sheet.getColumn(3).width = 18;
  sheet.getColumn(5).width = 18;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
