/**
 * The app's areas. Later issues plug their screens in here; an area without a screen is shown
 * in the menu as coming, never as an empty page.
 */
export type AreaId = 'home' | 'setup' | 'gradebook' | 'summary' | 'records' | 'signing' | 'sync';

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
    available: false,
  },
  {
    id: 'gradebook',
    label: 'Sổ theo dõi kết quả',
    description: 'Nhập mức đạt được, điểm kiểm tra, nhận xét',
    available: false,
  },
  {
    id: 'summary',
    label: 'Bảng tổng hợp',
    description: 'Bảng tổng hợp kết quả đánh giá giáo dục của lớp',
    available: false,
  },
  { id: 'records', label: 'Học bạ', description: 'Xem và in học bạ của từng học sinh', available: false },
  { id: 'signing', label: 'Ký số', description: 'Ký học bạ bằng chứng thư số (USB token)', available: false },
  { id: 'sync', label: 'Đồng bộ', description: 'Đồng bộ dữ liệu với máy chủ của Sở', available: false },
];
