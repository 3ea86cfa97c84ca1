import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionStrings } from '../../main/services/session/sessionStrings';
import { schoolIdOf } from '../../shared/domain/ids';
import { startAppBridge, type AppBridge } from '../support/appBridge';
import { openBrowser, type BrowserSession } from '../support/browser';
import { artifactsDir } from '../support/paths';
import { shellStrings } from '../../renderer/app/strings';
import { setupWriteStrings } from '../../renderer/data/writes/writeStrings';
import {
  assignmentListSchema,
  classListSchema,
  resetCodeIssuedSchema,
} from '../../shared/auth/schoolAdminWire';
import {
  asAccount,
  principal,
  provisionTestSchool,
  startProvinceServer,
  teacher,
  testSchool,
  type TestProvinceServer,
} from '../support/provinceServer';

/**
 * A principal's first day with a real account, in Chromium through the app's own screens, against
 * the real province server: online sign-in, the school laid down on this desktop, offline sign-in
 * the next time, a wrong password, and a teacher on the same desktop who gets their own, empty,
 * database and never the principal's.
 */
describe('signing in with a real account, online then offline', () => {
  let server: TestProvinceServer;
  let app: AppBridge;
  let browser: BrowserSession;

  beforeAll(async () => {
    await mkdir(artifactsDir, { recursive: true });
    server = await startProvinceServer();
    await provisionTestSchool(server);
    app = await startAppBridge({ provinceServerUrl: server.url });
    // A teacher's 1024×768 screen.
    browser = await openBrowser({ viewport: { width: 1024, height: 768 } });
  });

  afterAll(async () => {
    await browser.close();
    await app.close();
    await server.close();
  });

  const signInAs = async (login: string, password: string) => {
    const { page } = browser;
    await page.getByLabel('Tên đăng nhập').fill(login);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  };
  const signOut = async () => {
    await browser.page.getByRole('button', { name: 'Đăng xuất' }).click();
    await browser.page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  };

  it('signs the principal in online and lays down the school on this desktop', async () => {
    const { page } = browser;
    await page.goto(app.bridge.pageUrl);
    await page.getByText(`Máy chủ của Sở: ${server.url}`).waitFor();
    await page.screenshot({ path: join(artifactsDir, 'account-sign-in.png') });
    await signInAs(principal.login, principal.password);

    await page.getByRole('heading', { name: 'Lập hồ sơ trường trên máy này' }).waitFor();
    await expect(page.getByText(`mã trường ${testSchool.code}`).isVisible()).resolves.toBe(true);
    await page.getByLabel('Tỉnh / thành phố').fill('Thành phố Hà Nội');
    await page.getByLabel('Xã / phường / đặc khu').fill('Phường Kim Liên');
    await page.screenshot({ path: join(artifactsDir, 'account-new-school.png') });
    await page.getByRole('button', { name: 'Lập hồ sơ trường' }).click();

    await page.getByRole('heading', { name: testSchool.name }).waitFor();
    await expect(page.getByText('Đã đăng nhập qua máy chủ của Sở').isVisible()).resolves.toBe(true);
    await expect(page.getByText(`${principal.fullName} · Hiệu trưởng`).isVisible()).resolves.toBe(true);
    // A real account is itself alone: no trial switch, no trial badge.
    await expect(page.getByLabel('Đổi người dùng (dùng thử)').count()).resolves.toBe(0);
    await expect(page.getByText('Dùng thử · dữ liệu mẫu').count()).resolves.toBe(0);
    await page.screenshot({ path: join(artifactsDir, 'account-home.png') });
    // The school goes to the province server: "Đồng bộ", then "Đồng bộ ngay", until it says so.
    await page.getByRole('button', { name: 'Đồng bộ', exact: true }).click();
    await page.getByRole('heading', { name: 'Đồng bộ' }).waitFor();
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await page.getByText('Đã đồng bộ xong: máy này và máy chủ đã có cùng dữ liệu.').waitFor();
    await page.screenshot({ path: join(artifactsDir, 'account-synced.png') });
    await signOut();
  });

  it('signs the principal in offline the next time, into the same data', async () => {
    const { page } = browser;
    await server.stop();
    try {
      await signInAs(principal.login, principal.password);
      await page.getByRole('heading', { name: testSchool.name }).waitFor();
      await page.getByText('Đăng nhập không có mạng (mật khẩu kiểm tra trên máy này)').waitFor();
      await signOut();

      await signInAs(principal.login, 'không phải mật khẩu này');
      await page.getByRole('alert').filter({ hasText: sessionStrings.wrongPasswordOffline }).waitFor();
      // Someone who never signed in here online cannot start while the server is down.
      await signInAs(teacher.login, teacher.password);
      await page.getByRole('alert').filter({ hasText: sessionStrings.firstSignInNeedsServer }).waitFor();
      await page.screenshot({ path: join(artifactsDir, 'account-offline-refused.png') });
    } finally {
      await server.start();
    }
  });

  it("gives a teacher on the same desktop their own database, filled from the server, never the principal's", async () => {
    const { page } = browser;
    await signInAs(teacher.login, teacher.password);
    // The school reaches the teacher's own database from the province server, by sync.
    await page.getByRole('heading', { name: testSchool.name }).waitFor();
    await expect(page.getByRole('button', { name: 'Lập hồ sơ trường' }).count()).resolves.toBe(0);
    // Each account's own database: one school in each, the teacher's received, the principal's hers.
    const teacherDatabase = await page.evaluate(
      () =>
        (JSON.parse(localStorage.getItem('hocba.session') ?? '{}') as { databaseName?: string }).databaseName,
    );
    // Counted in IndexedDB itself, asked again until the teacher's own database holds the school
    // (the page may show the school a moment before a fresh read of the files sees it). Asked from
    // here, not by waitForFunction: Playwright does not await an async predicate, and the promise
    // it returns is truthy at once.
    const countSchools = () =>
      page.evaluate(async () => {
        const counts: Record<string, number> = {};
        for (const info of await indexedDB.databases()) {
          const match = /(hocba-u-[0-9a-f]{24}).*--schools$/.exec(info.name ?? '');
          if (!match?.[1]) continue;
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open(info.name ?? '');
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(new Error('open failed'));
          });
          const count = db.objectStoreNames.contains('docs')
            ? await new Promise<number>((resolve) => {
                const request = db.transaction('docs').objectStore('docs').count();
                request.onsuccess = () => resolve(request.result);
              })
            : 0;
          db.close();
          counts[match[1]] = (counts[match[1]] ?? 0) + count;
        }
        return counts;
      });
    let schoolsByDatabase = await countSchools();
    while ((schoolsByDatabase[teacherDatabase ?? ''] ?? 0) === 0) schoolsByDatabase = await countSchools();
    expect(teacherDatabase).toMatch(/^hocba-u-[0-9a-f]{24}$/);
    const others = Object.entries(schoolsByDatabase).filter(([name]) => name !== teacherDatabase);
    expect(others).toEqual([[expect.stringMatching(/^hocba-u-/), 1]]);
    expect(schoolsByDatabase[teacherDatabase ?? ''] ?? 0).toBe(1);
    // The page itself asking main for the principal's database key (a tampered renderer would):
    // refused, so the principal's sealed data cannot be opened from the teacher's session.
    const principalDatabase = others[0]?.[0] ?? '';
    const asked = await page.evaluate(async (databaseName) => {
      const response = await fetch('/ipc/session:databaseKey', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'x-hocba-bridge-secret': sessionStorage.getItem('hocba.bridgeSecret') ?? '',
        },
        body: JSON.stringify({ databaseName }),
      });
      return (await response.json()) as unknown;
    }, principalDatabase);
    expect(asked).toMatchObject({ ok: false, error: { message: sessionStrings.notYourDatabase } });
    await page.screenshot({ path: join(artifactsDir, 'account-teacher-synced.png') });
    await signOut();
  });

  it("lets a new staff member set a password with the principal's printed code, then change it", async () => {
    const { page } = browser;
    // The principal adds him on her desktop: the account is made on the province server, and the
    // slip with his one-time code is on screen to hand over.
    await signInAs(principal.login, principal.password);
    await page.getByRole('heading', { name: testSchool.name }).waitFor();
    await page.getByRole('button', { name: 'Thiết lập năm học' }).click();
    const addStaff = page.getByRole('form', { name: 'Thêm giáo viên' });
    await addStaff.getByLabel('Họ và tên').fill('Lê Văn Cường');
    await addStaff.getByLabel('Tên đăng nhập').fill('cuong.le');
    await addStaff.getByRole('button', { name: 'Thêm giáo viên' }).click();
    const slip = page.getByRole('region', { name: 'Phiếu đặt mật khẩu' });
    await slip.waitFor();
    await expect(slip.getByText('cuong.le').isVisible()).resolves.toBe(true);
    const printedCode = (await slip.locator('.reset-code').textContent()) ?? '';
    expect(printedCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await slip.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'account-staff-slip.png') });
    await slip.getByRole('button', { name: 'Đã trao phiếu' }).click();
    await signOut();

    await page.getByRole('button', { name: /Đặt mật khẩu bằng mã do hiệu trưởng cấp/ }).click();
    const form = page.getByRole('form', { name: 'Đặt mật khẩu bằng mã' });
    await form.getByLabel('Tên đăng nhập').fill('cuong.le');
    await form.getByLabel('Mã trên phiếu').fill(printedCode);
    await form.getByLabel('Mật khẩu mới', { exact: true }).fill('Cường học tiếng Anh 2026');
    await form.getByLabel('Nhập lại mật khẩu mới').fill('Cường học tiếng Anh 2O26');
    await form.getByRole('button', { name: 'Đặt mật khẩu và đăng nhập' }).click();
    await form.getByRole('alert').filter({ hasText: 'Hai lần nhập mật khẩu mới chưa giống nhau.' }).waitFor();
    await form.getByLabel('Nhập lại mật khẩu mới').fill('Cường học tiếng Anh 2026');
    await page.screenshot({ path: join(artifactsDir, 'account-set-password.png') });
    await form.getByRole('button', { name: 'Đặt mật khẩu và đăng nhập' }).click();
    await page.getByText('Lê Văn Cường · Giáo viên').waitFor();

    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page
      .getByLabel('Mật khẩu hiện tại (hoặc mật khẩu vừa dùng để đăng nhập)')
      .fill('Cường học tiếng Anh 2026');
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Cường đổi mật khẩu 2027');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('Cường đổi mật khẩu 2027');
    await page.screenshot({ path: join(artifactsDir, 'account-change-password.png') });
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Lê Văn Cường · Giáo viên').waitFor();
    await signOut();
    // The new password is the one that works now, online and so offline.
    await signInAs('cuong.le', 'Cường đổi mật khẩu 2027');
    await page.getByText('Lê Văn Cường · Giáo viên').waitFor();
    await expect(page.getByText(shellStrings.startedAfresh).count()).resolves.toBe(0);
    await signOut();

    // He forgets it; the principal prints a new code. What he kept on this desktop stays sealed
    // under the forgotten password, and the screen says he starts afresh here.
    const { call: asPrincipal } = await asAccount(server, principal.login, principal.password);
    const reissued = resetCodeIssuedSchema.parse(
      await asPrincipal(
        'POST',
        `/schools/${encodeURIComponent(schoolIdOf(testSchool.code))}/staff/${encodeURIComponent('user:cuong.le')}/reset-code`,
      ),
    );
    await page.getByRole('button', { name: /Đặt mật khẩu bằng mã do hiệu trưởng cấp/ }).click();
    await form.getByLabel('Tên đăng nhập').fill('cuong.le');
    await form.getByLabel('Mã trên phiếu').fill(reissued.resetCode);
    await form.getByLabel('Mật khẩu mới', { exact: true }).fill('Cường bắt đầu lại 2027');
    await form.getByLabel('Nhập lại mật khẩu mới').fill('Cường bắt đầu lại 2027');
    await form.getByRole('button', { name: 'Đặt mật khẩu và đăng nhập' }).click();
    await page.getByText(shellStrings.startedAfresh).waitFor();
    await page.screenshot({ path: join(artifactsDir, 'account-started-afresh.png') });
    await page.getByRole('button', { name: 'Đã hiểu' }).click();
    await expect(page.getByText(shellStrings.startedAfresh).count()).resolves.toBe(0);
    await signOut();
  });

  it("puts the principal's new class and its homeroom teacher on the province server, and nothing here while it cannot be reached", async () => {
    const { page } = browser;
    const schoolPath = `/schools/${encodeURIComponent(schoolIdOf(testSchool.code))}`;
    await signInAs(principal.login, principal.password);
    await page.getByRole('heading', { name: testSchool.name }).waitFor();
    await page.getByRole('button', { name: 'Thiết lập năm học' }).click();
    const addClass = page.getByRole('form', { name: 'Thêm lớp' });
    await addClass.getByLabel('Khối lớp').selectOption('3');
    await addClass.getByLabel('Tên lớp').fill('3C');
    await addClass.getByLabel('Giáo viên chủ nhiệm của lớp mới').selectOption('user:cuong.le');
    await addClass.getByRole('button', { name: 'Thêm lớp' }).click();
    await addClass.getByRole('status').filter({ hasText: 'Đã thêm lớp 3C.' }).waitFor();

    // The server holds the class and the assignment; the teacher's rights come from there.
    const { call: asPrincipal } = await asAccount(server, principal.login, principal.password);
    const classes = classListSchema.parse(await asPrincipal('GET', `${schoolPath}/classes`));
    const created = classes.classes.find((found) => found.name === '3C');
    expect(created).toMatchObject({ grade: 3 });
    const assignments = assignmentListSchema.parse(
      await asPrincipal(
        'GET',
        `${schoolPath}/classes/${encodeURIComponent(created?.classId ?? '')}/assignments`,
      ),
    );
    expect(assignments.assignments).toEqual([
      { teacherId: 'user:cuong.le', classId: created?.classId, homeroom: true, subjects: [] },
    ]);

    // The server cannot be reached: the class is refused with the reason, and not made here.
    await server.stop();
    try {
      await addClass.getByLabel('Tên lớp').fill('3D');
      await addClass.getByLabel('Giáo viên chủ nhiệm của lớp mới').selectOption('');
      await addClass.getByRole('button', { name: 'Thêm lớp' }).click();
      await addClass
        .getByRole('alert')
        .filter({ hasText: `${setupWriteStrings.setupOnServer} ${sessionStrings.serverUnreachable}` })
        .waitFor();
      await addClass.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(artifactsDir, 'account-class-needs-server.png') });
      const classTable = page.getByRole('table', { name: /Các lớp của năm học/ });
      await expect(classTable.getByRole('cell', { name: '3C', exact: true }).count()).resolves.toBe(1);
      await expect(classTable.getByRole('cell', { name: '3D', exact: true }).count()).resolves.toBe(0);
    } finally {
      await server.start();
    }
    await signOut();
  });
});
