import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appActions, screenshotOnFailure } from '../support/appActions';
import { auditLockHold } from '../support/auditLockHold';
import { startAppBridge, type AppBridge } from '../support/appBridge';
import { openBrowser, type BrowserSession } from '../support/browser';
import { artifactsDir } from '../support/paths';
import { startSampleTrialIn } from '../support/sampleTrial';

/**
 * A comment typed in Phẩm chất, năng lực is never lost: it is stored as the teacher types, when
 * they move to another cell, when they pick a suggestion, and the window is held while a save is
 * still on its way (issue 10, point 1).
 */
describe('trait comments: saved as typed, never lost', () => {
  let app: AppBridge;
  let browser: BrowserSession;
  let lock: Awaited<ReturnType<typeof auditLockHold>>;
  /** The app's tab; the last test closes it and opens another. */
  let page: Page;

  beforeAll(async () => {
    await mkdir(artifactsDir, { recursive: true });
    app = await startAppBridge();
    browser = await openBrowser();
    page = browser.page;
    page.setDefaultTimeout(20_000);
  });

  afterEach(async (context) => {
    await screenshotOnFailure(page, 'comments-saved', context);
  });

  afterAll(async () => {
    await browser.close();
    await app.close();
  });

  const cell = (row: number, column: number) =>
    page.getByRole('grid').locator('tbody tr').nth(row).locator('[role="gridcell"]').nth(column);
  /** The panel follows the clicked cell on React's next render: wait for it, never for a time. */
  const settled = { timeout: 10_000 };
  const commentBox = () => page.getByRole('complementary').getByLabel('Nhận xét', { exact: true });
  const openCharacterScreen = async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Phẩm chất, năng lực' }).click();
    await page.getByRole('grid').waitFor();
  };

  it('opens Phẩm chất, năng lực as a homeroom teacher', async () => {
    await page.goto(app.bridge.pageUrl);
    await startSampleTrialIn(page, { students: 300, withResults: false });
    lock = await auditLockHold(page, app.dataDir, 'hocba-dung-thu--journal');
    await appActions(page).openFirstClassGradebook('toan', 'CK1');
    await openCharacterScreen();
  });

  it('keeps a comment typed in the panel when the teacher clicks another cell straight away', async () => {
    await cell(0, 0).click();
    await commentBox().fill('Em tự giác chuẩn bị bài, tự học tốt ở nhà.');
    await cell(1, 0).click();
    await expect.poll(() => commentBox().inputValue(), settled).toBe('');
    await cell(0, 0).click();
    await expect
      .poll(() => commentBox().inputValue(), settled)
      .toBe('Em tự giác chuẩn bị bài, tự học tốt ở nhà.');
    await page.screenshot({ path: join(artifactsDir, 'comments-saved-panel.png') });
    await page.reload();
    await openCharacterScreen();
    await cell(0, 0).click();
    await expect
      .poll(() => commentBox().inputValue(), settled)
      .toBe('Em tự giác chuẩn bị bài, tự học tốt ở nhà.');
  });

  it('stores a picked suggestion at once, and offers only phrases about the chosen trait', async () => {
    // The first column is the competency Tự chủ và tự học.
    await cell(2, 0).click();
    await page.keyboard.press('T');
    // A typed level moves the cursor down, as in the grade book: back to the student.
    await cell(2, 0).click();
    const suggestions = page.getByRole('complementary').locator('button.phrase');
    await expect(suggestions.allTextContents()).resolves.toContain(
      'Tự giác chuẩn bị đồ dùng học tập; biết tự học, tự hoàn thành nhiệm vụ.',
    );
    await expect(suggestions.allTextContents()).resolves.not.toContain(
      'Yêu quê hương, đất nước; kính trọng, biết ơn người có công.',
    );
    await suggestions.first().click();
    await page.getByText('Đã lưu nhận xét.').waitFor();
    await page.reload();
    await openCharacterScreen();
    await cell(2, 0).click();
    await expect
      .poll(() => commentBox().inputValue(), settled)
      .toBe('Tự giác chuẩn bị đồ dùng học tập; biết tự học, tự hoàn thành nhiệm vụ.');
  });

  it('holds the window while a comment is on its way to the disk, then lets it close', async () => {
    await cell(3, 0).click();
    await lock.hold();
    await commentBox().fill('Em mạnh dạn hơn khi tự học.');
    await cell(3, 1).click();
    await page.getByText('Đang lưu…').waitFor();

    // The save waits for the lock: closing now is refused (the browser asks; Electron is silent).
    const held = page.waitForEvent('dialog');
    const closing = page.close({ runBeforeUnload: true });
    const dialog = await held;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    await closing;
    expect(page.isClosed()).toBe(false);

    await lock.release();
    await page.getByText(/Đã lưu lúc/).waitFor();
    // Nothing left to store: the window closes without asking.
    let asked = false;
    page.once('dialog', (again) => {
      asked = true;
      void again.accept();
    });
    await page.close({ runBeforeUnload: true });
    await page.waitForEvent('close');
    expect(asked).toBe(false);

    expect(browser.problems).toEqual([]);
    page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(app.bridge.pageUrl);
    await page.locator('.school-header h1').waitFor();
    await openCharacterScreen();
    await cell(3, 0).click();
    await expect.poll(() => commentBox().inputValue(), settled).toBe('Em mạnh dạn hơn khi tự học.');
    expect(problems).toEqual([]);
  });
});
