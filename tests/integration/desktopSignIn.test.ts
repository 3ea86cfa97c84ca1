import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rightsStrings } from '../../main/ipc/rightsStrings';
import { createMainRuntime, type MainRuntime } from '../../main/mainRuntime';
import { createLogger, memoryLogSink } from '../../main/services/logger';
import { databaseNameOf } from '../../main/services/session/deskSessionService';
import { sessionStrings } from '../../main/services/session/sessionStrings';
import { createProvinceAdmin } from '../../server/services/provisioning';
import { classWireSchema, createdAccountSchema } from '../../shared/auth/schoolAdminWire';
import { classIdOf, schoolIdOf } from '../../shared/domain/ids';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import type { IpcChannel } from '../../shared/ipc/channels';
import type { DeskSession } from '../../shared/ipc/sessionChannels';
import { sampleStudyRecords } from '../../shared/record/sampleStudyRecords';
import type { StudyRecord } from '../../shared/record/studyRecord';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../shared/sample/generateYearResults';
import {
  asAccount,
  createStaffWithCode,
  principal,
  provisionTestSchool,
  startProvinceServer,
  teacher,
  testSchool,
  type TestProvinceServer,
} from '../support/provinceServer';

/**
 * The desktop signing in against the real province server (in-process, embedded PostgreSQL):
 * online the first time, offline afterwards with main's own verifier, and main acting on the
 * rights the server gave (role, school, assignments), never on what the page says.
 */

const compiled = defaultCompiledCatalogue();
const sample = generateSampleSchool({ seed: 52, students: 70 });
const sampleYear = sample.schoolYear;
/** The sample's records, moved into the server's school (its code), two classes of three. */
const records: StudyRecord[] = sampleStudyRecords(
  compiled,
  sample,
  generateYearResults(compiled, sample, 52),
).map((record) => ({ ...record, school: { ...record.school, code: testSchool.code } }));
const classNames = [...new Set(records.map((record) => record.year.className))];
const [ownClass = '', otherClass = ''] = classNames;
const recordsOf = (className: string) =>
  records.filter((record) => record.year.className === className).slice(0, 3);
const schoolId = schoolIdOf(testSchool.code);

let server: TestProvinceServer;
let runtime: MainRuntime;
let dataDir: string;
const logLines: string[] = [];

async function call(channel: IpcChannel, request: unknown): Promise<unknown> {
  const result = await runtime.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}
async function refusal(channel: IpcChannel, request: unknown): Promise<string> {
  const result = await runtime.dispatch(channel, request);
  if (result.ok) throw new Error(`${channel} should have been refused`);
  return result.error.message;
}
const signIn = async (login: string, password: string) =>
  (await call('session:signIn', { login, password })) as DeskSession;

/** The server's time: tests move it forward (an access token expires after 15 minutes). */
let serverNow = Date.now();

beforeAll(async () => {
  server = await startProvinceServer({ clock: () => new Date(serverNow) });
  await provisionTestSchool(server);
  await createProvinceAdmin(server.running().ctx, {
    login: 'so.admin',
    fullName: 'Quản trị Sở',
    password: 'Quản trị Sở Hà Nội 2026',
  });
  // The principal sets up two classes on the server; the teacher is the homeroom teacher of one.
  const { call: asPrincipal } = await asAccount(server, principal.login, principal.password);
  for (const name of [ownClass, otherClass])
    await asPrincipal('POST', `/schools/${encodeURIComponent(schoolId)}/classes`, {
      schoolYear: sampleYear,
      grade: Number(name.slice(0, 1)),
      name,
    });
  const own = classIdOf(schoolId, sampleYear, ownClass);
  await asPrincipal(
    'PUT',
    `/schools/${encodeURIComponent(schoolId)}/classes/${encodeURIComponent(own)}/assignments/${encodeURIComponent(`user:${teacher.login}`)}`,
    { homeroom: true, subjects: ['tieng-viet', 'toan'] },
  );
  dataDir = await mkdtemp(join(tmpdir(), 'hocba-desk-signin-'));
  runtime = await createMainRuntime(
    { name: 'Học bạ số', version: '0.0.0-test', platform: 'linux', dataDir, runtime: 'bridge' },
    createLogger(memoryLogSink(logLines), 'debug'),
    { provinceServerUrl: server.url },
  );
});

