/**
 * The app's areas. An area without a screen yet is shown in the menu as coming, never as an
 * empty page. Class-scoped areas keep the chosen class in the route (`?class=…`).
 */
export type AreaId =
  | 'home'
  | 'setup'
  | 'gradebook'
  | 'character'
  | 'profiles'
  | 'summary'
  | 'history'
  | 'records'
  | 'signing'
  | 'backup'
  | 'sync';

export type AreaDefinition = {
  readonly id: AreaId;
  /** Menu label. */
  readonly label: string;
  /** What the area is for, as a tooltip. */
  readonly description: string;
  readonly available: boolean;
};

export const areas: readonly AreaDefinition[] = [
  { id: 'home', label: 'Trang chủ', description: 'Trường, các lớp và học sinh', available: true },
  {
    id: 'setup',
    label: 'Thiết lập năm học',
    description: 'Năm học, lớp, giáo viên, phân công',
    available: true,
  },
  {
    id: 'gradebook',
    label: 'Sổ theo dõi kết quả',
    description: 'Nhập mức đạt được, điểm kiểm tra, nhận xét từng môn',
    available: true,
  },
  {
    id: 'character',
    label: 'Phẩm chất, năng lực',
    description: 'Đánh giá phẩm chất và năng lực (giáo viên chủ nhiệm)',
    available: true,
  },
  {
    id: 'profiles',
    label: 'Hồ sơ học sinh',
    description: 'Thông tin học bạ, ảnh, nhập danh sách lớp từ Excel',
    available: true,
  },
  {
    id: 'summary',
    label: 'Bảng tổng hợp',
    description: 'Bảng tổng hợp kết quả đánh giá giáo dục của lớp',
    available: true,
  },
  {
    id: 'history',
    label: 'Lịch sử thay đổi',
    description: 'Ai sửa, lúc nào, từ gì thành gì',
    available: true,
  },
  {
    id: 'records',
    label: 'Học bạ',
    description: 'Lập, tải và kiểm tra học bạ của từng học sinh',
    available: true,
  },
  { id: 'signing', label: 'Ký số', description: 'Ký học bạ bằng chứng thư số (USB token)', available: true },
  {
    id: 'backup',
    label: 'Sao lưu',
    description: 'Sao lưu dữ liệu trên máy này vào một tệp mã hóa, kiểm tra bản sao lưu',
    available: true,
  },
  { id: 'sync', label: 'Đồng bộ', description: 'Đồng bộ dữ liệu với máy chủ của Sở', available: true },
];
