/**
 * User-facing Vietnamese strings of signature timestamps and signing-time judgement
 * (conventions.md: one strings module per area; signingStrings.ts belongs to the verifier).
 */

export const timestampStrings = {
  responseUnreadable: 'Máy chủ dấu thời gian trả lời không đúng định dạng RFC 3161.',
  responseRejected: (status: number) =>
    `Máy chủ dấu thời gian từ chối cấp dấu thời gian (mã trạng thái ${status}).`,
  responseWithoutToken: 'Máy chủ dấu thời gian trả lời nhưng không kèm dấu thời gian.',
  responseImprintMismatch:
    'Dấu thời gian máy chủ trả về không phải cho chữ ký vừa tạo (mã băm khác): không dùng dấu thời gian này.',
  responseNonceMismatch:
    'Dấu thời gian máy chủ trả về không khớp với yêu cầu vừa gửi (số ngẫu nhiên khác): có thể là câu trả lời cũ bị phát lại.',
  tokenUnreadable: 'Không đọc được dấu thời gian gắn trong chữ ký.',
  weakAlgorithm:
    'Dấu thời gian dùng thuật toán băm yếu hoặc không được hỗ trợ (chỉ chấp nhận SHA-256, SHA-384, SHA-512).',
  imprintMismatch:
    'Dấu thời gian không được cấp cho chữ ký này (mã băm trong dấu thời gian khác mã băm của chữ ký): dấu thời gian bị ghép từ nơi khác.',
  noTsaCertificate: 'Dấu thời gian không kèm chứng thư của máy chủ đã cấp nó, nên không kiểm tra được.',
  tokenAltered: 'Nội dung dấu thời gian đã bị sửa sau khi máy chủ ký (mã băm không khớp).',
  signingCertificateMismatch: (tsa: string) =>
    `Dấu thời gian không gắn đúng với chứng thư “${tsa}” đã ký nó (thuộc tính chứng thư ký không khớp).`,
  tokenSignatureBad: (tsa: string) =>
    `Chữ ký trên dấu thời gian không khớp với chứng thư “${tsa}”: dấu thời gian giả mạo.`,
  tsaNameMismatch: (tsa: string) =>
    `Tên máy chủ ghi trong dấu thời gian khác với chứng thư “${tsa}” đã ký nó.`,
  genTimeInFuture: (when: string) =>
    `Dấu thời gian ghi thời điểm ${when}, muộn hơn thời điểm hiện tại: dấu thời gian không hợp lệ.`,
  tsaUntrusted: (tsa: string, reason: string) =>
    `Máy chủ dấu thời gian “${tsa}” không được tin cậy: ${reason}`,
} as const;

export const signingTimeStrings = {
  missing: 'Chữ ký không ghi thời điểm ký và không có dấu thời gian.',
  claimed: (when: string) =>
    `Thời điểm ký do người ký tự khai, chưa được xác thực bằng dấu thời gian (${when}).`,
  proven: (when: string, tsa: string) =>
    `Thời điểm ký ${when} được xác thực bằng dấu thời gian của “${tsa}”.`,
  claimedAfterTimestamp: (claimed: string, genTime: string) =>
    `Thời điểm ký tự khai (${claimed}) muộn hơn dấu thời gian (${genTime}): thời điểm ký đã bị ghi sai.`,
  future: (when: string, now: string) =>
    `Thời điểm ký ${when} nằm trong tương lai (bây giờ là ${now}): thời điểm ký không đúng.`,
  beforeCertificate: (when: string, subject: string, from: string) =>
    `Thời điểm ký ${when} trước khi chứng thư “${subject}” có hiệu lực (từ ${from}).`,
  afterCertificate: (when: string, subject: string, until: string) =>
    `Chứng thư “${subject}” đã hết hiệu lực từ ${until}, trước thời điểm ký ${when}: chữ ký được tạo bằng chứng thư hết hạn.`,
  beforeSchoolYear: (when: string, schoolYear: string) =>
    `Thời điểm ký ${when} trước khi năm học ${schoolYear} bắt đầu: không thể ký học bạ của năm học chưa diễn ra.`,
  beforeYearResult: (when: string, confirmedAt: string) =>
    `Thời điểm ký ${when} trước khi giáo viên chủ nhiệm xác nhận kết quả cả năm (${confirmedAt}): không thể ký học bạ khi kết quả chưa có.`,
  outOfOrder: (when: string, earlier: string, earlierWhen: string) =>
    `Thời điểm ký ${when} sớm hơn chữ ký của ${earlier} (${earlierWhen}), trái thứ tự ký (giáo viên chủ nhiệm → hiệu trưởng → con dấu).`,
} as const;
