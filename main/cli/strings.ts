/** Messages of the `hocba` command line (Vietnamese, for province IT and school staff). */
export const cliStrings = {
  usage: 'Cách dùng: hocba <lệnh> [tùy chọn]',
  commandsHeading: 'Các lệnh:',
  helpHint: 'Xem hướng dẫn từng lệnh: hocba <lệnh> --help',
  unknownCommand: (name: string) => `Không có lệnh "${name}".`,
  usageErrorHint: (name: string) => `Xem cách dùng: hocba ${name} --help`,
  unexpectedError: 'Lỗi không mong muốn. Hãy thử lại; nếu vẫn lỗi, gửi tệp nhật ký cho bộ phận hỗ trợ.',
  seedDone: (school: string, students: number, classes: number, out: string) =>
    `Đã tạo ${school}: ${students} học sinh, ${classes} lớp → ${out}`,
  badInteger: (flag: string) => `--${flag} phải là số nguyên.`,
  outOfRange: (flag: string, min: number, max: number) => `--${flag} phải từ ${min} đến ${max}.`,
  badSchoolYear: 'Năm học phải có dạng 2025-2026.',
  badCatalogue: 'Danh mục không hợp lệ:',
  notJson: (detail: string) => `Dữ liệu vào không phải JSON hợp lệ: ${detail}`,
  notArray: 'Dữ liệu vào phải là một mảng JSON các học sinh-năm học ([{...}, {...}]).',
  badItems: (count: number) => `Dữ liệu vào có ${count} lỗi; không xếp loại học sinh nào:`,
  itemProblem: (position: number, id: string | undefined, path: string, message: string) =>
    `  Mục ${position}${id === undefined ? '' : ` (id ${id})`}, trường ${path}: ${message}`,
  lineProblem: (line: number, path: string, message: string) => `  Dòng ${line}, trường ${path}: ${message}`,
  stdinTooLarge: (megabytes: number) =>
    `Dữ liệu vào lớn hơn ${megabytes} MB, quá lớn để đọc một lần. Với dữ liệu cả tỉnh, hãy dùng --ndjson (mỗi dòng một học sinh).`,
  cannotWrite: (code: string) =>
    `Không ghi được kết quả ra đầu ra (${code}): kiểm tra chỗ trống trên ổ đĩa hoặc nơi nhận kết quả.`,
  ndjsonDone: (classified: number, invalid: number, seconds: string) =>
    `Đã xếp loại ${classified} học sinh trong ${seconds} giây${invalid > 0 ? `; ${invalid} dòng có lỗi (xem các dòng "invalid" ở kết quả)` : ''}.`,
  moreProblems: (count: number) => `  … và ${count} lỗi khác.`,
  classified: (count: number, seconds: string) => `Đã xếp loại ${count} học sinh trong ${seconds} giây.`,
  unknownRegion: (known: string) => `Vùng không hợp lệ. Chọn một trong: ${known}.`,
  renderNeedsFiles: 'Cần cả --record (tệp dữ liệu học bạ) và --out (tệp PDF cần tạo).',
  badRecord: 'Tệp dữ liệu học bạ không hợp lệ; chưa tạo tệp PDF nào:',
  renderDone: (fullName: string, draft: boolean, out: string) =>
    `Đã tạo học bạ${draft ? ' (bản nháp, không ký được)' : ''} của ${fullName} → ${out}`,
} as const;
