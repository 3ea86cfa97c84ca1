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
  unknownRegion: (known: string) => `Vùng không hợp lệ. Chọn một trong: ${known}.`,
} as const;
