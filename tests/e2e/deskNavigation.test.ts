import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appActions, screenshotOnFailure } from '../support/appActions';
import { startAppBridge, type AppBridge } from '../support/appBridge';
import { openBrowser, type BrowserSession } from '../support/browser';
import { artifactsDir } from '../support/paths';
import { startSampleTrialIn } from '../support/sampleTrial';

/**
 * Getting around the desk on a teacher's 1024×768 screen (issue 10, points 6 and 11): the
 * chosen class, subject and period stay across screens, a mistyped address says so, the menu
 * stays in view on long pages, and file pickers speak Vietnamese.
 */
describe('getting around the desk', () => {
  let app: AppBridge;
  let browser: BrowserSession;

  beforeAll(async () => {
    await mkdir(artifactsDir, { recursive: true });
    app = await startAppBridge();
    browser = await openBrowser({ viewport: { width: 1024, height: 768 } });
    browser.page.setDefaultTimeout(20_000);
    await browser.page.goto(app.bridge.pageUrl);
    await startSampleTrialIn(browser.page, { students: 300, withResults: false });
  });

  afterEach(async (context) => {
    await screenshotOnFailure(browser.page, 'desk-navigation', context);
  });

  afterAll(async () => {
    await browser.close();
    await app.close();
  });

  it('keeps the class, subject and period when the teacher goes to another screen and back', async () => {
    const { page } = browser;
    await appActions(page).openFirstClassGradebook('tieng-viet', 'GK2');
    const className = await page.getByLabel('Lớp', { exact: true }).inputValue();
    await appActions(page).goTo('Phẩm chất, năng lực');
    await page.getByRole('grid').waitFor();
    await expect(page.getByLabel('Kỳ đánh giá').inputValue()).resolves.toBe('GK2');
    await appActions(page).goTo('Sổ theo dõi kết quả');
    await page.getByRole('grid').waitFor();
    await expect(page.getByLabel('Lớp', { exact: true }).inputValue()).resolves.toBe(className);
    await expect(page.getByLabel('Môn học, hoạt động').inputValue()).resolves.toBe('tieng-viet');
    await expect(page.getByLabel('Kỳ đánh giá').inputValue()).resolves.toBe('GK2');
  });

  it('shows students who do not take an elective as not taking it, and lets the homeroom teacher choose who does', async () => {
    const { page } = browser;
    await page.getByLabel('Môn học, hoạt động').selectOption('tieng-dan-toc');
    await page.getByRole('grid').waitFor();
    const rows = page.getByRole('grid').locator('tbody tr');
    const firstLevel = rows.first().locator('[role="gridcell"]').first();
    const takers = page.locator('.elective-takers');
    await takers.locator('summary').click();
    const firstChoice = takers.getByRole('checkbox').first();
    if (await firstChoice.isChecked()) {
      await firstChoice.uncheck();
      await firstLevel.and(page.locator('.not-applicable')).waitFor();
    }
    // Not taking it is normal: greyed with the reason, never painted as an error.
    await expect(page.getByRole('grid').locator('[aria-invalid="true"]').count()).resolves.toBe(0);
    await expect(firstLevel.getAttribute('title')).resolves.toBe('Học sinh không học môn tự chọn này.');
    await page.screenshot({ path: join(artifactsDir, 'desk-elective-1024.png') });

    await firstChoice.check();
    await firstLevel.and(page.locator(':not(.not-applicable)')).waitFor();
    await expect(takers.locator('summary').textContent()).resolves.toMatch(
      /^Học sinh học môn Tiếng dân tộc thiểu số: \d+\/\d+$/,
    );
  });

  it('freezes STT and names in wide tables, with the year-end columns next to the names', async () => {
    const { page } = browser;
    await appActions(page).goTo('Phẩm chất, năng lực');
    const grid = page.getByRole('grid');
    await grid.waitFor();
    const name = grid.locator('tbody tr').first().locator('th.grid-name');
    const before = await name.boundingBox();
    await grid.evaluate((element) => element.scrollBy({ left: 600 }));
    await page.waitForFunction(() => (document.querySelector('.data-grid')?.scrollLeft ?? 0) > 0);
    // Frozen: it stays where it was (within the half pixel a collapsed border moves it).
    expect(Math.abs(((await name.boundingBox())?.x ?? -99) - (before?.x ?? 0))).toBeLessThanOrEqual(1);
    await page.screenshot({ path: join(artifactsDir, 'desk-character-scrolled-1024.png') });

    await appActions(page).goTo('Bảng tổng hợp');
    await page.getByLabel('Kỳ đánh giá').selectOption('CN');
    const table = page.locator('table.summary-table');
    await table.waitFor();
    const headers = await table.locator('thead tr').first().locator('th').allTextContents();
    expect(headers.slice(0, 5)).toEqual(['STT', 'Họ và tên', 'Kết quả giáo dục', 'Khen thưởng', headers[4]]);
    await page.screenshot({ path: join(artifactsDir, 'desk-summary-1024.png') });
    const summaryName = table.locator('tbody tr').first().locator('td[data-column="fullName"]');
    const nameBefore = await summaryName.boundingBox();
    await page.locator('.summary-scroll').evaluate((element) => element.scrollBy({ left: 800 }));
    await page.waitForFunction(() => (document.querySelector('.summary-scroll')?.scrollLeft ?? 0) > 0);
    expect(
      Math.abs(((await summaryName.boundingBox())?.x ?? -99) - (nameBefore?.x ?? 0)),
    ).toBeLessThanOrEqual(1);
    await page.screenshot({ path: join(artifactsDir, 'desk-summary-scrolled-1024.png') });
  });

  it('says that an address names no screen, and offers the way home', async () => {
    const { page } = browser;
    await page.evaluate(() => {
      window.location.hash = '#/so-diem-cu';
    });
    await page.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();
    await expect(page.getByRole('alert').filter({ hasText: '#/so-diem-cu' }).count()).resolves.toBe(1);
    await page.screenshot({ path: join(artifactsDir, 'desk-unknown-route-1024.png') });
    await page.getByRole('button', { name: 'Về Trang chủ' }).click();
    await page.locator('.school-header h1').waitFor();
  });

  it('keeps the menu in view at the bottom of a long page', async () => {
    const { page } = browser;
    await appActions(page).goTo('Hồ sơ học sinh');
    await page.getByRole('table').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(() => window.scrollY > 0);
    const menu = page.getByRole('navigation').getByRole('button', { name: 'Trang chủ', exact: true });
    const box = await menu.boundingBox();
    expect(box?.y).toBeGreaterThanOrEqual(0);
    expect(box?.y).toBeLessThan(768);
    await page.screenshot({ path: join(artifactsDir, 'desk-long-page-1024.png') });
  });

  it('clears a date error once the date is put right, even back to the stored one', async () => {
    const { page } = browser;
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('table').first().getByRole('row').nth(1).getByRole('button').click();
    const date = page.getByLabel('Ngày sinh', { exact: true });
    const stored = await date.inputValue();
    await date.fill('31/02/2018');
    await date.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Ngày phải có dạng ngày/tháng/năm' }).waitFor();
    await expect(date.getAttribute('aria-invalid')).resolves.toBe('true');
    await date.fill(stored);
    await date.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'Ngày phải có dạng' }).count()).resolves.toBe(0);
    await expect(date.getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(date.inputValue()).resolves.toBe(stored);
  });

  it('draws file pickers as Vietnamese buttons, the browser’s own words hidden', async () => {
    const { page } = browser;
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: 'Nhập danh sách từ Excel' }).click();
    const input = page.getByLabel('Chọn tệp Excel');
    await expect(input.evaluate((element) => getComputedStyle(element).opacity)).resolves.toBe('0');
    const button = page.locator('label.file-pick-button', { hasText: 'Chọn tệp Excel' });
    await expect(button.isVisible()).resolves.toBe(true);
    const [inputBox, buttonBox] = await Promise.all([input.boundingBox(), button.boundingBox()]);
    // The invisible input covers the button (inside its 1px border), so a click anywhere on it
    // opens the picker.
    if (!inputBox || !buttonBox) throw new Error('file button not laid out');
    expect(Math.abs(inputBox.x - buttonBox.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(inputBox.y - buttonBox.y)).toBeLessThanOrEqual(1);
    expect(inputBox.width).toBeGreaterThanOrEqual(buttonBox.width - 2);
    expect(inputBox.height).toBeGreaterThanOrEqual(buttonBox.height - 2);
    await page.screenshot({ path: join(artifactsDir, 'desk-file-button-1024.png') });
    expect(browser.problems).toEqual([]);
  });
});
