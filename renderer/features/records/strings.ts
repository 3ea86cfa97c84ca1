import type { RecordFileState } from '../../../shared/ipc/recordChannels';
import type { ConfirmationStatus } from '../summary/confirmationStatus';

/** The học bạ screen and the verification panel, in Vietnamese. */
export const recordStrings = {
  title: 'Học bạ',
  intro:
    'Học bạ được lập từ dữ liệu đánh giá đã lưu. Chỉ học sinh có kết quả cuối năm đã được giáo viên chủ nhiệm xác nhận mới có học bạ chính thức để ký; các em còn lại có bản nháp để xem trước.',
  loading: 'Đang chuẩn bị học bạ…',
  noStudents: 'Lớp chưa có học sinh.',
  produceAll: 'Lập học bạ cả lớp',
  produceNotAllowed: 'Chỉ giáo viên chủ nhiệm của lớp hoặc ban giám hiệu mới lập được học bạ của lớp.',
  producing: (done: number, total: number) => `Đang lập học bạ… ${String(done)}/${String(total)}`,
  produced: (written: number, unchanged: number, drafts: number) =>
    `Đã lập ${String(written)} học bạ, ${String(unchanged)} học bạ không thay đổi` +
    (drafts > 0 ? `; ${String(drafts)} bản nháp vì kết quả cuối năm chưa được xác nhận.` : '.'),
  signedDiffers: (count: number) =>
    `${String(count)} học bạ đã ký nhưng dữ liệu đã thay đổi: bản đã ký được giữ nguyên, cần lập bản điều chỉnh.`,
  inconsistent: (count: number, first: string) =>
    `${String(count)} học bạ không được lập vì kết quả in trong học bạ không khớp dữ liệu đánh giá. ${first}`,
  keptUntouched: (count: number, first: string) =>
    `${String(count)} học bạ không được lập lại để giữ nguyên tệp hiện có. ${first}`,
  columns: {
    number: 'STT',
    name: 'Họ và tên',
    result: 'Kết quả cuối năm',
    file: 'Học bạ',
    actions: 'Thao tác',
  },
  confirmation: {
    confirmed: 'Đã xác nhận',
    stale: 'Cần xác nhận lại',
    none: 'Chưa xác nhận',
    incomplete: 'Chưa đủ dữ liệu',
  } satisfies Record<ConfirmationStatus, string>,
  fileState: (state: RecordFileState): string => {
    if (state.state === 'missing') return 'Chưa lập';
    if (state.state === 'unreadable') return 'Tệp hỏng hoặc không đúng học bạ';
    const roles = state.signedRoles;
    const base =
      state.state === 'draft'
        ? 'Bản nháp'
        : roles.includes('schoolSeal')
          ? 'Đã ký đủ, đã đóng dấu số'
          : roles.includes('principal')
            ? 'Hiệu trưởng đã ký'
            : roles.includes('homeroomTeacher')
              ? 'GVCN đã ký'
              : 'Chưa ký';
    return state.version !== undefined && state.version > 1
      ? `${base} (bản điều chỉnh, phiên bản ${String(state.version)})`
      : base;
  },
  download: 'Tải PDF',
  downloadOf: (name: string) => `Tải học bạ PDF của ${name}`,
  check: 'Kiểm tra',
  checkOf: (name: string) => `Kiểm tra chữ ký học bạ của ${name}`,
  signedButChanged: 'Đã ký, nhưng dữ liệu đã thay đổi: cần bản điều chỉnh',
  amend: {
    button: 'Lập bản điều chỉnh',
    buttonOf: (name: string) => `Lập bản điều chỉnh học bạ của ${name}`,
    heading: 'Lập bản điều chỉnh học bạ',
    explain: (name: string) =>
      `Học bạ của ${name} đã được ký. Bản đã ký được lưu lại nguyên vẹn; bản điều chỉnh là phiên bản mới, ghi số biên bản điều chỉnh đã được duyệt và phải được ký lại theo thứ tự.`,
    idLabel: 'Số biên bản điều chỉnh đã được duyệt',
    idPlaceholder: 'Ví dụ: 12/BB-THNBK',
    confirm: 'Lập bản điều chỉnh',
    cancel: 'Hủy',
    working: 'Đang lập…',
  },
  preview: {
    button: 'Xem',
    buttonOf: (name: string) => `Xem trước và in học bạ của ${name}`,
    title: (name: string) => `Học bạ của ${name}`,
    opening: 'Đang mở học bạ…',
    drawing: (done: number, total: number) => `Đang hiển thị trang ${String(done)}/${String(total)}…`,
    pages: (total: number) => `${String(total)} trang`,
    pageLabel: (page: number, total: number) => `Trang ${String(page)}/${String(total)}`,
    print: 'In',
    preparingPrint: 'Đang chuẩn bị bản in…',
    save: 'Tải PDF',
    close: 'Đóng',
    failed: 'Không hiển thị được tệp học bạ này. Hãy bấm “Kiểm tra” để xem tệp có bị hỏng không.',
  },
  bundle: {
    printAll: 'Bản in cả lớp (PDF)',
    zipAll: 'Tệp của cả lớp (ZIP)',
    hint: 'Bản in cả lớp gộp mọi học bạ đã lập thành một tệp PDF để in một lần (bản in không mang chữ ký số). Tệp ZIP chứa nguyên tệp học bạ của từng em, giữ nguyên chữ ký số, để gửi phụ huynh hoặc trường khác.',
    progressLabel: 'Tiến độ gộp học bạ',
    working: (done: number, total: number) => `Đang gộp học bạ ${String(done)}/${String(total)}…`,
    finishing: 'Đang ghi tệp…',
    done: (count: number, fileName: string) => `Đã gộp ${String(count)} học bạ vào tệp ${fileName}.`,
    none: 'Chưa có học bạ nào được lập trong lớp: hãy bấm “Lập học bạ cả lớp” trước.',
    title: (className: string, schoolYear: string) => `Học bạ lớp ${className} năm học ${schoolYear}`,
  },
  cannotBuild: (problem: string) => `Chưa lập được học bạ: ${problem}`,
  verify: {
    heading: 'Kiểm tra học bạ',
    pickFile: 'Kiểm tra một tệp học bạ (PDF)',
    pickHint:
      'Chọn tệp học bạ PDF nhận từ trường khác, phụ huynh hoặc cơ quan quản lý để kiểm tra chữ ký số.',
    checking: 'Đang kiểm tra…',
    headline: {
      complete: 'Học bạ hợp lệ — đủ chữ ký',
      partial: 'Chữ ký hiện có hợp lệ — còn thiếu chữ ký',
      unsigned: 'Chưa ký',
      draft: 'Bản nháp',
      invalid: 'Học bạ KHÔNG hợp lệ',
    },
    record: (student: string, className: string, year: string, school: string) =>
      `Học sinh ${student}, lớp ${className}, năm học ${year}, ${school}`,
    version: (version: number) => `Phiên bản ${String(version)}`,
    signersHeading: 'Chữ ký số',
    noSigners: 'Tệp chưa có chữ ký số nào.',
    noSignersRead: 'Không có chữ ký số nào đọc được trong tệp.',
    signerColumns: ['Thứ tự', 'Vai trò', 'Người ký', 'Đơn vị cấp chứng thư', 'Thời điểm ký', 'Kết quả'],
    signerValid: 'Hợp lệ',
    signerInvalid: 'Không hợp lệ',
    problemsHeading: 'Các điểm không đạt',
    noTrust:
      'Máy này chưa có danh sách chứng thư gốc tin cậy nên chưa kiểm tra được chuỗi chứng thư. Hãy đặt chứng thư gốc của tổ chức cung cấp dịch vụ chứng thực vào thư mục trust trong thư mục dữ liệu của ứng dụng.',
    close: 'Đóng',
    timeProven: 'có dấu thời gian xác thực',
    timeClaimed: 'người ký tự khai',
    time: (iso: string) => new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }),
  },
} as const;
