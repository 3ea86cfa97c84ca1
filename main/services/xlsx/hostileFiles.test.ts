import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawTableSchema } from '../../../shared/classList/rawTable';
import * as hostile from '../../../tests/support/hostileXlsx';
import { classListXlsx } from '../../../tests/support/xlsxBuilder';
import { UserFacingError } from '../userFacingError';
import { createMainRuntime, type MainRuntime } from '../../mainRuntime';
import type { UntrustedFileTasks } from '../../workers/untrustedFileTasks';
import { createClassListService } from '../classListService';
import { createIsolationRunner } from '../isolation/isolationRunner';
import { resolveUntrustedFilesWorker } from '../isolation/untrustedFilesWorkerPath';
import { createLogger, memoryLogSink } from '../logger';

/**
 * Attack tests: spreadsheets built to hang or exhaust the reader, read the way the app reads
 * them (classList:read → the isolated worker → the bounded reader). Each must come back as a
 * refusal that says why in Vietnamese, never as a hang, a crash or a generic failure.
 */
const untrustedFiles = createIsolationRunner<UntrustedFileTasks>({ workerPath: resolveUntrustedFilesWorker });
const service = createClassListService({ untrustedFiles });
const hostileMessage =
  /^Tệp Excel này quá lớn hoặc bị hỏng có chủ đích: .+\. Hãy mở tệp bằng Excel, chép danh sách lớp sang một tệp mới và lưu lại\.$/;

afterAll(() => untrustedFiles.close());

async function refusalOf(bytes: Uint8Array): Promise<string> {
  const error: unknown = await service.read('danh-sach.xlsx', bytes).then(
    (table) => new Error(`read ${table.rows.length} rows instead of refusing`),
    (reason: unknown) => reason,
  );
  if (!(error instanceof UserFacingError)) throw error;
  expect(error.code).toBe('invalid-request');
  return error.message;
}

describe('hostile spreadsheets are refused with the reason', { timeout: 60_000 }, () => {
  it('a zip bomb: a sheet that inflates to 1 GiB', async () => {
    const message = await refusalOf(hostile.sheetZipBomb());
    expect(message).toMatch(hostileMessage);
    expect(message).toContain('trang tính «Lớp 3A» khi giải nén lớn hơn 64 MB');
  });

  it('the same bomb whose ZIP headers claim 40 KB', async () => {
    const message = await refusalOf(hostile.declaredSizeLie());
    expect(message).toMatch(hostileMessage);
    expect(message).toContain('kích thước ghi trong tệp nén của trang tính «Lớp 3A» không khớp');
  });

  it('60 sheets under the per-sheet cap that add up to 3.6 GiB', async () => {
    expect(await refusalOf(hostile.manySheetBombs())).toContain(
      'toàn bộ dữ liệu khi giải nén lớn hơn 160 MB',
    );
  });

  it('a shared-strings bomb: a cell pointing past 1.2 million strings', async () => {
    expect(await refusalOf(hostile.sharedStringsBomb())).toContain(
      'bảng chữ dùng chung có hơn 1.000.000 chuỗi',
    );
  });

  it('a shared string of 10 MiB, and one of 100 MiB', async () => {
    expect(await refusalOf(hostile.giantSharedString(10))).toContain('có ô dài hơn 32.767 ký tự');
    expect(await refusalOf(hostile.giantSharedString(100))).toContain(
      'bảng chữ dùng chung của tệp (sharedStrings.xml) khi giải nén lớn hơn 32 MB',
    );
  });

  it('1,000,000 tiny cells, in 200 columns or spread over 1,000', async () => {
    expect(await refusalOf(hostile.millionTinyCells())).toContain(
      'trang tính «Lớp 3A» có hơn 400.000 ô có dữ liệu',
    );
    expect(await refusalOf(hostile.millionWideCells())).toContain('trang tính «Lớp 3A» có hơn 800.000 ô');
  });

  it('the kind of file that took exceljs 60 s and 2.4 GB (1.25 MB)', async () => {
    const bytes = hostile.exceljsChoker();
    expect(bytes.length).toBeLessThan(1.3 * 1024 * 1024);
    expect(await refusalOf(bytes)).toContain('có hơn 400.000 ô có dữ liệu');
  });

  it('rows jumping down to XFD1048576, and a cell past the grid', async () => {
    expect(await refusalOf(hostile.farJumps())).toMatch(/^Tệp có hơn 10\.000 dòng dữ liệu/);
    expect(await refusalOf(hostile.cellPastTheGrid())).toContain('có ô nằm ngoài giới hạn của Excel');
  });

  it('XML nested 100,000 deep, a DOCTYPE with entities, a tag of 1 MB', async () => {
    expect(await refusalOf(hostile.deepNesting())).toContain('có cấu trúc XML lồng sâu hơn 64 cấp');
    expect(await refusalOf(hostile.billionLaughs())).toContain('có khai báo DOCTYPE');
    expect(await refusalOf(hostile.endlessTag())).toContain('có một thẻ XML dài hơn 256 KB');
  });

  it('a styles bomb, 1,001 sheets, overlapping merges, a flood of text', async () => {
    expect(await refusalOf(hostile.stylesBomb())).toContain(
      'bảng định dạng có hơn 65.536 kiểu ô hoặc kiểu số',
    );
    expect(await refusalOf(hostile.tooManySheets())).toContain('sổ làm việc có hơn 1.000 trang tính');
    expect(await refusalOf(hostile.overlappingMerges())).toContain(
      'có các vùng gộp ô chồng lên nhau quá nhiều lần',
    );
    expect(await refusalOf(hostile.textFlood())).toContain(
      'tổng số chữ trong danh sách nhiều hơn 16.000.000 ký tự',
    );
  });
});

