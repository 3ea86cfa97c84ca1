import { formatDate } from '../../domain/dates';

/** Every word the học bạ PDF prints that is not record data (the Ministry's template wording). */
export const recordPdfStrings = {
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  title: 'HỌC BẠ',
  level: 'TIỂU HỌC',
  school: 'Trường',
  commune: 'Xã/Phường',
  province: 'Tỉnh/Thành phố',
  photo: 'Ảnh 3×4',
  identityHeading: 'THÔNG TIN HỌC SINH',
  identity: {
    fullName: 'Họ và tên',
    gender: 'Giới tính',
    birthDate: 'Ngày sinh',
    ethnicity: 'Dân tộc',
    nationality: 'Quốc tịch',
    birthPlace: 'Nơi sinh',
    hometown: 'Quê quán',
    address: 'Nơi ở hiện nay',
    fatherName: 'Họ tên cha',
    motherName: 'Họ tên mẹ',
    guardianName: 'Họ tên người giám hộ',
    studentCode: 'Mã học sinh',
    personalId: 'Mã định danh cá nhân',
  },
  genderName: { male: 'Nam', female: 'Nữ' },
  identityConfirmation: {
    title: 'HIỆU TRƯỞNG',
    hint: '(Ký số tại ô Hiệu trưởng cuối học bạ)',
  },
  historyHeading: 'QUÁ TRÌNH HỌC TẬP',
  historyColumns: ['Năm học', 'Lớp', 'Tên trường', 'Số đăng bộ', 'Ngày nhập học/chuyển đến'],
  yearHeading: (schoolYear: string) => `NĂM HỌC ${schoolYear}`,
  yearLine: { fullName: 'Họ và tên', className: 'Lớp', school: 'Trường' },
  subjectsHeading: '1. Các môn học và hoạt động giáo dục',
  subjectColumns: {
    subject: 'Môn học và hoạt động giáo dục',
    level: 'Mức đạt được',
    score: 'Điểm KTĐK',
    comment: 'Nhận xét',
  },
  qualitiesHeading: '2. Những phẩm chất chủ yếu',
  competenciesHeading: '3. Những năng lực cốt lõi',
  generalCompetencies: 'Năng lực chung',
  specificCompetencies: 'Năng lực đặc thù',
  traitColumns: { quality: 'Phẩm chất', competency: 'Năng lực', level: 'Mức đạt được', comment: 'Nhận xét' },
  subjectLegend: 'Mức đạt được: T - Hoàn thành tốt; H - Hoàn thành; C - Chưa hoàn thành.',
  traitLegend: 'Mức đạt được: T - Tốt; Đ - Đạt; C - Cần cố gắng.',
  resultHeading: '4. Đánh giá kết quả giáo dục',
  resultMissing: 'Chưa đủ kết quả cuối năm:',
  awardsHeading: '5. Khen thưởng',
  noAwards: 'Không',
  completionHeading: '6. Hoàn thành chương trình lớp học/chương trình tiểu học',
  supplementary: (date: string, completed: boolean) =>
    `Đánh giá bổ sung ngày ${formatDate(date)}: ${completed ? 'hoàn thành' : 'chưa hoàn thành'}`,
  decision: (date: string, promoted: boolean) =>
    `Quyết định của hiệu trưởng ngày ${formatDate(date)}: ${promoted ? 'được lên lớp' : 'chưa được lên lớp'}`,
  /**
   * The place-and-date line above the signatures, as the Ministry's template has it: the school's
   * commune (or province) and the day the year's result was confirmed; dots while not yet known.
   */
  placeAndDate: (place: string, isoDate: string | null) => {
    const [year, month, day] = isoDate?.split('-') ?? [];
    return year && month && day
      ? `${place}, ngày ${day} tháng ${month} năm ${year}`
      : `${place}, ngày …… tháng …… năm ……`;
  },
  signatures: {
    homeroomTeacher: 'Giáo viên chủ nhiệm',
    principal: 'Hiệu trưởng',
    schoolSeal: 'Xác nhận của nhà trường',
    signHint: '(Ký số)',
  },
  draftWatermark: 'BẢN NHÁP',
  verifyCaption: 'Mã kiểm tra học bạ',
  recordLine: (version: number) => `Phiên bản ${version}`,
  correctionLine: (amendmentId: string) => `Điều chỉnh theo biên bản ${amendmentId}`,
  page: (current: number, total: number) => `Trang ${current}/${total}`,
  attachmentDescription: 'Dữ liệu học bạ (JSON chuẩn hóa, được ký cùng tệp PDF)',
  documentTitle: (fullName: string, schoolYear: string) => `Học bạ ${fullName} - năm học ${schoolYear}`,
  documentSubject: 'Học bạ số tiểu học',
} as const;
