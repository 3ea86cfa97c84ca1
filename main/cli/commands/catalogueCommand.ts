import { resolve } from 'node:path';
import { z } from 'zod';
import { catalogueSchema } from '../../../shared/domain/evaluation/catalogueSchema';
import type { CompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { loadCatalogue } from '../../services/catalogueFile';
import type { CliCommand } from '../cliIo';
import { integerOption, parseCommandArgs } from '../parseArgs';
import { cliStrings } from '../strings';

/** What one grade evaluates, flattened for readers who want a single grade. */
function gradeView(compiled: CompiledCatalogue, grade: number) {
  const plan = compiled.plan(grade);
  const { catalogue } = compiled;
  return {
    catalogueVersion: catalogue.version,
    grade,
    periods: catalogue.periods,
    subjectLevels: catalogue.subjectLevels,
    characterLevels: catalogue.characterLevels,
    score: catalogue.score,
    subjects: plan.rows.map((row) => ({
      key: row.key,
      subject: row.subject.code,
      ...(row.partCode ? { part: row.partCode } : {}),
      name: row.label,
      kind: row.subject.kind,
      status: row.status,
      testPeriods: catalogue.periods
        .map((period) => period.code)
        .filter((period) => row.testPeriods.has(period)),
    })),
    competencies: plan.competencies.map(({ code, name, competencyKind }) => ({
      code,
      name,
      kind: competencyKind,
    })),
    qualities: plan.qualities.map(({ code, name }) => ({ code, name })),
  };
}

export const catalogueCommand: CliCommand = {
  name: 'catalogue',
  summary: 'In danh mục môn học, phẩm chất, năng lực và quy tắc đánh giá (JSON)',
  help: `Cách dùng: hocba catalogue [--grade N] [--catalogue TỆP] [--schema]

In danh mục đánh giá theo Thông tư 27/2020/TT-BGDĐT dưới dạng JSON: môn học và hoạt động của
từng lớp (bắt buộc/tự chọn, kỳ có bài kiểm tra định kỳ, đánh giá theo phần), phẩm chất, năng lực,
các mức, thang điểm và quy tắc xếp loại cuối năm.

  --grade N          chỉ in những gì lớp N (1–5) được đánh giá
  --catalogue TỆP    dùng danh mục do Sở ban hành thay cho danh mục mặc định (được kiểm tra trước)
  --schema           in JSON Schema của danh mục (để Sở soạn danh mục đã sửa)`,
  run: async (args, io) => {
    const { values } = parseCommandArgs(args, {
      grade: { type: 'string' },
      catalogue: { type: 'string' },
      schema: { type: 'boolean' },
    });
    if (values.schema) {
      await io.stdout(
        `${JSON.stringify(z.toJSONSchema(catalogueSchema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`,
      );
      return 0;
    }
    const loaded = await loadCatalogue(
      values.catalogue === undefined ? undefined : resolve(io.cwd, values.catalogue),
    );
    if (!loaded.ok) {
      io.stderr(
        `${cliStrings.badCatalogue}\n${loaded.problems.map((problem) => `  ${problem}`).join('\n')}\n`,
      );
      return 1;
    }
    if (values.grade === undefined) {
      await io.stdout(`${JSON.stringify(loaded.compiled.catalogue, null, 2)}\n`);
      return 0;
    }
    const grade = integerOption(values.grade, 'grade', 1, 1, 5);
    await io.stdout(`${JSON.stringify(gradeView(loaded.compiled, grade), null, 2)}\n`);
    return 0;
  },
};
