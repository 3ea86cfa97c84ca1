import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appActions, screenshotOnFailure } from '../support/appActions';
import { startAppBridge, type AppBridge } from '../support/appBridge';
import { openBrowser, type BrowserSession } from '../support/browser';
import { artifactsDir } from '../support/paths';
import { startSampleTrialIn } from '../support/sampleTrial';

const students = 300;

/**
 * Print and hand out (issue 10, point 9), at 1024×768: a record previewed in the app (drawn by
 * pdf.js, printed from the same pages), the class's records as one PDF to print (read back by
 * poppler) and as a ZIP of the records' own files (byte for byte what main keeps).
 */
describe('printing and handing out a class’s học bạ', () => {
  let app: AppBridge;
  let browser: BrowserSession;
  let workDir: string;

  beforeAll(async () => {
    await mkdir(artifactsDir, { recursive: true });
    workDir = await mkdtemp(join(tmpdir(), 'hocba-print-'));
    app = await startAppBridge();
    browser = await openBrowser({ viewport: { width: 1024, height: 768 } });
    browser.page.setDefaultTimeout(20_000);
    await browser.page.goto(app.bridge.pageUrl);
    await startSampleTrialIn(browser.page, { students, withResults: true });
    await appActions(browser.page).goTo('Học bạ');
    await browser.page.getByRole('button', { name: 'Lập học bạ cả lớp' }).click();
    await browser.page.getByText(/^Đã lập \d+ học bạ/).waitFor();
  });

  afterEach(async (context) => {
    await screenshotOnFailure(browser.page, 'print-records', context);
  });

  afterAll(async () => {
    await browser.close();
    await app.close();
    await rm(workDir, { recursive: true, force: true });
  });

  const rosterNames = async () =>
    (await browser.page.locator('.records-table tbody td.name').allInnerTexts()).map((name) => name.trim());

  it('previews a record in the app, every page drawn, and prints exactly those pages', async () => {
    const { page } = browser;
    const [first] = await rosterNames();
    if (!first) throw new Error('no student');
    await page.getByRole('button', { name: `Xem trước và in học bạ của ${first}` }).click();
    const dialog = page.getByRole('dialog', { name: `Học bạ của ${first}` });
    await dialog
      .getByRole('status')
      .filter({ hasText: /^\d+ trang$/ })
      .waitFor();
    const total = Number(/^(\d+)/.exec(await dialog.getByRole('status').innerText())?.[1]);
    expect(total).toBeGreaterThanOrEqual(2);
    await expect(dialog.locator('canvas.preview-page').count()).resolves.toBe(total);
    // Drawn, not blank: the first page has ink (the record's text) on white.
    const inked = await dialog
      .locator('canvas.preview-page')
      .first()
      .evaluate((canvas: HTMLCanvasElement) => {
        const context = canvas.getContext('2d');
        if (!context) return 0;
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 100) dark += 1;
        return dark / (canvas.width * canvas.height);
      });
    expect(inked).toBeGreaterThan(0.005);
    await page.screenshot({ path: join(artifactsDir, 'record-preview-1024.png') });

    // What goes to the printer: the print sheet holds every page, and nothing of the app shows.
    await page.evaluate(() => {
      window.print = () => {
        const sheet = document.querySelector('body > .print-sheet');
        const root = document.getElementById('root');
        document.body.dataset.printed = JSON.stringify({
          pages: sheet?.querySelectorAll('img').length ?? 0,
          printing: document.body.classList.contains('printing-preview'),
          rootShown: root ? getComputedStyle(root).display !== 'none' : true,
        });
      };
    });
    await page.emulateMedia({ media: 'print' });
    await dialog.getByRole('button', { name: 'In', exact: true }).click();
    await page.waitForFunction(() => document.body.dataset.printed !== undefined);
    const printed = JSON.parse((await page.evaluate(() => document.body.dataset.printed)) ?? '{}') as {
      pages: number;
      printing: boolean;
      rootShown: boolean;
    };
    expect(printed).toEqual({ pages: total, printing: true, rootShown: false });
    await page.emulateMedia({ media: 'screen' });
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await expect(dialog.count()).resolves.toBe(0);
    expect(browser.problems).toEqual([]);
  });

  it('gathers the class into one PDF to print, in the class list’s order', async () => {
    const { page } = browser;
    const names = await rosterNames();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Bản in cả lớp (PDF)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Hoc-ba-lop-.+-\d{4}-\d{4}\.pdf$/);
    const path = join(workDir, file.suggestedFilename());
    await file.saveAs(path);
    await page
      .getByRole('status')
      .filter({ hasText: `Đã gộp ${String(names.length)} học bạ` })
      .waitFor();
    await page.screenshot({ path: join(artifactsDir, 'records-bundle-1024.png') });
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const positions = names.map((name) => text.indexOf(name));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('hands out the class’s record files in a ZIP, each the very file main keeps', async () => {
    const { page } = browser;
    const names = await rosterNames();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tệp của cả lớp (ZIP)' }).click();
    const file = await download;
    const path = join(workDir, file.suggestedFilename());
    await file.saveAs(path);
    const entries = unzipSync(await readFile(path));
    const fileNames = Object.keys(entries);
    expect(fileNames).toHaveLength(names.length);
    expect(fileNames[0]).toMatch(/^01-[A-Za-z-]+-\d{10}\.pdf$/);
    // The current file of each record in main's folder (archived versions apart), by student code.
    const keptPaths = (await readdir(join(app.dataDir, 'records'), { recursive: true }))
      .filter((path) => path.endsWith('.pdf') && !path.includes('versions'))
      .map((path) => join(app.dataDir, 'records', path));
    for (const [name, bytes] of Object.entries(entries)) {
      const code = /-(\d{10})\.pdf$/.exec(name)?.[1] ?? 'none';
      const kept = keptPaths.filter((path) => path.includes(code));
      expect(kept, name).toHaveLength(1);
      expect(Buffer.from(bytes).equals(await app.files.read(kept[0] ?? '')), name).toBe(true);
    }
    expect(browser.problems).toEqual([]);
  });
});
