/** What backups say to the user (Vietnamese), each naming what to do. */
export const backupStrings = {
  notABackup: 'Tệp này không phải bản sao lưu của Học bạ số. Hãy chọn tệp có đuôi .hocbak.',
  newerFormat:
    'Bản sao lưu này được tạo bằng phiên bản mới hơn của Học bạ số. Hãy cập nhật ứng dụng rồi thử lại.',
  wrongPassphraseOrDamaged:
    'Không mở được bản sao lưu: cụm mật khẩu không đúng, hoặc tệp đã bị hỏng hay bị sửa. Hãy nhập lại cụm mật khẩu; nếu vẫn lỗi, hãy dùng một bản sao lưu khác.',
  truncated:
    'Bản sao lưu bị thiếu phần cuối (tệp chưa chép xong hoặc bị cắt). Hãy dùng một bản sao lưu khác.',
  damaged: 'Bản sao lưu bị hỏng hoặc đã bị sửa. Hãy dùng một bản sao lưu khác.',
  manifestMismatch: (path: string) =>
    `Nội dung "${path}" trong bản sao lưu không khớp với danh mục kiểm tra: tệp đã bị sửa. Hãy dùng một bản sao lưu khác.`,
  auditBroken: (count: number) =>
    `Lịch sử thay đổi trong bản sao lưu có ${String(count)} chỗ không nối khớp. Không khôi phục bản này; hãy dùng một bản sao lưu khác.`,
  passphraseTooShort: (minimum: number) =>
    `Cụm mật khẩu cần ít nhất ${String(minimum)} ký tự. Hãy dùng một câu dễ nhớ với bạn nhưng khó đoán với người khác.`,
  notEmpty:
    'Máy này đã có dữ liệu nên không khôi phục đè lên được. Khôi phục vào một máy mới cài, hoặc hỏi cán bộ phụ trách công nghệ thông tin.',
  restoreExpired: 'Phiên khôi phục đã kết thúc trước khi đọc xong dữ liệu. Hãy khôi phục lại từ đầu.',
  tooLarge: 'Bản sao lưu có một phần lớn bất thường nên không được mở. Hãy dùng một bản sao lưu khác.',
} as const;
