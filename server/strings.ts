/** Every sentence the province server shows a user (API refusals and the admin page's messages). */
export const serverStrings = {
  badRequest: 'Yêu cầu không hợp lệ.',
  malformedJson: 'Nội dung gửi lên không phải JSON hợp lệ.',
  unauthenticated: 'Bạn cần đăng nhập lại.',
  tokenExpired: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.',
  forbidden: 'Tài khoản của bạn không có quyền thực hiện thao tác này.',
  otherSchool: 'Bạn chỉ được xem và sửa dữ liệu của trường mình.',
  mustChangePassword: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
  notFound: 'Không tìm thấy nội dung yêu cầu.',
  schoolNotFound: 'Không tìm thấy trường này.',
  classNotFound: 'Không tìm thấy lớp này.',
  accountNotFound: 'Không tìm thấy tài khoản này.',
  schoolExists: 'Mã trường này đã có trong danh sách.',
  classExists: 'Lớp này đã có trong năm học.',
  loginTaken: 'Tên đăng nhập này đã được dùng, vui lòng chọn tên khác.',
  notATeacher: 'Chỉ phân công được cho tài khoản giáo viên hoặc cán bộ quản lý của trường.',
  principalRoleIsProvinces: 'Vai trò hiệu trưởng do Sở giao; không đổi được ở đây.',
  cannotActOnSelf: 'Bạn không thể khóa hoặc đặt lại tài khoản của chính mình.',
  syncInvalidDocument:
    'Dữ liệu gửi lên không đúng mẫu của ứng dụng (có thể do phiên bản cũ). Hãy cập nhật ứng dụng rồi đồng bộ lại.',
  auditAppendOnly: 'Nhật ký thay đổi chỉ được ghi thêm, không được xóa.',
  auditRewrite: (seq: number) =>
    `Sự kiện ${String(seq)} khác với sự kiện cùng số máy chủ đã giữ: lịch sử không được viết lại.`,
  auditGap: (expected: number, got: number) =>
    `Lịch sử thiếu sự kiện: máy chủ chờ sự kiện ${String(expected)} nhưng nhận sự kiện ${String(got)}.`,
  auditBrokenLink: (seq: number) => `Sự kiện ${String(seq)} không nối đúng vào sự kiện trước trên máy chủ.`,
  auditBadHash: (seq: number) => `Sự kiện ${String(seq)} đã bị sửa sau khi ghi (mã băm không khớp).`,
  auditAfterBreak: (seq: number) =>
    `Sự kiện ${String(seq)} chưa nhận được vì một sự kiện trước nó trong lịch sử bị từ chối.`,
  unsupportedEncoding: 'Máy chủ chỉ nhận dữ liệu nén dạng gzip.',
  syncConflict: 'Dữ liệu này vừa được sửa ở máy khác; giá trị trên máy chủ được giữ.',
  wrongCredentials: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  wrongCurrentPassword: 'Mật khẩu hiện tại không đúng.',
  wrongResetCode: 'Mã đặt lại không đúng, đã dùng hoặc đã hết hạn. Hãy xin Hiệu trưởng mã mới.',
  accountLocked: 'Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau 15 phút.',
  accountDisabled: 'Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ Hiệu trưởng hoặc quản trị cấp Sở.',
  tooManyRequests: 'Bạn đã thử quá nhiều lần. Vui lòng đợi một lát rồi thử lại.',
  payloadTooLarge: 'Dữ liệu gửi lên quá lớn.',
  unavailable: 'Máy chủ đang bận hoặc chưa sẵn sàng. Vui lòng thử lại sau.',
  internal: 'Máy chủ gặp lỗi. Vui lòng thử lại sau.',
} as const;

