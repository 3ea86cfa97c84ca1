/** Why a document write was refused by the shared rules, in Vietnamese, for the user. */
export const writeRuleStrings = {
  nothingWritten: 'Không có gì để ghi.',
  notYourStamp: 'Tài liệu phải ghi đúng người sửa là người đang đăng nhập.',
  otherSchool: 'Không thể chuyển tài liệu sang trường khác.',
  idChanged: 'Không thể đổi mã của tài liệu đã có.',
  idNotNatural: 'Mã tài liệu không khớp với thông tin của nó (học sinh, lớp, môn, năm học).',
  notLeadership: 'Chỉ hiệu trưởng hoặc phó hiệu trưởng mới thiết lập được trường, năm học, lớp và phân công.',
  notHomeroom: 'Chỉ giáo viên chủ nhiệm của lớp mới nhập được phần này.',
  notHomeroomOrLeadership:
    'Chỉ giáo viên chủ nhiệm của lớp hoặc ban giám hiệu mới ghi được hồ sơ học sinh này.',
  classMoveByLeadership: 'Chỉ ban giám hiệu mới chuyển được học sinh sang lớp khác.',
  studentCodeReadOnly: 'Mã học sinh do Bộ cấp nên không sửa được.',
  notAssignedSubject: 'Bạn không được phân công đánh giá môn này của lớp này, nên chỉ xem được.',
  rowChanged: 'Không thể chuyển kết quả sang học sinh, lớp hoặc môn khác.',
  notPrincipal: 'Chỉ hiệu trưởng mới quyết định việc lên lớp của học sinh chưa hoàn thành chương trình.',
  onlyRemovedByLeadership: 'Chỉ ban giám hiệu mới xóa được tài liệu này.',
  auditInsertOnly: 'Nhật ký thay đổi chỉ được ghi thêm, không được sửa hay xóa.',
  auditOtherActor: 'Nhật ký thay đổi phải ghi đúng người đang đăng nhập.',
} as const;
