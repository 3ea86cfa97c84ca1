import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import { schoolIdOf } from '../../shared/domain/ids';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../shared/sample/generateYearResults';
import { sampleSchoolDocuments } from '../../shared/sample/sampleDocuments';
import { schoolProgress, percentOf } from '../../shared/sync/schoolProgress';
import type { SyncedCollection } from '../../shared/sync/syncWire';
import { startServer, type RunningServer } from '../app';
import { createProvinceAdmin, provisionSchool } from '../services/provisioning';
import { chromiumArgs, chromiumPath } from '../testing/chromium';
import { adminLogin, defaultPassword } from '../testing/harness';
import { openTestDatabase, testArgon2Params, testEngine, type TestDatabase } from '../testing/testDatabase';

/**
 * Tiến độ các trường on the province's page (issue 12, point 7): a school's synced documents as
 * its desktops left them, read back as the share of profiles complete, levels entered per
 * period, year results confirmed and records signed; a chart per school; the same figures in an
 * .xlsx a province officer opens. Checked against the shared rule run on the very documents.
 */
const artifacts = fileURLToPath(new URL('../../tests/artifacts/', import.meta.url));
const compiled = defaultCompiledCatalogue();
const sample = generateSampleSchool({ seed: 31, students: 40 });
const documents = sampleSchoolDocuments(
  sample,
  generateYearResults(compiled, sample, 31),
  'user:hieutruong',
  new Date('2026-05-25T01:00:00Z'),
);
const hostileName = '<svg onload=alert(1)> Trường "Độc" & \'Hại\'';

