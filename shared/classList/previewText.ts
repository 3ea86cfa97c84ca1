import { formatDate } from '../domain/dates';
import { classListColumns, type ClassListField } from './classListColumns';
import type { ClassListPreview, ClassListPreviewRow } from './classListPreview';

/**
 * What the preview shows in a cell: for a row that will be imported, the value exactly as it will
 * be stored (the ethnicity's canonical name, a name with Đ corrected, "Việt Nam" filled in), so
 * the teacher never sees one spelling and gets another; for a refused row, the cell as read, so
 * it can be found in the spreadsheet.
 */
export function previewCellText(row: ClassListPreviewRow, field: ClassListField): string {
  const { student } = row;
  if (!student || field === 'rowNumberInList') return row.cells[field] ?? '';
  switch (field) {
    case 'birthDate':
      return formatDate(student.birthDate);
    case 'gender':
      return student.gender === 'female' ? 'Nữ' : 'Nam';
    default:
      return student[field];
  }
}

const headerOf = (field: ClassListField): string =>
  classListColumns.find((column) => column.field === field)?.header ?? field;

/**
 * One sentence saying why nothing can be imported, or undefined when some rows can: a missing
 * required column, or the column whose problems stop the most rows.
 */
export function nothingImportableReason(preview: ClassListPreview): string | undefined {
  if (preview.validCount > 0 || preview.rows.length === 0) return undefined;
  if (preview.missingRequired.length > 0)
    return `Không nhập được dòng nào vì tệp thiếu cột ${preview.missingRequired.map(headerOf).join(', ')}: hãy thêm cột (xem tệp mẫu) rồi chọn lại tệp.`;
  const rowsByField = new Map<ClassListField, number>();
  for (const row of preview.rows) {
    for (const field of new Set(row.problems.map((problem) => problem.field)))
      rowsByField.set(field, (rowsByField.get(field) ?? 0) + 1);
  }
  const [field, count] = [...rowsByField].sort((a, b) => b[1] - a[1])[0] ?? ['fullName', 0];
  const total = preview.rows.length;
  const scope = count === total ? `cả ${total} dòng` : `${count}/${total} dòng`;
  return `Không nhập được dòng nào: mọi dòng đều có lỗi, nhiều nhất ở cột ${headerOf(field)} (${scope}); sửa trong Excel theo lỗi ghi dưới từng ô rồi chọn lại tệp.`;
}
