import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../shared/domain/dates';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../shared/sample/generateYearResults';
import { sampleDatabaseName } from '../../renderer/app/session';
import { sampleResultsSeed, sampleTrialRequest } from '../../renderer/features/signin/sampleTrialRequest';
import { startAppBridge, type AppBridge } from '../support/appBridge';
import { openBrowser, type BrowserSession } from '../support/browser';
import { artifactsDir } from '../support/paths';

/** Live documents per collection of the trial's database, read raw from IndexedDB. */
function storedCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async (databaseName) => {
    const prefix = `rxdb-dexie-${databaseName}--`;
    const counts: Record<string, number> = {};
    for (const info of await indexedDB.databases()) {
      const name = info.name ?? '';
      // `<prefix><schema version>--<collection>`; RxDB's own stores are no documents of the school.
      const collection = name.slice(prefix.length).split('--').slice(1).join('--');
      if (!name.startsWith(prefix) || collection.startsWith('_') || collection.startsWith('plugin-'))
        continue;
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error(`cannot open ${name}`));
      });
      const docs = await new Promise<unknown[]>((resolve, reject) => {
        const request = database.transaction('docs', 'readonly').objectStore('docs').getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error ?? new Error(`cannot read ${name}`));
      });
      database.close();
      const live = docs.filter((doc) => (doc as { _deleted?: unknown })._deleted !== true).length;
      if (live > 0) counts[collection] = live;
    }
    return counts;
  }, sampleDatabaseName);
}

describe('trying the app with sample data, in Chromium through the bridge', () => {
  const expected = generateSampleSchool(sampleTrialRequest);
  const class1A = expected.classes.find((schoolClass) => schoolClass.name === '1A');
  const roster1A = expected.students.filter((student) => student.classId === class1A?.id);
  let app: AppBridge;
  let browser: BrowserSession;

  beforeAll(async () => {
    await mkdir(artifactsDir, { recursive: true });
    app = await startAppBridge();
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await app.close();
  });

  const rosterNames = () => browser.page.locator('table.roster tbody td.name').allTextContents();

  it('signs in with sample data and shows the school, a class and its students', async () => {
    const { page } = browser;
    await page.goto(app.bridge.pageUrl);
    await expect(page.getByRole('heading', { name: 'Đăng nhập' }).isVisible()).resolves.toBe(true);
    expect(page.url()).not.toContain(app.bridge.secret);
    await page.screenshot({ path: join(artifactsDir, 'sign-in.png') });

    await page.getByRole('button', { name: 'Dùng thử với dữ liệu mẫu' }).click();
    await page.getByRole('heading', { name: expected.school.name }).waitFor();
    await expect(page.getByText(`Năm học ${expected.schoolYear}`).isVisible()).resolves.toBe(true);
    // The school comes first; the year's results are still loading behind a progress bar.
    await page.getByRole('progressbar', { name: 'Nạp kết quả mẫu' }).waitFor();
    await expect(page.evaluate(() => performance.getEntriesByName('hocba:seed').length)).resolves.toBe(0);

    expect(class1A).toBeDefined();
    await page.getByRole('button', { name: `1A (${roster1A.length})` }).click();
    await page.getByRole('heading', { name: 'Lớp 1A' }).waitFor();
    expect(await rosterNames()).toEqual(roster1A.map((student) => student.fullName));
    const firstRow = page.locator('table.roster tbody tr').first();
    await expect(firstRow.locator('td').nth(2).textContent()).resolves.toBe(
      formatDate(roster1A[0]?.birthDate ?? ''),
    );

    await page.screenshot({ path: join(artifactsDir, 'home-screen.png'), fullPage: true });
  });

  it('finds the same data after a reload (persisted in IndexedDB)', async () => {
    const { page } = browser;
    await page.reload();
    await page.getByRole('heading', { name: 'Lớp 1A' }).waitFor();
    expect(await rosterNames()).toEqual(roster1A.map((student) => student.fullName));
    await expect(page.locator('.stats dd').nth(1).textContent()).resolves.toBe(
      String(expected.students.length),
    );
  });

  it('finds a student by name typed without diacritics', async () => {
    const { page } = browser;
    const target = roster1A[3];
    expect(target).toBeDefined();
    const plain = (target?.fullName ?? '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd');
    await page.getByRole('searchbox').fill(plain.toLowerCase());
    await expect(rosterNames()).resolves.toContain(target?.fullName);
    await page.getByRole('searchbox').fill('');
  });

  it('reached main through the bridge (app:info) and raised no console errors or CSP violations', async () => {
    await expect(browser.page.getByText('Trình duyệt (cầu nối cục bộ)').isVisible()).resolves.toBe(true);
    await expect(browser.page.getByText(`Thư mục dữ liệu: ${app.dataDir}`).isVisible()).resolves.toBe(true);
    expect(browser.problems).toEqual([]);
  });
});

describe('a sample trial whose page is reloaded while its results load', () => {
  const small = generateSampleSchool({ seed: sampleTrialRequest.seed, students: 300 });
  const results = generateYearResults(defaultCompiledCatalogue(), small, sampleResultsSeed);
  const resultCount = results.subjectResults.length + results.characterResults.length;
  let app: AppBridge;
  let browser: BrowserSession;

  beforeAll(async () => {
    app = await startAppBridge();
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await app.close();
  });

  it('finishes loading the results on the next open, every document once, each with its audit event', async () => {
    const { page } = browser;
    await page.goto(app.bridge.pageUrl);
    await page.getByLabel('Số học sinh của trường mẫu').selectOption('300');
    await page.getByRole('button', { name: 'Dùng thử với dữ liệu mẫu' }).click();
    await page.getByRole('heading', { name: small.school.name }).waitFor();
    // Some results stored, not all: the page goes away in the middle of the load.
    await page.getByText(/^Đang nạp kết quả mẫu: [1-9][\d.]*\//).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: small.school.name }).waitFor();
    await page.getByText(`Đã nạp xong ${resultCount.toLocaleString('vi-VN')} kết quả mẫu.`).waitFor();

    const documents = {
      schools: 1,
      classes: small.classes.length,
      people: small.students.length,
      assignments: small.assignments.length,
      subjectResults: results.subjectResults.length,
      characterResults: results.characterResults.length,
    };
    const total = Object.values(documents).reduce((sum, count) => sum + count, 0);
    const { auditEvents, ...stored } = await storedCounts(page);
    expect(stored).toEqual(documents);
    // A slice cut off between its events and its documents leaves events of creations that did
    // not land (never the reverse); those documents are created again, with events of their own.
    expect(auditEvents).toBeGreaterThanOrEqual(total);
    expect(browser.problems).toEqual([]);
  });
});
