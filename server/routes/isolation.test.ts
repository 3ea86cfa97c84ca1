import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classIdOf, schoolIdOf } from '../../shared/domain/ids';
import { schoolSummarySchema, staffListSchema } from '../../shared/auth/schoolAdminWire';
import { provisionSchool } from '../services/provisioning';
import {
  call,
  defaultPassword,
  encode,
  expectRefusal,
  signIn,
  snapshot,
  startHarness,
  type Call,
  type Harness,
} from '../testing/harness';
import { testEngine } from '../testing/testDatabase';

/** Two schools whose rows never meet: whatever school A's leadership asks of B is refused, and nothing changes. */
describe(`two-school isolation (${testEngine})`, () => {
  let h: Harness;
  const tokens: Record<string, string> = {};
  const A = schoolIdOf('A001');
  const B = schoolIdOf('B001');
  const classOf = (school: typeof A, name: string) => encode(classIdOf(school, '2025-2026', name));
  const path = (school: typeof A) => `/api/v1/schools/${encode(school)}`;

  beforeAll(async () => {
    h = await startHarness();
    for (const [code, l] of [
      ['A001', 'a'],
      ['B001', 'b'],
    ] as const) {
      await provisionSchool(h.ctx, {
        school: { code, name: `Trường ${code}`, district: 'Huyện' },
        principal: { login: `ht.${l}`, fullName: 'Hiệu trưởng', password: defaultPassword },
        staff: [
          {
            login: `pht.${l}`,
            fullName: 'Phó hiệu trưởng',
            role: 'vicePrincipal',
            password: defaultPassword,
          },
          { login: `gv.${l}`, fullName: 'Giáo viên', role: 'teacher', password: defaultPassword },
        ],
      });
      tokens[l] = (await signIn(h.app, `ht.${l}`)).accessToken;
      tokens[`vice.${l}`] = (await signIn(h.app, `pht.${l}`)).accessToken;
      const school = schoolIdOf(code);
      await call(h.app, {
        method: 'POST',
        url: `${path(school)}/classes`,
        token: tokens[l],
        body: { schoolYear: '2025-2026', grade: 4, name: '4A' },
      });
      await call(h.app, {
        method: 'PUT',
        url: `${path(school)}/classes/${classOf(school, '4A')}/assignments/${encode(`user:gv.${l}`)}`,
        token: tokens[l],
        body: { homeroom: true, subjects: ['toan'] },
      });
      // Students arrive with sync; one row each is enough to count.
      await h.db.query(
        'insert into students (school_id, student_id, class_id, full_name, updated_at) values ($1, $2, $3, $4, now())',
        [
          school,
          `student:${code === 'A001' ? '0000000001' : '0000000002'}`,
          classIdOf(school, '2025-2026', '4A'),
          'Học sinh',
        ],
      );
    }
  });
  afterAll(async () => h.close());

  const crossSchool = (): Call[] => [
    { method: 'GET', url: path(B) },
    { method: 'GET', url: `${path(B)}/staff` },
    { method: 'GET', url: `${path(B)}/classes` },
    { method: 'GET', url: `${path(B)}/classes/${classOf(B, '4A')}` },
    { method: 'GET', url: `${path(B)}/classes/${classOf(B, '4A')}/assignments` },
    {
      method: 'POST',
      url: `${path(B)}/staff`,
      body: { login: 'lan.sang', fullName: 'Lấn Sang', role: 'teacher' },
    },
    { method: 'POST', url: `${path(B)}/classes`, body: { schoolYear: '2025-2026', grade: 5, name: '5A' } },
    { method: 'PATCH', url: `${path(B)}/classes/${classOf(B, '4A')}`, body: { grade: 1 } },
    {
      method: 'PUT',
      url: `${path(B)}/classes/${classOf(B, '4A')}/assignments/${encode('user:gv.b')}`,
      body: { homeroom: false, subjects: [] },
    },
    { method: 'DELETE', url: `${path(B)}/classes/${classOf(B, '4A')}/assignments/${encode('user:gv.b')}` },
    { method: 'POST', url: `${path(B)}/staff/${encode('user:gv.b')}/reset-code` },
    { method: 'POST', url: `${path(B)}/staff/${encode('user:gv.b')}/disable` },
    { method: 'POST', url: `${path(B)}/principal`, body: { login: 'ht.gia', fullName: 'Giả' } },
    { method: 'PATCH', url: `${path(B)}/staff/${encode('user:gv.b')}`, body: { disabled: true } },
    { method: 'GET', url: `${path(B)}/sync/people/pull?after=0&limit=10` },
    { method: 'POST', url: `${path(B)}/sync/people/push`, body: { rows: [] } },
    { method: 'POST', url: `${path(B)}/sync/auditEvents/push`, body: { rows: [] } },
    { method: 'GET', url: `${path(B)}/audit/heads` },
  ];

  for (const actor of ['a', 'vice.a']) {
    it(`${actor === 'a' ? 'the principal' : 'the vice-principal'} of A can neither read nor write B, and no row changes`, async () => {
      const before = await snapshot(h.db);
      for (const request of crossSchool()) {
        const response = await call(h.app, { ...request, token: tokens[actor] });
        expectRefusal(response, 403, 'forbidden');
      }
      expect(await snapshot(h.db)).toBe(before);
    });
  }

  it("B's rows cannot be reached through A's own paths either (404/400, no change)", async () => {
    const before = await snapshot(h.db);
    const token = tokens.a;
    // B's class id under A's path: A has no such class.
    expectRefusal(
      await call(h.app, { method: 'GET', url: `${path(A)}/classes/${classOf(B, '4A')}`, token }),
      404,
    );
    expectRefusal(
      await call(h.app, {
        method: 'PATCH',
        url: `${path(A)}/classes/${classOf(B, '4A')}`,
        token,
        body: { grade: 2 },
      }),
      404,
    );
    // B's teacher assigned to A's class, B's account reset or disabled through A.
    const put = await call(h.app, {
      method: 'PUT',
      url: `${path(A)}/classes/${classOf(A, '4A')}/assignments/${encode('user:gv.b')}`,
      token,
      body: { homeroom: false, subjects: ['toan'] },
    });
    expectRefusal(put, 400, 'badRequest');
    expectRefusal(
      await call(h.app, { method: 'POST', url: `${path(A)}/staff/${encode('user:gv.b')}/reset-code`, token }),
      404,
    );
    expectRefusal(
      await call(h.app, { method: 'POST', url: `${path(A)}/staff/${encode('user:gv.b')}/disable`, token }),
      404,
    );
    expect(await snapshot(h.db)).toBe(before);
  });

  it("each school's lists and counts hold its own rows only", async () => {
    for (const [school, l] of [
      [A, 'a'],
      [B, 'b'],
    ] as const) {
      const staff = staffListSchema.parse(
        (await call(h.app, { method: 'GET', url: `${path(school)}/staff`, token: tokens[l] })).json(),
      );
      expect(staff.staff.map((account) => account.login).sort()).toEqual([`gv.${l}`, `ht.${l}`, `pht.${l}`]);
      const summary = schoolSummarySchema.parse(
        (await call(h.app, { method: 'GET', url: path(school), token: tokens[l] })).json(),
      );
      expect(summary.counts).toEqual({ students: 1, classes: 1, staff: 3 });
    }
    // In the database too: every school-owned row names its school, and its references stay inside it.
    const strays = await h.db.query(
      `select 'assignment' as what from assignments x where x.class_id not like 'class:' || substr(x.school_id, 8) || ':%'
       union all select 'class' from classes x where x.class_id not like 'class:' || substr(x.school_id, 8) || ':%'
       union all select 'student' from students x where x.class_id not like 'class:' || substr(x.school_id, 8) || ':%'
       union all select 'login' from logins l join accounts a on a.user_id = l.user_id where a.school_id <> l.school_id`,
    );
    expect(strays).toEqual([]);
  });
});
