import { profileItemLabels } from '../../../shared/domain/studentProfile';

/**
 * The words History uses for the stored fields a change touched, as a teacher would name them.
 * A part that names only a technical detail of its parent (a photo's id) maps to '' and is left out.
 */
export const fieldWords: Readonly<Record<string, string>> = {
  // Results.
  level: 'Mức',
  score: 'Điểm KTĐK',
  retestScore: 'Điểm kiểm tra lại',
  comment: 'Nhận xét',
  // A student's identity and profile: the words the profile screen uses.
  ...profileItemLabels,
  photo: 'Ảnh',
  electives: 'Môn tự chọn',
  listNumber: 'STT trong lớp',
  registerNumber: 'Số đăng bộ',
  entryDate: 'Ngày nhập học/chuyển đến',
  priorYears: 'Các năm học trước',
  individualEducationPlan: 'Đánh giá theo kế hoạch giáo dục cá nhân',
  photoId: '',
  width: '',
  height: '',
  classId: 'Lớp',
  // The year's decisions.
  confirmation: 'Xác nhận kết quả cuối năm',
  fingerprint: 'Dữ liệu được xác nhận',
  result: 'Kết quả giáo dục',
  awards: 'Khen thưởng',
  supplementaryEvaluation: 'Đánh giá bổ sung',
  principalDecision: 'Quyết định của hiệu trưởng',
  outcome: 'Kết quả',
  decision: 'Quyết định',
  note: 'Ghi chú',
  date: 'Ngày',
  at: 'Thời điểm',
  by: 'Người thực hiện',
  // School, classes, staff, assignments.
  name: 'Tên',
  grade: 'Khối',
  homeroom: 'Chủ nhiệm',
  homeroomTeacherName: 'Giáo viên chủ nhiệm',
  teacherId: 'Giáo viên',
  subjects: 'Môn được phân công',
  staff: 'Danh sách cán bộ, giáo viên',
  schoolYears: 'Các năm học',
  principalName: 'Hiệu trưởng',
  foreignLanguage1: 'Ngoại ngữ 1 của trường',
  province: 'Tỉnh, thành phố',
  commune: 'Xã, phường',
  taxCode: 'Mã số thuế',
  budgetCode: 'Mã quan hệ ngân sách',
  phone: 'Điện thoại',
  email: 'Thư điện tử',
  login: 'Tên đăng nhập',
  role: 'Vai trò',
  active: 'Đang làm việc',
  formerIdNumber: 'Số CMND cũ',
  holderName: 'Chủ chứng thư',
  issuer: 'Nơi cấp chứng thư',
  serialNumberHex: 'Số hiệu chứng thư',
  notBefore: 'Hiệu lực từ',
  notAfter: 'Hiệu lực đến',
};

/** Stored codes shown in words. */
export const valueWords: Readonly<Record<string, string>> = {
  male: 'Nam',
  female: 'Nữ',
  principal: 'Hiệu trưởng',
  vicePrincipal: 'Phó hiệu trưởng',
  teacher: 'Giáo viên',
  completed: 'Hoàn thành',
  notCompleted: 'Chưa hoàn thành',
  promoted: 'Lên lớp',
  retained: 'Ở lại lớp',
  excellent: 'Học sinh Xuất sắc',
  exemplary: 'Học sinh Tiêu biểu',
  HTXS: 'Hoàn thành xuất sắc',
  HTT: 'Hoàn thành tốt',
  HT: 'Hoàn thành',
  CHT: 'Chưa hoàn thành',
};
