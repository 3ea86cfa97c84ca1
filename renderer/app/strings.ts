/** The app shell's Vietnamese strings. */
export const shellStrings = {
  appName: 'Học bạ số',
  tagline: 'Học bạ điện tử cấp tiểu học',
  navHeading: 'Chức năng',
  comingSoon: 'Sắp có',
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
} as const;
