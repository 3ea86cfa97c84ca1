/**
 * The authorisation matrix's expected outcomes (routes/authorizationMatrix.test.ts): who asks ×
 * whose school × which class, written from the rules and never computed by the server's
 * permission code. Actors all belong to school A (the province admin to none).
 */
export const actors = [
  'anonymous',
  'provinceAdmin',
  'principal',
  'vicePrincipal',
  'groupHead',
  'homeroomTeacher',
  'subjectTeacher',
] as const;
export type Who = (typeof actors)[number];
export type SchoolSide = 'own' | 'other';
/** assigned: a class the two teachers of school A teach; unassigned: one they do not; missing: no such class. */
export type ClassSide = 'assigned' | 'unassigned' | 'missing';

export type Expectation = {
  readonly scope: 'province' | 'school' | 'class';
  /** Who succeeds when the target is their own school (for the province admin: any school). */
  readonly own: readonly Who[];
  /** Who succeeds on another school's target. */
  readonly other: readonly Who[];
  /** Who succeeds in their own school only on a class an assignment gives them. */
  readonly ownAssignedOnly?: readonly Who[];
  readonly okStatus: number;
  readonly write: boolean;
};

const leaders: readonly Who[] = ['principal', 'vicePrincipal'];
const teachers: readonly Who[] = ['homeroomTeacher', 'subjectTeacher'];
const signedIn: readonly Who[] = actors.filter((who) => who !== 'anonymous');

export const expectations: Record<string, Expectation> = {
  'GET /me': { scope: 'province', own: signedIn, other: [], okStatus: 200, write: false },
  'GET /schools': { scope: 'province', own: ['provinceAdmin'], other: [], okStatus: 200, write: false },
  'POST /schools': { scope: 'province', own: ['provinceAdmin'], other: [], okStatus: 201, write: true },
  'GET /schools/:s': {
    scope: 'school',
    own: ['provinceAdmin', ...leaders],
    other: ['provinceAdmin'],
    okStatus: 200,
    write: false,
  },
  'POST /schools/:s/principal': {
    scope: 'school',
    own: ['provinceAdmin'],
    other: ['provinceAdmin'],
    okStatus: 201,
    write: true,
  },
  'GET /schools/:s/staff': {
    scope: 'school',
    own: ['provinceAdmin', ...leaders],
    other: ['provinceAdmin'],
    okStatus: 200,
    write: false,
  },
  'POST /schools/:s/staff': { scope: 'school', own: leaders, other: [], okStatus: 201, write: true },
  'POST /schools/:s/staff/:u/reset-code': {
    scope: 'school',
    own: ['provinceAdmin', ...leaders],
    other: ['provinceAdmin'],
    okStatus: 200,
    write: true,
  },
  'PATCH /schools/:s/staff/:u': {
    scope: 'school',
    own: ['provinceAdmin', ...leaders],
    other: ['provinceAdmin'],
    okStatus: 200,
    write: true,
  },
  'POST /schools/:s/staff/:u/disable': {
    scope: 'school',
    own: ['provinceAdmin', ...leaders],
    other: ['provinceAdmin'],
    okStatus: 200,
    write: true,
  },
  // Sync: every account of the school pulls and pushes; the shared rules judge each pushed row
  // (server/routes/syncPush.test.ts). An empty push is the matrix's probe.
  'GET /schools/:s/sync/:col/pull': {
    scope: 'school',
    own: [...leaders, 'groupHead', ...teachers],
    other: [],
    okStatus: 200,
    write: false,
  },
  'POST /schools/:s/sync/:col/push': {
    scope: 'school',
    own: [...leaders, 'groupHead', ...teachers],
    other: [],
    okStatus: 200,
    write: true,
  },
  'GET /schools/:s/audit/heads': {
    scope: 'school',
    own: [...leaders, 'groupHead', ...teachers],
    other: [],
    okStatus: 200,
    write: false,
  },
  // Signed records: any account of the school opens an upload (who may hand the file in is judged
  // on the verified record: routes/signedRecords.test.ts, with the routes of an open upload, which
  // belong to the account that opened it). Kept versions read like the class's results: "assigned"
  // is a record of class 1A, "unassigned" one of 2A, "missing" one the server does not keep.
  'POST /schools/:s/signed-records/uploads': {
    scope: 'school',
    own: [...leaders, 'groupHead', ...teachers],
    other: [],
    okStatus: 200,
    write: true,
  },
  'GET /schools/:s/signed-records/:r/versions': {
    scope: 'class',
    own: [...leaders, 'groupHead'],
    ownAssignedOnly: teachers,
    other: [],
    okStatus: 200,
    write: false,
  },
  'GET /schools/:s/signed-records/:r/versions/:v': {
    scope: 'class',
    own: [...leaders, 'groupHead'],
    ownAssignedOnly: teachers,
    other: [],
    okStatus: 200,
    write: false,
  },
  'GET /schools/:s/classes': {
    scope: 'school',
    own: [...leaders, 'groupHead'],
    other: [],
    okStatus: 200,
    write: false,
  },
  'POST /schools/:s/classes': { scope: 'school', own: leaders, other: [], okStatus: 201, write: true },
  'GET /schools/:s/classes/:c': {
    scope: 'class',
    own: [...leaders, 'groupHead'],
    ownAssignedOnly: teachers,
    other: [],
    okStatus: 200,
    write: false,
  },
  'GET /schools/:s/classes/:c/assignments': {
    scope: 'class',
    own: [...leaders, 'groupHead'],
    ownAssignedOnly: teachers,
    other: [],
    okStatus: 200,
    write: false,
  },
  'PATCH /schools/:s/classes/:c': { scope: 'class', own: leaders, other: [], okStatus: 200, write: true },
  'PUT /schools/:s/classes/:c/assignments/:u': {
    scope: 'class',
    own: leaders,
    other: [],
    okStatus: 200,
    write: true,
  },
  'DELETE /schools/:s/classes/:c/assignments/:u': {
    scope: 'class',
    own: leaders,
    other: [],
    okStatus: 204,
    write: true,
  },
};

/** The status the table expects: 401 anonymous, 403 refused, 404 allowed but no such class, else ok. */
export function expectedStatus(
  route: Expectation,
  who: Who,
  side: SchoolSide,
  klass: ClassSide | null,
): number {
  if (who === 'anonymous') return 401;
  const allowed =
    (side === 'own' ? route.own : route.other).includes(who) ||
    (side === 'own' && klass === 'assigned' && (route.ownAssignedOnly ?? []).includes(who));
  if (!allowed) return 403;
  return klass === 'missing' ? 404 : route.okStatus;
}
