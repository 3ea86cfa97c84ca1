import { resolve } from 'node:path';
import { computeYearResult } from '../../../shared/domain/evaluation/computeYearResult';
import {
  studentYearInputSchema,
  type StudentYearInput,
} from '../../../shared/domain/evaluation/studentYearInput';
import { validateStudentYear } from '../../../shared/domain/evaluation/validateStudentYear';
import { describeIssues } from '../../../shared/ipc/issues';
import { loadCatalogue } from '../../services/catalogueFile';
import type { CliCommand } from '../cliIo';
import { parseCommandArgs } from '../parseArgs';
import { cliStrings } from '../strings';

const maxProblemsShown = 50;

export const classifyCommand: CliCommand = {
  name: 'classify',
  summary: 'Xếp loại kết quả giáo dục cuối năm (HTXS, HTT, HT, CHT) cho học sinh đọc từ stdin',
  help: `Cách dùng: hocba classify [--catalogue TỆP] < hoc-sinh.json > ket-qua.json

Đọc từ stdin một mảng JSON các học sinh-năm học, ghi ra stdout một mảng JSON kết quả theo đúng thứ
tự: mức HTXS/HTT/HT/CHT kèm lý do, đề xuất khen thưởng, hoàn thành chương trình; hoặc, khi còn thiếu
dữ liệu, danh sách các giá trị còn thiếu. Định dạng: docs/evaluation-engine.md.

Dữ liệu sai (sai kiểu, mã môn không có, điểm lẻ, điểm ở kỳ không kiểm tra…) được báo rõ mục và
trường, và lệnh thoát với mã khác 0 mà không in kết quả nào.

  --catalogue TỆP    dùng danh mục do Sở ban hành thay cho danh mục mặc định`,
  run: async (args, io) => {
    const { values } = parseCommandArgs(args, { catalogue: { type: 'string' } });
    const loaded = await loadCatalogue(
      values.catalogue === undefined ? undefined : resolve(io.cwd, values.catalogue),
    );
    if (!loaded.ok) {
      io.stderr(
        `${cliStrings.badCatalogue}\n${loaded.problems.map((problem) => `  ${problem}`).join('\n')}\n`,
      );
      return 1;
    }
    const { compiled } = loaded;

    let json: unknown;
    try {
      json = JSON.parse(await io.readStdin());
    } catch (error) {
      io.stderr(`${cliStrings.notJson(error instanceof Error ? error.message : String(error))}\n`);
      return 1;
    }
    if (!Array.isArray(json)) {
      io.stderr(`${cliStrings.notArray}\n`);
      return 1;
    }

    const problems: string[] = [];
    const inputs: StudentYearInput[] = [];
    json.forEach((item: unknown, index) => {
      const id =
        typeof item === 'object' && item !== null && typeof Reflect.get(item, 'id') === 'string'
          ? String(Reflect.get(item, 'id'))
          : undefined;
      const parsed = studentYearInputSchema.safeParse(item);
      if (!parsed.success) {
        for (const issue of describeIssues(parsed.error))
          problems.push(cliStrings.itemProblem(index, id, issue.path, issue.message));
        return;
      }
      for (const problem of validateStudentYear(compiled, parsed.data)) {
        problems.push(cliStrings.itemProblem(index, id, problem.path, problem.message));
      }
      inputs.push(parsed.data);
    });
    if (problems.length > 0) {
      const shown = problems.slice(0, maxProblemsShown);
      const more =
        problems.length > maxProblemsShown
          ? `\n${cliStrings.moreProblems(problems.length - maxProblemsShown)}`
          : '';
      io.stderr(`${cliStrings.badItems(problems.length)}\n${shown.join('\n')}${more}\n`);
      return 1;
    }

    const started = performance.now();
    const lines = inputs.map((input) => JSON.stringify(computeYearResult(compiled, input)));
    io.stdout(lines.length === 0 ? '[]\n' : `[\n${lines.join(',\n')}\n]\n`);
    io.stderr(`${cliStrings.classified(inputs.length, ((performance.now() - started) / 1000).toFixed(2))}\n`);
    return 0;
  },
};
