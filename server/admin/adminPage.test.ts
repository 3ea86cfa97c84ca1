import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classIdOf, schoolIdOf } from '../../shared/domain/ids';
import { startServer, type RunningServer } from '../app';
import { createClass } from '../services/classService';
import { createProvinceAdmin, provisionSchool } from '../services/provisioning';
import { chromiumArgs, chromiumPath } from '../testing/chromium';
import { adminLogin, defaultPassword } from '../testing/harness';
import { openTestDatabase, testArgon2Params, testEngine, type TestDatabase } from '../testing/testDatabase';

const artifacts = fileURLToPath(new URL('../../tests/artifacts/', import.meta.url));
const hostileName = '<script>alert("xss")</script> Trường "Độc" & \'Hại\'';

describe(`admin page in Chromium (${testEngine})`, () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    database = await openTestDatabase();
    server = await startServer({ db: database.db, port: 0, argon2: testArgon2Params });
    const { ctx } = server;
    await createProvinceAdmin(ctx, { login: adminLogin, fullName: 'Lê Quản Trị', password: defaultPassword });
    const a = await provisionSchool(ctx, {
      school: { code: 'A001', name: 'Trường Tiểu học Hòa Bình', district: 'Huyện Hòa Vang' },
      principal: { login: 'ht.a', fullName: 'Nguyễn Văn Hiệu', password: defaultPassword },
      staff: [
        { login: 'gv.a1', fullName: 'Trần Thị Ánh', role: 'teacher', password: defaultPassword },
        { login: 'gv.a2', fullName: 'Đặng Quốc Dũng', role: 'groupHead', password: defaultPassword },
      ],
    });
    await provisionSchool(ctx, {
      school: { code: 'X666', name: hostileName, district: '<b>Quận</b>' },
      principal: { login: 'ht.x', fullName: '<img src=x onerror=alert(1)>', password: defaultPassword },
    });
    const principal = {
      userId: a.principalId,
      schoolId: a.schoolId,
      role: 'principal',
      familyId: 'test',
      mustChangePassword: false,
    } as const;
    for (const name of ['1A', '2A'])
      await createClass(ctx, principal, a.schoolId, { schoolYear: '2025-2026', grade: 1, name });
    for (const code of ['0000000001', '0000000002', '0000000003']) {
      await database.db.query(
        'insert into students (school_id, student_id, class_id, full_name, updated_at) values ($1, $2, $3, $4, now())',
        [schoolIdOf('A001'), `student:${code}`, classIdOf(schoolIdOf('A001'), '2025-2026', '1A'), 'Học sinh'],
      );
    }
    // Playwright gives every launch a fresh temporary --user-data-dir of its own.
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: chromiumArgs,
    });
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
    await database.drop();
  });

  it('signs in with the form, lists schools, principals, accounts and counts, and shows hostile names as text', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const violations: string[] = [];
    page.on('console', (message) => violations.push(message.text()));
    await page.goto(`${server.url}/admin`);
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in');
    await page.getByLabel('Tên đăng nhập').fill(adminLogin);
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'Tên đăng nhập hoặc mật khẩu không đúng.',
    );
    await page.getByLabel('Tên đăng nhập').fill(adminLogin);
    await page.getByLabel('Mật khẩu').fill(defaultPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${server.url}/admin`);
    const body = (await page.textContent('body')) ?? '';
    expect(body).toContain('Danh sách trường');
    expect(body).toContain('Lê Quản Trị');
    const rowA = page.locator('table.schools tr', { hasText: 'A001' });
    await expect(rowA.locator('td').allTextContents()).resolves.toEqual([
      'A001',
      'Trường Tiểu học Hòa Bình',
      'Huyện Hòa Vang',
      'Nguyễn Văn Hiệu',
      '3',
      '2',
      '3',
    ]);
    const rowX = page.locator('table.schools tr', { hasText: 'X666' });
    await expect(rowX.locator('td').allTextContents()).resolves.toEqual([
      'X666',
      hostileName,
      '<b>Quận</b>',
      '<img src=x onerror=alert(1)>',
      '0',
      '0',
      '1',
    ]);
    expect(body).toContain('Trần Thị Ánh');
    expect(body).toContain('Tổ trưởng chuyên môn');
    await expect(page.locator('script, img, b').count()).resolves.toBe(0);
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, `server-admin-page-${testEngine}.png`) });
    expect(dialogs).toEqual([]);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(`${server.url}/admin/sign-in`);
    await page.goto(`${server.url}/admin`);
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in');
    await context.close();
  });

  it('sets a strict CSP and an HttpOnly SameSite=Strict cookie, and refuses a form without its CSRF token', async () => {
    const form = await fetch(`${server.url}/admin/sign-in`);
    expect(form.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(form.headers.get('content-security-policy')).not.toContain('script-src');
    const csrfCookie = form.headers.get('set-cookie') ?? '';
    expect(csrfCookie).toMatch(/HttpOnly; SameSite=Strict/);
    const forged = await fetch(`${server.url}/admin/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login: adminLogin, password: defaultPassword, csrf: 'guess' }).toString(),
      redirect: 'manual',
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('set-cookie') ?? '').not.toContain('hocba_admin=');
    const cookie = csrfCookie.split(';')[0] ?? '';
    const token = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    const good = await fetch(`${server.url}/admin/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ login: adminLogin, password: defaultPassword, csrf: token }).toString(),
      redirect: 'manual',
    });
    expect(good.status).toBe(303);
    expect(good.headers.get('set-cookie')).toMatch(
      /hocba_admin=[^;]+; Path=\/admin; HttpOnly; SameSite=Strict/,
    );
    // A school account, even a principal with the right password, has no admin page.
    const principal = await fetch(`${server.url}/admin/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ login: 'ht.a', password: defaultPassword, csrf: token }).toString(),
      redirect: 'manual',
    });
    expect(principal.status).toBe(403);
  });
});
