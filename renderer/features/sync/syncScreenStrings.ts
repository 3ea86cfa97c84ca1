import type { PushRefusalCode, SyncedCollection } from '../../../shared/sync/syncWire';

/** The "Đồng bộ" screen's words. */
export const syncScreenStrings = {
  title: 'Đồng bộ',
  intro:
    'Dữ liệu nhập trên máy này được gửi lên máy chủ của Sở, và thay đổi từ các máy khác của trường được nhận về. Ứng dụng tự đồng bộ khi có mạng; khi mất mạng, dữ liệu vẫn được lưu trên máy này và sẽ được gửi sau.',
  trial:
    'Bản dùng thử chỉ lưu trên máy này nên không đồng bộ. Hãy đăng nhập bằng tài khoản của trường để đồng bộ với máy chủ của Sở.',
  starting: 'Đang chuẩn bị đồng bộ…',
  syncing: 'Đang đồng bộ…',
  pending: (count: number) => `Còn ${String(count)} thay đổi trên máy này chưa gửi lên máy chủ.`,
  synced: (at: string) => `Đã đồng bộ. Lần cuối thành công: ${at}.`,
  neverSynced: 'Chưa đồng bộ lần nào.',
  syncNow: 'Đồng bộ ngay',
  syncNowDone: 'Đã đồng bộ xong: máy này và máy chủ đã có cùng dữ liệu.',
  tableCaption: 'Tình trạng từng loại dữ liệu',
  columns: {
    collection: 'Dữ liệu',
    pending: 'Chờ gửi',
    received: 'Đã nhận',
    sent: 'Đã gửi',
    notTaken: 'Không được nhận',
    lastSuccess: 'Lần cuối',
  },
  collections: {
    schools: 'Thông tin trường',
    classes: 'Lớp học',
    people: 'Hồ sơ học sinh',
    assignments: 'Phân công',
    subjectResults: 'Kết quả môn học',
    characterResults: 'Phẩm chất, năng lực',
    yearResults: 'Kết quả cuối năm',
    auditEvents: 'Nhật ký thay đổi',
  } satisfies Record<SyncedCollection, string>,
  handIn: {
    heading: 'Nộp học bạ đã ký lên Sở',
    intro:
      'Mỗi học bạ đã ký trên máy này được gửi lên máy chủ của Sở theo từng phần; mất mạng giữa chừng thì lần sau gửi tiếp. Máy chủ kiểm tra chữ ký trước khi nhận và giữ mọi phiên bản.',
    running: 'Đang nộp học bạ đã ký…',
    notYet: 'Chưa nộp lần nào trong phiên này; ứng dụng sẽ tự nộp sau khi đồng bộ.',
    noSignedFiles: 'Máy này chưa có học bạ nào đã ký.',
    summary: (kept: number, total: number, waiting: number) =>
      `Sở đã nhận ${String(kept)}/${String(total)} tệp học bạ đã ký trên máy này` +
      (waiting > 0 ? `; còn ${String(waiting)} tệp chờ nộp.` : '.'),
    sent: (files: number, bytes: number) =>
      `Lần này đã gửi ${String(files)} tệp (${(bytes / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 0 })} KB).`,
    refusedCaption: 'Học bạ máy chủ không nhận',
    student: 'Học sinh',
    schoolYear: 'Năm học',
    reason: 'Lý do',
  },
  choiceLabel: 'Chọn giá trị giữ lại',
  takeMine: 'Dùng giá trị của tôi',
  keepServer: 'Giữ giá trị trên máy chủ',
  tookMine: (at: string) =>
    `Bạn đã chọn dùng lại giá trị của mình lúc ${at}; giá trị này được ghi và gửi lên máy chủ như một lần nhập mới.`,
  keptServer: (at: string) => `Bạn đã chọn giữ giá trị trên máy chủ lúc ${at}.`,
  choiceFailed: 'Chưa ghi được lựa chọn. Hãy thử lại.',
  conflictsHeading: 'Nhật ký xung đột',
  conflictsIntro:
    'Những thay đổi máy chủ không nhận như đã gửi. Giá trị của bạn luôn được giữ lại ở đây, không bị xóa.',
  noConflicts: 'Chưa có xung đột nào.',
  codes: {
    conflict: 'Máy khác đã sửa trước',
    refused: 'Không được phép',
    invalid: 'Dữ liệu không hợp lệ',
    otherSchool: 'Dữ liệu của trường khác',
  } satisfies Record<PushRefusalCode, string>,
  /** "Giá trị của bạn … đã được thay bằng giá trị trên máy chủ vì …" */
  replaced: (what: string, reason: string) =>
    `Giá trị của bạn ${what} đã được thay bằng giá trị trên máy chủ vì: ${reason}`,
  removed: (reason: string) =>
    `Giá trị của bạn chưa có trên máy chủ và đã được gỡ khỏi máy này vì: ${reason}`,
  kept: (fields: string) => `Các thay đổi khác của bạn vẫn được giữ: ${fields}.`,
  field: 'Mục',
  yours: 'Của bạn',
  onServer: 'Trên máy chủ',
  nothing: '(trống)',
  fieldNames: {
    GK1: 'giữa học kì I',
    CK1: 'cuối học kì I',
    GK2: 'giữa học kì II',
    CN: 'cuối năm',
    level: 'mức đạt',
    score: 'điểm',
    retestScore: 'điểm kiểm tra lại',
    comment: 'nhận xét',
  } as Readonly<Record<string, string>>,
} as const;

/** A moment as the screen shows it (Vietnamese date and time, to the second). */
export function syncTimeOf(iso: string): string {
  return new Date(iso).toLocaleString('vi-VN', { dateStyle: 'short', timeStyle: 'medium' });
}
