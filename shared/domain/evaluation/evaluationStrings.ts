/** Vietnamese messages of the evaluation engine, worded for teachers. */
export const evaluationStrings = {
  unknownSubject: (code: string) => `Không có môn học mã "${code}" trong danh mục.`,
  subjectNotInGrade: (grade: number, subject: string) => `Lớp ${grade} không học môn ${subject}.`,
  electiveNotTaken: (subject: string) =>
    `Học sinh không học môn tự chọn ${subject}; bỏ kết quả này hoặc ghi môn vào danh sách môn tự chọn.`,
  unknownElective: (code: string, grade: number) => `"${code}" không phải môn tự chọn của lớp ${grade}.`,
  partRequired: (subject: string, parts: string) =>
    `Môn ${subject} được đánh giá theo từng phần (${parts}); hãy ghi rõ phần.`,
  partNotAllowed: (subject: string) => `Môn ${subject} không chia phần.`,
  unknownPart: (subject: string, part: string) => `Môn ${subject} không có phần "${part}".`,
  duplicateSubject: (row: string, period: string) => `Kết quả môn ${row}, ${period}, bị nhập hai lần.`,
  noTest: (grade: number, period: string, row: string) =>
    `Lớp ${grade} không có bài kiểm tra ${period} môn ${row}.`,
  badScore: (row: string, period: string, value: number, minimum: number, maximum: number) =>
    `Điểm kiểm tra môn ${row}, ${period}, là ${value}: điểm phải là số nguyên từ ${minimum} đến ${maximum}, không có phần thập phân.`,
  retestWithoutScore: (row: string, period: string) =>
    `Môn ${row}, ${period}, có điểm kiểm tra lại nhưng chưa có điểm bài kiểm tra lần đầu.`,
  unknownTrait: (kind: string, code: string) => `Không có ${kind} mã "${code}" trong danh mục.`,
  traitNotInGrade: (grade: number, label: string) => `${label} không được đánh giá ở lớp ${grade}.`,
  duplicateTrait: (label: string, period: string) =>
    `Kết quả ${label.toLowerCase()}, ${period}, bị nhập hai lần.`,
  missingSubjectLevel: (row: string, period: string) => `Chưa có mức đạt được môn ${row}, ${period}.`,
  missingScore: (row: string, period: string) => `Chưa có điểm bài kiểm tra môn ${row}, ${period}.`,
  invalidScore: (row: string, period: string) => `Điểm bài kiểm tra môn ${row}, ${period}, không hợp lệ.`,
  missingTraitLevel: (label: string, period: string) =>
    `Chưa có mức đánh giá ${label.toLowerCase()}, ${period}.`,
  blockedBySubjectLevel: (row: string, level: string, needed: string, target: string) =>
    `Môn ${row} đạt mức ${level}; mức ${target} cần ${needed}.`,
  blockedByTraitLevel: (label: string, level: string, needed: string, target: string) =>
    `${label} đạt mức ${level}; mức ${target} cần ${needed}.`,
  blockedByScore: (row: string, score: number, minimum: number, target: string) =>
    `Điểm kiểm tra cuối năm môn ${row} là ${score}; mức ${target} cần từ ${minimum} điểm trở lên.`,
  meetsAll: (target: string) => `Đạt mọi điều kiện của mức ${target}.`,
  explainShortfall: (result: string, above: string, reasons: readonly string[]) =>
    `${result}. Chưa đạt mức ${above} vì: ${reasons.join(' ')}`,
  levelList: (names: readonly string[]) => names.join(' hoặc '),
  qualityKind: 'phẩm chất',
  competencyKind: 'năng lực',
  excellentAward: 'Học sinh Xuất sắc',
  exemplaryAward: 'Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện',
  outstandingSubject: (row: string, score: number) =>
    `Kết quả nổi bật môn ${row}: điểm kiểm tra cuối năm ${score}.`,
  traitProgress: (label: string, from: string, fromPeriod: string, to: string) =>
    `${label} tiến bộ từ mức ${from} (${fromPeriod}) lên ${to} (cuối năm học).`,
  completedGrade: 'Hoàn thành chương trình lớp học',
  completedPrimary: 'Hoàn thành chương trình tiểu học',
  awaitingSupplementary: 'Chưa hoàn thành chương trình lớp học: lập kế hoạch giúp đỡ và đánh giá bổ sung.',
  awaitingDecision: 'Đánh giá bổ sung chưa hoàn thành: chờ hiệu trưởng quyết định việc lên lớp.',
  promoted: 'Được lên lớp',
  retained: 'Chưa được lên lớp',
} as const;
