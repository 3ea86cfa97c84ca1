import { join, resolve } from 'node:path';
import { defaultCompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { isSchoolYear } from '../../../shared/domain/schoolYear';
import { canonicalRecordJson } from '../../../shared/record/recordHash';
import { sampleStudyRecords } from '../../../shared/record/sampleStudyRecords';
import type { StudyRecord } from '../../../shared/record/studyRecord';
import { generateSampleSchool, defaultSampleSchoolYear } from '../../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../../shared/sample/generateYearResults';
import { sampleRegions } from '../../../shared/sample/sampleRegions';
import { sampleStudentLimits, type SampleSchoolFile } from '../../../shared/sample/sampleSchoolFile';
import { writeFileAtomic } from '../../services/atomicWrite';
import { CliUsageError, type CliCommand } from '../cliIo';
import { integerOption, parseCommandArgs } from '../parseArgs';
import { cliStrings } from '../strings';
import { seedStrings } from './seedStrings';

const regionKeys = sampleRegions.map((region) => region.key);

/** `studyRecord:student:0123456789:2025-2026` → `studyRecord_student_0123456789_2025-2026.json` (no `:` on Windows). */
export function recordFileName(recordId: string): string {
  return `${recordId.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
}

/**
 * One canonical record JSON file per student, from the school's generated year (same seed, so
 * the same school always gives the same files): the input of `hocba render`.
 */
async function writeRecords(school: SampleSchoolFile, seed: number, dir: string): Promise<StudyRecord[]> {
  const compiled = defaultCompiledCatalogue();
  const records = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, seed));
  // A few files at a time: each atomic write waits for its flush.
  for (let start = 0; start < records.length; start += 32) {
    await Promise.all(
      records
        .slice(start, start + 32)
        .map((record) => writeFileAtomic(join(dir, recordFileName(record.id)), canonicalRecordJson(record))),
    );
  }
  return records;
}

export const seedCommand: CliCommand = {
  name: 'seed',
  summary: 'Tạo dữ liệu mẫu của một trường tiểu học (JSON)',
  help: `Cách dùng: hocba seed [--students N] [--seed S] [--school-year 2025-2026] [--region VÙNG] [--out TỆP]
                  [--records-out THƯ-MỤC]

Tạo một trường tiểu học mẫu: 5 khối, lớp 30–40 học sinh, họ tên tiếng Việt có dấu, giới tính,
ngày sinh đúng độ tuổi, dân tộc, cha mẹ. Cùng --seed luôn cho cùng một tệp.

  --students N       số học sinh (${sampleStudentLimits.min}–${sampleStudentLimits.max}, mặc định 600)
  --seed S           hạt giống ngẫu nhiên (số nguyên ≥ 0, mặc định 2025)
  --school-year NH   năm học (mặc định ${defaultSampleSchoolYear})
  --region VÙNG      ${regionKeys.join(' | ')} (mặc định: chọn theo --seed)
  --out TỆP          ghi ra tệp; không có thì in ra màn hình
  --records-out TM   ghi thêm dữ liệu học bạ cả năm của từng học sinh (JSON chuẩn, một tệp mỗi học
                     sinh, tên tệp theo mã học bạ) vào thư mục TM, dùng cho hocba render`,
  run: async (args, io) => {
    const { values } = parseCommandArgs(args, {
      students: { type: 'string' },
      seed: { type: 'string' },
      'school-year': { type: 'string' },
      region: { type: 'string' },
      out: { type: 'string' },
      'records-out': { type: 'string' },
    });
    const students = integerOption(
      values.students,
      'students',
      600,
      sampleStudentLimits.min,
      sampleStudentLimits.max,
    );
    const seed = integerOption(values.seed, 'seed', 2025, 0, 0xffffffff);
    const schoolYearText = values['school-year'];
    if (schoolYearText !== undefined && !isSchoolYear(schoolYearText))
      throw new CliUsageError(cliStrings.badSchoolYear);
    if (values.region !== undefined && !regionKeys.includes(values.region)) {
      throw new CliUsageError(cliStrings.unknownRegion(regionKeys.join(', ')));
    }
    const school = generateSampleSchool({
      seed,
      students,
      ...(schoolYearText !== undefined ? { schoolYear: schoolYearText } : {}),
      ...(values.region !== undefined ? { region: values.region } : {}),
    });
    const json = `${JSON.stringify(school, null, 2)}\n`;
    const recordsOut = values['records-out'];
    if (recordsOut !== undefined) {
      const dir = resolve(io.cwd, recordsOut);
      const records = await writeRecords(school, seed, dir);
      const drafts = records.filter((record) => record.status === 'draft').length;
      io.stderr(`${seedStrings.recordsDone(records.length, drafts, dir)}\n`);
    }
    if (values.out === undefined) {
      await io.stdout(json);
      return 0;
    }
    const out = resolve(io.cwd, values.out);
    await writeFileAtomic(out, json);
    io.stderr(
      `${cliStrings.seedDone(school.school.name, school.students.length, school.classes.length, out)}\n`,
    );
    return 0;
  },
};
