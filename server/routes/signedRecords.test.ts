import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxRecordChunkBytes, startUploadAnswerSchema } from '../../shared/sync/signedRecordWire';
import { provisionSchool } from '../services/provisioning';
import {
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

/**
 * The routes of an open upload (shared/sync/signedRecordWire.ts), which the authorisation matrix
 * leaves to this file: they answer only the account that opened the upload, take raw chunks no
 * larger than a chunk, and refuse every malformed request with no state change. The verifier's
 * side (signed files, forged certificates) is tests/integration/signedRecordUpload.test.ts.
 */
describe(`uploads of signed records: hostile requests (${testEngine})`, () => {
  let h: Harness;
  const school = `/api/v1/schools/${encode('school:A001')}`;
  const recordId = 'studyRecord:student:0123456789:2025-2026';
  const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  const file = new TextEncoder().encode('%PDF-1.7\n'.repeat(4000));
  let principal = '';
  let teacher = '';
  let otherPrincipal = '';
  let uploadId = '';

  const put = (offset: number, bytes: Uint8Array, headers: Record<string, string>, token = principal) =>
    h.app.inject({
      method: 'PUT',
      url: `${school}/signed-records/uploads/${uploadId}?offset=${String(offset)}`,
      headers: { authorization: `Bearer ${token}`, ...headers },
      payload: Buffer.from(bytes),
    });
  const chunkHeaders = (bytes: Uint8Array) => ({
    'content-type': 'application/octet-stream',
    'x-chunk-sha256': sha(bytes),
  });

  beforeAll(async () => {
    h = await startHarness();
    for (const code of ['A001', 'B001'])
      await provisionSchool(h.ctx, {
        school: { code, name: `Trường ${code}`, district: 'Huyện' },
        principal: { login: `ht.${code.toLowerCase()}`, fullName: 'Hiệu trưởng', password: defaultPassword },
        staff:
          code === 'A001'
            ? [{ login: 'gv.an', fullName: 'Giáo viên An', role: 'teacher', password: defaultPassword }]
            : [],
      });
    principal = (await signIn(h.app, 'ht.a001')).accessToken;
    teacher = (await signIn(h.app, 'gv.an')).accessToken;
    otherPrincipal = (await signIn(h.app, 'ht.b001')).accessToken;
    const opened = await call(h.app, {
      method: 'POST',
      url: `${school}/signed-records/uploads`,
      token: principal,
      body: { recordId, sha256: sha(file), bytes: file.length },
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const answer = startUploadAnswerSchema.parse(opened.json());
    if (answer.state !== 'open') throw new Error('the upload should open');
    uploadId = answer.uploadId;
  });
  afterAll(async () => h.close());

  it('refuses every malformed or foreign request to an open upload, and changes nothing', async () => {
    const chunk = file.subarray(0, 1000);
    const before = await snapshot(h.db);
    const refusals: [string, Promise<Awaited<ReturnType<typeof put>>>, number][] = [
      [
        'no token',
        h.app.inject({ method: 'PUT', url: `${school}/signed-records/uploads/${uploadId}?offset=0` }),
        401,
      ],
      ['another account of the school', put(0, chunk, chunkHeaders(chunk), teacher), 404],
      ['another school’s principal', put(0, chunk, chunkHeaders(chunk), otherPrincipal), 403],
      ['no checksum', put(0, chunk, { 'content-type': 'application/octet-stream' }), 400],
      [
        'a checksum that is not hex',
        put(0, chunk, { ...chunkHeaders(chunk), 'x-chunk-sha256': 'z'.repeat(64) }),
        400,
      ],
      ['the checksum of other bytes', put(0, chunk, { ...chunkHeaders(file.subarray(1, 1001)) }), 400],
      [
        'JSON instead of bytes',
        put(0, chunk, { ...chunkHeaders(chunk), 'content-type': 'application/json' }),
        400,
      ],
      ['text instead of bytes', put(0, chunk, { ...chunkHeaders(chunk), 'content-type': 'text/plain' }), 400],
      [
        'a type the server does not read',
        put(0, chunk, { ...chunkHeaders(chunk), 'content-type': 'image/png' }),
        415,
      ],
      ['a negative offset', put(-5, chunk, chunkHeaders(chunk)), 400],
      ['an offset ahead of the upload', put(5000, chunk, chunkHeaders(chunk)), 409],
      ['an empty chunk', put(0, new Uint8Array(0), chunkHeaders(new Uint8Array(0))), 400],
      [
        'a chunk past the announced size',
        put(0, new Uint8Array(file.length + 1), chunkHeaders(new Uint8Array(file.length + 1))),
        400,
      ],
    ];
    for (const [what, response, status] of refusals) {
      const answered = await response;
      expect(answered.statusCode, `${what}: ${answered.body}`).toBe(status);
    }
    const unknown = await call(h.app, {
      method: 'GET',
      url: `${school}/signed-records/uploads/${'0'.repeat(32)}`,
      token: principal,
    });
    expectRefusal(unknown, 404, 'notFound');
    const notAnId = await call(h.app, {
      method: 'GET',
      url: `${school}/signed-records/uploads/..%2F..`,
      token: principal,
    });
    expect(notAnId.statusCode).toBe(400);
    expect(await snapshot(h.db)).toBe(before);
  });

  it('refuses a chunk larger than a chunk before reading it all, and an upload larger than a record', async () => {
    const provinceAdmin = (await signIn(h.app, 'so.admin')).accessToken;
    const before = await snapshot(h.db);
    const huge = new Uint8Array(maxRecordChunkBytes + 1);
    expectRefusal(await put(0, huge, chunkHeaders(huge)), 413, 'payloadTooLarge');
    const tooBig = await call(h.app, {
      method: 'POST',
      url: `${school}/signed-records/uploads`,
      token: principal,
      body: { recordId, sha256: 'a'.repeat(64), bytes: 64 * 1024 * 1024 },
    });
    expectRefusal(tooBig, 400, 'badRequest');
    const pathTrick = await call(h.app, {
      method: 'POST',
      url: `${school}/signed-records/uploads`,
      token: principal,
      body: { recordId: 'studyRecord:student:../../etc:2025-2026', sha256: 'a'.repeat(64), bytes: 10 },
    });
    expectRefusal(pathTrick, 400, 'badRequest');
    const asAdmin = await call(h.app, {
      method: 'POST',
      url: `${school}/signed-records/uploads`,
      token: provinceAdmin,
      body: { recordId, sha256: 'a'.repeat(64), bytes: 10 },
    });
    expectRefusal(asAdmin, 403, 'forbidden');
    expect(await snapshot(h.db)).toBe(before);
  });

  it('with no roots configured, verifies nothing into a kept version: the whole file arrives and is refused', async () => {
    for (let offset = 0; offset < file.length; offset += 16 * 1024) {
      const chunk = file.subarray(offset, offset + 16 * 1024);
      const taken = await put(offset, chunk, chunkHeaders(chunk));
      expect(taken.statusCode, taken.body).toBe(200);
    }
    const completed = await call(h.app, {
      method: 'POST',
      url: `${school}/signed-records/uploads/${uploadId}/complete`,
      token: principal,
    });
    expectRefusal(completed, 422, 'refused');
    const kept = await h.db.query('select count(*)::int as n from signed_record_versions');
    expect(kept).toEqual([{ n: 0 }]);
    const left = await h.db.query('select count(*)::int as n from record_upload_chunks');
    expect(left).toEqual([{ n: 0 }]);
  });

  it('keeps an account from filling the server with files announced and never finished, and forgets them after two days', async () => {
    const start = (token: string, n: number, bytes: number) =>
      call(h.app, {
        method: 'POST',
        url: `${school}/signed-records/uploads`,
        token,
        body: {
          recordId: `studyRecord:student:${String(1000000000 + n)}:2025-2026`,
          sha256: sha(new TextEncoder().encode(`tệp ${String(n)}`)),
          bytes,
        },
      });
    const openRows = async () =>
      (await h.db.query('select count(*)::int as n from record_uploads')) as { n: number }[];
    // The teacher announces files of 1 MiB until the server says no: 24 open at once.
    let opened = 0;
    for (; opened < 30; opened += 1) {
      const answer = await start(teacher, opened, 1024 * 1024);
      if (answer.statusCode !== 200) {
        expectRefusal(answer, 429, 'tooManyRequests');
        expect(answer.headers['retry-after']).toBe('300');
        expect(answer.body).toContain('quá nhiều học bạ gửi dở');
        break;
      }
    }
    expect(opened).toBe(24);
    const before = await snapshot(h.db);
    expectRefusal(await start(teacher, 99, 1024 * 1024), 429, 'tooManyRequests');
    expect(await snapshot(h.db)).toBe(before);
    // Going on with one of them is still fine; another account is not held back by hers.
    const again = await start(teacher, 3, 1024 * 1024);
    expect(again.statusCode, again.body).toBe(200);
    expect(startUploadAnswerSchema.parse(again.json())).toMatchObject({ state: 'open', receivedBytes: 0 });
    // By bytes: the principal (one upload open above) announces the largest files until refused.
    let large = 0;
    for (; large < 30; large += 1)
      if ((await start(principal, 200 + large, 16 * 1024 * 1024)).statusCode !== 200) break;
    expect(large).toBe(12); // 12 × 16 MiB is the 192 MiB an account may have open
    // A chunk of one half-sent file is on the server too.
    const resumed = startUploadAnswerSchema.parse(again.json());
    if (resumed.state !== 'open') throw new Error('the upload should be open');
    const chunk = new TextEncoder().encode('%PDF-1.7\n');
    const taken = await h.app.inject({
      method: 'PUT',
      url: `${school}/signed-records/uploads/${resumed.uploadId}?offset=0`,
      headers: { authorization: `Bearer ${teacher}`, ...chunkHeaders(chunk) },
      payload: Buffer.from(chunk),
    });
    expect(taken.statusCode, taken.body).toBe(200);
    // Two days later the half-sent files are gone and each account can start again.
    h.clock.advance(2 * 24 * 60 * 60 + 1);
    const fresh = (await signIn(h.app, 'gv.an')).accessToken;
    const after = await start(fresh, 500, 1024 * 1024);
    expect(after.statusCode, after.body).toBe(200);
    expect(await openRows()).toEqual([{ n: 1 }]);
    expect(await h.db.query('select count(*)::int as n from record_upload_chunks')).toEqual([{ n: 0 }]);
  });
});
