/** Why a write was refused, in Vietnamese. */
export const writeStrings = {
  subjectNotInGrade: (grade: number) => `Môn này không có trong chương trình lớp ${grade}.`,
  notAssignedSubject: (subject: string) =>
    `Bạn không được phân công đánh giá môn ${subject} của lớp này, nên chỉ xem được.`,
  electiveNotTaken: (subject: string) => `Học sinh không học môn tự chọn ${subject}.`,
  commentTooLong: (max: number) => `Nhận xét dài quá ${max} ký tự.`,
  traitNotInGrade: (grade: number) => `Phẩm chất, năng lực này không được đánh giá ở lớp ${grade}.`,
  notHomeroom: 'Chỉ giáo viên chủ nhiệm của lớp mới nhập được phần này.',
  notPrincipal: 'Chỉ hiệu trưởng mới quyết định việc lên lớp của học sinh chưa hoàn thành chương trình.',
  badStepDate: 'Ngày phải có dạng ngày/tháng/năm và có thật, ví dụ 05/08/2026.',
  noSupplementaryOnPlan:
    'Học sinh được đánh giá theo kế hoạch giáo dục cá nhân không có đánh giá bổ sung; hiệu trưởng quyết định việc hoàn thành chương trình.',
  decisionBeforeSupplementary:
    'Chỉ quyết định sau khi học sinh đã được đánh giá bổ sung mà vẫn chưa hoàn thành (TT27 Điều 11 khoản 3).',
  notLeadership: 'Chỉ hiệu trưởng hoặc phó hiệu trưởng mới thiết lập được năm học, lớp và phân công.',
  cannotImport: 'Chỉ giáo viên chủ nhiệm của lớp hoặc ban giám hiệu mới nhập được danh sách lớp.',
  nothingToImport: 'Không có dòng hợp lệ nào để nhập.',
  importConflict: 'Một số học sinh đã có trên máy trong lúc bạn xem trước. Hãy chọn lại tệp để kiểm tra lại.',
} as const;

/** Why a setup write (school year, staff, classes, assignments) was refused. */
export const setupWriteStrings = {
  unknownForeignLanguage:
    'Ngoại ngữ 1 phải là một trong các thứ tiếng của chương trình: Tiếng Anh, Tiếng Nga, Tiếng Pháp, Tiếng Trung Quốc, Tiếng Đức, Tiếng Nhật, Tiếng Hàn.',
  noSchool: 'Chưa có dữ liệu trường trên máy này.',
  badLogin: 'Tên đăng nhập gồm 3–40 chữ thường không dấu, số, dấu chấm hoặc gạch ngang.',
  badFullName: 'Họ và tên không được để trống và dài tối đa 120 ký tự.',
  loginTaken: (login: string) => `Tên đăng nhập ${login} đã có người dùng. Hãy chọn tên khác.`,
  staffNotFound: 'Không tìm thấy người này trong danh sách cán bộ, giáo viên của trường.',
  notYourself: 'Bạn không thể tự ngừng hoạt động tài khoản của chính mình.',
  lastPrincipal: 'Trường phải còn ít nhất một hiệu trưởng đang làm việc.',
  badClass: 'Tên lớp không được để trống và dài tối đa 20 ký tự; khối lớp từ 1 đến 5.',
  classGradeMismatch: (name: string, grade: number) => `Tên lớp ${name} không khớp với khối ${grade}.`,
  classExists: (name: string, schoolYear: string) => `Năm học ${schoolYear} đã có lớp ${name}.`,
  classNotFound: 'Không tìm thấy lớp này trên máy.',
  classHasStudents: (name: string) => `Lớp ${name} đã có học sinh nên không xóa được.`,
  classHasResults: (name: string) => `Lớp ${name} đã có kết quả đánh giá nên không xóa được.`,
  teacherUnavailable: 'Giáo viên được chọn không có trong danh sách hoặc đã ngừng hoạt động.',
  badSchoolYear: 'Năm học phải có dạng 2026-2027.',
  setupOnServer:
    'Tài khoản, lớp và phân công của trường được ghi lên máy chủ của Sở trước rồi mới lưu trên máy này.',
  principalRoleIsProvinces:
    'Vai trò hiệu trưởng do Sở Giáo dục và Đào tạo giao trên trang quản trị của Sở; không đổi được ở đây.',
  classIdDiffers: (name: string) =>
    `Máy chủ của Sở ghi lớp ${name} khác với máy này. Hãy báo cán bộ phụ trách công nghệ thông tin của Sở.`,
  yearNotNext: (expected: string) => `Năm học tiếp theo phải là ${expected}.`,
} as const;

/** Why a profile write was refused. */
export const profileWriteStrings = {
  studentNotFound: 'Không tìm thấy học sinh này trên máy. Hãy tải lại danh sách lớp.',
  studentCodeReadOnly:
    'Mã học sinh do Bộ cấp nên không sửa được ở đây. Nếu mã sai, hãy xóa học sinh và nhập lại danh sách lớp.',
  invalidField: (label: string, message: string) => `${label}: ${message}`,
  unknownEthnicity: (text: string) => `Dân tộc "${text}" không có trong danh mục 54 dân tộc Việt Nam.`,
  duplicatePersonalId: (className: string) =>
    `Mã định danh cá nhân này đã có ở một học sinh khác của trường (lớp ${className}). Hãy kiểm tra lại giấy khai sinh.`,
  checkInFuture: 'Ngày xác nhận không được sau hôm nay.',
  notElective: (grade: number) => `Môn này không phải môn tự chọn của lớp ${grade}.`,
  invalidPhoto: 'Ảnh không hợp lệ. Hãy chọn và lưu lại ảnh.',
  badRegisterNumber:
    'Số đăng bộ chỉ gồm chữ, số và các dấu / - . (tối đa 40 ký tự), ví dụ 125/2022. Hãy ghi như trong sổ đăng bộ.',
  entryDateInFuture: 'Ngày nhập học/chuyển đến không được sau hôm nay.',
  entryDateBeforeBirth: 'Ngày nhập học/chuyển đến không được trước ngày sinh của học sinh.',
} as const;
