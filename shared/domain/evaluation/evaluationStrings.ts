/**
 * Vietnamese messages of the evaluation engine, worded for teachers. A "phrase" names a row as a
 * sentence needs it: "môn Toán", or an activity by its own name ("Hoạt động trải nghiệm").
 */
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const evaluationStrings = {
  badGrade: 'Khối lớp phải là số nguyên từ 1 đến 5.',
  unknownSubject: (code: string) => `Không có môn học mã "${code}" trong danh mục.`,
  subjectNotInGrade: (grade: number, label: string) => `Lớp ${grade} không học ${label}.`,
  electiveNotTaken: (label: string) =>
    `Học sinh không học môn tự chọn ${label}; bỏ kết quả này hoặc ghi môn vào danh sách môn tự chọn.`,
  unknownElective: (code: string, grade: number) => `"${code}" không phải môn tự chọn của lớp ${grade}.`,
  partRequired: (subject: string, parts: string) =>
    `Môn ${subject} được đánh giá theo từng phần (${parts}); hãy ghi rõ phần.`,
  partNotAllowed: (subject: string) => `Môn ${subject} không chia phần.`,
  unknownPart: (subject: string, part: string) => `Môn ${subject} không có phần "${part}".`,
  duplicateSubject: (phrase: string, period: string) => `Kết quả ${phrase}, ${period}, bị nhập hai lần.`,
  noTest: (grade: number, period: string, phrase: string) =>
    `Lớp ${grade} không có bài kiểm tra ${period} ${phrase}.`,
  badScore: (phrase: string, period: string, value: number, minimum: number, maximum: number) =>
    `Điểm bài kiểm tra ${phrase}, ${period}, là ${value}: điểm phải là số nguyên từ ${minimum} đến ${maximum}, không có phần thập phân.`,
  retestWithoutScore: (phrase: string, period: string) =>
    `${capitalize(phrase)}, ${period}, có điểm kiểm tra lại nhưng chưa có điểm bài kiểm tra lần đầu.`,
  retestOutsideTermEnd: (phrase: string, period: string) =>
    `Chỉ bài kiểm tra cuối học kỳ I và cuối năm học mới được kiểm tra lại; bỏ điểm kiểm tra lại của ${phrase}, ${period}.`,
  qualityLabel: (name: string) => `Phẩm chất ${name}`,
  competencyLabel: (name: string) => `Năng lực ${name}`,
  unknownQuality: (code: string) => `Không có phẩm chất mã "${code}" trong danh mục.`,
  unknownCompetency: (code: string) => `Không có năng lực mã "${code}" trong danh mục.`,
  traitNotInGrade: (grade: number, label: string) => `${label} không được đánh giá ở lớp ${grade}.`,
  duplicateTrait: (label: string, period: string) =>
    `Kết quả ${label.toLowerCase()}, ${period}, bị nhập hai lần.`,
  missingSubjectLevel: (phrase: string, period: string) => `Chưa có mức đạt được của ${phrase}, ${period}.`,
  missingScore: (phrase: string, period: string) => `Chưa có điểm bài kiểm tra ${phrase}, ${period}.`,
  invalidScore: (phrase: string, period: string) => `Điểm bài kiểm tra ${phrase}, ${period}, không hợp lệ.`,
  missingTraitLevel: (label: string, period: string) =>
    `Chưa có mức đánh giá ${label.toLowerCase()}, ${period}.`,
  blockedBySubjectLevel: (phrase: string, level: string, target: string, needed: string) =>
    `${capitalize(phrase)} ở mức ${level}; để đạt kết quả ${target}, mọi môn học và hoạt động giáo dục phải ở mức ${needed}.`,
  blockedByTraitLevel: (label: string, level: string, target: string, needed: string) =>
    `${label} ở mức ${level}; để đạt kết quả ${target}, mọi phẩm chất và năng lực phải ở mức ${needed}.`,
  blockedByScore: (phrase: string, period: string, score: number, target: string, minimum: number) =>
    `Điểm bài kiểm tra ${period} ${phrase} là ${score}; để đạt kết quả ${target}, mọi điểm bài kiểm tra ${period} phải từ ${minimum} trở lên.`,
  meetsAll: (target: string) => `Đạt mọi điều kiện của kết quả ${target}.`,
  explainShortfall: (result: string, above: string, reasons: readonly string[]) =>
    `${result}. Chưa đạt kết quả ${above} vì: ${reasons.join(' ')}`,
  levelList: (names: readonly string[]) => names.join(' hoặc '),
  excellentAward: 'Học sinh Xuất sắc',
  exemplaryAward: 'Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện',
  outstandingSubject: (phrase: string, period: string, score: number) =>
    `Kết quả nổi bật ${phrase}: điểm bài kiểm tra ${period} ${score}.`,
  traitProgress: (label: string, from: string, fromPeriod: string, to: string, toPeriod: string) =>
    `${label} tiến bộ từ mức ${from} (${fromPeriod}) lên ${to} (${toPeriod}).`,
  gradeProgramme: 'chương trình lớp học',
  primaryProgramme: 'chương trình tiểu học',
  completed: (programme: string) => `Hoàn thành ${programme}`,
  awaitingSupplementary: (programme: string) =>
    `Chưa hoàn thành ${programme}: lập kế hoạch giúp đỡ, rồi đánh giá bổ sung.`,
  awaitingDecision: (programme: string) =>
    `Sau đánh giá bổ sung, học sinh vẫn chưa hoàn thành ${programme}: chờ hiệu trưởng quyết định.`,
  individualPlanResult:
    'Đánh giá theo kế hoạch giáo dục cá nhân (học sinh khuyết tật, Điều 8 Thông tư 27/2020/TT-BGDĐT)',
  individualPlanExplanation:
    'Học sinh khuyết tật được đánh giá theo kế hoạch giáo dục cá nhân nên không xếp mức theo chuẩn chung; hiệu trưởng quyết định việc hoàn thành chương trình theo nhận xét của giáo viên chủ nhiệm.',
  awaitingPlanDecision: (programme: string) =>
    `Đánh giá theo kế hoạch giáo dục cá nhân: chờ hiệu trưởng quyết định việc hoàn thành ${programme}.`,
  supplementaryNotForPlan:
    'Học sinh được đánh giá theo kế hoạch giáo dục cá nhân không có đánh giá bổ sung; hiệu trưởng quyết định trực tiếp.',
  promoted: 'Được lên lớp',
  retained: 'Chưa được lên lớp',
  primaryByDecision: 'Hoàn thành chương trình tiểu học (theo quyết định của hiệu trưởng)',
  primaryRetained: 'Chưa hoàn thành chương trình tiểu học (ở lại lớp 5)',
  decisionWithoutSupplementary:
    'Chưa có đánh giá bổ sung thì chưa thể có quyết định của hiệu trưởng về việc lên lớp.',
  decisionAfterCompletion:
    'Học sinh đã hoàn thành sau đánh giá bổ sung nên không cần quyết định của hiệu trưởng về việc lên lớp.',
  stepNotNeeded: (result: string) =>
    `Học sinh đạt kết quả ${result} nên không có đánh giá bổ sung hay quyết định lên lớp; hãy xóa phần này hoặc kiểm tra lại kết quả.`,
  completionStepsLabel: 'Đánh giá bổ sung, quyết định lên lớp',
  proposedAward: (title: string) => `Đề xuất: ${title} (chờ xác nhận)`,
  incompleteNote: (count: number) => `Chưa đủ dữ liệu: còn ${count} giá trị cần nhập hoặc sửa`,
  invalidNote: (count: number) => `Có ${count} giá trị không hợp lệ`,
  gradeMismatchNote: (student: number, table: number) =>
    `Dữ liệu của học sinh ghi khối ${student}, bảng là khối ${table}`,
} as const;
