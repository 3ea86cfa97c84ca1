import { buildStudentYear } from '../../shared/domain/evaluation/buildStudentYear';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import { buildTrackingBook, type TrackingBookStudent } from '../../shared/domain/evaluation/trackingBook';
import {
  trackingBookExportRequestSchema,
  type TrackingBookExportRequest,
} from '../../shared/domain/evaluation/trackingBookExport';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';

const compiled = defaultCompiledCatalogue();

export const trackingBookComments = {
  toanGK1: 'Em tính nhẩm nhanh, trình bày bài sạch sẽ.',
  toanCN: 'Em giải được các bài toán có lời văn; cần cẩn thận hơn khi đặt tính.',
  chamChiCK1: 'Em chăm chỉ, tự giác làm bài tập về nhà.',
} as const;

/**
 * A grade 4 class of `size` students from the sample school (Vietnamese names, one sent in NFD):
 * every level entered, scores where the grade has tests, a retest at CN for the second student,
 * and a few comments.
 */
export function trackingBookClass(size = 35) {
  const sample = generateSampleSchool({ seed: 2025, students: 180, region: 'ha-noi' });
  const schoolClass = sample.classes.find((candidate) => candidate.grade === 4);
  if (!schoolClass) throw new Error('the sample school has no grade 4 class');
  const pupils = sample.students.filter((student) => student.classId === schoolClass.id).slice(0, size);
  const students: TrackingBookStudent[] = pupils.map((pupil, index) => {
    const year = buildStudentYear(compiled, {
      grade: 4,
      subjectLevel: (row, period) => (index % 3 === 2 && row.key === 'toan' && period === 'GK1' ? 'C' : 'T'),
      score: (row) => (index % 3 === 2 && row.key === 'toan' ? 4 : 7 + (index % 4)),
      traitLevel: (trait) => (index % 4 === 1 && trait.code === 'trung-thuc' ? 'Đ' : 'T'),
    });
    const subjects = year.subjects.map((entry) => {
      if (entry.subject !== 'toan') return entry;
      if (index === 0 && entry.period === 'GK1') return { ...entry, comment: trackingBookComments.toanGK1 };
      if (index === 0 && entry.period === 'CN') return { ...entry, comment: trackingBookComments.toanCN };
      if (index === 1 && entry.period === 'CN') return { ...entry, score: 4, retestScore: 6 };
      return entry;
    });
    const qualities = year.qualities.map((entry) =>
      index === 0 && entry.quality === 'cham-chi' && entry.period === 'CK1'
        ? { ...entry, comment: trackingBookComments.chamChiCK1 }
        : entry,
    );
    return {
      id: pupil.id,
      fullName: index === 6 ? pupil.fullName.normalize('NFD') : pupil.fullName,
      year: { ...year, subjects, qualities },
    };
  });
  return { sample, schoolClass, students };
}

/** The whole book of that class as the renderer sends it (every subject, qualities and competencies). */
export function trackingBookRequest(size = 35): TrackingBookExportRequest {
  const { sample, schoolClass, students } = trackingBookClass(size);
  const plan = compiled.plan(4);
  return trackingBookExportRequestSchema.parse({
    school: { name: sample.school.name, province: sample.school.province, commune: sample.school.commune },
    className: schoolClass.name,
    schoolYear: sample.schoolYear,
    grade: 4,
    homeroomTeacherName: schoolClass.homeroomTeacherName,
    sections: buildTrackingBook(compiled, 4, students, {
      rowKeys: plan.rows.map((row) => row.key),
      traits: true,
    }),
  });
}
