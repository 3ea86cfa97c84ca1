import ExcelJS from 'exceljs';
import { classListColumns } from '../../../shared/classList/classListColumns';
import { ethnicityNames } from '../../../shared/domain/ethnicities';
import { notApplicable } from '../../../shared/domain/text';

export const classListTemplateFileName = 'Mau-danh-sach-lop.xlsx';

/** Vietnamese text of the template. */
export const classListTemplateStrings = {
  listSheet: 'Danh sách lớp',
  guideSheet: 'Hướng dẫn',
  guideTitle: 'Hướng dẫn điền danh sách lớp',
  guide: [
    'Mỗi học sinh một dòng, bắt đầu từ dòng 2 của trang "Danh sách lớp". Không đổi tên, không xóa dòng tiêu đề (dòng 1).',
    'Bắt buộc: Họ và tên, Ngày sinh, Giới tính, Mã học sinh. Các cột khác có thể để trống và bổ sung sau.',
    'Ngày sinh ghi theo dạng ngày/tháng/năm, năm đủ 4 chữ số, ví dụ 05/09/2018 hoặc 5/9/2018.',
    'Giới tính ghi Nam hoặc Nữ.',
    'Mã học sinh gồm đúng 10 chữ số, như trên hệ thống của Bộ (ví dụ 0112345678). Cột đã được định dạng Văn bản để Excel giữ số 0 ở đầu; nếu dán từ nơi khác, hãy dán dạng giá trị (Dán đặc biệt > Giá trị).',
    'Mã định danh cá nhân gồm đúng 12 chữ số (ví dụ 001218012345); để trống nếu chưa có.',
    'Dân tộc ghi tên một trong 54 dân tộc Việt Nam (danh sách ở cột bên cạnh), ví dụ Kinh, Tày, Hmông.',
    'Quốc tịch để trống sẽ được ghi là Việt Nam.',
    `Cột nào không áp dụng cho học sinh (ví dụ không có người giám hộ) thì ghi "${notApplicable}".`,
    'Lưu tệp dạng Sổ làm việc Excel (.xlsx) trước khi đọc vào ứng dụng.',
  ],
  ethnicitiesTitle: '54 dân tộc Việt Nam',
  genderPrompt: 'Chọn Nam hoặc Nữ',
  genderError: 'Giới tính chỉ ghi Nam hoặc Nữ.',
  ethnicityWarning: 'Tên dân tộc không có trong danh sách 54 dân tộc (trang "Hướng dẫn").',
} as const;

/** Rows given drop-down lists; a class never comes near it. */
const listRows = 1000;
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

function addGuide(workbook: ExcelJS.Workbook): string {
  const strings = classListTemplateStrings;
  const sheet = workbook.addWorksheet(strings.guideSheet);
  sheet.getColumn(1).width = 100;
  sheet.getColumn(3).width = 24;
  const title = sheet.getCell('A1');
  title.value = strings.guideTitle;
  title.font = { bold: true, size: 14 };
  strings.guide.forEach((line, index) => {
    const cell = sheet.getCell(index + 3, 1);
    cell.value = `${index + 1}. ${line}`;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  const listTitle = sheet.getCell('C1');
  listTitle.value = strings.ethnicitiesTitle;
  listTitle.font = { bold: true };
  ethnicityNames.forEach((name, index) => {
    sheet.getCell(index + 2, 3).value = name;
  });
  return `'${strings.guideSheet}'!$C$2:$C$${ethnicityNames.length + 1}`;
}

/**
 * The empty class list a teacher fills in: the recognised headers in row 1 (frozen, bold), code
 * columns formatted as text so Excel keeps leading zeros, drop-downs for gender and ethnicity,
 * and a second sheet with instructions. No example row: anything under the header is data.
 */
export async function createClassListTemplate(): Promise<Uint8Array> {
  const strings = classListTemplateStrings;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Học bạ số';
  const sheet = workbook.addWorksheet(strings.listSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = classListColumns.map((column) => ({
    header: column.header,
    key: column.field,
    width: column.width,
    ...(column.text === true ? { style: { numFmt: '@' } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = headerFill;
    // The header cells themselves stay general text, whatever the column's format.
    cell.numFmt = 'General';
  });

  const ethnicityRange = addGuide(workbook);
  const columnLetter = (field: string): string => sheet.getColumn(field).letter;
  for (let row = 2; row <= listRows + 1; row += 1) {
    sheet.getCell(`${columnLetter('gender')}${row}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"Nam,Nữ"'],
      showInputMessage: true,
      prompt: strings.genderPrompt,
      showErrorMessage: true,
      error: strings.genderError,
    };
    sheet.getCell(`${columnLetter('ethnicity')}${row}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [ethnicityRange],
      showErrorMessage: true,
      errorStyle: 'warning',
      error: strings.ethnicityWarning,
    };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
