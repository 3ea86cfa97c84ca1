import type { SignerRole } from '../domain/signerRole';

/** User-facing Vietnamese strings for signing and verification (conventions.md: one module per area). */
export const roleLabels: Readonly<Record<SignerRole, string>> = {
  homeroomTeacher: 'Giáo viên chủ nhiệm',
  principal: 'Hiệu trưởng',
  schoolSeal: 'Con dấu nhà trường',
};

export const appearanceStrings = {
  signedBy: (name: string) => `Ký bởi: ${name}`,
  role: (role: string) => `Vai trò: ${role}`,
  signedAt: (when: string) => `Ngày ký: ${when}`,
  valid: 'Chữ ký số hợp lệ',
} as const;

export const signingErrors = {
  certificateUnreadable: 'Không đọc được chứng thư số của người ký.',
  certificateExpired: (until: string) =>
    `Chứng thư số đã hết hạn từ ${until} — liên hệ nhà cung cấp chứng thư để gia hạn.`,
  certificateNotYetValid: (from: string) => `Chứng thư số chưa có hiệu lực (có hiệu lực từ ${from}).`,
  certificateNoSigningUsage: 'Chứng thư số không được phép dùng để ký số (thiếu mục đích sử dụng chữ ký số).',
  certificateWrongHolder: (holder: string, expected: string) =>
    `Chứng thư số thuộc về "${holder}", không khớp với tài khoản "${expected}" — hãy cắm đúng token của mình.`,
  emptyChain: 'Không có chứng thư số nào để ký.',
  pageMissing: (page: number) => `Tệp PDF không có trang ${page}.`,
  alreadySigned: (role: string) => `Học bạ đã có chữ ký của ${role}.`,
  signatureTooLarge: 'Chữ ký số lớn hơn chỗ dành sẵn trong tệp PDF.',
  placeholderMissing: 'Không tìm thấy chỗ dành cho chữ ký trong tệp PDF vừa tạo.',
  unsupportedKey: 'Chứng thư số dùng loại khóa chưa được hỗ trợ; chỉ ký được bằng khóa RSA hoặc ECDSA.',
} as const;

export const verificationMessages = {
  byteRangeOk: 'Phạm vi ký bao trùm toàn bộ phiên bản tệp, trừ phần chứa chữ ký.',
  byteRangeBad: 'Phạm vi ký (ByteRange) không hợp lệ hoặc chừa ra phần tệp không được ký.',
  digestOk: 'Nội dung được ký không bị thay đổi.',
  digestBad: 'Nội dung tệp đã bị thay đổi sau khi ký (mã băm không khớp).',
  cmsUnreadable: 'Không đọc được dữ liệu chữ ký (CMS) trong tệp.',
  signatureOk: 'Chữ ký số khớp với chứng thư của người ký.',
  signatureBad: 'Chữ ký số không khớp với chứng thư của người ký.',
  chainOk: 'Chứng thư người ký được cấp bởi tổ chức chứng thực tin cậy.',
  signingTimeMissing: 'Chữ ký không ghi thời điểm ký.',
  timestampOk: (authority: string, when: string) =>
    `Dấu thời gian của “${authority}” xác nhận chữ ký đã có lúc ${when}.`,
  revisionOk: 'Mọi phiên bản sau bản gốc chỉ thêm chữ ký, không sửa nội dung đã ký.',
  noSignatures: 'Tệp chưa có chữ ký số nào.',
  verdictValid: (count: number) => `Tệp hợp lệ: ${count} chữ ký số đều đúng và tệp không bị sửa đổi.`,
  verdictInvalid: 'Tệp KHÔNG hợp lệ: có kiểm tra không đạt, xem chi tiết từng chữ ký.',
} as const;
