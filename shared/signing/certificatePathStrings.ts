/** User-facing Vietnamese reasons of certificate path validation (conventions.md: one strings module per area). */
export const certificatePathStrings = {
  valid: 'Chứng thư của người ký được cấp bởi tổ chức chứng thực tin cậy, chuỗi chứng thư hợp lệ.',
  noTrustAnchors:
    'Máy này chưa có chứng thư gốc tin cậy nào: hãy nhờ cán bộ CNTT của Sở đặt chứng thư gốc vào thư mục trust.',
  noIssuer: (subject: string) =>
    `Không tìm thấy tổ chức chứng thực đã cấp chứng thư “${subject}” trong chữ ký hay trong danh sách tin cậy: chứng thư không dẫn tới chứng thư gốc tin cậy nào.`,
  selfSignedSigner: (subject: string) =>
    `Chứng thư “${subject}” tự ký cho chính nó, không do tổ chức chứng thực tin cậy nào cấp: đây là chứng thư giả mạo.`,
  signerIsAnchor: (subject: string) =>
    `Chứng thư “${subject}” là chứng thư gốc của danh sách tin cậy, không phải chứng thư của người ký.`,
  badIssuerSignature: (subject: string, issuer: string) =>
    `Chứng thư “${subject}” không được “${issuer}” ký thật (chữ ký trên chứng thư không khớp): chứng thư giả mạo.`,
  issuerNotCa: (issuer: string) =>
    `“${issuer}” không phải tổ chức chứng thực (chứng thư không có thuộc tính CA) nên không được phép cấp chứng thư cho người khác.`,
  issuerCannotSignCertificates: (issuer: string) =>
    `Chứng thư của “${issuer}” không được phép dùng để ký cấp chứng thư (thiếu mục đích keyCertSign).`,
  pathTooLong: (issuer: string) =>
    `Chuỗi chứng thư dài hơn mức “${issuer}” cho phép (ràng buộc độ dài đường dẫn).`,
  nameConstraintViolated: (subject: string, issuer: string) =>
    `Chứng thư “${subject}” nằm ngoài phạm vi tên mà “${issuer}” được phép cấp.`,
  nameConstraintUnsupported: (issuer: string) =>
    `Chứng thư của “${issuer}” có loại ràng buộc tên mà ứng dụng chưa kiểm tra được, nên chuỗi chứng thư không được chấp nhận.`,
  unknownCriticalExtension: (subject: string, oid: string) =>
    `Chứng thư “${subject}” có phần mở rộng bắt buộc (${oid}) mà ứng dụng không hiểu, nên không được chấp nhận.`,
  notValidAt: (subject: string, when: string, from: string, until: string) =>
    `Chứng thư “${subject}” không có hiệu lực lúc ${when} (chỉ có hiệu lực từ ${from} đến ${until}).`,
  signerIsCa: (subject: string) =>
    `Chứng thư “${subject}” là chứng thư của tổ chức chứng thực, không dùng để ký văn bản.`,
  signerKeyUsage: (subject: string) =>
    `Chứng thư “${subject}” không được phép dùng để ký số (thiếu mục đích chữ ký số hoặc chống chối bỏ).`,
  signerExtendedKeyUsage: (subject: string) =>
    `Chứng thư “${subject}” chỉ được cấp cho mục đích khác (ví dụ xác thực máy chủ), không cho ký văn bản.`,
  timestampAuthorityUsage: (subject: string) =>
    `Chứng thư “${subject}” không phải chứng thư của máy chủ cấp dấu thời gian (thiếu mục đích timeStamping bắt buộc).`,
  tooManyCandidates: 'Chữ ký mang quá nhiều chứng thư để kiểm tra; tệp có thể bị làm hỏng có chủ đích.',
} as const;
