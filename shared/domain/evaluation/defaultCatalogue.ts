import type { z } from 'zod';
import type { catalogueSchema, PeriodCode } from './catalogueSchema';

type CatalogueInput = z.input<typeof catalogueSchema>;

const all = [1, 2, 3, 4, 5] as const;
const endOfTerms: PeriodCode[] = ['CK1', 'CN'];
const everyPeriod: PeriodCode[] = ['GK1', 'CK1', 'GK2', 'CN'];

function compulsory(grades: readonly number[], testPeriods: PeriodCode[] = []) {
  return grades.map((grade) => ({ grade, status: 'compulsory' as const, testPeriods }));
}

function elective(grades: readonly number[]) {
  return grades.map((grade) => ({ grade, status: 'elective' as const, testPeriods: [] }));
}

/**
 * The catalogue that ships with the app: Circular 27/2020/TT-BGDĐT on the General Education
 * Programme 2018 (Thông tư 32/2018/TT-BGDĐT). Rules marked "(confirm)" in ../shared/docs/domain.md are here,
 * in data, so a province can correct them by shipping its own edition.
 */
export const defaultCatalogue: CatalogueInput = {
  format: 'hocba.evaluation-catalogue',
  formatVersion: 1,
  version: '2025.1',
  publisher: 'Học bạ số (mặc định theo Thông tư 27/2020/TT-BGDĐT)',
  legalBasis: [
    {
      reference: 'Thông tư 32/2018/TT-BGDĐT',
      covers: 'Môn học, hoạt động giáo dục của từng lớp (Chương trình GDPT 2018)',
    },
    {
      reference: 'Thông tư 27/2020/TT-BGDĐT, Điều 7',
      covers: 'Đánh giá định kỳ: các mức, bài kiểm tra định kỳ, thang điểm 10',
    },
    {
      reference: 'Thông tư 27/2020/TT-BGDĐT, Điều 9',
      covers: 'Tổng hợp kết quả đánh giá giáo dục; bốn mức cuối năm học',
    },
    {
      reference: 'Thông tư 27/2020/TT-BGDĐT, Điều 11',
      covers: 'Xét hoàn thành chương trình lớp học, chương trình tiểu học',
    },
    { reference: 'Thông tư 27/2020/TT-BGDĐT, Điều 13', covers: 'Khen thưởng' },
  ],
  periods: [
    { code: 'GK1', name: 'Giữa học kỳ I', shortName: 'giữa học kỳ I', order: 1 },
    { code: 'CK1', name: 'Cuối học kỳ I', shortName: 'cuối học kỳ I', order: 2 },
    { code: 'GK2', name: 'Giữa học kỳ II', shortName: 'giữa học kỳ II', order: 3 },
    { code: 'CN', name: 'Cuối năm học', shortName: 'cuối năm học', order: 4 },
  ],
  subjectLevels: [
    { code: 'T', name: 'Hoàn thành tốt' },
    { code: 'H', name: 'Hoàn thành' },
    { code: 'C', name: 'Chưa hoàn thành' },
  ],
  characterLevels: [
    { code: 'T', name: 'Tốt' },
    { code: 'Đ', name: 'Đạt' },
    { code: 'C', name: 'Cần cố gắng' },
  ],
  yearResults: [
    { code: 'HTXS', name: 'Hoàn thành xuất sắc' },
    { code: 'HTT', name: 'Hoàn thành tốt' },
    { code: 'HT', name: 'Hoàn thành' },
    { code: 'CHT', name: 'Chưa hoàn thành' },
  ],
  // Circular 27 keeps Circular 22's integer 10-point scale but no longer forbids 0 (../shared/docs/domain.md: confirm).
  score: { minimum: 0, maximum: 10, decimalsAllowed: false },
  classification: [
    { result: 'HTXS', subjectLevels: ['T'], characterLevels: ['T'], minimumScore: 9 },
    { result: 'HTT', subjectLevels: ['T'], characterLevels: ['T'], minimumScore: 7 },
    { result: 'HT', subjectLevels: ['T', 'H'], characterLevels: ['T', 'Đ'], minimumScore: 5 },
  ],
  fallbackResult: 'CHT',
  awards: { excellentFor: 'HTXS', exemplaryCandidatesFrom: 'HTT', outstandingScore: 9 },
  qualities: [
    { code: 'yeu-nuoc', name: 'Yêu nước', grades: [...all], order: 1 },
    { code: 'nhan-ai', name: 'Nhân ái', grades: [...all], order: 2 },
    { code: 'cham-chi', name: 'Chăm chỉ', grades: [...all], order: 3 },
    { code: 'trung-thuc', name: 'Trung thực', grades: [...all], order: 4 },
    { code: 'trach-nhiem', name: 'Trách nhiệm', grades: [...all], order: 5 },
  ],
  competencies: [
    { code: 'tu-chu-tu-hoc', name: 'Tự chủ và tự học', kind: 'general', grades: [...all], order: 1 },
    { code: 'giao-tiep-hop-tac', name: 'Giao tiếp và hợp tác', kind: 'general', grades: [...all], order: 2 },
    {
      code: 'giai-quyet-van-de-sang-tao',
      name: 'Giải quyết vấn đề và sáng tạo',
      kind: 'general',
      grades: [...all],
      order: 3,
    },
    { code: 'ngon-ngu', name: 'Ngôn ngữ', kind: 'specific', grades: [...all], order: 4 },
    { code: 'tinh-toan', name: 'Tính toán', kind: 'specific', grades: [...all], order: 5 },
    { code: 'khoa-hoc', name: 'Khoa học', kind: 'specific', grades: [...all], order: 6 },
    { code: 'cong-nghe', name: 'Công nghệ', kind: 'specific', grades: [...all], order: 7 },
    { code: 'tin-hoc', name: 'Tin học', kind: 'specific', grades: [...all], order: 8 },
    { code: 'tham-mi', name: 'Thẩm mĩ', kind: 'specific', grades: [...all], order: 9 },
    { code: 'the-chat', name: 'Thể chất', kind: 'specific', grades: [...all], order: 10 },
  ],
  subjects: [
    {
      code: 'tieng-viet',
      name: 'Tiếng Việt',
      kind: 'subject',
      // TT27 Điều 7 khoản 1 điểm b: tests at CK1 and CN; grades 4–5 also at GK1 and GK2.
      grades: [...compulsory([1, 2, 3], endOfTerms), ...compulsory([4, 5], everyPeriod)],
      recordOrder: 1,
      summaryOrder: 1,
    },
    {
      code: 'toan',
      name: 'Toán',
      kind: 'subject',
      grades: [...compulsory([1, 2, 3], endOfTerms), ...compulsory([4, 5], everyPeriod)],
      recordOrder: 2,
      summaryOrder: 2,
    },
    {
      code: 'ngoai-ngu-1',
      name: 'Ngoại ngữ 1',
      kind: 'subject',
      grades: [...elective([1, 2]), ...compulsory([3, 4, 5], endOfTerms)],
      recordOrder: 3,
      summaryOrder: 3,
    },
    {
      code: 'dao-duc',
      name: 'Đạo đức',
      kind: 'subject',
      grades: compulsory(all),
      recordOrder: 4,
      summaryOrder: 4,
    },
    {
      code: 'tu-nhien-xa-hoi',
      name: 'Tự nhiên và Xã hội',
      kind: 'subject',
      grades: compulsory([1, 2, 3]),
      recordOrder: 5,
      summaryOrder: 5,
    },
    {
      code: 'lich-su-dia-li',
      name: 'Lịch sử và Địa lí',
      kind: 'subject',
      grades: compulsory([4, 5], endOfTerms),
      recordOrder: 6,
      summaryOrder: 6,
    },
    {
      code: 'khoa-hoc',
      name: 'Khoa học',
      kind: 'subject',
      grades: compulsory([4, 5], endOfTerms),
      recordOrder: 7,
      summaryOrder: 7,
    },
    {
      code: 'tin-hoc-cong-nghe',
      name: 'Tin học và Công nghệ',
      kind: 'subject',
      // Evaluated as two parts, each with level and score (../shared/docs/domain.md: confirm).
      parts: [
        { code: 'tin-hoc', name: 'Tin học' },
        { code: 'cong-nghe', name: 'Công nghệ' },
      ],
      grades: compulsory([3, 4, 5], endOfTerms),
      recordOrder: 8,
      summaryOrder: 8,
    },
    {
      code: 'giao-duc-the-chat',
      name: 'Giáo dục thể chất',
      kind: 'subject',
      grades: compulsory(all),
      recordOrder: 9,
      summaryOrder: 9,
    },
    {
      code: 'nghe-thuat',
      name: 'Nghệ thuật',
      kind: 'subject',
      parts: [
        { code: 'am-nhac', name: 'Âm nhạc' },
        { code: 'mi-thuat', name: 'Mĩ thuật' },
      ],
      grades: compulsory(all),
      recordOrder: 10,
      summaryOrder: 10,
    },
    {
      code: 'hoat-dong-trai-nghiem',
      name: 'Hoạt động trải nghiệm',
      kind: 'activity',
      grades: compulsory(all),
      recordOrder: 11,
      summaryOrder: 11,
    },
    {
      code: 'tieng-dan-toc',
      name: 'Tiếng dân tộc thiểu số',
      kind: 'subject',
      // An elective: TT27 sets periodic tests for compulsory subjects only (../shared/docs/domain.md: confirm).
      grades: elective(all),
      recordOrder: 12,
      summaryOrder: 12,
    },
  ],
};