describe(`the province's progress page (${testEngine})`, () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let seq = 0;
  const schoolId = schoolIdOf(sample.school.code);

  /** Documents as a desktop's push leaves them (the push itself: routes/sync.test.ts). */
  const store = async (collection: SyncedCollection, docs: readonly { readonly id: string }[]) => {
    for (const doc of docs) {
      seq += 1;
      await database.db.query(
        `insert into synced_documents (school_id, collection, doc_id, seq, deleted, body, written_by, written_at)
         values ($1, $2, $3, $4, false, $5::jsonb, 'user:hieutruong', now())
         on conflict (school_id, collection, doc_id) do update set body = excluded.body, seq = excluded.seq`,
        [schoolId, collection, doc.id, seq, JSON.stringify(doc)],
      );
    }
    await database.db.query(
      `insert into sync_heads (school_id, seq) values ($1, $2) on conflict (school_id) do update set seq = excluded.seq`,
      [schoolId, seq],
    );
  };
  const confirmYear = (students: readonly (typeof documents.people)[number][]) =>
    store(
      'yearResults',
      students.map((student) => ({
        id: `yearResult:${student.id}:${sample.schoolYear}`,
        studentId: student.id,
        classId: student.classId,
        confirmation: {
          at: '2026-05-25T01:00:00Z',
          by: 'user:gv',
          result: 'HT',
          fingerprint: 'f'.repeat(64),
        },
        awards: [],
        supplementaryEvaluation: null,
        principalDecision: null,
        note: '',
      })),
    );
  const keepRecord = (studentCode: string, verdict: 'complete' | 'partial', version = 1) =>
    database.db.query(
      `insert into signed_record_versions (school_id, record_id, version, sha256, pdf, verdict, record_version,
         school_year, class_name, signers, uploaded_by, uploaded_at)
       values ($1, $2, $3, $4, $5, $6, 1, $7, '1A', '[]'::jsonb, 'user:hieutruong', now())`,
      [
        schoolId,
        `studyRecord:student:${studentCode}:${sample.schoolYear}`,
        version,
        `${studentCode}${String(version)}`.padEnd(64, '0'),
        new TextEncoder().encode('%PDF'),
        verdict,
        sample.schoolYear,
      ],
    );
  /** A fresh browser profile each time (the admin's session cookie is per context). */
  const signInAsAdmin = async () => {
    await context.close();
    context = await browser.newContext({ viewport: { width: 1024, height: 768 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/admin`);
    await page.getByLabel('Tên đăng nhập').fill(adminLogin);
    await page.getByLabel('Mật khẩu').fill(defaultPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${server.url}/admin`);
    return page;
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    server = await startServer({ db: database.db, port: 0, argon2: testArgon2Params });
    await createProvinceAdmin(server.ctx, {
      login: adminLogin,
      fullName: 'Lê Quản Trị',
      password: defaultPassword,
    });
    await provisionSchool(server.ctx, {
      school: { code: sample.school.code, name: sample.school.name, district: 'Huyện Hòa Vang' },
      principal: { login: 'hieutruong', fullName: 'Nguyễn Văn Hiệu', password: defaultPassword },
    });
    await provisionSchool(server.ctx, {
      school: { code: 'X666', name: hostileName, district: 'Huyện' },
      principal: { login: 'ht.x', fullName: 'Hiệu trưởng X', password: defaultPassword },
    });
    await store('classes', documents.classes);
    await store('people', documents.people);
    await store('subjectResults', documents.subjectResults);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: chromiumArgs,
    });
    context = await browser.newContext({ viewport: { width: 1024, height: 768 }, acceptDownloads: true });
  });
  afterAll(async () => {
    await context.close();
    await browser.close();
    await server.close();
    await database.drop();
  });

  it('shows each school’s year, sync state and progress, as the shared rule counts it, with a chart', async () => {
    await confirmYear(documents.people.slice(0, 10));
    await keepRecord(documents.people[0]?.studentCode ?? '', 'complete');
    await keepRecord(documents.people[1]?.studentCode ?? '', 'partial');
    await keepRecord(documents.people[1]?.studentCode ?? '', 'complete', 2);
    await keepRecord(documents.people[2]?.studentCode ?? '', 'partial');
    const expected = schoolProgress({
      compiled,
      classes: documents.classes,
      students: documents.people,
      rowResults: [],
      confirmedByClass: new Map(),
      signedRecords: [],
    });
    const page = await signInAsAdmin();
    const row = page.locator('table.progress tr', { hasText: sample.school.code });
    const cells = await row.locator('td').allTextContents();
    const profiles = `${String(percentOf(expected.profilesComplete))}%`;
    expect(cells.slice(0, 3)).toEqual([sample.school.code, sample.school.name, sample.schoolYear]);
    expect(cells[4]).toBe('0'); // no desktop's audit chain yet
    expect(cells[5]).toBe(String(documents.people.length));
    expect(cells.slice(6)).toEqual([
      profiles,
      '100%',
      '100%',
      '100%',
      '100%',
      `${String(Math.round((10 / documents.people.length) * 100))}%`,
      `${String(Math.round((2 / documents.people.length) * 100))}%`,
    ]);
    // The other school has no class: nothing to show yet, and its name stays text.
    const hostile = page.locator('table.progress tr', { hasText: 'X666' });
    await expect(hostile.locator('td').nth(1).textContent()).resolves.toBe(hostileName);
    await expect(hostile.locator('td').allTextContents()).resolves.toEqual([
      'X666',
      hostileName,
      '—',
      'Chưa đồng bộ',
      '0',
      '0',
      ...Array<string>(7).fill('—'),
    ]);
    await expect(page.locator('svg[onload], script').count()).resolves.toBe(0);
    const chart = page.getByRole('img', {
      name: `Tiến độ ${sample.school.name}, năm học ${sample.schoolYear}`,
    });
    await expect(chart.locator('rect').count()).resolves.toBe(14);
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({
      path: join(artifacts, `server-admin-progress-${testEngine}.png`),
      fullPage: true,
    });
    await page.close();
  });

  it('follows the school as its desktops sync more', async () => {
    await confirmYear(documents.people.slice(10, 20));
    const page = await signInAsAdmin();
    const row = page.locator('table.progress tr', { hasText: sample.school.code });
    await expect(row.locator('td').nth(11).textContent()).resolves.toBe(
      `${String(Math.round((20 / documents.people.length) * 100))}%`,
    );
    await page.close();
  });

  it('exports the same figures as an .xlsx, only to a signed-in admin', async () => {
    const refused = await fetch(`${server.url}/admin/progress.xlsx`, { redirect: 'manual' });
    expect(refused.status).toBe(303);
    expect(refused.headers.get('location')).toBe('/admin/sign-in');
    const page = await signInAsAdmin();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải bảng tiến độ (Excel .xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tien-do-hoc-ba-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const path = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Tiến độ');
    if (sheet === undefined) throw new Error('the workbook has no progress sheet');
    expect(sheet.getCell('A1').value).toBe('TIẾN ĐỘ HỌC BẠ SỐ CÁC TRƯỜNG');
    const rows: ExcelJS.CellValue[][] = [];
    sheet.eachRow((row) => {
      if (Array.isArray(row.values)) rows.push(row.values);
    });
    const school = rows.find((values) => values[1] === sample.school.code);
    if (school === undefined) throw new Error('the school is not in the workbook');
    const n = documents.people.length;
    // code, name, district, year, last sync, devices, classes, students, then done/of/% per measure.
    expect(school.slice(1, 9)).toEqual([
      sample.school.code,
      sample.school.name,
      'Huyện Hòa Vang',
      sample.schoolYear,
      expect.any(String),
      0,
      documents.classes.length,
      n,
    ]);
    const recordsSigned = school.slice(27, 30);
    expect(recordsSigned).toEqual([2, n, Math.round((2 / n) * 100)]);
    expect(school[30]).toBe(1); // one record still partly signed
    const hostile = rows.find((values) => values[1] === 'X666');
    expect(hostile?.[2]).toBe(hostileName);
    await page.close();
  });
});
