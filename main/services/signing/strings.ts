/** Vietnamese messages of the record signing service (conventions.md: one strings module per area). */
export const recordSigningStrings = {
  notARecord:
    'Tệp này không phải học bạ do phần mềm Học bạ số tạo ra (thiếu thông tin học bạ); không ký được.',
  draft:
    'Học bạ này vẫn là bản nháp (có dấu "BẢN NHÁP"), không được ký. Hãy khóa sổ và tạo lại tệp học bạ chính thức rồi ký.',
  noSignatureBox:
    'Tệp học bạ không ghi vị trí ô chữ ký (tệp được tạo bởi phiên bản cũ). Hãy tạo lại tệp học bạ rồi ký.',
  alreadySigned: (role: string) => `Học bạ đã có chữ ký của ${role}; không ký lại.`,
  notNamed:
    'Tệp học bạ không ghi người ký ở các ô ký (tệp được tạo bởi phiên bản cũ). Hãy lập lại học bạ rồi ký.',
  verificationFailed: (detail: string) =>
    `Chữ ký vừa tạo không qua được bước kiểm tra nên tệp không bị thay đổi: ${detail}`,
  noCertificate:
    'Không tìm thấy chứng thư số có khóa bí mật trên token. Hãy cắm đúng token chứa chứng thư số của bạn.',
  certificateNotOnToken: (keyIdHex: string) =>
    `Không tìm thấy chứng thư số có mã khóa ${keyIdHex} trên token (hoặc chứng thư không có khóa bí mật).`,
  severalCertificates: (choices: string) =>
    `Token có nhiều chứng thư số dùng để ký được; hãy chọn một bằng mã khóa: ${choices}`,
  unsupportedKey:
    'Chứng thư số này dùng loại khóa chưa được hỗ trợ; học bạ chỉ ký được bằng khóa RSA hoặc ECDSA. Hãy chọn chứng thư khác trên token.',
  batchCancelled: (done: number, total: number) =>
    `Đã dừng theo yêu cầu sau ${done}/${total} học bạ. Chạy lại để ký tiếp: học bạ đã ký sẽ được bỏ qua.`,
  batchStopped: (done: number, total: number, reason: string) =>
    `Đã dừng ký sau ${done}/${total} học bạ: ${reason} Các học bạ đã ký vẫn nguyên vẹn, các học bạ chưa ký không bị thay đổi; khi sẵn sàng, hãy đăng nhập lại và chạy lại để ký tiếp (học bạ đã ký sẽ được bỏ qua).`,
} as const;
