import type { SignerRole } from '../../../shared/domain/signerRole';

/** The signing screen, in Vietnamese. */
export const signingStrings = {
  title: 'Ký số học bạ',
  intro:
    'Cắm USB token chứa chứng thư số của bạn, chọn chứng thư, rồi ký một lần cho cả lớp (hoặc cả trường). Mã PIN chỉ dùng cho lượt ký này và không được lưu lại.',
  noRole:
    'Chỉ giáo viên chủ nhiệm (ký học bạ lớp mình) và hiệu trưởng (ký xác nhận và đóng dấu) mới ký học bạ.',
  roleLabel: 'Ký với vai trò',
  roles: {
    homeroomTeacher: 'Giáo viên chủ nhiệm',
    principal: 'Hiệu trưởng',
    schoolSeal: 'Con dấu nhà trường (chứng thư số của trường)',
  } satisfies Record<SignerRole, string>,
  wholeSchool: 'Ký cho cả trường',
  notHomeroom: 'Bạn không phải giáo viên chủ nhiệm của lớp này nên không ký học bạ của lớp.',
  loadingRecords: 'Đang xem các học bạ…',
  counts: (ready: number, signed: number, waiting: number, notFinal: number) =>
    `Sẵn sàng ký: ${String(ready)} · Đã ký: ${String(signed)} · Chờ người ký trước: ${String(waiting)} · Chưa có học bạ chính thức: ${String(notFinal)}`,
  someoneElse: (count: number, example: string) =>
    `${String(count)} học bạ ghi tên người ký khác trong ô này, nên bạn không ký được. Ví dụ: ${example}`,
  certificateRefused: (count: number, reason: string) =>
    `Chứng thư số đã chọn không ký được ${String(count)} học bạ. ${reason}`,
  changedSinceProduced: (names: readonly string[]) =>
    `${String(names.length)} học bạ có dữ liệu đã thay đổi sau khi lập (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}): chưa ký được cho đến khi lập lại trong mục “Học bạ” (nút “Lập học bạ cả lớp”).`,
  notFinalHint: 'Học bạ chính thức được lập trong mục “Học bạ” sau khi kết quả cuối năm đã được xác nhận.',
  token: {
    heading: 'USB token',
    library: 'Thư viện PKCS#11',
    userLibrary: (file: string) => `Thư viện bạn chọn (${file})`,
    configuredLibrary: (file: string) => `Thư viện do cán bộ CNTT chỉ định (${file})`,
    noLibrary:
      'Không tìm thấy phần mềm token nào đã biết trên máy này. Nếu đã cài phần mềm token, hãy bấm “Chọn thư viện PKCS#11…”.',
    chooseLibrary: 'Chọn thư viện PKCS#11…',
    chooseInBridge:
      'Khi chạy trong trình duyệt, thư viện PKCS#11 riêng do cán bộ CNTT chỉ định lúc khởi động ứng dụng (tham số --pkcs11-library hoặc biến môi trường HOCBA_PKCS11_LIBRARY). Hãy nhờ cán bộ CNTT của trường.',
    chosen: (name: string) => `Đã chọn ${name}.`,
    problem: (library: string, message: string) => `${library}: ${message}`,
    refresh: 'Làm mới',
    refreshing: 'Đang tìm token…',
    tokenLabel: 'Token',
    noToken: 'Chưa thấy token nào. Hãy cắm USB token rồi bấm “Làm mới”.',
    certificateLabel: 'Chứng thư số',
    noCertificate: 'Token này không có chứng thư số nào dùng để ký được.',
    certificateOption: (name: string, issuer: string, until: string) =>
      `${name} — ${issuer} — hạn đến ${until}`,
    identifiers: (list: string) => ` — ${list}`,
    expired: ' (đã hết hạn)',
    notYetValid: ' (chưa có hiệu lực)',
    cannotSign: ' (không dùng để ký số)',
    locked: 'Token đã bị khóa mã PIN. Hãy liên hệ nhà cung cấp chứng thư số.',
  },
  sign: (count: number) => `Ký ${String(count)} học bạ`,
  nothingToSign: 'Không có học bạ nào đang chờ bạn ký.',
  pin: {
    heading: 'Nhập mã PIN của token',
    label: 'Mã PIN',
    explain: (count: number, name: string) =>
      `Bạn sắp ký ${String(count)} học bạ bằng chứng thư số của ${name}. Mã PIN chỉ dùng một lần cho lượt ký này.`,
    acknowledgeFinalTry: 'Tôi hiểu đây là lần thử cuối và chắc chắn mã PIN đúng.',
    confirm: 'Ký',
    cancel: 'Hủy',
    starting: 'Đang mở token…',
  },
  progress: {
    label: 'Tiến độ ký',
    running: (done: number, total: number) => `Đang ký… ${String(done)}/${String(total)} học bạ`,
    cancel: 'Dừng ký',
    cancelling: 'Đang dừng sau học bạ hiện tại…',
    completed: (signed: number, skipped: number) =>
      `Đã ký xong ${String(signed)} học bạ` +
      (skipped > 0 ? `, bỏ qua ${String(skipped)} học bạ đã ký trước đó.` : '.'),
    resumeHint: 'Các học bạ đã ký vẫn nguyên vẹn. Bấm ký lại để ký tiếp những học bạ còn lại.',
    refusedHeading: 'Học bạ không ký được',
    signer: (name: string) => `Người ký: ${name}`,
  },
} as const;
