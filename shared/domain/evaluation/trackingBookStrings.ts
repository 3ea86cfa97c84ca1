/** The Vietnamese words of the Sổ theo dõi chất lượng giáo dục (tables, Excel sheets, PDF pages). */
export const trackingBookStrings = {
  bookTitle: 'SỔ THEO DÕI CHẤT LƯỢNG GIÁO DỤC',
  school: (upperName: string) => (upperName.startsWith('TRƯỜNG') ? upperName : `TRƯỜNG ${upperName}`),
  classLine: (className: string, schoolYear: string, homeroomTeacherName: string) =>
    homeroomTeacherName.trim() === ''
      ? `Lớp ${className} — Năm học ${schoolYear}`
      : `Lớp ${className} — Năm học ${schoolYear} — Giáo viên chủ nhiệm: ${homeroomTeacherName}`,
  continued: (title: string) => `${title} (tiếp theo)`,
  pageNumber: (page: number, total: number) => `Trang ${page}/${total}`,
  no: 'STT',
  name: 'Họ và tên',
  level: 'Mức',
  score: 'Điểm',
  comment: 'Nhận xét',
  subjectTitle: (label: string, isActivity: boolean) => (isActivity ? label : `Môn ${label}`),
  traitsSheet: 'Phẩm chất, năng lực',
  traitsTitle: (periodName: string) => `Phẩm chất và năng lực — ${periodName}`,
  generalCompetencies: 'Năng lực chung',
  specificCompetencies: 'Năng lực đặc thù',
  qualities: 'Phẩm chất chủ yếu',
  /** One period's (or one trait's) comment inside the joined comment cell. */
  commentLine: (name: string, comment: string) => `${name}: ${comment}`,
  subjectLegend: 'Mức: T — Hoàn thành tốt; H — Hoàn thành; C — Chưa hoàn thành.',
  scoredSubjectLegend:
    'Mức: T — Hoàn thành tốt; H — Hoàn thành; C — Chưa hoàn thành. Điểm: điểm bài kiểm tra định kỳ (điểm kiểm tra lại nếu có).',
  traitLegend: 'Mức: T — Tốt; Đ — Đạt; C — Cần cố gắng.',
} as const;
