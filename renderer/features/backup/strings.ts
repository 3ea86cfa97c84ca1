/** Sao lưu's Vietnamese strings. */
export const backupScreenStrings = {
  title: 'Sao lưu dữ liệu',
  intro:
    'Toàn bộ dữ liệu của bạn trên máy này (kết quả đánh giá, hồ sơ, lịch sử thay đổi, ảnh, học bạ đã ký) chỉ nằm trên máy. Máy hỏng hay hồ sơ trình duyệt bị xóa là mất cả năm học. Hãy sao lưu mỗi tuần và chép tệp sao lưu sang USB hoặc ổ đĩa khác.',
  passphrase: 'Cụm mật khẩu bảo vệ bản sao lưu',
  passphraseAgain: 'Nhập lại cụm mật khẩu',
  passphraseHint:
    'Ít nhất 10 ký tự, nên là một câu (ví dụ: "Lớp 3A năm nay có 35 em"). Không có cụm mật khẩu thì không ai mở được bản sao lưu, kể cả nhà trường: hãy ghi lại và cất ở nơi an toàn.',
  tooShort: 'Cụm mật khẩu cần ít nhất 10 ký tự.',
  notSame: 'Hai lần nhập cụm mật khẩu không giống nhau.',
  create: 'Tạo bản sao lưu',
  preparing: 'Đang chuẩn bị dữ liệu…',
  sending: (sent: number, total: number) => `Đang gửi dữ liệu (${String(sent)}/${String(total)})…`,
  sealing: 'Đang mã hóa và ghi tệp sao lưu…',
  created: (fileName: string, size: string, documents: number, events: number, files: number) =>
    `Đã sao lưu vào tệp ${fileName} (${size}): ${documents.toLocaleString('vi-VN')} bản ghi, ${events.toLocaleString('vi-VN')} sự kiện lịch sử, ${files.toLocaleString('vi-VN')} tệp (ảnh, học bạ, định danh máy).`,
  whereKept: (folder: string) =>
    `Tệp nằm trong thư mục ${folder}. Hãy chép sang USB hoặc ổ đĩa khác: bản sao lưu nằm trên cùng máy không cứu được dữ liệu khi máy hỏng.`,
  listHeading: 'Các bản sao lưu trên máy này',
  none: 'Chưa có bản sao lưu nào.',
  columns: { createdAt: 'Thời điểm', file: 'Tệp', size: 'Dung lượng', check: 'Kiểm tra' },
  verify: 'Kiểm tra',
  verifyLabel: (fileName: string) => `Cụm mật khẩu của ${fileName}`,
  verifying: 'Đang kiểm tra…',
  verified: (documents: number, events: number, files: number) =>
    `Bản sao lưu nguyên vẹn: mọi phần đều khớp mã kiểm tra, lịch sử thay đổi nối khớp (${documents.toLocaleString('vi-VN')} bản ghi, ${events.toLocaleString('vi-VN')} sự kiện, ${files.toLocaleString('vi-VN')} tệp).`,
  unexpected: 'Lỗi không mong muốn khi sao lưu. Hãy thử lại.',
  reminder: (days: number | undefined) =>
    days === undefined
      ? 'Dữ liệu trên máy này chưa từng được sao lưu.'
      : `Lần sao lưu gần nhất đã cách đây ${String(days)} ngày.`,
  reminderAction: 'Sao lưu ngay',
} as const;

/** "1,2 MB" */
export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024)
    return `${(bytes / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 0 })} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

/** The records a backup holds, its history events apart (they are counted on their own). */
export function documentsIn(summary: { readonly documents: Readonly<Record<string, number>> }): number {
  return Object.entries(summary.documents).reduce(
    (sum, [name, count]) => (name === 'auditEvents' ? sum : sum + count),
    0,
  );
}

/** Khôi phục's Vietnamese strings (the restore from the sign-in screen). */
export const restoreScreenStrings = {
  open: 'Khôi phục từ bản sao lưu…',
  openHint: 'Máy mới cài hoặc dữ liệu trên máy bị mất: khôi phục từ tệp sao lưu (.hocbak).',
  title: 'Khôi phục dữ liệu từ bản sao lưu',
  intro:
    'Chọn tệp sao lưu (đuôi .hocbak, thường được chép trên USB) và nhập cụm mật khẩu đã đặt khi sao lưu. Ứng dụng kiểm tra toàn bộ tệp trước khi khôi phục: tệp bị hỏng hoặc bị sửa dù chỉ một byte sẽ không được khôi phục.',
  pickFile: 'Chọn tệp sao lưu',
  pickFileLabel: 'Tệp sao lưu (.hocbak)',
  noFile: 'Chưa chọn tệp.',
  chosen: (name: string, size: string) => `Đã chọn: ${name} (${size})`,
  notBackupName: 'Tệp này không có đuôi .hocbak. Hãy chọn tệp sao lưu do Học bạ số tạo.',
  passphrase: 'Cụm mật khẩu của bản sao lưu',
  check: 'Kiểm tra bản sao lưu',
  sending: (sent: number, total: number) => `Đang đọc tệp sao lưu (${String(sent)}/${String(total)})…`,
  checking: 'Đang kiểm tra từng phần của bản sao lưu…',
  checked: (school: string, createdAt: string, documents: number, events: number, files: number) =>
    `Bản sao lưu nguyên vẹn: ${school}, tạo lúc ${createdAt}; ${documents.toLocaleString('vi-VN')} bản ghi, ${events.toLocaleString('vi-VN')} sự kiện lịch sử, ${files.toLocaleString('vi-VN')} tệp.`,
  restore: 'Khôi phục vào máy này',
  restoringFiles: 'Đang khôi phục ảnh và học bạ đã ký…',
  reading: (part: number, parts: number) => `Đang đọc dữ liệu (${String(part)}/${String(parts)})…`,
  saving: 'Đang ghi dữ liệu vào máy…',
  restored: (documents: number, fileName: string) =>
    `Đã khôi phục ${documents.toLocaleString('vi-VN')} bản ghi. Lịch sử thay đổi được giữ nguyên và được máy ghi nhận; tệp sao lưu được giữ trong thư mục sao lưu của máy (${fileName}).`,
  openApp: 'Vào làm việc',
  back: 'Quay lại đăng nhập',
  notEmpty:
    'Máy này đã có dữ liệu của trường trong bản sao lưu nên không khôi phục đè lên được. Hãy khôi phục vào một máy mới cài, hoặc hỏi cán bộ phụ trách công nghệ thông tin.',
  damaged: 'Dữ liệu trong bản sao lưu không đọc được. Hãy dùng một bản sao lưu khác.',
  noPrincipal:
    'Bản sao lưu không có hiệu trưởng đang làm việc nên không biết mở dữ liệu dưới tên ai. Hãy dùng một bản sao lưu khác.',
  failed: 'Khôi phục không thành công; máy không giữ lại phần dữ liệu dở dang. Hãy thử lại.',
} as const;
