/** The app shell's Vietnamese strings. */
export const shellStrings = {
  appName: 'Học bạ số',
  tagline: 'Học bạ điện tử cấp tiểu học',
  navHeading: 'Chức năng',
  comingSoon: 'Sắp có',
  unknownRouteTitle: 'Không tìm thấy trang',
  unknownRoute: (path: string) =>
    `Địa chỉ "#/${path}" không ứng với màn hình nào của Học bạ số (có thể gõ nhầm hoặc là liên kết cũ). Hãy chọn một mục ở thanh bên trái, hoặc về Trang chủ.`,
  goHome: 'Về Trang chủ',
  signOut: 'Đăng xuất',
  runtime: {
    electron: 'Ứng dụng máy tính',
    bridge: 'Trình duyệt (cầu nối cục bộ)',
    none: 'Chưa kết nối dịch vụ',
  },
  version: (version: string) => `Phiên bản ${version}`,
  dataFolder: (path: string) => `Thư mục dữ liệu: ${path}`,
  loading: 'Đang mở dữ liệu…',
  databaseFailed: 'Không mở được dữ liệu trên máy này. Hãy đóng các cửa sổ Học bạ số khác rồi mở lại.',
  noSchool: 'Chưa có dữ liệu trường trên máy này.',
  actingAs: 'Đang làm việc với vai trò',
  switchUser: 'Đổi người dùng (dùng thử)',
  changePassword: 'Đổi mật khẩu',
  trialBadge: 'Dùng thử · dữ liệu mẫu',
  startedAfresh:
    'Mật khẩu của bạn đã được đặt lại hoặc đổi trên máy khác: dữ liệu bạn nhập trước đó trên máy này vẫn được khoá bằng mật khẩu cũ nên không mở được. Từ nay bạn làm việc trên dữ liệu mới.',
  connection: {
    online: 'Đã đăng nhập qua máy chủ của Sở',
    offline: 'Đăng nhập không có mạng (mật khẩu kiểm tra trên máy này)',
  },
  classLabel: 'Lớp',
  classOption: (name: string, assigned: boolean) => (assigned ? `${name} (lớp của tôi)` : name),
  noClasses: 'Bạn chưa được phân công lớp nào. Hãy liên hệ hiệu trưởng.',
  readOnly: 'Chỉ xem: bạn không được phân công nhập phần này.',
  saved: 'Đã lưu',
  saving: 'Đang lưu…',
  saveFailed: 'Chưa lưu được',
} as const;
