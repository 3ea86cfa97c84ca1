import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAppBridge, type AppBridge } from '../support/appBridge';
import { appActions, screenshotOnFailure } from '../support/appActions';
import { openBrowser, type BrowserSession } from '../support/browser';
import { artifactsDir } from '../support/paths';
import { startSampleTrialIn } from '../support/sampleTrial';

/**
 * The year roll-over on a principal's 1024×768 screen: before the new year starts the section
 * says to start it; after, every class of last year lists its students with their year's result
 * and where each goes; no student with an unconfirmed result moves, so applying waits; a transfer
 * recorded with its date and school changes the counts at once.
 */
describe('chuyển năm học, in Chromium through the bridge', () => {
  let app: AppBridge;
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    await mkdir(artifactsDir, { recursive: true });
    app = await startAppBridge();
    browser = await openBrowser({ viewport: { width: 1024, height: 768 } });
    page = browser.page;
    page.setDefaultTimeout(15_000);
  });

  afterEach(async (context) => {
    await screenshotOnFailure(page, 'roll-over', context);
  });

  afterAll(async () => {
    await browser.close();
    await app.close();
  });

  const section = () => page.getByRole('region', { name: 'Chuyển năm học (lên lớp)' });
  const count = (label: string) =>
    section()
      .locator('.rollover-counts div')
      .filter({ has: page.getByText(label, { exact: true }) })
      .locator('dd');

  it('proposes each student’s destination after the new year starts, and waits for every year to be settled', async () => {
    await page.goto(app.bridge.pageUrl);
    await startSampleTrialIn(page, { students: 300, withResults: true });
    await appActions(page).goTo('Thiết lập năm học');
    await section().getByRole('button', { name: 'Xem danh sách chuyển năm học' }).click();
    // Before the new year: a preview of the year in progress, nothing to apply yet.
    await section()
      .getByText(/^Xem trước: học sinh sẽ được chuyển sau khi bắt đầu năm học/)
      .waitFor();
    await expect.poll(() => count('Chưa có hướng đi').textContent()).toBe('300');
    await expect(
      section()
        .getByRole('button', { name: /^Chuyển \d+ học sinh/ })
        .count(),
    ).resolves.toBe(0);

    const start = page.getByRole('button', { name: /^Bắt đầu năm học / });
    const nextYear = ((await start.textContent()) ?? '').replace('Bắt đầu năm học ', '');
    await start.click();
    await page.getByRole('button', { name: `Xác nhận bắt đầu năm học ${nextYear}` }).click();
    // The screen opens afresh on the new year: the list is read again when asked for.
    await section().getByRole('button', { name: 'Xem danh sách chuyển năm học' }).click();
    await section()
      .getByText(/^Xem trước/)
      .waitFor({ state: 'detached' });
    await section()
      .getByText(new RegExp(`chuyển sang năm học ${nextYear} theo kết quả cuối năm`))
      .waitFor();

    // Nobody's year is confirmed by a homeroom teacher yet: all 300 wait, and nothing can be applied.
    await expect.poll(() => count('Chưa có hướng đi').textContent()).toBe('300');
    await expect(count('Lên lớp').textContent()).resolves.toBe('0');
    const apply = section().getByRole('button', {
      name: new RegExp(`^Chuyển 300 học sinh sang năm học ${nextYear}`),
    });
    await expect(apply.isDisabled()).resolves.toBe(true);
    await section()
      .getByText(/^Còn 300 học sinh chưa có hướng đi/)
      .waitFor();

    // The principal records a transfer for the first student of 1A: date and school.
    const class1A = section()
      .locator('details')
      .filter({ hasText: /^Lớp 1A — / });
    await class1A.locator('summary').click();
    const firstRow = class1A.locator('tbody tr').first();
    const name = (await firstRow.locator('th').textContent()) ?? '';
    await expect(firstRow.locator('td').nth(1).textContent()).resolves.toMatch(
      /^Giáo viên chủ nhiệm chưa xác nhận|^Chưa hoàn thành/,
    );
    await firstRow.getByLabel(`Hướng đi của ${name}`).selectOption({ label: 'Chuyển trường' });
    await expect.poll(() => count('Chưa có hướng đi').textContent()).toBe('300');
    await firstRow.getByText('Chuyển trường hoặc thôi học cần ngày và nơi chuyển đến hoặc lý do').waitFor();
    await firstRow.getByLabel('Ngày (ngày/tháng/năm)').fill('15/08/2026');
    await firstRow.getByLabel('Chuyển đến trường').fill('Trường Tiểu học Kim Liên');
    await expect.poll(() => count('Chuyển trường').textContent()).toBe('1');
    await expect(count('Chưa có hướng đi').textContent()).resolves.toBe('299');

    await page.screenshot({ path: join(artifactsDir, 'roll-over-1024x768.png') });
    await class1A.screenshot({ path: join(artifactsDir, 'roll-over-class-1024.png') });
    // Nothing cut off at the side on a 1024 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    expect(browser.problems).toEqual([]);
  });
});
