export const signInStrings = {
  title: 'Đăng nhập',
  intro:
    'Học bạ số giúp nhà trường nhập kết quả đánh giá, ký số và lưu trữ học bạ điện tử theo Thông tư 27/2020/TT-BGDĐT.',
  userName: 'Tên đăng nhập',
  password: 'Mật khẩu',
  signIn: 'Đăng nhập',
  signingIn: 'Đang đăng nhập…',
  accountFailed: 'Không đăng nhập được. Hãy thử lại.',
  noServer: 'Máy này chưa có địa chỉ máy chủ của Sở.',
  serverIs: (url: string) => `Máy chủ của Sở: ${url}`,
  setServer: 'Nhập địa chỉ máy chủ',
  changeServer: 'Đổi',
  serverLabel: 'Địa chỉ máy chủ của Sở (do Sở cung cấp)',
  saveServer: 'Lưu địa chỉ',
  cancel: 'Hủy',
  or: 'hoặc',
  trySample: 'Dùng thử với dữ liệu mẫu',
  trySampleHint:
    'Tạo một trường tiểu học mẫu trên máy này để làm quen. Dữ liệu mẫu được lưu riêng, không trộn với dữ liệu thật.',
  sizeLabel: 'Số học sinh của trường mẫu',
  sizeOption: (count: number) => `${count.toLocaleString('vi-VN')} học sinh`,
  withResults: 'Có sẵn kết quả đánh giá cả năm',
  preparing: 'Đang tạo trường mẫu…',
  saving: 'Đang lưu trường, lớp và phân công vào máy…',
  failed: 'Không tạo được dữ liệu mẫu.',
} as const;

/** The sample trial's second stage, shown above every screen while it loads. */
export const sampleLoadStrings = {
  label: 'Tiến độ nạp dữ liệu mẫu',
  starting: 'Đang chuẩn bị nạp học sinh và kết quả đánh giá mẫu…',
  students: (done: number, total: number) =>
    `Đang nạp hồ sơ học sinh mẫu: ${done.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')}`,
  results: (done: number, total: number) =>
    `Đang nạp kết quả đánh giá mẫu: ${done.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')} học sinh`,
  percent: (fraction: number) => `${Math.floor(fraction * 100)}%`,
  workMeanwhile: 'Bạn có thể làm việc ngay; học sinh và kết quả sẽ hiện dần khi được nạp.',
  done: (documents: number, milliseconds: number) =>
    `Đã nạp xong dữ liệu mẫu: ${documents.toLocaleString('vi-VN')} bản ghi trong ${Math.max(1, Math.round(milliseconds / 1000)).toLocaleString('vi-VN')} giây.`,
  close: 'Đóng',
  failed: 'Chưa nạp xong dữ liệu mẫu. Đóng rồi mở lại ứng dụng để nạp tiếp; phần đã nạp vẫn được giữ.',
} as const;

/** Đổi mật khẩu. */
export const changePasswordStrings = {
  title: 'Đổi mật khẩu',
  required:
    'Mật khẩu của bạn vừa được hiệu trưởng đặt lại bằng mã một lần. Hãy chọn mật khẩu mới trước khi làm việc.',
  current: 'Mật khẩu hiện tại (hoặc mật khẩu vừa dùng để đăng nhập)',
  save: 'Đổi mật khẩu',
  back: 'Quay lại',
  signOut: 'Đăng xuất',
} as const;

/** Đặt mật khẩu bằng mã (the slip the principal printed). */
export const setPasswordStrings = {
  open: 'Tài khoản mới? Đặt mật khẩu bằng mã do hiệu trưởng cấp',
  title: 'Đặt mật khẩu bằng mã',
  intro:
    'Nhập tên đăng nhập và mã 12 ký tự trên phiếu hiệu trưởng in cho bạn, rồi chọn mật khẩu của riêng bạn. Mã chỉ dùng được một lần và cần kết nối tới máy chủ của Sở.',
  login: 'Tên đăng nhập',
  code: 'Mã trên phiếu',
  save: 'Đặt mật khẩu và đăng nhập',
  back: 'Quay lại đăng nhập',
} as const;

/** A new password, typed twice (Đổi mật khẩu, Đặt mật khẩu bằng mã). */
export const newPasswordStrings = {
  next: 'Mật khẩu mới',
  again: 'Nhập lại mật khẩu mới',
  rule: 'Ít nhất 10 ký tự; nên dùng một câu dễ nhớ với bạn và khó đoán với người khác.',
  mismatch: 'Hai lần nhập mật khẩu mới chưa giống nhau.',
} as const;
