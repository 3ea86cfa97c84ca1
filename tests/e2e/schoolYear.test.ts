import ExcelJS from 'exceljs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAppBridge, type AppBridge } from '../support/appBridge';
import { appActions, screenshotOnFailure } from '../support/appActions';
import { openBrowser, type BrowserSession } from '../support/browser';
import { artifactsDir } from '../support/paths';
import { startSampleTrialIn } from '../support/sampleTrial';

/**
 * A school year in Chromium through the real bridge: the principal sets up a class and its
 * assignments, the class list comes from an .xlsx, the homeroom teacher enters a whole period
 * of Toán with the keyboard and pastes a block of comments, the summary table follows, a reload
 * keeps everything, a teacher without the assignment cannot edit, and the history shows who
 * changed what.
 */
const teacher = { fullName: 'Phạm Thị Hồng Nhung', login: 'nhungpth' };
const className = '3E';

/** The class list as a school secretary types it: one bad date among good rows. */
const classList = [
  ['Nguyễn Minh Anh', '05/03/2017', 'Nữ', 'Kinh', '7900000101', '001317000101'],
  ['Trần Gia Bảo', '17/08/2017', 'Nam', 'Kinh', '7900000102', '001217000102'],
  ['Lê Hoàng Phúc', '31/02/2017', 'Nam', 'Kinh', '7900000103', '001217000103'],
  ['Phạm Ngọc Diệp', '09/11/2017', 'Nữ', 'Tày', '7900000104', '001317000104'],
  ['Hoàng Đức Thịnh', '22/01/2017', 'Nam', 'Kinh', '7900000105', '001217000105'],
  ['Vũ Khánh Linh', '14/06/2017', 'Nữ', 'Mường', '7900000106', '001317000106'],
] as const;
const validStudents = classList.filter(([, birthDate]) => birthDate !== '31/02/2017');
/** Rows of the grade book in the class list's STT order, as the school's file numbers them. */
const rosterNames = validStudents.map(([name]) => name);

async function writeClassList(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách lớp');
  // Decomposed Unicode (NFD) in the headers, odd case and spacing: the matcher must still know them.
  sheet.addRow([
    'STT',
    'HỌ VÀ  TÊN'.normalize('NFD'),
    'Ngày sinh',
    'Giới tính',
    'Dân tộc',
    'Mã HS',
    'Mã định danh cá nhân',
  ]);
  classList.forEach((row, index) => sheet.addRow([index + 1, row[0].normalize('NFD'), ...row.slice(1)]));
  await workbook.xlsx.writeFile(path);
}

