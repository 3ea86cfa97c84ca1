import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../shared/auth/authWire';
import { classIdOf, schoolIdOf, type SchoolId } from '../../shared/domain/ids';
import { provisionSchool } from '../services/provisioning';
import {
  call,
  defaultPassword,
  encode,
  signIn,
  snapshot,
  startHarness,
  type Call,
  type Harness,
} from '../testing/harness';
import {
  actors,
  expectations,
  expectedStatus,
  type ClassSide,
  type SchoolSide,
  type Who,
} from '../testing/authorizationExpectations';
import { testEngine } from '../testing/testDatabase';

/**
 * Every route × who asks × whose school × which class, each case's outcome read from the
 * independent table in testing/authorizationExpectations.ts. Actors all belong to school A (the
 * province admin to none); "own" targets school A, "other" B.
 */
type Case = {
  name: string;
  route: string;
  who: Who;
  side: SchoolSide;
  klass: ClassSide | null;
  status: number;
};

const cases: Case[] = [];
for (const [route, expectation] of Object.entries(expectations)) {
  const sides: readonly SchoolSide[] = expectation.scope === 'province' ? ['own'] : ['own', 'other'];
  const classes: readonly (ClassSide | null)[] =
    expectation.scope === 'class' ? ['assigned', 'unassigned', 'missing'] : [null];
  for (const who of actors) {
    for (const side of sides) {
      for (const klass of classes) {
        const status = expectedStatus(expectation, who, side, klass);
        const where =
          expectation.scope === 'province'
            ? ''
            : ` ${side} school${klass === null ? '' : `, ${klass} class`}`;
        cases.push({ name: `${route} as ${who}${where} → ${status}`, route, who, side, klass, status });
      }
    }
  }
}

const logins: Record<Exclude<Who, 'anonymous'>, string> = {
  provinceAdmin: 'so.admin',
  principal: 'ht.a',
  vicePrincipal: 'pht.a',
  groupHead: 'tt.a',
  homeroomTeacher: 'gvcn.a',
  subjectTeacher: 'gvbm.a',
};

/** Records the server keeps a version of in each school: one of class 1A, one of 2A; the third it does not keep. */
const keptRecordIds: Record<ClassSide, string> = {
  assigned: 'studyRecord:student:0000000001:2025-2026',
  unassigned: 'studyRecord:student:0000000002:2025-2026',
  missing: 'studyRecord:student:0000000009:2025-2026',
};

let serial = 0;
function requestFor(c: Case, token: string | undefined): Call {
  serial += 1;
  const school: SchoolId = schoolIdOf(c.side === 'own' ? 'A001' : 'B001');
  const letter = c.side === 'own' ? 'a' : 'b';
  const classNames: Record<ClassSide, string> = { assigned: '1A', unassigned: '2A', missing: '9Z' };
  const s = `/api/v1/schools/${encode(school)}`;
  const classPath =
    c.klass === null ? '' : `${s}/classes/${encode(classIdOf(school, '2025-2026', classNames[c.klass]))}`;
  const recordPath = `${s}/signed-records/${encode(keptRecordIds[c.klass ?? 'missing'])}/versions`;
  const method = c.route.split(' ')[0] as Call['method'];
  const paths: Record<string, { url: string; body?: unknown }> = {
    'GET /me': { url: '/api/v1/me' },
    'GET /schools': { url: '/api/v1/schools' },
    'POST /schools': {
      url: '/api/v1/schools',
      body: { code: `M${1000 + serial}`, name: 'Trường mới', district: 'Huyện' },
    },
    'GET /schools/:s': { url: s },
    'POST /schools/:s/principal': {
      url: `${s}/principal`,
      body: { login: `p.case${serial}`, fullName: 'Hiệu trưởng' },
    },
    'GET /schools/:s/staff': { url: `${s}/staff` },
    'POST /schools/:s/staff': {
      url: `${s}/staff`,
      body: { login: `s.case${serial}`, fullName: 'Giáo viên mới', role: 'teacher' },
    },
    'POST /schools/:s/staff/:u/reset-code': {
      url: `${s}/staff/${encode(`user:victim.${letter}`)}/reset-code`,
    },
    'PATCH /schools/:s/staff/:u': {
      url: `${s}/staff/${encode(`user:victim.${letter}`)}`,
      body: { fullName: 'Giáo viên khác', role: 'teacher', disabled: false },
    },
    'POST /schools/:s/staff/:u/disable': { url: `${s}/staff/${encode(`user:off.${letter}`)}/disable` },
    'GET /schools/:s/sync/:col/pull': { url: `${s}/sync/subjectResults/pull?after=0&limit=10` },
    'POST /schools/:s/sync/:col/push': { url: `${s}/sync/subjectResults/push`, body: { rows: [] } },
    'GET /schools/:s/audit/heads': { url: `${s}/audit/heads` },
    'POST /schools/:s/signed-records/uploads': {
      url: `${s}/signed-records/uploads`,
      body: {
        recordId: keptRecordIds.assigned,
        sha256: serial.toString(16).padStart(64, '0'),
        bytes: 1000,
      },
    },
    'GET /schools/:s/signed-records/:r/versions': { url: recordPath },
    'GET /schools/:s/signed-records/:r/versions/:v': { url: `${recordPath}/1` },
    'GET /schools/:s/classes': { url: `${s}/classes` },
    'POST /schools/:s/classes': {
      url: `${s}/classes`,
      body: { schoolYear: '2025-2026', grade: 3, name: `C${serial}` },
    },
    'GET /schools/:s/classes/:c': { url: classPath },
    'GET /schools/:s/classes/:c/assignments': { url: `${classPath}/assignments` },
    'PATCH /schools/:s/classes/:c': { url: classPath, body: { grade: 2 } },
    'PUT /schools/:s/classes/:c/assignments/:u': {
      url: `${classPath}/assignments/${encode(`user:victim.${letter}`)}`,
      body: { homeroom: false, subjects: ['tu-nhien-xa-hoi'] },
    },
    'DELETE /schools/:s/classes/:c/assignments/:u': {
      url: `${classPath}/assignments/${encode(`user:victim.${letter}`)}`,
    },
  };
  const target = paths[c.route];
  if (target === undefined) throw new Error(`no request for ${c.route}`);
  return { method, url: target.url, token, body: target.body };
}

