import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appActions, screenshotOnFailure } from '../support/appActions';
import { startAppBridge, type AppBridge } from '../support/appBridge';
import { openBrowser, type BrowserSession } from '../support/browser';
import { artifactsDir } from '../support/paths';
import { startSampleTrialIn } from '../support/sampleTrial';

/**
 * The homeroom teacher exports the class's Sổ theo dõi chất lượng giáo dục from the grade book's
 * toolbar, as Excel and as PDF, and then only the selected subject (issue 10, point 9).
 */
describe('Sổ theo dõi chất lượng giáo dục: exported from the grade book', () => {
  let app: AppBridge;
  let browser: BrowserSession;
  let page: Page;
  let firstName = '';

  beforeAll(async () => {
    await mkdir(artifactsDir, { recursive: true });
    app = await startAppBridge();
    browser = await openBrowser();
    page = browser.page;
    page.setDefaultTimeout(20_000);
  });

  afterEach(async (context) => {
    await screenshotOnFailure(page, 'tracking-book', context);
  });

  afterAll(async () => {
    await browser.close();
    await app.close();
  });

  /** Clicks an export button and saves what the browser downloads under the artefacts. */
  const download = async (button: string): Promise<{ name: string; path: string }> => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button, exact: true }).click(),
    ]);
    const path = join(artifactsDir, `tracking-book-${file.suggestedFilename()}`);
    await file.saveAs(path);
    return { name: file.suggestedFilename(), path };
  };

  it('opens the grade book of a class with a year of results, as its homeroom teacher', async () => {
    await page.goto(app.bridge.pageUrl);
    await startSampleTrialIn(page, { students: 300, withResults: true });
    await appActions(page).openFirstClassGradebook('toan', 'CN');
    const name = page.getByRole('grid').locator('tbody tr').first().locator('th.grid-name');
    firstName = (await name.innerText()).trim().normalize('NFC');
    expect(firstName).not.toBe('');
    await page.screenshot({ path: join(artifactsDir, 'tracking-book-toolbar.png') });
  });

  it('exports the whole book as PDF: every subject and the qualities and competencies', async () => {
    const { name, path } = await download('Xuất Sổ theo dõi (PDF)');
    expect(name).toMatch(/^So-theo-doi-[A-Za-z0-9-]+-\d{4}-\d{4}\.pdf$/);
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('SỔ THEO DÕI CHẤT LƯỢNG GIÁO DỤC');
    expect(text).toContain('Môn Tiếng Việt');
    expect(text).toContain('Môn Toán');
    expect(text).toContain('Phẩm chất và năng lực — Cuối năm học');
    expect(text).toContain(firstName);
    await page
      .getByRole('status')
      .filter({ hasText: `Đã xuất ${name}.` })
      .waitFor();
  });

  it('exports it as Excel, and only the selected subject when asked', async () => {
    const whole = await download('Xuất Sổ theo dõi (Excel)');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(whole.path);
    const sheets = book.worksheets.map((sheet) => sheet.name);
    expect(sheets).toContain('Toán');
    expect(sheets.at(-1)).toBe('Phẩm chất, năng lực');

    await page.getByLabel('Chỉ môn Toán').check();
    const one = await download('Xuất Sổ theo dõi (Excel)');
    expect(one.name).toMatch(/-Toan\.xlsx$/);
    const single = new ExcelJS.Workbook();
    await single.xlsx.readFile(one.path);
    expect(single.worksheets.map((sheet) => sheet.name)).toEqual(['Toán']);
    expect(single.worksheets[0]?.getCell(8, 2).value).toBe(firstName);
  });
});