describe('a school year offline, in Chromium through the bridge', () => {
  let app: AppBridge;
  let browser: BrowserSession;
  let page: Page;
  const goTo = (area: string) => appActions(page).goTo(area);
  const switchUser = (label: string) => appActions(page).switchUser(label);
  const chooseClass = (name: string) => appActions(page).chooseClass(name);
  let workDir: string;

  beforeAll(async () => {
    await mkdir(artifactsDir, { recursive: true });
    workDir = await mkdtemp(join(tmpdir(), 'hocba-e2e-'));
    app = await startAppBridge();
    browser = await openBrowser();
    page = browser.page;
    page.setDefaultTimeout(15_000);
  });

  afterEach(async (context) => {
    await screenshotOnFailure(page, 'school-year', context);
  });

  afterAll(async () => {
    await browser.close();
    await app.close();
    await rm(workDir, { recursive: true, force: true });
  });

  const cell = (row: number, column: number) =>
    page.getByRole('grid').locator('tbody tr').nth(row).locator('[role="gridcell"]').nth(column);

  it('lets the principal set up a class, a teacher and the assignments', async () => {
    await page.goto(app.bridge.pageUrl);
    await startSampleTrialIn(page, { students: 300, withResults: false });

    await goTo('Thiết lập năm học');
    const staffForm = page.getByRole('form', { name: 'Thêm giáo viên' });
    await staffForm.getByLabel('Họ và tên').fill(teacher.fullName);
    await staffForm.getByLabel('Tên đăng nhập').fill(teacher.login);
    await staffForm.getByRole('button', { name: 'Thêm giáo viên' }).click();
    await page.getByText(`Đã thêm ${teacher.fullName}.`).waitFor();

    const classForm = page.getByRole('form', { name: 'Thêm lớp' });
    await classForm.getByLabel('Khối lớp').selectOption('3');
    await classForm.getByLabel('Tên lớp').fill(className);
    await classForm.getByLabel('Giáo viên chủ nhiệm của lớp mới').selectOption({ label: teacher.fullName });
    await classForm.getByRole('button', { name: 'Thêm lớp' }).click();
    await page.getByText(`Đã thêm lớp ${className}.`).waitFor();

    // One source: the teacher chosen in "Thêm lớp" is the class's homeroom assignment.
    await page.getByLabel('Lớp cần phân công').selectOption({ label: className });
    const assignment = page.getByRole('form', { name: 'Phân công' });
    const homeroom = assignment.getByLabel(`Chủ nhiệm lớp ${className}`);
    await expect.poll(() => homeroom.locator('option:checked').innerText()).toBe(teacher.fullName);
    await assignment.getByRole('button', { name: 'Giao các môn còn trống cho giáo viên chủ nhiệm' }).click();
    await assignment.getByRole('button', { name: `Lưu phân công lớp ${className}` }).click();
    await page.getByText(`Đã lưu phân công lớp ${className}.`).waitFor();
  });

  it('imports the class list from an .xlsx after a preview that shows the bad row', async () => {
    const file = join(workDir, 'danh-sach-3E.xlsx');
    await writeClassList(file);
    await goTo('Hồ sơ học sinh');
    await chooseClass(className);
    await page.getByRole('button', { name: 'Nhập danh sách từ Excel' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type="file"]').setInputFiles(file);
    await dialog.getByText(`${validStudents.length} dòng hợp lệ, 1 dòng có lỗi.`).waitFor();
    await dialog.getByText('Dòng 4: Ngày sinh 31/02/2017 không tồn tại').waitFor();
    await dialog.getByRole('button', { name: `Nhập ${validStudents.length} học sinh hợp lệ` }).click();
    await dialog.waitFor({ state: 'detached' });
    for (const name of rosterNames) await page.getByText(name, { exact: true }).first().waitFor();
  });

  it('lets the homeroom teacher enter a whole period of Toán with the keyboard and paste comments', async () => {
    await switchUser(`${teacher.fullName} — Giáo viên`);
    await goTo('Sổ theo dõi kết quả');
    await chooseClass(className);
    await page.getByLabel('Môn học, hoạt động').selectOption('toan');
    await page.getByLabel('Kỳ đánh giá').selectOption('CK1');
    const grid = page.getByRole('grid');
    await grid.waitFor();
    await expect(grid.locator('tbody tr').count()).resolves.toBe(validStudents.length);

    const levels = ['T', 'H', 'T', 'C', 'H'];
    const scores = ['9', '7', '10', '4', '6'];
    await cell(0, 0).click();
    for (const level of levels) await page.keyboard.press(level);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowRight');
    for (const score of scores) {
      await page.keyboard.type(score);
      await page.keyboard.press('Enter');
    }
    // A block of comments copied from Excel: one per line.
    const comments = rosterNames.map((name) => `Em ${name.split(' ').at(-1) ?? ''} tiến bộ trong học kỳ I.`);
    await cell(0, 2).click();
    await page.evaluate(
      (text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document.activeElement?.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true }),
        );
      },
      `${comments.join('\r\n')}\r\n`,
    );
    await page.getByText(/Đã lưu lúc/).waitFor();
    for (const [row, level] of levels.entries()) {
      await expect(cell(row, 0).textContent()).resolves.toBe(level);
      await expect(cell(row, 1).textContent()).resolves.toBe(scores[row]);
      await expect(cell(row, 2).textContent()).resolves.toBe(comments[row]);
    }
    await page.screenshot({ path: join(artifactsDir, 'grade-book.png'), fullPage: true });
  });

  it('shows the entries in the class summary table', async () => {
    await goTo('Bảng tổng hợp');
    await chooseClass(className);
    await page.getByLabel('Kỳ đánh giá').selectOption('CK1');
    const table = page.locator('table.summary-table');
    await table.waitFor();
    const firstRow = table.locator('tbody tr').first();
    await expect(firstRow.textContent()).resolves.toContain(rosterNames[0]);
    // The file's order, not re-sorted by given name (issue 10, point 11).
    await expect(table.locator('tbody td[data-column="fullName"]').allInnerTexts()).resolves.toEqual(
      rosterNames,
    );
    await expect(firstRow.textContent()).resolves.toContain('9');
    await page.screenshot({ path: join(artifactsDir, 'summary-table.png'), fullPage: true });
  });

  it('finds everything again after a reload', async () => {
    await goTo('Sổ theo dõi kết quả');
    await chooseClass(className);
    await page.getByLabel('Môn học, hoạt động').selectOption('toan');
    await page.getByLabel('Kỳ đánh giá').selectOption('CK1');
    await page.reload();
    await page.getByRole('grid').waitFor();
    await expect(cell(3, 0).textContent()).resolves.toBe('C');
    await expect(cell(3, 1).textContent()).resolves.toBe('4');
  });

  it('keeps a teacher without the assignment from editing', async () => {
    const users = await page.getByLabel('Đổi người dùng (dùng thử)').locator('option').allTextContents();
    const otherTeacher = users.find(
      (label) => label.endsWith('— Giáo viên') && !label.startsWith(teacher.fullName),
    );
    const principal = users.find((label) => label.endsWith('— Hiệu trưởng'));
    expect(otherTeacher).toBeDefined();
    expect(principal).toBeDefined();

    // Another teacher is not even offered the class.
    await switchUser(otherTeacher ?? '');
    await goTo('Sổ theo dõi kết quả');
    const classOptions = page.getByLabel('Lớp', { exact: true }).locator('option');
    await classOptions.first().waitFor({ state: 'attached' });
    expect(await classOptions.allTextContents()).not.toContain(className);

    // The principal sees every class, but edits results only where assigned.
    await switchUser(principal ?? '');
    await goTo('Sổ theo dõi kết quả');
    await chooseClass(className);
    await page.getByLabel('Môn học, hoạt động').selectOption('toan');
    await page.getByLabel('Kỳ đánh giá').selectOption('CK1');
    await page.getByText('Chỉ xem: bạn không được phân công nhập môn này của lớp này.').waitFor();
    await cell(0, 0).click();
    await page.keyboard.press('C');
    await page.getByText('Ô này chỉ xem được.').waitFor();
    await expect(cell(0, 0).textContent()).resolves.toBe('T');
  });

  it('shows who changed what in the history, and the chain is intact', async () => {
    await switchUser(`${teacher.fullName} — Giáo viên`);
    await goTo('Lịch sử thay đổi');
    await chooseClass(className);
    const history = page.locator('table.history-table');
    await history.waitFor();
    // Linh's score (last in the list): who entered it, in which subject, from nothing to 6.
    const linhScore = history
      .locator('tbody tr')
      .filter({ hasText: 'Vũ Khánh Linh' })
      .filter({ hasText: 'Điểm KTĐK' })
      .filter({ hasText: teacher.fullName });
    await expect(linhScore.count()).resolves.toBe(1);
    // Columns: time, who, student, what, from, to, which desktop.
    await expect(linhScore.locator('td').nth(5).textContent()).resolves.toBe('6');
    await expect(linhScore.locator('td').last().textContent()).resolves.toBe('Máy này');
    // Nothing internal is shown: no user ids, no ISO times, no hashes.
    await expect(history.textContent()).resolves.not.toMatch(/user:|\d{4}-\d{2}-\d{2}T|[0-9a-f]{40}/);
    await page.getByRole('button', { name: 'Kiểm tra tính toàn vẹn của lịch sử trên máy này' }).click();
    await page.getByText(/^Lịch sử nguyên vẹn: [\d.]+ sự kiện/).waitFor();
    await page.screenshot({ path: join(artifactsDir, 'history.png'), fullPage: true });
    expect(browser.problems).toEqual([]);
  });
});
