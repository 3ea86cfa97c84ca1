import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../shared/domain/dates';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { sampleTrialRequest } from '../../renderer/features/signin/sampleTrialRequest';
import { startAppBridge, type AppBridge } from '../support/appBridge';
import { openBrowser, type BrowserSession } from '../support/browser';
import { artifactsDir } from '../support/paths';
import { sampleTrialLoaded } from '../support/sampleTrial';

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
    // The students and their results load behind the home screen; the app says when all are in.
    await sampleTrialLoaded(page);
    await expect(page.getByText(`Năm học ${expected.schoolYear}`).isVisible()).resolves.toBe(true);

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