/** Signed học bạ handed in to the province (shared/sync/signedRecordWire.ts). */
export const signedRecordStrings = {
  uploadNotFound:
    'Không tìm thấy lượt tải lên này (có thể đã xong hoặc đã bị hủy). Hãy gửi lại học bạ từ đầu.',
  sizeDiffers: 'Kích thước tệp khác với lượt tải lên đã mở cho cùng tệp. Hãy gửi lại học bạ từ đầu.',
  chunkChecksum:
    'Một phần tệp bị hỏng trên đường truyền (mã kiểm tra không khớp). Ứng dụng sẽ gửi lại phần này.',
  chunkOutOfPlace: (received: number) =>
    `Máy chủ đang chờ phần tệp bắt đầu từ byte ${String(received)}; ứng dụng sẽ gửi tiếp từ đó.`,
  chunkPastEnd: 'Phần tệp gửi lên vượt quá kích thước đã khai báo.',
  incomplete: (received: number, total: number) =>
    `Tệp chưa gửi đủ: máy chủ mới nhận ${String(received)} trên ${String(total)} byte.`,
  fileChecksum:
    'Tệp nhận được khác với tệp trên máy (mã kiểm tra SHA-256 không khớp). Ứng dụng sẽ gửi lại học bạ từ đầu.',
  notSigned: (verdict: string) => `Máy chủ không nhận học bạ này: ${verdict}`,
  otherRecord: 'Tệp này là học bạ của một học sinh khác với học bạ được khai báo.',
  otherSchool: 'Học bạ này ghi tên một trường khác; chỉ nhận học bạ của trường mình.',
  notHomeroom:
    'Chỉ Ban giám hiệu hoặc giáo viên chủ nhiệm của lớp ghi trong học bạ được nộp học bạ này lên Sở.',
  versionNotFound: 'Không tìm thấy phiên bản học bạ này trên máy chủ.',
  tooManyUploads:
    'Tài khoản này đang có quá nhiều học bạ gửi dở trên máy chủ của Sở. Các lượt gửi dở quá 2 ngày sẽ được xóa; hãy đồng bộ lại sau ít phút, hoặc báo cán bộ công nghệ thông tin của Sở nếu vẫn không gửi được.',
} as const;

/** The province admin page (server-rendered, Vietnamese). */
export const adminPageStrings = {
  title: 'Quản trị Học bạ số cấp Sở',
  signInTitle: 'Đăng nhập quản trị cấp Sở',
  login: 'Tên đăng nhập',
  password: 'Mật khẩu',
  signIn: 'Đăng nhập',
  signOut: 'Đăng xuất',
  signedInAs: 'Đang đăng nhập:',
  notProvinceAdmin: 'Trang này chỉ dành cho tài khoản quản trị cấp Sở.',
  expiredForm: 'Biểu mẫu đã hết hạn, vui lòng đăng nhập lại.',
  schools: 'Danh sách trường',
  noSchools: 'Chưa có trường nào.',
  code: 'Mã trường',
  name: 'Tên trường',
  district: 'Quận / huyện',
  principals: 'Hiệu trưởng',
  noPrincipal: 'Chưa có',
  students: 'Học sinh',
  classes: 'Lớp',
  staff: 'Cán bộ, giáo viên',
  accounts: 'Tài khoản của trường',
  fullName: 'Họ và tên',
  role: 'Vai trò',
  status: 'Trạng thái',
  active: 'Đang hoạt động',
  disabled: 'Đã vô hiệu hóa',
  mustChange: 'Chờ đổi mật khẩu',
  progress: 'Tiến độ các trường',
  progressIntro:
    'Theo dữ liệu các trường đã đồng bộ lên máy chủ của Sở, năm học gần nhất của mỗi trường. Tỉ lệ tính trên số học sinh đang học (không tính học sinh đã chuyển đi).',
  exportXlsx: 'Tải bảng tiến độ (Excel .xlsx)',
  schoolYear: 'Năm học',
  lastSync: 'Đồng bộ lần cuối',
  neverSynced: 'Chưa đồng bộ',
  // Audit chains: one per desktop and account database (shared/audit/chainDevice.ts).
  devices: 'Số máy (theo tài khoản)',
  profiles: 'Hồ sơ đầy đủ',
  periods: { GK1: 'Giữa HK I', CK1: 'Cuối HK I', GK2: 'Giữa HK II', CN: 'Cuối năm' },
  periodsLong: {
    GK1: 'Đánh giá giữa học kì I',
    CK1: 'Đánh giá cuối học kì I',
    GK2: 'Đánh giá giữa học kì II',
    CN: 'Đánh giá cuối năm học',
  },
  yearConfirmed: 'KQ cuối năm đã xác nhận',
  recordsSigned: 'Học bạ đã ký đủ',
  recordsPartly: 'Học bạ ký dở',
  chartTitle: (school: string, year: string) => `Tiến độ ${school}, năm học ${year}`,
  noClassesYet: 'Trường chưa có lớp nào trên máy chủ.',
  sheetName: 'Tiến độ',
  sheetTitle: 'TIẾN ĐỘ HỌC BẠ SỐ CÁC TRƯỜNG',
  madeAt: (at: string) => `Lập lúc ${at} theo dữ liệu đã đồng bộ lên máy chủ của Sở.`,
  done: 'Đã xong',
  of: 'Trên',
  percent: 'Tỉ lệ (%)',
} as const;
