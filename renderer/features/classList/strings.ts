/** The class-list import's Vietnamese strings. */
export const classListStrings = {
  title: (className: string) => `Nhập danh sách lớp ${className} từ Excel`,
  intro:
    'Chọn tệp Excel (.xlsx) có một dòng cho mỗi học sinh. Chưa có gì được ghi cho đến khi bạn bấm nút Nhập; chỉ các dòng hợp lệ được nhập.',
  chooseFile: 'Chọn tệp Excel',
  downloadTemplate: 'Tải tệp mẫu',
  templateFailed: (message: string) => `Chưa tải được tệp mẫu: ${message}`,
  close: 'Đóng',
  reading: (fileName: string) => `Đang đọc tệp ${fileName}…`,
  notXlsx: 'Hãy chọn tệp Excel dạng .xlsx (Excel 2007 trở lên). Tệp .xls cũ cần lưu lại dưới dạng .xlsx.',
  tooLarge: (megabytes: number) => `Tệp lớn quá ${megabytes} MB. Danh sách một lớp thường chỉ vài chục KB.`,
  readFailed: (message: string) => `Chưa đọc được tệp: ${message}`,
  fileSummary: (fileName: string, sheetName: string) => `Tệp ${fileName}, trang tính “${sheetName}”`,
  counts: (valid: number, invalid: number) => `${valid} dòng hợp lệ, ${invalid} dòng có lỗi.`,
  ignoredHeaders: (headers: string) => `Các cột không dùng đến (bỏ qua): ${headers}.`,
  missingRequired: (fields: string) =>
    `Tệp thiếu cột bắt buộc: ${fields}. Hãy thêm các cột này (xem tệp mẫu) rồi chọn lại tệp.`,
  noRows: 'Tệp không có dòng học sinh nào dưới dòng tiêu đề.',
  invalidOnly: 'Chỉ hiện các dòng có lỗi',
  tableCaption: 'Xem trước danh sách lớp: lỗi ghi ngay dưới ô cần sửa',
  rowColumn: 'Dòng',
  statusColumn: 'Tình trạng',
  listNumberColumn: 'STT trong lớp',
  listNumberTitle:
    'Số thứ tự học sinh sẽ có trong lớp: theo cột STT của tệp, hoặc theo thứ tự các dòng khi tệp không đánh số đủ.',
  rowValid: 'Hợp lệ',
  rowInvalid: (count: number) => `${count} lỗi`,
  problem: (rowNumber: number, message: string) => `Dòng ${rowNumber}: ${message}`,
  importButton: (count: number) => `Nhập ${count} học sinh hợp lệ`,
  importing: 'Đang nhập…',
  importProgressLabel: 'Tiến độ nhập danh sách lớp',
  importProgress: (written: number, total: number) =>
    `Đã lưu ${written.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')} học sinh`,
  fixHint: 'Sửa các dòng có lỗi trong Excel rồi chọn lại tệp để nhập nốt.',
  unexpected: 'Lỗi không mong muốn khi ghi vào máy. Hãy thử lại.',
} as const;
