export const signInStrings = {
  title: 'Đăng nhập',
  intro:
    'Học bạ số giúp nhà trường nhập kết quả đánh giá, ký số và lưu trữ học bạ điện tử theo Thông tư 27/2020/TT-BGDĐT.',
  userName: 'Tên đăng nhập',
  password: 'Mật khẩu',
  signIn: 'Đăng nhập',
  serverNotice:
    'Đăng nhập bằng tài khoản do Sở Giáo dục và Đào tạo cấp sẽ dùng được khi máy được kết nối với máy chủ của tỉnh.',
  or: 'hoặc',
  trySample: 'Dùng thử với dữ liệu mẫu',
  trySampleHint:
    'Tạo một trường tiểu học mẫu trên máy này để làm quen. Dữ liệu mẫu được lưu riêng, không trộn với dữ liệu thật.',
  sizeLabel: 'Số học sinh của trường mẫu',
  sizeOption: (count: number) => `${count.toLocaleString('vi-VN')} học sinh`,
  withResults: 'Có sẵn kết quả đánh giá cả năm',
  preparing: 'Đang tạo trường mẫu…',
  saving: (written: number, total: number) =>
    `Đang lưu vào máy: ${written.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')} bản ghi…`,
  failed: 'Không tạo được dữ liệu mẫu.',
} as const;
