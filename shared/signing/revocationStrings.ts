import type { RevocationReason } from './revocationTypes';

/** User-facing Vietnamese strings of revocation checks (conventions.md: one strings module per area). */
export const revocationReasonLabels: Readonly<Record<RevocationReason, string>> = {
  unspecified: 'không nêu lý do',
  keyCompromise: 'khóa bí mật bị lộ',
  caCompromise: 'khóa của tổ chức chứng thực bị lộ',
  affiliationChanged: 'thông tin người được cấp đã thay đổi',
  superseded: 'đã được thay bằng chứng thư khác',
  cessationOfOperation: 'ngừng sử dụng',
  certificateHold: 'tạm dừng hiệu lực',
  removeFromCrl: 'gỡ khỏi danh sách thu hồi',
  privilegeWithdrawn: 'bị rút quyền',
  aaCompromise: 'khóa của đơn vị cấp thuộc tính bị lộ',
};

export const revocationStrings = {
  good: (subject: string, source: string, date: string) =>
    `Chứng thư “${subject}” chưa bị thu hồi (theo ${source} ngày ${date}).`,
  unknown: (subject: string) =>
    `Chưa kiểm tra được chứng thư “${subject}” có bị thu hồi hay không (máy này không có CRL hoặc OCSP của tổ chức cấp): tình trạng thu hồi chưa được kiểm tra.`,
  stale: (subject: string, date: string) =>
    `Dữ liệu thu hồi của chứng thư “${subject}” (ngày ${date}) cũ hơn thời điểm ký, nên chưa xác định được chứng thư còn hiệu lực lúc ký: tình trạng thu hồi chưa được kiểm tra.`,
  revokedBefore: (subject: string, revokedAt: string, reason: string, when: string) =>
    `Chứng thư “${subject}” đã bị thu hồi lúc ${revokedAt} (${reason}), trước thời điểm ký ${when} đã được xác thực bằng dấu thời gian: chữ ký không hợp lệ.`,
  revokedAfter: (subject: string, revokedAt: string, reason: string, when: string) =>
    `Chứng thư “${subject}” bị thu hồi lúc ${revokedAt} (${reason}), sau thời điểm ký ${when} đã được xác thực bằng dấu thời gian: chữ ký vẫn hợp lệ.`,
  revokedUnproven: (subject: string, revokedAt: string, reason: string) =>
    `Chứng thư “${subject}” đã bị thu hồi lúc ${revokedAt} (${reason}). Thời điểm ký chỉ do người ký tự khai, không có dấu thời gian, nên không chứng minh được chữ ký được tạo trước khi thu hồi: chữ ký không hợp lệ.`,
  allGood: 'Không chứng thư nào trong chuỗi bị thu hồi.',
  notChecked: 'Tình trạng thu hồi của chứng thư chưa được kiểm tra đầy đủ (thiếu CRL hoặc OCSP).',
  sourceCrl: 'danh sách thu hồi (CRL)',
  sourceOcsp: 'phản hồi OCSP',
  unreadableCrl: 'Có tệp CRL không đọc được; tệp đó bị bỏ qua.',
  unreadableOcsp: 'Có phản hồi OCSP không đọc được hoặc báo lỗi; phản hồi đó bị bỏ qua.',
  tooMany: 'Có quá nhiều dữ liệu thu hồi; chỉ phần đầu được dùng.',
  crlForged: (issuer: string) =>
    `Có CRL mang tên “${issuer}” nhưng chữ ký trên CRL không phải của “${issuer}”: CRL giả mạo, bị bỏ qua.`,
  crlIndirect: (issuer: string) =>
    `CRL của “${issuer}” là CRL gián tiếp (liệt kê chứng thư do tổ chức khác cấp); loại này chưa được hỗ trợ nên bị bỏ qua.`,
  crlDelta: (issuer: string) =>
    `CRL bổ sung (delta CRL) của “${issuer}” chưa được hỗ trợ nên bị bỏ qua; hãy dùng CRL đầy đủ.`,
  crlCriticalExtension: (issuer: string, oid: string) =>
    `CRL của “${issuer}” có phần mở rộng bắt buộc (${oid}) mà ứng dụng không hiểu, nên bị bỏ qua.`,
  crlFuture: (issuer: string) => `CRL của “${issuer}” ghi ngày phát hành trong tương lai, nên bị bỏ qua.`,
  crlIssuerCannotSign: (issuer: string) =>
    `Chứng thư của “${issuer}” không được phép ký CRL (thiếu mục đích cRLSign), nên CRL của nó bị bỏ qua.`,
  ocspForged: (issuer: string) =>
    `Có phản hồi OCSP về chứng thư do “${issuer}” cấp nhưng không được “${issuer}” hay máy chủ OCSP do nó ủy quyền ký: phản hồi giả mạo, bị bỏ qua.`,
  ocspFuture: (issuer: string) =>
    `Phản hồi OCSP về chứng thư do “${issuer}” cấp ghi thời điểm trong tương lai, nên bị bỏ qua.`,
} as const;
