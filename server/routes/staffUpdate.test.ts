import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffAccountWireSchema } from '../../shared/auth/schoolAdminWire';
import { provisionSchool } from '../services/provisioning';
import {
  adminLogin,
  call,
  defaultPassword,
  encode,
  expectRefusal,
  signIn,
  snapshot,
  startHarness,
  type Harness,
} from '../testing/harness';
import { testEngine } from '../testing/testDatabase';

/** PATCH /schools/:s/staff/:u: what the desktop's "Cán bộ, giáo viên" table changes on the server. */
describe(`changing a staff member's name, role and status (${testEngine})`, () => {
  let h: Harness;
  const school = `/api/v1/schools/${encode('school:A001')}`;
  const staffUrl = (login: string) => `${school}/staff/${encode(`user:${login}`)}`;
  let principal = '';

  beforeAll(async () => {
    h = await startHarness();
    for (const code of ['A001', 'B001'])
      await provisionSchool(h.ctx, {
        school: { code, name: `Trường ${code}`, district: 'Huyện' },
        principal: {
          login: code === 'A001' ? 'ht.a' : 'ht.b',
          fullName: 'Hiệu trưởng',
          password: defaultPassword,
        },
        staff: ['gv.an', 'gv.binh', 'pht.cuong']
          .filter(() => code === 'A001')
          .map((login) => ({
            login,
            fullName: `Giáo viên ${login}`,
            role: login.startsWith('pht') ? ('vicePrincipal' as const) : ('teacher' as const),
            password: defaultPassword,
          })),
      });
    principal = (await signIn(h.app, 'ht.a')).accessToken;
  });
  afterAll(async () => h.close());

  const patch = (login: string, body: unknown, token = principal) =>
    call(h.app, { method: 'PATCH', url: staffUrl(login), token, body });

  it('renames and changes a role; the account answers as the server now holds it', async () => {
    const response = await patch('gv.an', { fullName: '  Trần   Thị An ', role: 'groupHead' });
    expect(response.statusCode, response.body).toBe(200);
    expect(staffAccountWireSchema.parse(response.json())).toMatchObject({
      userId: 'user:gv.an',
      fullName: 'Trần Thị An',
      role: 'groupHead',
      disabled: false,
    });
    const me = await signIn(h.app, 'gv.an');
    expect(me.account).toMatchObject({ fullName: 'Trần Thị An', role: 'groupHead' });
  });

  it('disabling ends the sessions at once; enabling lets the person sign in again', async () => {
    const session = await signIn(h.app, 'gv.binh');
    expect((await patch('gv.binh', { disabled: true })).json()).toMatchObject({ disabled: true });
    expectRefusal(await call(h.app, { method: 'GET', url: '/api/v1/me', token: session.accessToken }), 401);
    expectRefusal(
      await call(h.app, {
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        body: { login: 'gv.binh', password: defaultPassword },
      }),
      403,
      'accountDisabled',
    );
    expect((await patch('gv.binh', { disabled: false })).json()).toMatchObject({ disabled: false });
    expect((await signIn(h.app, 'gv.binh')).account.userId).toBe('user:gv.binh');
  });

  it('refuses, changing nothing: a principal made something else, a role of principal, oneself, an empty or unknown change, another school', async () => {
    const admin = (await signIn(h.app, adminLogin)).accessToken;
    const vice = (await signIn(h.app, 'pht.cuong')).accessToken;
    const teacher = (await signIn(h.app, 'gv.an')).accessToken;
    const before = await snapshot(h.db);
    expectRefusal(await patch('ht.a', { role: 'teacher' }, admin), 400);
    expectRefusal(await patch('gv.an', { role: 'principal' }), 400);
    expectRefusal(await patch('ht.a', { fullName: 'Tên khác' }), 403);
    expectRefusal(await patch('ht.a', { disabled: true }, vice), 403);
    expectRefusal(await patch('pht.cuong', { disabled: true }, vice), 403);
    expectRefusal(await patch('gv.an', {}), 400);
    expectRefusal(await patch('gv.an', { fullName: 'An', login: 'khac' }), 400);
    expectRefusal(await patch('gv.an', { fullName: '   ' }), 400);
    expectRefusal(await patch('khong.co', { fullName: 'Ai đó' }), 404);
    const other = `/api/v1/schools/${encode('school:B001')}/staff/${encode('user:ht.b')}`;
    expectRefusal(
      await call(h.app, { method: 'PATCH', url: other, token: principal, body: { fullName: 'X' } }),
      403,
    );
    expectRefusal(await patch('gv.binh', { fullName: 'X' }, teacher), 403);
    expect(await snapshot(h.db)).toBe(before);
  });
});
