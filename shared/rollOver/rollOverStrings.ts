import type { UndecidedReason } from './rollOverTypes';

/** Why a student cannot be moved yet, as the principal reads it (TT27 Điều 11). */
export const undecidedReasonText: Readonly<Record<UndecidedReason, string>> = {
  noResult: 'chưa có kết quả cuối năm',
  incomplete: 'kết quả cuối năm còn thiếu',
  notConfirmed: 'giáo viên chủ nhiệm chưa xác nhận kết quả cuối năm',
  awaitingSupplementary: 'chưa hoàn thành chương trình, chờ đánh giá bổ sung',
  awaitingDecision: 'chờ hiệu trưởng quyết định lên lớp hay ở lại lớp',
  noClassProposed: 'tên lớp không có khối lớp, hãy chọn lớp năm sau',
  choiceNotAllowed: 'lớp đã chọn không khớp với kết quả cuối năm',
  unknownClass: 'năm học sau không có lớp đã chọn',
  departureIncomplete: 'chuyển trường hoặc thôi học cần ngày và nơi chuyển đến hoặc lý do',
};

/** How many names an error lists before it says how many more there are. */
const namesShown = 5;

export const rollOverStrings = {
  notLeadership: 'Chỉ hiệu trưởng hoặc phó hiệu trưởng mới chuyển năm học được.',
  notStarted:
    'Chưa bắt đầu năm học mới: hãy bắt đầu năm học mới ở mục Năm học trước khi chuyển học sinh lên lớp.',
  /** The undecided students, "Nguyễn Văn An (3A): chưa có kết quả cuối năm", a few of them. */
  undecided: (students: readonly { readonly name: string; readonly reason: string }[]) => {
    const shown = students.slice(0, namesShown).map(({ name, reason }) => `${name}: ${reason}`);
    const more = students.length - shown.length;
    return (
      `Chưa chuyển năm học được: ${students.length} học sinh chưa có hướng đi. ${shown.join('; ')}` +
      `${more > 0 ? `; và ${more} học sinh khác` : ''}. ` +
      'Hãy hoàn tất kết quả cuối năm của các em (xác nhận kết quả, đánh giá bổ sung, quyết định của hiệu trưởng), hoặc chọn chuyển trường hay thôi học.'
    );
  },
} as const;
