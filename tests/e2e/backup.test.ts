import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appActions, screenshotOnFailure } from '../support/appActions';
import { startAppBridge, type AppBridge } from '../support/appBridge';
import { openBrowser, type BrowserSession } from '../support/browser';
import { indexedDbDocuments } from '../support/indexedDbDocuments';
import { artifactsDir } from '../support/paths';
import { startSampleTrialIn } from '../support/sampleTrial';

const passphrase = 'Lớp 3A năm nay có 35 em';

/**
 * Sao lưu through the app (issue 10, point 19): reminded of at once, made with a passphrase,
 * checked without restoring (a wrong passphrase and a changed byte refused), and restored through
 * the app into a fresh install (its own data folder and browser profile) with every document and
 * file identical and the history vouched for.
 */
describe('backing up a desktop', () => {
  let app: AppBridge;
  let browser: BrowserSession;
  let fileName: string;

  beforeAll(async () => {
    await mkdir(artifactsDir, { recursive: true });
    app = await startAppBridge();
    browser = await openBrowser({ viewport: { width: 1024, height: 768 } });
    browser.page.setDefaultTimeout(20_000);
    await browser.page.goto(app.bridge.pageUrl);
    await startSampleTrialIn(browser.page, { students: 300, withResults: true });
  });

  afterEach(async (context) => {
    await screenshotOnFailure(browser.page, 'backup', context);
  });

  afterAll(async () => {
    await browser.close();
    await app.close();
  });

  it('reminds that this desktop was never backed up, and makes a backup with a passphrase', async () => {
    const { page } = browser;
    await page.getByText('Dữ liệu trên máy này chưa từng được sao lưu.').waitFor();
    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await page.getByRole('heading', { name: 'Sao lưu dữ liệu' }).waitFor();
    await page.getByLabel('Cụm mật khẩu bảo vệ bản sao lưu').fill(passphrase);
    await page.getByLabel('Nhập lại cụm mật khẩu').fill(`${passphrase}!`);
    await page.getByRole('alert').filter({ hasText: 'không giống nhau' }).waitFor();
    await expect(page.getByRole('button', { name: 'Tạo bản sao lưu' }).isDisabled()).resolves.toBe(true);
    await page.getByLabel('Nhập lại cụm mật khẩu').fill(passphrase);
    await page.getByRole('button', { name: 'Tạo bản sao lưu' }).click();
    const done = page.getByRole('status').filter({ hasText: /^Đã sao lưu vào tệp/ });
    await done.waitFor();
    fileName = /tệp (hocba-[A-Za-z0-9-]+\.hocbak)/.exec(await done.innerText())?.[1] ?? '';
    expect(fileName).not.toBe('');
    await page.screenshot({ path: join(artifactsDir, 'backup-made-1024.png'), fullPage: true });
    await expect(page.locator('.backup-table tbody tr').count()).resolves.toBe(1);
    const names = await readdir(join(app.dataDir, 'backups'));
    expect(names).toEqual([fileName]);
  });

  it('checks a backup without restoring it, refusing a wrong passphrase and a changed byte', async () => {
    const { page } = browser;
    const box = page.getByLabel(`Cụm mật khẩu của ${fileName}`);
    const row = page.locator('.backup-table tbody tr').first();
    await box.fill('Lớp 3B năm nay có 35 em');
    await row.getByRole('button', { name: 'Kiểm tra' }).click();
    await row.getByRole('alert').filter({ hasText: 'cụm mật khẩu không đúng' }).waitFor();
    await box.fill(passphrase);
    await row.getByRole('button', { name: 'Kiểm tra' }).click();
    await row
      .getByRole('status')
      .filter({ hasText: /^Bản sao lưu nguyên vẹn/ })
      .waitFor();

    const path = join(app.dataDir, 'backups', fileName);
    const original = await readFile(path);
    const changed = Buffer.from(original);
    const middle = Math.floor(changed.length / 2);
    changed[middle] = (changed[middle] ?? 0) ^ 0x20;
    await writeFile(path, changed);
    await row.getByRole('button', { name: 'Kiểm tra' }).click();
    await row.getByRole('alert').filter({ hasText: 'bị hỏng hoặc đã bị sửa' }).waitFor();
    await page.screenshot({ path: join(artifactsDir, 'backup-tampered-1024.png'), fullPage: true });
    await writeFile(path, original);
  });

  it('restores through the app into a fresh install: a changed byte refused, then everything identical and the history whole', async () => {
    const fresh = await startAppBridge();
    const other = await openBrowser({ viewport: { width: 1024, height: 768 } });
    const scratch = await mkdtemp(join(tmpdir(), 'hocba-usb-'));
    try {
      const { page } = other;
      page.setDefaultTimeout(20_000);
      await page.goto(fresh.bridge.pageUrl);
      await page.getByRole('button', { name: 'Khôi phục từ bản sao lưu…' }).click();
      await page.getByRole('heading', { name: 'Khôi phục dữ liệu từ bản sao lưu' }).waitFor();

      // The file as copied to a USB stick, and a copy with one byte changed.
      const original = await readFile(join(app.dataDir, 'backups', fileName));
      const onStick = join(scratch, fileName);
      const tampered = join(scratch, 'hocba-ban-bi-sua.hocbak');
      await writeFile(onStick, original);
      const changed = Buffer.from(original);
      const middle = Math.floor(changed.length / 3);
      changed[middle] = (changed[middle] ?? 0) ^ 0x01;
      await writeFile(tampered, changed);

      const picker = page.getByLabel('Tệp sao lưu (.hocbak)');
      await picker.setInputFiles(tampered);
      await page.getByLabel('Cụm mật khẩu của bản sao lưu').fill(passphrase);
      await page.getByRole('button', { name: 'Kiểm tra bản sao lưu' }).click();
      await page.getByRole('alert').filter({ hasText: 'bị hỏng hoặc đã bị sửa' }).waitFor();
      await expect(page.getByRole('button', { name: 'Khôi phục vào máy này' }).count()).resolves.toBe(0);
      expect(await readdir(join(fresh.dataDir, 'photos')).catch(() => [])).toEqual([]);

      await picker.setInputFiles(onStick);
      await page.getByText(`Đã chọn: ${fileName}`).waitFor();
      await page.getByRole('button', { name: 'Kiểm tra bản sao lưu' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Bản sao lưu nguyên vẹn/ })
        .waitFor();
      await page.screenshot({ path: join(artifactsDir, 'restore-checked-1024.png'), fullPage: true });
      await page.getByRole('button', { name: 'Khôi phục vào máy này' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Đã khôi phục [\d.]+ bản ghi/ })
        .waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Vào làm việc' }).click();
      await page.locator('.school-header h1').waitFor();

      // Every document identical, field for field, in the fresh profile.
      const before = await indexedDbDocuments(browser.page);
      const after = await indexedDbDocuments(page);
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      for (const [collection, docs] of Object.entries(before))
        expect(after[collection], collection).toEqual(docs);
      expect(after.people?.length).toBe(300);
      // Every photo and record file identical once opened, though each desktop seals its files
      // under its own data key; this desktop kept its own identity.
      for (const folder of ['photos', 'records']) {
        const names = await readdir(join(app.dataDir, folder), { recursive: true }).catch(() => []);
        for (const name of names) {
          const source = await app.files.read(join(app.dataDir, folder, name)).catch(() => undefined);
          if (!source) continue;
          expect(
            (await fresh.files.read(join(fresh.dataDir, folder, name))).equals(source),
            `${folder}/${name}`,
          ).toBe(true);
          expect(
            (await readFile(join(fresh.dataDir, folder, name))).equals(
              await readFile(join(app.dataDir, folder, name)),
            ),
            `${folder}/${name} sealed under another key`,
          ).toBe(false);
        }
      }
      expect(await readFile(join(fresh.dataDir, 'device.json'), 'utf8')).not.toEqual(
        await readFile(join(app.dataDir, 'device.json'), 'utf8'),
      );
      // The history is whole, and main on the fresh desktop vouches for it from the start.
      await appActions(page).goTo('Lịch sử thay đổi');
      await page.getByRole('button', { name: 'Kiểm tra tính toàn vẹn của lịch sử trên máy này' }).click();
      // The restored chain is checked too, not only this desktop's own (still empty) one.
      const intact = page.getByText(/^Lịch sử nguyên vẹn: [\d.]+ sự kiện/);
      await intact.waitFor();
      expect(await intact.innerText()).not.toMatch(/^Lịch sử nguyên vẹn: 0 sự kiện/);
      await page.getByText(/^Lịch sử khớp với sổ ghi của máy: từ sự kiện 1 đến sự kiện [\d.]+\./).waitFor();
      await expect(page.getByText('không được xác nhận').count()).resolves.toBe(0);
      await page.screenshot({ path: join(artifactsDir, 'restore-history-1024.png') });
      expect(other.problems).toEqual([]);
    } finally {
      await other.close();
      await fresh.close();
      await rm(scratch, { recursive: true, force: true });
    }
    // Made a moment ago: no reminder any more.
    await appActions(browser.page).goTo('Trang chủ');
    await browser.page.locator('.school-header h1').waitFor();
    await expect(browser.page.getByText('chưa từng được sao lưu').count()).resolves.toBe(0);
    expect(browser.problems).toEqual([]);
  });

  it('takes a CHT student through the supplementary evaluation and the principal’s decision (issue 10, point 14)', async () => {
    const { page } = browser;
    await appActions(page).openFirstClassGradebook('toan', 'CN');
    await appActions(page).goTo('Bảng tổng hợp');
    await page.getByLabel('Kỳ đánh giá').selectOption('CN');
    const steps = page.locator('.completion-steps');
    const first = steps.locator('li').first();
    await first.waitFor();
    const name = (await first.locator('strong').innerText()).trim();
    await expect(first.innerText()).resolves.toContain('lập kế hoạch giúp đỡ, rồi đánh giá bổ sung');
    await first.getByLabel(`Ngày đánh giá hoặc quyết định cho ${name}`).fill('01/08/2026');
    await first.getByRole('button', { name: 'Đánh giá bổ sung: chưa hoàn thành' }).click();
    await first.getByText('(đánh giá bổ sung ngày 01/08/2026: chưa hoàn thành)').waitFor();
    await page.screenshot({ path: join(artifactsDir, 'completion-steps-1024.png'), fullPage: true });

    const principal = (
      await page.getByLabel('Đổi người dùng (dùng thử)').locator('option').allTextContents()
    ).find((label) => label.endsWith('— Hiệu trưởng'));
    if (!principal) throw new Error('no principal');
    await appActions(page).switchUser(principal);
    const row = page.locator('.completion-steps li').filter({ hasText: name });
    await row.getByLabel(`Ngày đánh giá hoặc quyết định cho ${name}`).fill('10/08/2026');
    await row.getByRole('button', { name: 'Hiệu trưởng quyết định: lên lớp' }).click();
    await row.getByText(/theo quyết định của hiệu trưởng|Được lên lớp/).waitFor();
    expect(browser.problems).toEqual([]);
  });

  it('takes a student on an individual education plan straight to the principal’s decision (issue 10, point 15)', async () => {
    const { page } = browser;
    await appActions(page).goTo('Trang chủ');
    await appActions(page).openFirstClassGradebook('toan', 'CN');
    await appActions(page).goTo('Bảng tổng hợp');
    await page.getByLabel('Kỳ đánh giá').selectOption('CN');
    // A student who completed the year by the standard levels (not in the completion steps).
    const pending = await page.locator('.completion-steps li strong').allInnerTexts();
    const names = await page.locator('.summary-table tbody td[data-column="fullName"]').allInnerTexts();
    const name = names.map((each) => each.trim()).find((each) => each !== '' && !pending.includes(each));
    if (!name) throw new Error('no student who completed the year');

    await appActions(page).goTo('Hồ sơ học sinh');
    await page.getByRole('button', { name, exact: true }).first().click();
    const plan = page.getByLabel('Học sinh khuyết tật, đánh giá theo kế hoạch giáo dục cá nhân');
    // The box shows what is stored: ticked once the change is in the database.
    await plan.click();
    await page.locator('.profile-enrolment').getByText('Đã lưu').waitFor();
    await expect.poll(() => plan.isChecked()).toBe(true);
    await page.locator('.profile-enrolment').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'profile-enrolment-1024.png') });

    await appActions(page).goTo('Bảng tổng hợp');
    const row = page.locator('.completion-steps li').filter({ hasText: name });
    await row.getByText('Đánh giá theo kế hoạch giáo dục cá nhân: chờ hiệu trưởng quyết định').waitFor();
    // The homeroom teacher records no supplementary evaluation for this student.
    await expect(row.getByRole('button', { name: /Đánh giá bổ sung/ }).count()).resolves.toBe(0);

    const principal = (
      await page.getByLabel('Đổi người dùng (dùng thử)').locator('option').allTextContents()
    ).find((label) => label.endsWith('— Hiệu trưởng'));
    if (!principal) throw new Error('no principal');
    await appActions(page).switchUser(principal);
    await row.getByLabel(`Ngày đánh giá hoặc quyết định cho ${name}`).fill('28/05/2026');
    await row.getByRole('button', { name: 'Hiệu trưởng quyết định: lên lớp' }).click();
    await row.getByText('Được lên lớp').waitFor();
    expect(browser.problems).toEqual([]);
  });
});
