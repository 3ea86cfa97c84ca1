import { resolve } from 'node:path';
import { isSchoolYear } from '../../../shared/domain/schoolYear';
import { generateSampleSchool, defaultSampleSchoolYear } from '../../../shared/sample/generateSampleSchool';
import { sampleRegions } from '../../../shared/sample/sampleRegions';
import { sampleStudentLimits } from '../../../shared/sample/sampleSchoolFile';
import { writeFileAtomic } from '../../services/atomicWrite';
import { CliUsageError, type CliCommand } from '../cliIo';
import { integerOption, parseCommandArgs } from '../parseArgs';
import { cliStrings } from '../strings';

const regionKeys = sampleRegions.map((region) => region.key);

export const seedCommand: CliCommand = {
  name: 'seed',
  summary: 'Tạo dữ liệu mẫu của một trường tiểu học (JSON)',
  help: `Cách dùng: hocba seed [--students N] [--seed S] [--school-year 2025-2026] [--region VÙNG] [--out TỆP]

Tạo một trường tiểu học mẫu: 5 khối, lớp 30–40 học sinh, họ tên tiếng Việt có dấu, giới tính,
ngày sinh đúng độ tuổi, dân tộc, cha mẹ. Cùng --seed luôn cho cùng một tệp.

  --students N       số học sinh (${sampleStudentLimits.min}–${sampleStudentLimits.max}, mặc định 600)
  --seed S           hạt giống ngẫu nhiên (số nguyên ≥ 0, mặc định 2025)
  --school-year NH   năm học (mặc định ${defaultSampleSchoolYear})
  --region VÙNG      ${regionKeys.join(' | ')} (mặc định: chọn theo --seed)
  --out TỆP          ghi ra tệp; không có thì in ra màn hình`,
  run: async (args, io) => {
    const { values } = parseCommandArgs(args, {
      students: { type: 'string' },
      seed: { type: 'string' },
      'school-year': { type: 'string' },
      region: { type: 'string' },
      out: { type: 'string' },
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