describe('real lists still read', { timeout: 60_000 }, () => {
  it('a 2,000-student list built part by part, dates from a date style', async () => {
    const table = await service.read('toan-truong.xlsx', classListXlsx(2000));
    expect(table.rows).toHaveLength(2000);
    expect(table.headers).toEqual(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Mã học sinh']);
    expect(table.rows[0]?.cells).toEqual(['1', 'Trần Thị Bình 1', '2017-09-06', 'Nữ', 'Kinh', '0112345001']);
    expect(rawTableSchema.safeParse(table).success).toBe(true);
  });

  it('a list with one stray value in the last cell Excel has, which is ignored', async () => {
    const table = await service.read('lop.xlsx', hostile.realListWithLastCell());
    expect(table.rows).toHaveLength(30);
    expect(table.rows.at(-1)?.rowNumber).toBe(31);
  });
});

describe('main stays responsive', { timeout: 60_000 }, () => {
  let dataDir = '';
  let runtime: MainRuntime;
  const logLines: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hocba-hostile-'));
    runtime = await createMainRuntime(
      { name: 'Học bạ số', version: '0.0.0-test', platform: process.platform, dataDir, runtime: 'bridge' },
      createLogger(memoryLogSink(logLines), 'debug'),
    );
    // Main reads class lists for a signed-in session only: the trial's principal.
    const declared = await runtime.dispatch('session:actAsTrialUser', {
      userId: 'user:hieu.truong',
      role: 'principal',
      schoolCode: '01234567',
      assignments: [],
    });
    if (!declared.ok) throw new Error(declared.error.message);
  });

  afterAll(async () => {
    runtime.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers other IPC calls while a hostile file is being read', async () => {
    const bytesBase64 = Buffer.from(hostile.exceljsChoker()).toString('base64');
    const read = { settled: false };
    const reading = runtime.dispatch('classList:read', { fileName: 'lop.xlsx', bytesBase64 }).finally(() => {
      read.settled = true;
    });
    const stillReading = () => !read.settled;
    let answeredWhileReading = 0;
    while (stillReading()) {
      // Each call arrives as its own event, as IPC messages do.
      await new Promise((resolve) => setImmediate(resolve));
      const info = await runtime.dispatch('app:info', {});
      expect(info.ok).toBe(true);
      if (stillReading()) answeredWhileReading += 1;
    }
    const result = await reading;
    expect(!result.ok && result.error.message).toContain('có hơn 400.000 ô có dữ liệu');
    expect(answeredWhileReading).toBeGreaterThan(10);
    // It was the isolated worker that read the file, not main's thread.
    const events = logLines.map((line) => JSON.parse(line) as { event: string; task?: string });
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'isolation.task-done', task: 'readClassList' }),
    );
  });
});
