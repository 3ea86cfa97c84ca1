/**
 * What the recomputation of a học bạ's result, awards and completion says when the record does
 * not agree with its own values, in Vietnamese for a principal (conventions.md: one module per
 * area; the engine's own sentences come from evaluationStrings).
 */
export const recordConsistencyStrings = {
  unknownCatalogue: (version: string, known: string) =>
    `Học bạ được đánh giá theo danh mục đánh giá phiên bản «${version}», nhưng ở đây chỉ có danh mục phiên bản ${known}: chưa tính lại được kết quả cuối năm để đối chiếu với học bạ. Hãy kiểm tra bằng danh mục phiên bản «${version}» do Sở Giáo dục và Đào tạo ban hành.`,
  versionList: (versions: readonly string[]) => versions.map((version) => `«${version}»`).join(', '),
  badGrade: (grade: number) => `Học bạ ghi khối lớp ${String(grade)}; khối lớp phải là số nguyên từ 1 đến 5.`,

  finalWithCompletionPending: (label: string) =>
    `Học bạ ghi là bản chính thức nhưng việc xét hoàn thành chưa xong ("${label}"): học sinh chưa hoàn thành phải có kết quả đánh giá bổ sung (và quyết định của hiệu trưởng nếu cần) trước khi học bạ là bản chính thức.`,
  finalWithoutResult:
    'Học bạ ghi là bản chính thức nhưng chưa có kết quả cuối năm: học bạ chưa đủ kết quả chỉ có thể là bản nháp.',
  resultDisagrees: (printed: string, computed: string, why: string) =>
    `Học bạ ghi kết quả «${printed}» nhưng các điểm và mức đạt được trong học bạ cho kết quả «${computed}»: ${why}`,
  resultNameWrong: (printed: string, expected: string) =>
    `Học bạ in kết quả «${printed}» nhưng mã kết quả ghi trong học bạ là của kết quả «${expected}».`,
  resultWithMissingValues: (printed: string, missing: string) =>
    `Học bạ ghi kết quả «${printed}» nhưng chưa đủ các điểm và mức đạt được để có kết quả cuối năm: ${missing}`,
  incompleteButComputes: (computed: string) =>
    `Học bạ ghi là chưa đủ dữ liệu để có kết quả cuối năm, nhưng các điểm và mức đạt được trong học bạ đã cho kết quả «${computed}».`,
  missingListDiffers: (missing: string) =>
    `Học bạ ghi sai những giá trị còn thiếu. Các giá trị thực sự còn thiếu: ${missing}`,
  andMore: (count: number) => `(và ${String(count)} giá trị khác)`,

  excellentMissing: (result: string, award: string) =>
    `Các điểm và mức đạt được trong học bạ cho kết quả «${result}», nên học bạ phải ghi khen thưởng «${award}», nhưng học bạ không ghi.`,
  awardNotAllowed: (award: string, allowedFor: string, computed: string) =>
    `Học bạ ghi khen thưởng «${award}» nhưng khen thưởng này chỉ dành cho học sinh đạt kết quả «${allowedFor}»; các điểm và mức đạt được trong học bạ cho kết quả «${computed}».`,
  awardWithoutResult: (award: string) =>
    `Học bạ ghi khen thưởng «${award}» nhưng học bạ chưa có kết quả cuối năm.`,
  awardTitleWrong: (printed: string, expected: string) =>
    `Học bạ ghi khen thưởng «${printed}» nhưng tên đúng của khen thưởng này là «${expected}».`,
  awardTwice: (award: string) => `Học bạ ghi khen thưởng «${award}» hơn một lần.`,
  reservedAwardTitle: (printed: string, reserved: string) =>
    `Học bạ ghi «${printed}» là một khen thưởng khác, nhưng «${reserved}» chỉ được ghi là khen thưởng theo kết quả cuối năm.`,

  completionMissing: (expected: string) =>
    `Học bạ không ghi việc hoàn thành chương trình; theo các giá trị trong học bạ phải ghi «${expected}».`,
  completionDisagrees: (printed: string, expected: string) =>
    `Học bạ ghi «${printed}» nhưng theo kết quả cuối năm, đánh giá bổ sung và quyết định của hiệu trưởng ghi trong học bạ thì phải là «${expected}».`,
  completionWithoutResult: (printed: string) =>
    `Học bạ ghi «${printed}» nhưng học bạ chưa có kết quả cuối năm.`,

  rowNotInCatalogue: (label: string, key: string, grade: number, version: string) =>
    `Học bạ có dòng «${label}» (mã ${key}) nhưng danh mục đánh giá phiên bản «${version}» không có dòng này ở lớp ${String(grade)}.`,
  rowTwice: (label: string) => `Học bạ có dòng «${label}» hơn một lần.`,
  rowLabelWrong: (printed: string, expected: string) =>
    `Học bạ ghi tên dòng «${printed}» cho môn học hoặc hoạt động giáo dục «${expected}» của danh mục.`,
  rowKindWrong: (label: string) =>
    `Học bạ ghi sai «${label}» là môn học hay hoạt động giáo dục so với danh mục đánh giá.`,
  rowMarkedElective: (label: string) =>
    `Học bạ ghi «${label}» là môn tự chọn, nhưng theo danh mục đánh giá đây là môn bắt buộc của lớp này.`,
  rowMarkedCompulsory: (label: string) =>
    `Học bạ ghi «${label}» là môn bắt buộc, nhưng theo danh mục đánh giá đây là môn tự chọn của lớp này.`,
  rowTestedWrong: (label: string) =>
    `Học bạ ghi sai việc «${label}» có bài kiểm tra định kỳ hay không so với danh mục đánh giá.`,
  traitNotInCatalogue: (name: string, code: string, grade: number, version: string) =>
    `Học bạ có phẩm chất hoặc năng lực «${name}» (mã ${code}) nhưng danh mục đánh giá phiên bản «${version}» không đánh giá mục này ở lớp ${String(grade)}.`,
  traitTwice: (name: string) => `Học bạ có phẩm chất hoặc năng lực «${name}» hơn một lần.`,
  traitNameWrong: (printed: string, expected: string) =>
    `Học bạ ghi tên «${printed}» cho phẩm chất hoặc năng lực «${expected}» của danh mục.`,
  traitKindWrong: (name: string) =>
    `Học bạ ghi «${name}» sai nhóm (phẩm chất, năng lực chung hoặc năng lực đặc thù) so với danh mục đánh giá.`,
} as const;

/**
 * The short name of the exemplary award ("Học sinh Tiêu biểu …"): an "other" award may not carry
 * it, nor the excellent award's name, since the PDF prints an award's title and not its kind.
 */
export const exemplaryAwardShortName = 'Học sinh Tiêu biểu';
