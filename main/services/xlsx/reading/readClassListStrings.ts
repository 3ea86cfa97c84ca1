/** Vietnamese messages for a class-list file that cannot be read. */
const copyToNewFile = 'Hãy mở tệp bằng Excel, chép danh sách lớp sang một tệp mới và lưu lại.';

function count(value: number): string {
  return value.toLocaleString('vi-VN');
}

function megabytes(bytes: number): string {
  return count(Math.round(bytes / (1024 * 1024)));
}

/** What a part of the file is, in words a teacher reads in the reasons below. */
export const xlsxPartNames = {
  sheet: (name: string) => `trang tính «${name}»`,
  sharedStrings: 'bảng chữ dùng chung của tệp (sharedStrings.xml)',
  styles: 'bảng định dạng ô (styles.xml)',
  workbook: 'danh mục trang tính (workbook.xml)',
  relationships: 'bảng liên kết giữa các phần của tệp (.rels)',
} as const;

/** Why a file is refused as too big or built to harm: the clause after the colon. */
export const xlsxHostileReasons = {
  partTooLarge: (part: string, limitBytes: number) =>
    `${part} khi giải nén lớn hơn ${megabytes(limitBytes)} MB`,
  totalTooLarge: (limitBytes: number) => `toàn bộ dữ liệu khi giải nén lớn hơn ${megabytes(limitBytes)} MB`,
  sizeMismatch: (part: string) =>
    `kích thước ghi trong tệp nén của ${part} không khớp với dữ liệu thật bên trong`,
  tooManyEntries: (limit: number) => `tệp nén có hơn ${count(limit)} phần`,
  tooManySheets: (limit: number) => `sổ làm việc có hơn ${count(limit)} trang tính`,
  tooManyCells: (part: string, limit: number) => `${part} có hơn ${count(limit)} ô`,
  tooManyValues: (part: string, limit: number) => `${part} có hơn ${count(limit)} ô có dữ liệu`,
  tooManyElements: (part: string, limit: number) => `${part} có hơn ${count(limit)} thẻ XML`,
  totalTooManyElements: (limit: number) => `toàn bộ tệp có hơn ${count(limit)} thẻ XML`,
  tooManySharedStrings: (limit: number) => `bảng chữ dùng chung có hơn ${count(limit)} chuỗi`,
  tooManyStyles: (limit: number) => `bảng định dạng có hơn ${count(limit)} kiểu ô hoặc kiểu số`,
  tooManyMerges: (part: string, limit: number) => `${part} có hơn ${count(limit)} vùng gộp ô`,
  mergesOverlap: (part: string) => `${part} có các vùng gộp ô chồng lên nhau quá nhiều lần`,
  tooManyRelationships: (limit: number) => `bảng liên kết có hơn ${count(limit)} mục`,
  tooDeep: (part: string, limit: number) => `${part} có cấu trúc XML lồng sâu hơn ${count(limit)} cấp`,
  tokenTooLong: (part: string, limitBytes: number) =>
    `${part} có một thẻ XML dài hơn ${count(Math.round(limitBytes / 1024))} KB`,
  doctype: (part: string) => `${part} có khai báo DOCTYPE, điều Excel không bao giờ ghi`,
  cellTooLong: (part: string, limit: number) =>
    `${part} có ô dài hơn ${count(limit)} ký tự (giới hạn của chính Excel)`,
  tooMuchText: (limit: number) => `tổng số chữ trong danh sách nhiều hơn ${count(limit)} ký tự`,
  cellOutOfRange: (part: string) =>
    `${part} có ô nằm ngoài giới hạn của Excel (quá cột XFD hoặc quá dòng 1.048.576)`,
} as const;

/** Why a file is refused as damaged: the clause after the colon. */
export const xlsxDamageReasons = {
  zipStructure: 'cấu trúc tệp nén (ZIP) không đúng',
  encrypted: 'một phần của tệp nén được mã hóa',
  compression: 'tệp dùng kiểu nén mà Excel không dùng',
  truncated: (part: string) => `${part} bị cắt cụt hoặc dữ liệu nén bị lỗi`,
  xml: (part: string) => `${part} không phải XML hợp lệ`,
  cellReference: (part: string) => `${part} có địa chỉ ô không hợp lệ`,
  missingString: 'một ô trỏ tới chuỗi không có trong bảng chữ dùng chung',
  missingPart: (part: string) => `thiếu ${part}`,
} as const;

export const readClassListStrings = {
  oldExcel:
    'Tệp này là định dạng Excel cũ (.xls) hoặc có đặt mật khẩu. Hãy mở tệp bằng Excel, bỏ mật khẩu nếu có, rồi chọn Lưu thành… > Sổ làm việc Excel (.xlsx) và chọn lại tệp.',
  notXlsx:
    'Không đọc được tệp: đây không phải tệp Excel .xlsx (có thể là tệp .csv hoặc .xls được đổi tên). Hãy mở tệp bằng Excel, chọn Lưu thành… > Sổ làm việc Excel (.xlsx) và chọn lại tệp.',
  empty: 'Tệp Excel không có dữ liệu: không có trang tính nào đang hiện có chứa danh sách học sinh.',
  tooManyRows: (limit: number) =>
    `Tệp có hơn ${count(limit)} dòng dữ liệu. Một danh sách lớp không dài như vậy: hãy kiểm tra lại tệp hoặc tách thành nhiều tệp.`,
  hostile: (reason: string) => `Tệp Excel này quá lớn hoặc bị hỏng có chủ đích: ${reason}. ${copyToNewFile}`,
  damaged: (reason: string) => `Tệp Excel bị hỏng, không đọc được: ${reason}. ${copyToNewFile}`,
} as const;
