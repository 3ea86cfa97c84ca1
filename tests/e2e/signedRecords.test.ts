import { staffRoleNames } from '../../shared/domain/staff';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { studyRecordIdOf } from '../../shared/record/studyRecord';
import { sampleTrialRequest } from '../../renderer/features/signin/sampleTrialRequest';
import { startAppBridge, type AppBridge } from '../support/appBridge';
import { appActions, screenshotOnFailure } from '../support/appActions';
import { openBrowser, type BrowserSession } from '../support/browser';
import { artifactsDir } from '../support/paths';
import { createSoftHsm, type SoftHsm } from '../support/softhsm';
import { addSoftHsmToken, type ExtraToken } from '../support/softHsmTokens';
import { createTestPki, type TestIdentity, type TestPki } from '../support/testPki';
import { startSampleTrialIn } from '../support/sampleTrial';

/**
 * The signed học bạ in Chromium through the real bridge, with SoftHSM2 tokens and a test CA:
 * the principal makes a teacher whose name is on the token's certificate the homeroom teacher of
 * 1A and enters her personal ID (CCCD); she confirms the year-end results, produces the class's
 * records, and signs them with a token whose certificate is written as Vietnamese CAs write it
 * ("NGUYEN THI THU HA", her CCCD in the subject) after seeing a namesake's certificate refused
 * (a wrong PIN first, then the right one, with the progress bar), and checks a record on the
 * verification panel; a tampered copy picked from disk is declared invalid.
 */
const teacher = { fullName: 'Nguyễn Thị Thu Hà', login: 'hantt', personalId: '001190012345' };
/** The CA's spelling of her name on the real-style certificate. */
const certificateName = 'NGUYEN THI THU HA';
const className = '1A';
const sample = generateSampleSchool(sampleTrialRequest);
const class1A = sample.classes.find((schoolClass) => schoolClass.name === className);
const roster = sample.students.filter((student) => student.classId === class1A?.id);

