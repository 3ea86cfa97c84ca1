import { resolve } from 'node:path';
import type { CompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { computeYearResult } from '../../../shared/domain/evaluation/computeYearResult';
import {
  studentYearInputSchema,
  type StudentYearInput,
} from '../../../shared/domain/evaluation/studentYearInput';
import { validateStudentYear } from '../../../shared/domain/evaluation/validateStudentYear';
import { describeIssues } from '../../../shared/ipc/issues';
import { loadCatalogue } from '../../services/catalogueFile';
import { StdinTooLarge, withoutBom, type CliCommand, type CliIo } from '../cliIo';
import { parseCommandArgs } from '../parseArgs';
import { cliStrings } from '../strings';

const maxProblemsShown = 50;
const maxArrayInputBytes = 256 * 1024 * 1024;

type Checked =
  { readonly input: StudentYearInput } | { readonly problems: { path: string; message: string }[] };

/** Parses and validates one item: the input schema first, then the catalogue's rules. */
function check(compiled: CompiledCatalogue, item: unknown): Checked {
  const parsed = studentYearInputSchema.safeParse(item);
  if (!parsed.success) return { problems: describeIssues(parsed.error) };
  const problems = validateStudentYear(compiled, parsed.data);
  return problems.length > 0 ? { problems } : { input: parsed.data };
}

function idOf(item: unknown): string | undefined {
  const id: unknown = typeof item === 'object' && item !== null ? Reflect.get(item, 'id') : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** A JSON array in, a JSON array out, all or nothing: any bad item and no result is printed. */
async function classifyArray(compiled: CompiledCatalogue, io: CliIo): Promise<number> {
  let json: unknown;
  try {
    json = JSON.parse(withoutBom(await io.readStdin(maxArrayInputBytes)));
  } catch (error) {
    if (error instanceof StdinTooLarge)
      io.stderr(`${cliStrings.stdinTooLarge(maxArrayInputBytes / 1024 / 1024)}\n`);
    else io.stderr(`${cliStrings.notJson(error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  }
  if (!Array.isArray(json)) {
    io.stderr(`${cliStrings.notArray}\n`);
    return 1;
  }
  const problems: string[] = [];
  const inputs: StudentYearInput[] = [];
  json.forEach((item: unknown, index) => {
    const checked = check(compiled, item);
    if ('input' in checked) inputs.push(checked.input);
    else
      for (const problem of checked.problems)
        problems.push(cliStrings.itemProblem(index + 1, idOf(item), problem.path, problem.message));
  });
  if (problems.length > 0) {
    const more =
      problems.length > maxProblemsShown
        ? `\n${cliStrings.moreProblems(problems.length - maxProblemsShown)}`
        : '';
    io.stderr(
      `${cliStrings.badItems(problems.length)}\n${problems.slice(0, maxProblemsShown).join('\n')}${more}\n`,
    );
    return 1;
  }
  const started = performance.now();
  const lines = inputs.map((input) => JSON.stringify(computeYearResult(compiled, input)));
  await io.stdout(lines.length === 0 ? '[]\n' : `[\n${lines.join(',\n')}\n]\n`);
  io.stderr(`${cliStrings.classified(inputs.length, ((performance.now() - started) / 1000).toFixed(2))}\n`);
  return 0;
}

/**
 * NDJSON in, NDJSON out, streamed: one student per line, any number of students. Each line stands
 * alone: a bad line gets `{"status":"invalid","line":n,"problems":[…]}` in its place and the exit
 * code is 1 at the end.
 */
async function classifyNdjson(compiled: CompiledCatalogue, io: CliIo): Promise<number> {
  const started = performance.now();
  let lineNumber = 0;
  let classified = 0;
  let invalid = 0;
  let batch: string[] = [];
  for await (const raw of io.stdinLines()) {
    lineNumber += 1;
    const line = lineNumber === 1 ? withoutBom(raw) : raw;
    if (line.trim() === '') continue;
    let item: unknown;
    let checked: Checked;
    try {
      item = JSON.parse(line);
      checked = check(compiled, item);
    } catch (error) {
      checked = {
        problems: [
          {
            path: '(dòng)',
            message: cliStrings.notJson(error instanceof Error ? error.message : String(error)),
          },
        ],
      };
    }
    if ('input' in checked) {
      classified += 1;
      batch.push(JSON.stringify(computeYearResult(compiled, checked.input)));
    } else {
      invalid += 1;
      batch.push(
        JSON.stringify({
          status: 'invalid',
          line: lineNumber,
          ...(idOf(item) === undefined ? {} : { id: idOf(item) }),
          problems: checked.problems,
        }),
      );
      if (invalid <= maxProblemsShown) {
        for (const problem of checked.problems)
          io.stderr(`${cliStrings.lineProblem(lineNumber, problem.path, problem.message)}\n`);
      }
    }
    if (batch.length >= 500) {
      await io.stdout(`${batch.join('\n')}\n`);
      batch = [];
    }
  }
  if (batch.length > 0) await io.stdout(`${batch.join('\n')}\n`);
  io.stderr(
    `${cliStrings.ndjsonDone(classified, invalid, ((performance.now() - started) / 1000).toFixed(2))}\n`,
  );
  return invalid > 0 ? 1 : 0;
}

export const classifyCommand: CliCommand = {
  name: 'classify',
  summary: 'Xếp loại kết quả giáo dục cuối năm (HTXS, HTT, HT, CHT) cho học sinh đọc từ stdin',
  help: `Cách dùng: hocba classify [--catalogue TỆP] [--ndjson] < hoc-sinh.json > ket-qua.json

Đọc từ stdin một mảng JSON các học sinh-năm học, ghi ra stdout một mảng JSON kết quả theo đúng thứ
tự: mức HTXS/HTT/HT/CHT kèm lý do, đề xuất khen thưởng, hoàn thành chương trình; hoặc, khi còn thiếu
dữ liệu, danh sách các giá trị còn thiếu. Định dạng: docs/evaluation-engine.md.

Dữ liệu sai (sai kiểu, mã môn không có, điểm lẻ, điểm ở kỳ không kiểm tra…) được báo rõ mục và
trường, và lệnh thoát với mã khác 0 mà không in kết quả nào.

  --catalogue TỆP    dùng danh mục do Sở ban hành thay cho danh mục mặc định
  --ndjson           mỗi dòng một học sinh, mỗi dòng một kết quả, đọc và ghi dần (cho dữ liệu cả
                     tỉnh); dòng lỗi nhận kết quả "invalid" và lệnh thoát với mã 1 ở cuối`,
  run: async (args, io) => {
    const { values } = parseCommandArgs(args, { catalogue: { type: 'string' }, ndjson: { type: 'boolean' } });
    const loaded = await loadCatalogue(
      values.catalogue === undefined ? undefined : resolve(io.cwd, values.catalogue),
    );
    if (!loaded.ok) {
      io.stderr(
        `${cliStrings.badCatalogue}\n${loaded.problems.map((problem) => `  ${problem}`).join('\n')}\n`,
      );
      return 1;
    }
    return values.ndjson ? classifyNdjson(loaded.compiled, io) : classifyArray(loaded.compiled, io);
  },
};