describe(`authorisation matrix over every route (${testEngine})`, () => {
  let h: Harness;
  const tokens = new Map<Who, string>();

  beforeAll(async () => {
    h = await startHarness();
    for (const code of ['A001', 'B001']) {
      const l = code === 'A001' ? 'a' : 'b';
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
          { login: `tt.${l}`, fullName: 'Tổ trưởng', role: 'groupHead', password: defaultPassword },
          { login: `gvcn.${l}`, fullName: 'Giáo viên chủ nhiệm', role: 'teacher', password: defaultPassword },
          { login: `gvbm.${l}`, fullName: 'Giáo viên bộ môn', role: 'teacher', password: defaultPassword },
          { login: `victim.${l}`, fullName: 'Giáo viên khác', role: 'teacher', password: defaultPassword },
          { login: `off.${l}`, fullName: 'Giáo viên nghỉ', role: 'teacher', password: defaultPassword },
        ],
      });
      const principal = await signIn(h.app, `ht.${l}`);
      const s = `/api/v1/schools/${encode(`school:${code}`)}`;
      for (const name of ['1A', '2A']) {
        const created = await call(h.app, {
          method: 'POST',
          url: `${s}/classes`,
          token: principal.accessToken,
          body: { schoolYear: '2025-2026', grade: 1, name },
        });
        expect(created.statusCode, created.body).toBe(201);
      }
      const class1 = encode(classIdOf(schoolIdOf(code), '2025-2026', '1A'));
      for (const [login, homeroom, subjects] of [
        [`gvcn.${l}`, true, ['tieng-viet', 'toan']],
        [`gvbm.${l}`, false, ['tieng-anh']],
      ] as const) {
        const put = await call(h.app, {
          method: 'PUT',
          url: `${s}/classes/${class1}/assignments/${encode(`user:${login}`)}`,
          token: principal.accessToken,
          body: { homeroom, subjects },
        });
        expect(put.statusCode, put.body).toBe(200);
      }
    }
    for (const code of ['A001', 'B001'])
      for (const [recordId, className] of [
        [keptRecordIds.assigned, '1A'],
        [keptRecordIds.unassigned, '2A'],
      ] as const)
        await h.db.query(
          `insert into signed_record_versions (school_id, record_id, version, sha256, pdf, verdict, record_version,
             school_year, class_name, signers, uploaded_by, uploaded_at)
           values ($1, $2, 1, $3, $4, 'complete', 1, '2025-2026', $5, '[]'::jsonb, 'user:ht.a', now())`,
          [schoolIdOf(code), recordId, 'a'.repeat(64), new TextEncoder().encode('%PDF-1.7'), className],
        );
    for (const [who, login] of Object.entries(logins))
      tokens.set(who as Who, (await signIn(h.app, login)).accessToken);
  });
  afterAll(async () => h.close());

  it('covers every API route the server registers, with at least 300 generated cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const shortened = (url: string) =>
      url
        .replace('/api/v1', '')
        .replace(':schoolId', ':s')
        .replace(':classId', ':c')
        .replace(':collection', ':col')
        .replace(/:(userId|teacherId)/, ':u')
        .replace(':recordId', ':r')
        .replace(':version', ':v');
    const registered = h.routes
      .filter((route) => route.url.startsWith('/api/v1/'))
      .map((route) => `${route.method} ${shortened(route.url)}`);
    // The auth routes that take no token have their own suites (auth.test.ts, hostileRequests.test.ts).
    const ownSuites = ['/auth/sign-in', '/auth/refresh', '/auth/sign-out', '/auth/reset', '/auth/password'];
    // An open upload's routes answer only the account that opened it (routes/signedRecords.test.ts).
    const matrixRoutes = registered.filter(
      (route) => !ownSuites.some((path) => route.endsWith(path)) && !route.includes('/uploads/:uploadId'),
    );
    expect(matrixRoutes.sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(cases)('$name', async (c) => {
    const route = expectations[c.route];
    const before = route?.write === true && c.status >= 300 ? await snapshot(h.db) : null;
    const response = await call(h.app, requestFor(c, tokens.get(c.who)));
    expect(response.statusCode, response.body).toBe(c.status);
    if (c.status >= 300) {
      expect(apiErrorSchema.safeParse(response.json()).success, response.body).toBe(true);
      if (before !== null) expect(await snapshot(h.db)).toBe(before);
    }
  });
});
