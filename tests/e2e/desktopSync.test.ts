import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appActions } from '../support/appActions';
import { startAppBridge, type AppBridge } from '../support/appBridge';
import { openBrowser, type BrowserSession } from '../support/browser';
import { artifactsDir } from '../support/paths';
import { asAccount, startProvinceServer, type TestProvinceServer } from '../support/provinceServer';
import { samplePrincipalLogin, sampleSchoolOnServer } from '../support/sampleSchoolOnServer';
import type { SampleSchoolFile } from '../../shared/sample/sampleSchoolFile';
import type { SampleDocuments } from '../../shared/sample/sampleDocuments';

/**
 * Two desktops of one school in Chromium, each with its own main and its own browser profile, and
 * the real province server: the English teacher enters Tiếng Anh on desktop B, the homeroom
 * teacher sees it on desktop A after "Đồng bộ ngay"; an entry the server refuses is given back and
 * shown in B's conflict log with the reason. Both at a teacher's 1024×768.
 */
const password = 'Mật khẩu đồng bộ của trường 2026';
const englishRow = 'ngoai-ngu-1';

describe('two desktops of one school, synced through the province server', () => {
  let server: TestProvinceServer;
  let sample: SampleSchoolFile;
  let documents: SampleDocuments;
  const desktops: { app: AppBridge; browser: BrowserSession }[] = [];
  let homeroomPage: Page;
  let englishPage: Page;
  let className = '';
  let englishTeacher = '';
  let students: string[] = [];

  beforeAll(async () => {
    await mkdir(artifactsDir, { recursive: true });
    server = await startProvinceServer();
    ({ sample, documents } = await sampleSchoolOnServer(server, { seed: 31, students: 40, password }));
    const classX = sample.classes.find((c) => c.grade === 3);
    const homeroom = sample.assignments.find((a) => a.classId === classX?.id && a.homeroom);
    const english = sample.assignments.find(
      (a) => a.classId === classX?.id && !a.homeroom && a.subjects.includes(englishRow),
    );
    if (!classX || !homeroom || !english)
      throw new Error('the sample needs a grade-3 class with an English teacher');
    className = classX.name;
    englishTeacher = english.teacherId;
    students = documents.people
      .filter((person) => person.classId === classX.id)
      .map((person) => person.fullName)
      .sort((a, b) => a.localeCompare(b, 'vi'));
    for (const login of [homeroom.teacherId, english.teacherId].map((id) => id.slice('user:'.length))) {
      const app = await startAppBridge({ provinceServerUrl: server.url });
      const browser = await openBrowser({ viewport: { width: 1024, height: 768 } });
      desktops.push({ app, browser });
      const { page } = browser;
      await page.goto(app.bridge.pageUrl);
      await page.getByLabel('Tên đăng nhập').fill(login);
      await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
      // A fresh desktop: the school arrives from the server.
      await page.getByRole('heading', { name: sample.school.name }).waitFor();
    }
    const [homeroomDesktop, englishDesktop] = desktops;
    if (!homeroomDesktop || !englishDesktop) throw new Error('two desktops expected');
    homeroomPage = homeroomDesktop.browser.page;
    englishPage = englishDesktop.browser.page;
  });

  afterAll(async () => {
    for (const { app, browser } of desktops) {
      await browser.close();
      await app.close();
    }
    await server.close();
  });

  const openEnglish = async (page: Page) => {
    await appActions(page).goTo('Sổ theo dõi kết quả');
    await appActions(page).chooseClass(className);
    await page.getByLabel('Môn học, hoạt động').selectOption(englishRow);
    await page.getByLabel('Kỳ đánh giá').selectOption('CK1');
    await page.getByRole('grid').waitFor();
  };
  const levelCell = (page: Page, student: string) =>
    page
      .getByRole('grid')
      .locator('tbody tr')
      .filter({ hasText: student })
      .locator('[role="gridcell"]')
      .first();
  const syncNow = async (page: Page) => {
    await appActions(page).goTo('Đồng bộ');
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await page.getByText('Đã đồng bộ xong: máy này và máy chủ đã có cùng dữ liệu.').waitFor();
  };

  it('the English teacher enters Tiếng Anh on desktop B; the homeroom teacher sees it on desktop A', async () => {
    const [student] = students;
    if (student === undefined) throw new Error('the class has no student');
    await openEnglish(englishPage);
    await levelCell(englishPage, student).click();
    await englishPage.keyboard.press('T');
    await levelCell(englishPage, student).and(englishPage.locator(':not([aria-busy])')).waitFor();
    await syncNow(englishPage);
    // After the data, main hands in the signed records: a subject teacher's desktop has none.
    const handIn = englishPage.getByRole('region', { name: 'Nộp học bạ đã ký lên Sở' });
    await handIn.getByText('Máy này chưa có học bạ nào đã ký.').waitFor();
    // The table counts the one result this desktop sent (it follows at most half a second behind).
    await englishPage
      .locator('.sync-table tr', { hasText: 'Kết quả môn học' })
      .locator('td')
      .nth(2)
      .filter({ hasText: /^1$/ })
      .waitFor();
    await englishPage.screenshot({ path: join(artifactsDir, 'sync-desktop-b-synced.png'), fullPage: true });

    await syncNow(homeroomPage);
    await openEnglish(homeroomPage);
    await expect(levelCell(homeroomPage, student).textContent()).resolves.toBe('T');
    await homeroomPage.screenshot({ path: join(artifactsDir, 'sync-desktop-a-sees-english.png') });
    // The history this desktop holds matches what the province server holds, desktop by desktop.
    await appActions(homeroomPage).goTo('Lịch sử thay đổi');
    await homeroomPage
      .getByRole('button', { name: 'Kiểm tra tính toàn vẹn của lịch sử trên máy này' })
      .click();
    const serverCheck = homeroomPage.getByRole('region', { name: 'Đối chiếu với máy chủ của Sở' });
    await serverCheck.getByText(/^Khớp với nhật ký trên máy chủ của Sở \(\d+ máy\)/).waitFor();
    // Main's own check vouches for desktop B's chain as its sync brought it: a notice, no alarm
    // (this desktop's identity is new, which once read "Máy đã mất định danh").
    await homeroomPage.getByText(/khớp với bản máy này nhận từ máy chủ của Sở: từ sự kiện 1/).waitFor();
    const mainCheck = homeroomPage.getByRole('region', { name: /^Đối chiếu với sổ ghi của máy/ });
    await mainCheck.getByRole('status').waitFor();
    await expect(mainCheck.getByRole('alert').count()).resolves.toBe(0);
    await homeroomPage.screenshot({
      path: join(artifactsDir, 'sync-history-matches-server.png'),
      fullPage: true,
    });
  });

  it('an entry the server refuses (the teacher was taken off the class) is given back and shown in the conflict log', async () => {
    const student = students[1];
    if (student === undefined) throw new Error('the class needs two students');
    const { call } = await asAccount(server, samplePrincipalLogin, password);
    const classId = sample.classes.find((c) => c.name === className)?.id ?? '';
    await call(
      'DELETE',
      `/schools/${encodeURIComponent(sample.school.id)}/classes/${encodeURIComponent(classId)}/assignments/${encodeURIComponent(englishTeacher)}`,
    );
    // Desktop B still knows the assignment it signed in with: it takes the entry…
    await openEnglish(englishPage);
    await levelCell(englishPage, student).click();
    await englishPage.keyboard.press('H');
    await levelCell(englishPage, student).and(englishPage.locator(':not([aria-busy])')).waitFor();
    await expect(levelCell(englishPage, student).textContent()).resolves.toBe('H');
    // …and the server does not.
    await syncNow(englishPage);
    const log = englishPage.getByRole('region', { name: 'Nhật ký xung đột' });
    const entry = log.getByRole('listitem').filter({ hasText: student });
    await entry.waitFor();
    await expect(entry.textContent()).resolves.toMatch(/Không được phép/);
    await expect(entry.textContent()).resolves.toMatch(
      /Giá trị của bạn chưa có trên máy chủ và đã được gỡ khỏi máy này vì: .*phân công/,
    );
    await expect(entry.getByRole('row', { name: /cuối học kì I/ }).textContent()).resolves.toMatch(
      /mức đạt: H/,
    );
    await entry.scrollIntoViewIfNeeded();
    await englishPage.screenshot({ path: join(artifactsDir, 'sync-conflict-log.png') });
    await openEnglish(englishPage);
    await expect(levelCell(englishPage, student).textContent()).resolves.toBe('');
  });
});