afterAll(async () => {
  runtime.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('signing in on the desktop against the province server', () => {
  it('signs the principal in online, with the role and school the server gives', async () => {
    const session = await signIn(principal.login, principal.password);
    expect(session).toMatchObject({
      kind: 'account',
      connection: 'online',
      account: { login: principal.login, role: 'principal', schoolId, schoolName: testSchool.name },
    });
    expect(await call('session:current', {})).toEqual(session);
    await expect(
      call('records:produce', { records: [...recordsOf(ownClass), ...recordsOf(otherClass)] }),
    ).resolves.toHaveLength(6);
    expect(await call('session:signOut', {})).toEqual({ kind: 'none' });
  });

  it("acts on the teacher's own class only, whatever the page asks", async () => {
    const session = await signIn(teacher.login, teacher.password);
    expect(session).toMatchObject({ kind: 'account', account: { role: 'teacher' } });
    // The page cannot make itself someone else while an account is signed in.
    expect(
      await refusal('session:actAsTrialUser', {
        userId: `user:${principal.login}`,
        role: 'principal',
        schoolCode: testSchool.code,
        assignments: [],
      }),
    ).toBe(sessionStrings.trialWhileSignedIn);
    await expect(call('records:produce', { records: recordsOf(ownClass) })).resolves.toHaveLength(3);
    expect(await refusal('records:produce', { records: recordsOf(otherClass) })).toBe(
      rightsStrings.notYourClassRecords(otherClass),
    );
    const signing = (role: string, className: string) => ({
      recordIds: recordsOf(className).map((record) => record.id),
      role,
      token: { libraryId: 'configured:0123456789abcdef', slotId: '01', serialNumber: 'none' },
      keyIdHex: '01',
      pin: '123456',
    });
    expect(await refusal('signing:start', signing('homeroomTeacher', otherClass))).toBe(
      rightsStrings.notHomeroom(otherClass),
    );
    expect(await refusal('signing:start', signing('principal', ownClass))).toBe(
      rightsStrings.principalOnlySigns,
    );
    // A backup is of this person's own database (shared/domain/permissions.ts: canMakeBackup).
    await expect(call('backup:list', {})).resolves.toEqual([]);
    await call('session:signOut', {});
  });

  it('signs in offline with the local verifier when the server is down, and refuses a wrong password', async () => {
    await server.stop();
    try {
      const offline = await signIn(principal.login, principal.password);
      expect(offline).toMatchObject({
        kind: 'account',
        connection: 'offline',
        account: { login: principal.login },
      });
      await call('session:signOut', {});
      expect(
        await refusal('session:signIn', { login: principal.login, password: 'không phải mật khẩu' }),
      ).toBe(sessionStrings.wrongPasswordOffline);
      // Someone who never signed in here online cannot start offline.
      expect(
        await refusal('session:signIn', { login: 'so.admin', password: 'Quản trị Sở Hà Nội 2026' }),
      ).toBe(sessionStrings.firstSignInNeedsServer);
      const files = await readdir(join(dataDir, 'accounts'));
      expect(files).toHaveLength(2);
    } finally {
      await server.start();
    }
  });

  it('keeps the province admin off the desktop', async () => {
    expect(await refusal('session:signIn', { login: 'so.admin', password: 'Quản trị Sở Hà Nội 2026' })).toBe(
      sessionStrings.provinceAdminOnDesktop,
    );
    expect(await call('session:current', {})).toEqual({ kind: 'none' });
  });

  it("lets a new staff member set a password with the principal's printed code, once", async () => {
    const created = await createStaffWithCode(server, schoolId, {
      login: 'cuong.le',
      fullName: 'Lê Văn Cường',
      role: 'teacher',
    });
    const chosen = 'Cường học tiếng Anh 2026';
    const session = await call('session:resetPassword', {
      login: 'cuong.le',
      resetCode: created.reset.resetCode,
      newPassword: chosen,
    });
    expect(session).toMatchObject({ kind: 'account', connection: 'online', account: { login: 'cuong.le' } });
    await call('session:signOut', {});
    const again = await runtime.dispatch('session:resetPassword', {
      login: 'cuong.le',
      resetCode: created.reset.resetCode,
      newPassword: 'Một mật khẩu khác 2026',
    });
    expect(again.ok).toBe(false);
    await expect(signIn('cuong.le', chosen)).resolves.toMatchObject({ connection: 'online' });
    await call('session:signOut', {});
  });

  it('changes the password online; afterwards the old one works neither online nor offline', async () => {
    await signIn(teacher.login, teacher.password);
    const renewed = 'Bình đổi mật khẩu mới 2026';
    expect(
      await call('session:changePassword', { currentPassword: teacher.password, newPassword: renewed }),
    ).toMatchObject({ kind: 'account', connection: 'online' });
    await call('session:signOut', {});
    expect(
      (await runtime.dispatch('session:signIn', { login: teacher.login, password: teacher.password })).ok,
    ).toBe(false);
    await server.stop();
    try {
      expect(await refusal('session:signIn', { login: teacher.login, password: teacher.password })).toBe(
        sessionStrings.wrongPasswordOffline,
      );
      await expect(signIn(teacher.login, renewed)).resolves.toMatchObject({ connection: 'offline' });
      await call('session:signOut', {});
    } finally {
      await server.start();
    }
  });

  it('ends offline sign-in for an account the principal disabled', async () => {
    const { call: asPrincipal } = await asAccount(server, principal.login, principal.password);
    await signIn('cuong.le', 'Cường học tiếng Anh 2026');
    await call('session:signOut', {});
    await asPrincipal(
      'POST',
      `/schools/${encodeURIComponent(schoolId)}/staff/${encodeURIComponent('user:cuong.le')}/disable`,
    );
    expect(
      (await runtime.dispatch('session:signIn', { login: 'cuong.le', password: 'Cường học tiếng Anh 2026' }))
        .ok,
    ).toBe(false);
    await server.stop();
    try {
      expect(
        await refusal('session:signIn', { login: 'cuong.le', password: 'Cường học tiếng Anh 2026' }),
      ).toBe(sessionStrings.firstSignInNeedsServer);
    } finally {
      await server.start();
    }
  });

  it('names each account its own database, and another server never reaches it', async () => {
    const a = (await signIn(principal.login, principal.password)) as Extract<
      DeskSession,
      { kind: 'account' }
    >;
    await call('session:signOut', {});
    const b = (await signIn(teacher.login, 'Bình đổi mật khẩu mới 2026')) as Extract<
      DeskSession,
      { kind: 'account' }
    >;
    await call('session:signOut', {});
    expect(a.databaseName).not.toBe(b.databaseName);
    expect(a.databaseName).toMatch(/^hocba-u-[0-9a-f]{24}$/);
    // The same user id vouched for by a server elsewhere gets another database name.
    expect(databaseNameOf('https://elsewhere.example', a.account.userId)).not.toBe(a.databaseName);
    expect(databaseNameOf(server.url, a.account.userId)).toBe(a.databaseName);
  });

  it("hands a database's key to its own account only; the trial's only while no account is signed in", async () => {
    const keyOf = async (databaseName: string) =>
      ((await call('session:databaseKey', { databaseName })) as { key: string }).key;
    const own = (await signIn(principal.login, principal.password)) as Extract<
      DeskSession,
      { kind: 'account' }
    >;
    const key = await keyOf(own.databaseName);
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    const teachers = databaseNameOf(server.url, `user:${teacher.login}`);
    expect(await refusal('session:databaseKey', { databaseName: teachers })).toBe(
      sessionStrings.notYourDatabase,
    );
    expect(await refusal('session:databaseKey', { databaseName: 'hocba-dung-thu' })).toBe(
      sessionStrings.notYourDatabase,
    );
    await call('session:signOut', {});
    // Signed out: no account's key at all, the principal's own included.
    expect(await refusal('session:databaseKey', { databaseName: own.databaseName })).toBe(
      sessionStrings.accountDatabaseNeedsSignIn,
    );
    const trial = await keyOf('hocba-dung-thu');
    expect(trial).not.toBe(key);
    expect(await keyOf('hocba-dung-thu')).toBe(trial);
    expect(await keyOf('hocba-restored-x')).not.toBe(trial);
    // Offline, the verifier opens the same key: the same database opens without the server.
    await server.stop();
    try {
      const offline = (await signIn(principal.login, principal.password)) as Extract<
        DeskSession,
        { kind: 'account' }
      >;
      expect(offline.databaseName).toBe(own.databaseName);
      expect(await keyOf(own.databaseName)).toBe(key);
      await call('session:signOut', {});
    } finally {
      await server.start();
    }
  });

  it('keeps the database key through a password change here, and starts a new database after a reset', async () => {
    const login = 'dung.pham';
    const created = await createStaffWithCode(server, schoolId, {
      login,
      fullName: 'Phạm Thị Dung',
      role: 'teacher',
    });
    const first = (await call('session:resetPassword', {
      login,
      resetCode: created.reset.resetCode,
      newPassword: 'Dung dạy lớp hai 2026',
    })) as Extract<DeskSession, { kind: 'account' }>;
    const keyOf = async (databaseName: string) =>
      ((await call('session:databaseKey', { databaseName })) as { key: string }).key;
    const key = await keyOf(first.databaseName);
    const changed = (await call('session:changePassword', {
      currentPassword: 'Dung dạy lớp hai 2026',
      newPassword: 'Dung đổi mật khẩu 2027',
    })) as Extract<DeskSession, { kind: 'account' }>;
    expect(changed.databaseName).toBe(first.databaseName);
    expect(changed.startedAfresh).toBeUndefined();
    expect(await keyOf(changed.databaseName)).toBe(key);
    await call('session:signOut', {});
    // She forgets it; the principal prints a new code. The data kept here under the forgotten
    // password stays sealed under it; she works in a new database from now on.
    const { call: asPrincipal } = await asAccount(server, principal.login, principal.password);
    const reset = (await asPrincipal(
      'POST',
      `/schools/${encodeURIComponent(schoolId)}/staff/${encodeURIComponent(`user:${login}`)}/reset-code`,
    )) as { resetCode: string };
    const afresh = (await call('session:resetPassword', {
      login,
      resetCode: reset.resetCode,
      newPassword: 'Dung bắt đầu lại 2027',
    })) as Extract<DeskSession, { kind: 'account' }>;
    expect(afresh.startedAfresh).toBe(true);
    expect(afresh.databaseName).toBe(`${first.databaseName}-g1`);
    expect(await keyOf(afresh.databaseName)).not.toBe(key);
    expect(await refusal('session:databaseKey', { databaseName: first.databaseName })).toBe(
      sessionStrings.notYourDatabase,
    );
    await call('session:signOut', {});
  });

  it("creates a staff account on the server from the principal's desktop, with the code to hand over", async () => {
    await signIn(teacher.login, 'Bình đổi mật khẩu mới 2026');
    // A teacher may not, whatever the page asks.
    expect(
      await refusal('session:createStaffAccount', { login: 'em.vo', fullName: 'Võ Thị Em', role: 'teacher' }),
    ).toBe(rightsStrings.leadershipOnlySetup);
    await call('session:signOut', {});

    await signIn(principal.login, principal.password);
    const created = createdAccountSchema.parse(
      await call('session:createStaffAccount', { login: 'em.vo', fullName: 'Võ Thị Em', role: 'teacher' }),
    );
    expect(created.account).toMatchObject({ login: 'em.vo', fullName: 'Võ Thị Em', role: 'teacher' });
    // The same login again: the server's refusal, in Vietnamese.
    expect(
      await refusal('session:createStaffAccount', { login: 'em.vo', fullName: 'Võ Thị Em', role: 'teacher' }),
    ).toMatch(/Tên đăng nhập này đã được dùng/);
    // Sixteen minutes later the access token has expired: main renews it with the refresh token
    // (which rotates) and the principal never notices.
    serverNow += 16 * 60 * 1000;
    const later = createdAccountSchema.parse(
      await call('session:createStaffAccount', {
        login: 'giang.do',
        fullName: 'Đỗ Văn Giang',
        role: 'vicePrincipal',
      }),
    );
    expect(later.account.role).toBe('vicePrincipal');
    await call('session:signOut', {});
    // The new teacher sets her password with the code the principal handed over.
    await expect(
      call('session:resetPassword', {
        login: 'em.vo',
        resetCode: created.reset.resetCode,
        newPassword: 'Em dạy lớp một 2026',
      }),
    ).resolves.toMatchObject({ kind: 'account', account: { login: 'em.vo' } });
    await call('session:signOut', {});
  });

  it("writes the principal's classes, assignments and staff changes to the server; the teacher's rights follow", async () => {
    const teacherPassword = 'Em dạy lớp một 2026';
    await signIn('em.vo', teacherPassword);
    expect(await refusal('session:saveClass', { schoolYear: sampleYear, grade: 3, name: '3C' })).toBe(
      rightsStrings.leadershipOnlySetup,
    );
    await call('session:signOut', {});

    await signIn(principal.login, principal.password);
    const saved = classWireSchema.parse(
      await call('session:saveClass', { schoolYear: sampleYear, grade: 3, name: ' 3C ' }),
    );
    expect(saved.classId).toBe(classIdOf(schoolId, sampleYear, '3C'));
    // Made before (on this desktop or another): the same class, nothing fails.
    await expect(
      call('session:saveClass', { schoolYear: sampleYear, grade: 3, name: '3C' }),
    ).resolves.toMatchObject({ classId: saved.classId, grade: 3 });
    await call('session:saveAssignments', {
      classId: saved.classId,
      assignments: [{ teacherId: 'user:em.vo', homeroom: true, subjects: ['toan', 'tieng-viet'] }],
    });
    await call('session:updateStaffAccount', { userId: 'user:em.vo', changes: { fullName: 'Võ Thị Em Ly' } });
    // Someone the server has no account for cannot be assigned: the server's words.
    expect(
      await refusal('session:saveAssignments', {
        classId: saved.classId,
        assignments: [{ teacherId: 'user:khong.co', homeroom: false, subjects: ['toan'] }],
      }),
    ).toMatch(/Chỉ phân công được cho tài khoản/);
    await call('session:signOut', {});

    // The teacher signs in: her rights are the server's assignment.
    const asTeacher = (await signIn('em.vo', teacherPassword)) as Extract<DeskSession, { kind: 'account' }>;
    expect(asTeacher.account.fullName).toBe('Võ Thị Em Ly');
    expect(asTeacher.account.assignments).toEqual([
      { teacherId: 'user:em.vo', classId: saved.classId, homeroom: true, subjects: ['toan', 'tieng-viet'] },
    ]);
    await call('session:signOut', {});

    // Taken off the class, then disabled: she can no longer sign in, online or here.
    await signIn(principal.login, principal.password);
    await call('session:saveAssignments', {
      classId: saved.classId,
      assignments: [{ teacherId: 'user:em.vo', homeroom: false, subjects: [] }],
    });
    await expect(
      call('session:updateStaffAccount', { userId: 'user:em.vo', changes: { disabled: true } }),
    ).resolves.toMatchObject({ disabled: true });
    await call('session:signOut', {});
    expect(await refusal('session:signIn', { login: 'em.vo', password: teacherPassword })).toMatch(
      /vô hiệu hóa/,
    );

    // Enabled again: she signs in, with no class.
    await signIn(principal.login, principal.password);
    await call('session:updateStaffAccount', { userId: 'user:em.vo', changes: { disabled: false } });
    await call('session:signOut', {});
    const back = (await signIn('em.vo', teacherPassword)) as Extract<DeskSession, { kind: 'account' }>;
    expect(back.account.assignments).toEqual([]);
    await call('session:signOut', {});
  });

  it('asks to sign in again when the server ended the session (a password changed on another desktop)', async () => {
    await signIn(principal.login, principal.password);
    // The principal changes her password elsewhere: every session of hers ends on the server.
    const elsewhere = await asAccount(server, principal.login, principal.password);
    await elsewhere.call('POST', '/auth/password', {
      currentPassword: principal.password,
      newPassword: 'Hiệu trưởng đổi ở máy khác 2027',
    });
    serverNow += 16 * 60 * 1000;
    expect(
      await refusal('session:createStaffAccount', {
        login: 'hoa.ly',
        fullName: 'Lý Thị Hoa',
        role: 'teacher',
      }),
    ).toBe(sessionStrings.serverSessionEnded);
    // The desktop session goes on offline: a second try says so rather than asking the server.
    expect(
      await refusal('session:createStaffAccount', {
        login: 'hoa.ly',
        fullName: 'Lý Thị Hoa',
        role: 'teacher',
      }),
    ).toBe(sessionStrings.signedInOffline);
    await call('session:signOut', {});
    await elsewhere
      .call('POST', '/auth/password', {
        currentPassword: 'Hiệu trưởng đổi ở máy khác 2027',
        newPassword: principal.password,
      })
      .catch(() => undefined);
  });

  it('logs no password and no login', () => {
    const text = logLines.join('\n');
    for (const secret of [principal.password, teacher.password, principal.login, teacher.login])
      expect(text).not.toContain(secret);
  });
});
