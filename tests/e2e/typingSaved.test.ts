import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appActions, screenshotOnFailure } from '../support/appActions';
import { auditLockHold } from '../support/auditLockHold';
import { startAppBridge, type AppBridge } from '../support/appBridge';
import { openBrowser, type BrowserSession } from '../support/browser';
import { artifactsDir } from '../support/paths';
import { startSampleTrialIn } from '../support/sampleTrial';

/**
 * The grade book shows what was typed at once and says when it is saved: a value on screen
 * whose save is not durable yet carries aria-busy, and loses it once its journal transaction
 * committed. The save is held back by holding the device's audit lock from the page with the
 * journal marked busy, which is exactly what a save then waits for.
 */
describe('typing in the grade book: shown at once, marked saved when stored', () => {
  let app: AppBridge;
  let browser: BrowserSession;
  let lock: Awaited<ReturnType<typeof auditLockHold>>;

  beforeAll(async () => {
    await mkdir(artifactsDir, { recursive: true });
    app = await startAppBridge();
    browser = await openBrowser();
    browser.page.setDefaultTimeout(20_000);
  });

  afterEach(async (context) => {
    await screenshotOnFailure(browser.page, 'typing-saved', context);
  });

  afterAll(async () => {
    await browser.close();
    await app.close();
  });

  const cell = (row: number, column: number) =>
    browser.page.getByRole('grid').locator('tbody tr').nth(row).locator('[role="gridcell"]').nth(column);

  it('opens a class grade book as its homeroom teacher', async () => {
    const { page } = browser;
    await page.goto(app.bridge.pageUrl);
    await startSampleTrialIn(page, { students: 300, withResults: false });
    lock = await auditLockHold(page, app.dataDir, 'hocba-dung-thu--journal');
    await appActions(page).openFirstClassGradebook('toan', 'CK1');
  });

  it('paints typed levels before they are stored, busy until the save is durable', async () => {
    const { page } = browser;
    await cell(0, 0).click();
    await lock.hold();
    for (const level of ['T', 'H', 'C']) await page.keyboard.press(level);
    // On screen at once, and said not to be saved yet: the save waits for the lock we hold.
    await expect(cell(2, 0).textContent()).resolves.toBe('C');
    for (const [row, level] of ['T', 'H', 'C'].entries()) {
      await expect(cell(row, 0).textContent()).resolves.toBe(level);
      await expect(cell(row, 0).getAttribute('aria-busy')).resolves.toBe('true');
    }
    await expect(page.getByText('Đang lưu…').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'typing-pending.png') });

    await lock.release();
    await page.getByText(/Đã lưu lúc/).waitFor();
    for (const [row, level] of ['T', 'H', 'C'].entries()) {
      await cell(row, 0).and(page.locator(':not([aria-busy])')).waitFor();
      await expect(cell(row, 0).textContent()).resolves.toBe(level);
    }
    // Stored, not only shown: after a reload the values come from IndexedDB.
    await page.reload();
    await page.getByRole('grid').waitFor();
    for (const [row, level] of ['T', 'H', 'C'].entries())
      await expect(cell(row, 0).textContent()).resolves.toBe(level);
  });

  it('measures key → paint for each typed edit', async () => {
    const { page } = browser;
    await page.evaluate(() => performance.clearMeasures('hocba:edit-paint'));
    await cell(3, 0).click();
    for (const level of ['H', 'T']) await page.keyboard.press(level);
    await page.waitForFunction(() => performance.getEntriesByName('hocba:edit-paint').length >= 2);
    await cell(4, 0).and(page.locator(':not([aria-busy])')).waitFor();
    await expect(cell(4, 0).textContent()).resolves.toBe('T');
  });

  it('keeps the cursor and the typed text of a score the column refuses, says why beside it, and clears it once fixed', async () => {
    const { page } = browser;
    await cell(5, 1).click();
    await page.keyboard.type('11');
    await page.keyboard.press('Enter');
    const editor = cell(5, 1).locator('input');
    await expect(editor.inputValue()).resolves.toBe('11');
    const why = cell(5, 1).getByRole('alert');
    await expect(why.textContent()).resolves.toBe('Điểm là số nguyên từ 0 đến 10, không có phần thập phân.');
    await expect(editor.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.screenshot({ path: join(artifactsDir, 'typing-refused-score.png') });
    // A click elsewhere does not throw it away either.
    await cell(8, 0).click();
    await expect(editor.inputValue()).resolves.toBe('11');

    await editor.fill('9');
    await expect(why.count()).resolves.toBe(0);
    await page.keyboard.press('Enter');
    await expect(cell(5, 1).textContent()).resolves.toBe('9');
    await expect(cell(6, 1).getAttribute('aria-selected')).resolves.toBe('true');
    await cell(5, 1).and(page.locator(':not([aria-busy])')).waitFor();
    await expect(cell(5, 1).getAttribute('aria-invalid')).resolves.toBeNull();
  });

  it('tells of an undo calmly, and the news goes away by itself', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    const news = page.locator('.status-bar').getByRole('status').filter({ hasText: 'Đã hoàn tác' });
    await news.waitFor();
    await expect(page.locator('.status-bar').getByRole('alert').count()).resolves.toBe(0);
    await expect.poll(() => cell(5, 1).textContent(), { timeout: 10_000 }).toBe('');
    await news.waitFor({ state: 'detached' });
  });

  it('fills a selection down with Ctrl+D and copies it as tab-separated text with Ctrl+C', async () => {
    const { page } = browser;
    await cell(10, 0).click();
    await page.keyboard.press('H');
    await cell(10, 0).click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => page.locator('.grid-cell.in-selection').count(), { timeout: 10_000 }).toBe(3);
    await page.keyboard.press('Control+d');
    for (const row of [11, 12])
      await expect.poll(() => cell(row, 0).textContent(), { timeout: 10_000 }).toBe('H');
    await page.keyboard.press('Shift+ArrowRight');
    // The listener is in place before the key is sent (input and scripts reach the page by
    // different routes), and what the grid put on the clipboard is read once the event came.
    await page.evaluate(() => {
      window.addEventListener(
        'copy',
        (event) => {
          (window as unknown as { copiedText?: string }).copiedText =
            event.clipboardData?.getData('text/plain') ?? '';
        },
        { once: true },
      );
    });
    await page.keyboard.press('Control+c');
    const copied = await page.waitForFunction(
      () => (window as unknown as { copiedText?: string }).copiedText,
    );
    await expect(copied.jsonValue()).resolves.toBe('H\t\nH\t\nH\t');
    for (const row of [10, 11, 12]) await cell(row, 0).and(page.locator(':not([aria-busy])')).waitFor();
  });

  it('gives a refused value back: a comment the rules refuse is not left on screen as saved', async () => {
    const { page } = browser;
    await cell(0, 2).click();
    const tooLong = 'Em chăm chỉ, tiến bộ rõ rệt. '.repeat(80);
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.activeElement?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true }),
      );
    }, tooLong);
    await page.getByText(/Nhận xét dài quá/).waitFor();
    await expect(cell(0, 2).textContent()).resolves.toBe('');
    await expect(cell(0, 2).getAttribute('aria-busy')).resolves.toBeNull();
    expect(browser.problems).toEqual([]);
  });
});