describe('signing a class’s học bạ with a USB token, in Chromium through the bridge', () => {
  let pki: TestPki;
  let hsm: SoftHsm;
  let vnToken: ExtraToken;
  let vnTeacher: TestIdentity;
  let vnNamesake: TestIdentity;
  let app: AppBridge;
  let browser: BrowserSession;
  let page: Page;
  const goTo = (area: string) => appActions(page).goTo(area);
  const switchUser = (label: string) => appActions(page).switchUser(label);
  const chooseClass = (name: string) => appActions(page).chooseClass(name);
  let workDir: string;

  beforeAll(async () => {
    await mkdir(artifactsDir, { recursive: true });
    workDir = await mkdtemp(join(tmpdir(), 'hocba-e2e-sign-'));
    pki = createTestPki({ parentDir: workDir });
    // Before the bridge: SoftHSM reads its configuration when main first loads the library.
    hsm = createSoftHsm(pki, workDir);
    vnTeacher = pki.issueSigner('vn-teacher', {
      commonName: certificateName,
      uids: [`CCCD:${teacher.personalId}`],
    });
    vnNamesake = pki.issueSigner('vn-namesake', {
      commonName: teacher.fullName,
      uids: ['CCCD:038190067890'],
    });
    vnToken = addSoftHsmToken(hsm, 'VNPT-CA Nguyen Thi Thu Ha', '97531024', [
      { idHex: '11', label: 'Chứng thư VNPT-CA', identity: vnTeacher },
      { idHex: '12', label: 'Chứng thư người trùng tên', identity: vnNamesake },
    ]);
    // SoftHSM is named when the bridge starts (as --pkcs11-library does), never by the page.
    app = await startAppBridge({ pkcs11Library: hsm.modulePath });
    // The province's CA, dropped into the desktop's trust folder as an IT officer would.
    await mkdir(join(app.dataDir, 'trust', 'intermediates'), { recursive: true });
    await copyFile(pki.rootCa.certPemPath, join(app.dataDir, 'trust', 'ca-goc.pem'));
    await copyFile(
      pki.intermediateCa.certPemPath,
      join(app.dataDir, 'trust', 'intermediates', 'ca-trung-gian.pem'),
    );
    browser = await openBrowser();
    page = browser.page;
    page.setDefaultTimeout(20_000);
  });

  afterEach(async (context) => {
    await screenshotOnFailure(page, 'signed-records', context);
  });

  afterAll(async () => {
    await browser.close();
    await app.close();
    hsm.cleanup();
    pki.cleanup();
    await rm(workDir, { recursive: true, force: true });
  });

  it('makes the token holder the homeroom teacher of 1A and confirms the year’s results as her', async () => {
    expect(class1A).toBeDefined();
    await page.goto(app.bridge.pageUrl);
    await startSampleTrialIn(page, { withResults: true, timeout: 90_000 });

    // The sample school has namesakes on its staff: the user switch tells them apart by login.
    const options = await page.getByLabel('Đổi người dùng (dùng thử)').locator('option').allTextContents();
    expect(new Set(options).size).toBe(options.length);
    const names = sample.staff.map((member) => member.fullName);
    const namesakes = sample.staff.filter(
      (member) => names.filter((name) => name === member.fullName).length > 1,
    );
    expect(namesakes.length).toBeGreaterThan(1);
    for (const member of namesakes)
      expect(options).toContain(`${member.fullName} (${member.login}) — ${staffRoleNames[member.role]}`);

    await goTo('Thiết lập năm học');
    const staffForm = page.getByRole('form', { name: 'Thêm giáo viên' });
    await staffForm.getByLabel('Họ và tên').fill(teacher.fullName);
    await staffForm.getByLabel('Tên đăng nhập').fill(teacher.login);
    await staffForm.getByRole('button', { name: 'Thêm giáo viên' }).click();
    await page.getByText(`Đã thêm ${teacher.fullName}.`).waitFor();
    await page.getByLabel('Lớp cần phân công').selectOption({ label: className });
    const assignment = page.getByRole('form', { name: 'Phân công' });
    await assignment.getByLabel(`Chủ nhiệm lớp ${className}`).selectOption({ label: teacher.fullName });
    await assignment.getByRole('button', { name: `Lưu phân công lớp ${className}` }).click();
    await page.getByText(`Đã lưu phân công lớp ${className}.`).waitFor();

    // Chữ ký số: her personal ID, so a certificate carrying a CCCD is told from a namesake's.
    await page.getByRole('button', { name: `Sửa mã định danh của ${teacher.fullName}` }).click();
    await page.getByLabel(`Mã định danh cá nhân (12 chữ số) của ${teacher.fullName}`).fill('0011 9001 2345');
    await page.getByRole('button', { name: `Lưu mã định danh của ${teacher.fullName}` }).click();
    await page.getByText(`Đã lưu mã định danh của ${teacher.fullName}.`).waitFor();
    const identities = page.locator('table.setup-identities');
    // Shown masked in the list, never whole.
    await identities
      .getByRole('row', { name: new RegExp(teacher.fullName) })
      .getByText('0011••••••45')
      .waitFor();
    await expect(identities.getByText(teacher.personalId).count()).resolves.toBe(0);
    const size = page.viewportSize();
    await page.setViewportSize({ width: 1024, height: 768 });
    await identities.getByRole('row', { name: new RegExp(teacher.fullName) }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'setup-identities-1024x768.png') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    if (size) await page.setViewportSize(size);

    await switchUser(`${teacher.fullName} — Giáo viên`);
    await goTo('Bảng tổng hợp');
    await chooseClass(className);
    await page.getByLabel('Kỳ đánh giá').selectOption('CN');
    const confirm = page.getByRole('button', { name: /^Xác nhận kết quả của \d+ học sinh$/ });
    await confirm.click();
    await page
      .getByText(/^Đã xác nhận/)
      .first()
      .waitFor();
  });

  it('produces the class’s học bạ, final for every confirmed result', async () => {
    await goTo('Học bạ');
    await chooseClass(className);
    await page.getByRole('button', { name: 'Lập học bạ cả lớp' }).click();
    await page.getByText(/^Đã lập \d+ học bạ/).waitFor({ timeout: 60_000 });
    const states = () => page.locator('.records-table td.record-state').allTextContents();
    // The list is read again once the files are written: wait for it.
    await expect
      .poll(async () => (await states()).filter((state) => state === 'Chưa ký').length)
      .toBeGreaterThan(0);
    expect(await states()).toHaveLength(roster.length);
    expect((await states()).every((state) => state === 'Chưa ký' || state === 'Bản nháp')).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'records.png'), fullPage: true });
  });

  it('leaves out a record whose data changed after it was made, and says so, until it is made again', async () => {
    const name = (
      await page
        .locator('.records-table tbody tr')
        .filter({ hasText: 'Chưa ký' })
        .first()
        .locator('td.name')
        .innerText()
    ).trim();
    await goTo('Ký số');
    await chooseClass(className);
    await page.getByText(/^Sẵn sàng ký: \d+/).waitFor();
    const before = Number(/Sẵn sàng ký: (\d+)/.exec(await page.locator('.signing-counts').innerText())?.[1]);

    await goTo('Hồ sơ học sinh');
    await chooseClass(className);
    await page.getByRole('button', { name, exact: true }).click();
    const birthPlace = page.getByLabel('Nơi sinh', { exact: true });
    await birthPlace.fill('Bệnh viện Đa khoa tỉnh Nghệ An');
    await birthPlace.blur();
    await page
      .getByText(/Đã lưu/)
      .first()
      .waitFor();

    await goTo('Ký số');
    await page
      .getByRole('alert')
      .filter({ hasText: `1 học bạ có dữ liệu đã thay đổi sau khi lập (${name})` })
      .waitFor();
    await page.getByText(new RegExp(`^Sẵn sàng ký: ${String(before - 1)} `)).waitFor();
    await page.screenshot({ path: join(artifactsDir, 'signing-changed-data.png'), fullPage: true });

    await goTo('Học bạ');
    await page.getByRole('button', { name: 'Lập học bạ cả lớp' }).click();
    await page.getByText(/^Đã lập \d+ học bạ/).waitFor({ timeout: 60_000 });
    await goTo('Ký số');
    await page.getByText(new RegExp(`^Sẵn sàng ký: ${String(before)} `)).waitFor();
    await expect(
      page.getByRole('alert').filter({ hasText: 'đã thay đổi sau khi lập' }).count(),
    ).resolves.toBe(0);
  });

  it('starts the signing screen afresh for another person after a user switch', async () => {
    await switchUser(`${sample.school.principalName} — Hiệu trưởng`);
    await goTo('Ký số');
    await page.getByLabel('Ký với vai trò').selectOption('schoolSeal');
    await switchUser(`${teacher.fullName} — Giáo viên`);
    await expect(page.getByLabel('Ký với vai trò').inputValue()).resolves.toBe('homeroomTeacher');
    await switchUser(`${sample.school.principalName} — Hiệu trưởng`);
    await expect(page.getByLabel('Ký với vai trò').inputValue()).resolves.toBe('principal');
    await switchUser(`${teacher.fullName} — Giáo viên`);
  });

  it('signs the class with the token after a wrong PIN, with a progress bar', async () => {
    await goTo('Ký số');
    await chooseClass(className);
    await page.getByText(/^Sẵn sàng ký: \d+/).waitFor();
    const ready = Number(/Sẵn sàng ký: (\d+)/.exec(await page.locator('.signing-counts').innerText())?.[1]);
    expect(ready).toBeGreaterThan(0);

    // No path field: the library started with the bridge is listed by name, and the choose button
    // says who sets a custom library here.
    await page
      .getByText(/^Thư viện PKCS#11: .*Thư viện do cán bộ CNTT chỉ định \(libsofthsm2\.so\)/)
      .waitFor();
    await expect(page.locator('.token-picker input[type="text"]').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Chọn thư viện PKCS#11…' }).click();
    await page.getByText(/thư viện PKCS#11 riêng do cán bộ CNTT chỉ định lúc khởi động ứng dụng/).waitFor();
    const tokenSelect = page.getByLabel('Token', { exact: true });
    const certificateSelect = page.getByLabel('Chứng thư số');
    const valueOf = (label: string) =>
      tokenSelect
        .locator('option')
        .evaluateAll(
          (options, wanted) =>
            options.find((option) => option.textContent.startsWith(wanted))?.getAttribute('value'),
          label,
        );
    await tokenSelect.locator('option', { hasText: vnToken.label }).waitFor({ state: 'attached' });
    const teacherToken = await valueOf(hsm.tokens.teacher.label);
    const vnTokenValue = await valueOf(vnToken.label);
    if (!teacherToken || !vnTokenValue) throw new Error('the teacher’s tokens are not offered');
    // A token holding a certificate of the signed-in teacher is offered first (both of hers do;
    // the principal's and the seal's do not).
    await expect
      .poll(async () => [teacherToken, vnTokenValue].includes(await tokenSelect.inputValue()))
      .toBe(true);

    // The token a Vietnamese CA issued: her name without diacritics and her CCCD. Of its two
    // certificates hers is chosen, not the namesake's.
    await tokenSelect.selectOption(vnTokenValue);
    await expect.poll(() => certificateSelect.inputValue()).toBe('11');
    await expect(certificateSelect.locator('option:checked').innerText()).resolves.toContain(
      `${certificateName} — `,
    );
    await expect(certificateSelect.locator('option:checked').innerText()).resolves.toContain(
      'CCCD 0011••••••45',
    );
    // The namesake's certificate: every record refused, with the reason.
    await certificateSelect.selectOption('12');
    await page.getByRole('alert').filter({ hasText: 'người trùng tên' }).waitFor();
    await page.getByRole('button', { name: 'Không có học bạ nào đang chờ bạn ký.' }).waitFor();
    await page.screenshot({ path: join(artifactsDir, 'signing-namesake.png'), fullPage: true });
    await certificateSelect.selectOption('11');
    await page.getByText(new RegExp(`^Sẵn sàng ký: ${String(ready)} `)).waitFor();
    await page.screenshot({ path: join(artifactsDir, 'signing.png'), fullPage: true });
    // The smallest screen a school desktop has: everything up to the sign button fits, no sideways scroll.
    const size = page.viewportSize();
    await page.setViewportSize({ width: 1024, height: 768 });
    const signButton = page.getByRole('button', { name: `Ký ${String(ready)} học bạ` });
    await page.screenshot({ path: join(artifactsDir, 'signing-1024x768.png') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    const box = await signButton.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(768);
    if (size) await page.setViewportSize(size);

    await page.getByRole('button', { name: `Ký ${String(ready)} học bạ` }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhập mã PIN của token' });
    await dialog.getByLabel('Mã PIN').fill('000000');
    await dialog.getByRole('button', { name: 'Ký', exact: true }).click();
    await dialog.getByText(/Mã PIN không đúng/).waitFor();
    await page.screenshot({ path: join(artifactsDir, 'signing-wrong-pin.png') });

    await dialog.getByLabel('Mã PIN').fill(vnToken.userPin);
    await dialog.getByRole('button', { name: 'Ký', exact: true }).click();
    await page.getByRole('progressbar', { name: 'Tiến độ ký' }).waitFor();
    await page.getByText(`Đã ký xong ${String(ready)} học bạ.`).waitFor({ timeout: 120_000 });
    expect(await page.getByRole('progressbar', { name: 'Tiến độ ký' }).getAttribute('aria-valuenow')).toBe(
      String(ready),
    );
    await page.getByText(/^Sẵn sàng ký: 0 · Đã ký: \d+/).waitFor();
    await page.screenshot({ path: join(artifactsDir, 'signing-done.png'), fullPage: true });
  });

  it('shows the record signed by the homeroom teacher as valid so far, waiting for the principal and the seal', async () => {
    await goTo('Học bạ');
    await chooseClass(className);
    const first = page.locator('.records-table tbody tr').filter({ hasText: 'GVCN đã ký' }).first();
    const name = (await first.locator('td.name').innerText()).trim();
    await page.getByRole('button', { name: `Kiểm tra chữ ký học bạ của ${name}` }).click();
    const report = page.locator('.records-screen > .verification');
    await report
      .locator('.verdict strong', { hasText: 'Chữ ký hiện có hợp lệ — còn thiếu chữ ký' })
      .waitFor();
    await expect(report.locator('.verdict').getAttribute('class')).resolves.toBe('verdict partial');
    await expect(report.locator('.verdict p').innerText()).resolves.toContain(
      'còn thiếu chữ ký của Hiệu trưởng, Con dấu nhà trường',
    );
    await expect(report.locator('table.signers tbody tr').count()).resolves.toBe(1);
    // The signer as her certificate names her: the CA's spelling, accepted as the record's teacher.
    await expect(report.locator('table.signers tbody tr td').nth(2).innerText()).resolves.toBe(
      certificateName,
    );
    await expect(report.locator('table.signers tbody tr td').nth(5).innerText()).resolves.toBe('Hợp lệ');
    await page.screenshot({ path: join(artifactsDir, 'verification.png'), fullPage: true });
    // The verdict and the signers' table fit a 1024×768 school screen.
    const size = page.viewportSize();
    await page.setViewportSize({ width: 1024, height: 768 });
    await report.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'verification-1024x768.png') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    if (size) await page.setViewportSize(size);
  });

  it('declares a copy with one changed byte invalid when it is picked from disk', async () => {
    const signed = await page
      .locator('.records-table tbody tr')
      .filter({ hasText: 'GVCN đã ký' })
      .first()
      .locator('td.name')
      .innerText();
    const code = roster.find((candidate) => candidate.fullName === signed.trim())?.studentCode;
    if (!code) throw new Error('signed student not found');
    const recordId = studyRecordIdOf(code, sample.schoolYear);
    const [, , , year = ''] = recordId.split(':');
    const pdf = await app.files.read(join(app.dataDir, 'records', year, `${code}.pdf`));
    const tampered = Buffer.from(pdf);
    // A byte inside the first revision's content (covered by the signature), not the signature value.
    const offset = tampered.indexOf('stream') + 200;
    tampered[offset] = (tampered[offset] ?? 0) ^ 0x01;
    const path = join(workDir, 'hoc-ba-da-sua.pdf');
    await writeFile(path, tampered);
    await page.getByLabel('Kiểm tra một tệp học bạ (PDF)').setInputFiles(path);
    const report = page.locator('.verify-file .verification');
    await report.locator('.verdict strong', { hasText: 'Học bạ KHÔNG hợp lệ' }).waitFor();
    await page.screenshot({ path: join(artifactsDir, 'verification-tampered.png'), fullPage: true });
    await expect(report.locator('.problems li').count()).resolves.toBeGreaterThan(0);
  });

  it('lets the principal correct a signed record after its data changed, as a new version', async () => {
    const name = (
      await page
        .locator('.records-table tbody tr')
        .filter({ hasText: 'GVCN đã ký' })
        .first()
        .locator('td.name')
        .innerText()
    ).trim();
    await goTo('Hồ sơ học sinh');
    await chooseClass(className);
    await page.getByRole('button', { name, exact: true }).click();
    const address = page.getByLabel('Nơi ở hiện nay', { exact: true });
    await address.fill('Số 8 ngõ 45 Nguyễn Chí Thanh, Láng Thượng, Hà Nội');
    await address.blur();
    await page
      .getByText(/Đã lưu/)
      .first()
      .waitFor();

    await switchUser(`${sample.school.principalName} — Hiệu trưởng`);
    await goTo('Học bạ');
    await chooseClass(className);
    const row = page.locator('.records-table tbody tr').filter({ hasText: name });
    await row.getByText('Đã ký, nhưng dữ liệu đã thay đổi: cần bản điều chỉnh').waitFor();
    await page.getByRole('button', { name: `Lập bản điều chỉnh học bạ của ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Lập bản điều chỉnh học bạ' });
    await dialog.getByLabel('Số biên bản điều chỉnh đã được duyệt').fill('12/BB-THNBK');
    await dialog.getByRole('button', { name: 'Lập bản điều chỉnh' }).click();
    await page.getByText(/^Đã lập bản điều chỉnh \(phiên bản 2\)/).waitFor();
    // The list is read again after the amendment: wait for it rather than read once.
    await expect
      .poll(() => row.locator('td.record-state').innerText())
      .toBe('Chưa ký (bản điều chỉnh, phiên bản 2)');
    await page.screenshot({ path: join(artifactsDir, 'records-amended.png'), fullPage: true });

    const code = roster.find((candidate) => candidate.fullName === name)?.studentCode;
    if (!code) throw new Error('student not found');
    const archived = join(app.dataDir, 'records', sample.schoolYear, 'versions', `${code}.v1.pdf`);
    await expect(app.files.read(archived).then((bytes) => bytes.length)).resolves.toBeGreaterThan(1000);
  });

  it('lets the principal pin the teacher’s certificate from its file, and refuses a namesake’s', async () => {
    await goTo('Thiết lập năm học');
    const row = page
      .locator('table.setup-identities')
      .getByRole('row', { name: new RegExp(teacher.fullName) });
    const file = row.getByLabel(`Chọn tệp chứng thư số của ${teacher.fullName} (.cer, .crt, .pem)`);
    const pin = row.getByRole('button', { name: `Đăng ký chứng thư này cho ${teacher.fullName}` });

    // A namesake's certificate (her name with diacritics, another CCCD): shown, then refused.
    await file.setInputFiles(vnNamesake.certPemPath);
    await row.getByText(/Mã ghi trong chứng thư: CCCD 0381••••••90/).waitFor();
    await pin.click();
    await page.getByRole('alert').filter({ hasText: 'người trùng tên' }).waitFor();

    // Hers, as the CA wrote it: the preview names the holder, the CA and the validity.
    await file.setInputFiles(vnTeacher.certDerPath);
    await row
      .getByText(new RegExp(`^${certificateName} — CA Trung Gian Thử Nghiệm Học Bạ Số — hiệu lực`))
      .waitFor();
    await pin.click();
    await page
      .getByText(`Đã đăng ký chứng thư số cho ${teacher.fullName}: từ nay chỉ chứng thư này ký được.`)
      .waitFor();
    await row.getByRole('button', { name: `Bỏ đăng ký chứng thư của ${teacher.fullName}` }).waitFor();
    await expect(row.locator('.setup-certificate').first().innerText()).resolves.toContain(certificateName);
    const size = page.viewportSize();
    await page.setViewportSize({ width: 1024, height: 768 });
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'setup-pinned-1024x768.png') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    if (size) await page.setViewportSize(size);
  });
});
