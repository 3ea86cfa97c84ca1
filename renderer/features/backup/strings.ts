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
