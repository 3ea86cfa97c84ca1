import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionSchool } from '../../server/services/provisioning';
import { openTestDatabase, type TestDatabase } from '../../server/testing/testDatabase';
import { createProvinceSyncClient } from '../../main/services/sync/provinceSyncClient';
import type { ServerAnswer } from '../../main/services/session/provinceServerClient';
import { apiBasePath } from '../../shared/auth/authWire';
import { classIdOf, schoolIdOf } from '../../shared/domain/ids';
import type { StudyRecord } from '../../shared/record/studyRecord';
import { versionListSchema, type StartUploadAnswer } from '../../shared/sync/signedRecordWire';
import { deepNesting, endlessNumber, objectFlood } from '../support/hostilePdfs';
import { createTestCa, generateKeys, issueCertificate, webCryptoSigner } from '../support/pkijsCertificates';
import { asAccount, startProvinceServer, type TestProvinceServer } from '../support/provinceServer';
import {
  createRecordPki,
  genuineSigners,
  recordNaming,
  recordSigning,
  signedStages,
  type RecordPki,
} from '../support/signedRecordFixture';

/**
 * Signed học bạ handed in to the real province server (issue 12, point 5), on PostgreSQL and on
 * PGlite, through the desktop's own client: chunks that resume where the server stands, checked
 * chunk by chunk and whole; the shared verifier's verdict against the province's roots; whose
 * record it is and who hands it in; every version kept. Each refusal is tried with the file an
 * attacker would send: a forged leaf claiming the real CA, a leaf of another CA with the right
 * name, a file changed after signing, a file built to hang the parser.
 */
const password = 'Mật khẩu đủ dài 2026';
const client = createProvinceSyncClient();
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const day = 86_400_000;

function okValue<T>(answer: ServerAnswer<T>): T {
  if (answer.kind !== 'ok') throw new Error(`expected an answer, got ${JSON.stringify(answer)}`);
  return answer.value;
}
function refusalOf<T>(answer: ServerAnswer<T>): { code: string; message: string } {
  if (answer.kind !== 'refused') throw new Error(`expected a refusal, got ${JSON.stringify(answer)}`);
  return { code: answer.code, message: answer.message };
}

type Files = {
  readonly record: StudyRecord;
  readonly teacherSigned: Uint8Array;
  /** The same record signed by the teacher a second time (another file). */
  readonly teacherSignedAgain: Uint8Array;
  readonly complete: Uint8Array;
  readonly unsigned: Uint8Array;
  readonly draft: Uint8Array;
  readonly forgedLeaf: Uint8Array;
  readonly otherCa: Uint8Array;
  readonly otherSchool: Uint8Array;
};

async function signedFiles(pki: RecordPki): Promise<Files> {
  const record = recordNaming(pki);
  const signing = await recordSigning(pki, record);
  const signers = genuineSigners(pki);
  const { teacherSigned, complete } = await signedStages(pki, signing);
  const teacherSignedAgain = await signing.sign(
    signing.rendered.pdf,
    'homeroomTeacher',
    signers.homeroomTeacher,
    {
      signingTime: new Date(Date.now() - 60_000),
    },
  );
  const draft = (await recordSigning(pki, { ...record, status: 'draft' })).rendered.pdf;
  // A leaf with the principal's name that claims the real intermediate but signed itself.
  const now = Date.now();
  const validity = { notBefore: new Date(now - day), notAfter: new Date(now + 300 * day) };
  const forged = await issueCertificate({
    subject: pki.names.principal,
    claimedIssuer: pki.intermediate,
    keys: await generateKeys(),
    ...validity,
  });
  const forgedLeaf = await signing.sign(
    teacherSigned,
    'principal',
    webCryptoSigner(forged, [pki.intermediate]),
  );
  // A genuine chain, with the principal's name, under a CA the province does not trust.
  const stranger = await createTestCa(validity.notBefore, validity.notAfter);
  const impostor = await issueCertificate({
    subject: pki.names.principal,
    issuer: stranger.intermediate,
    ...validity,
  });
  const otherCa = await signing.sign(
    teacherSigned,
    'principal',
    webCryptoSigner(impostor, [stranger.intermediate]),
  );
  const elsewhere = await recordSigning(pki, { ...record, school: { ...record.school, code: '99999999' } });
  const otherSchool = await elsewhere.sign(
    elsewhere.rendered.pdf,
    'homeroomTeacher',
    signers.homeroomTeacher,
  );
  return {
    record,
    teacherSigned,
    teacherSignedAgain,
    complete,
    unsigned: signing.rendered.pdf,
    draft,
    forgedLeaf,
    otherCa,
    otherSchool,
  };
}

describe.each(['postgres', 'pglite'] as const)('signed records handed in to the province (%s)', (engine) => {
  let database: TestDatabase;
  let server: TestProvinceServer;
  let files: Files;
  let schoolId: string;
  const tokens = new Map<string, string>();
  const token = (login: string) => {
    const found = tokens.get(login);
    if (found === undefined) throw new Error(`${login} is not signed in`);
    return found;
  };

  const start = async (login: string, pdf: Uint8Array, recordId = files.record.id, school = schoolId) =>
    client.startUpload(server.url, token(login), school, { recordId, sha256: sha(pdf), bytes: pdf.length });
  const open = (answer: StartUploadAnswer) => {
    if (answer.state !== 'open') throw new Error('the upload should be open');
    return answer;
  };
  const put = (login: string, uploadId: string, offset: number, bytes: Uint8Array, chunkSha = sha(bytes)) =>
    client.putChunk(server.url, token(login), schoolId, { uploadId, offset, sha256: chunkSha, bytes });
  /** The whole file in chunks of `size`, from where the server stands; then complete. */
  const send = async (login: string, pdf: Uint8Array, size = 64 * 1024, recordId = files.record.id) => {
    const started = okValue(await start(login, pdf, recordId));
    if (started.state === 'stored') return { stored: started.version };
    for (let offset = started.receivedBytes; offset < pdf.length; offset += size)
      okValue(await put(login, started.uploadId, offset, pdf.subarray(offset, offset + size)));
    return { completed: await client.completeUpload(server.url, token(login), schoolId, started.uploadId) };
  };
  const versions = async () => {
    const response = await fetch(
      `${server.url}${apiBasePath}/schools/${encodeURIComponent(schoolId)}/signed-records/${encodeURIComponent(files.record.id)}/versions`,
      { headers: { authorization: `Bearer ${token('hieutruong')}` } },
    );
    if (response.status === 404) return [];
    return versionListSchema.parse(await response.json()).versions;
  };
  const keptRows = async () =>
    (await database.db.query('select count(*)::int as n from signed_record_versions'))[0]?.n;

  beforeAll(async () => {
    const pki = await createRecordPki();
    files = await signedFiles(pki);
    database = await openTestDatabase(engine);
    server = await startProvinceServer({
      db: database.db,
      recordTrust: {
        anchors: () => Promise.resolve([pki.root.der]),
        intermediates: () => Promise.resolve([]),
        crls: () => Promise.resolve([]),
      },
    });
    const { record } = files;
    schoolId = schoolIdOf(record.school.code);
    await provisionSchool(server.running().ctx, {
      school: { code: record.school.code, name: record.school.name, district: 'Huyện' },
      principal: { login: 'hieutruong', fullName: pki.names.principal, password },
      staff: [
        { login: 'chunhiem', fullName: pki.names.teacher, role: 'teacher', password },
        { login: 'bomon', fullName: 'Giáo viên bộ môn', role: 'teacher', password },
      ],
    });
    await provisionSchool(server.running().ctx, {
      school: { code: '99999999', name: 'Trường khác', district: 'Huyện' },
      principal: { login: 'hieutruong.khac', fullName: 'Hiệu trưởng khác', password },
      staff: [],
    });
    const principal = await asAccount(server, 'hieutruong', password);
    const school = `/schools/${encodeURIComponent(schoolId)}`;
    await principal.call('POST', `${school}/classes`, {
      schoolYear: record.year.schoolYear,
      grade: record.year.grade,
      name: record.year.className,
    });
    const classId = encodeURIComponent(
      classIdOf(schoolIdOf(record.school.code), record.year.schoolYear, record.year.className),
    );
    for (const [login, homeroom, subjects] of [
      ['chunhiem', true, ['tieng-viet']],
      ['bomon', false, ['tieng-anh']],
    ] as const)
      await principal.call(
        'PUT',
        `${school}/classes/${classId}/assignments/${encodeURIComponent(`user:${login}`)}`,
        {
          homeroom,
          subjects,
        },
      );
    for (const login of ['hieutruong', 'chunhiem', 'bomon', 'hieutruong.khac'])
      tokens.set(login, (await asAccount(server, login, password)).pair.accessToken);
  });

  afterAll(async () => {
    await server.close();
    await database.drop();
  });

  it('goes on from where the server stands: after a cut, a lost answer, a chunk out of place or damaged', async () => {
    const pdf = files.teacherSigned;
    const size = 16 * 1024;
    expect(pdf.length).toBeGreaterThan(3 * size);
    const first = open(okValue(await start('chunhiem', pdf)));
    expect(first.receivedBytes).toBe(0);
    expect(okValue(await put('chunhiem', first.uploadId, 0, pdf.subarray(0, size)))).toEqual({
      receivedBytes: size,
    });
    // The desktop restarts: asking again finds the same upload, one chunk in.
    const again = open(okValue(await start('chunhiem', pdf)));
    expect(again).toMatchObject({ uploadId: first.uploadId, receivedBytes: size });
    // The answer to a chunk was lost, so it comes again: taken once.
    expect(okValue(await put('chunhiem', first.uploadId, 0, pdf.subarray(0, size)))).toEqual({
      receivedBytes: size,
    });
    // A chunk past where the server stands is refused, and the server says where it stands.
    const ahead = refusalOf(
      await put('chunhiem', first.uploadId, 2 * size, pdf.subarray(2 * size, 3 * size)),
    );
    expect(ahead.code).toBe('conflict');
    expect(ahead.message).toContain(String(size));
    expect(
      okValue(await client.uploadState(server.url, token('chunhiem'), schoolId, first.uploadId)),
    ).toEqual({
      receivedBytes: size,
    });
    // Damaged on the way: its SHA-256 is not the one announced. Nothing stored.
    const damaged = pdf.slice(size, 2 * size);
    damaged[100] = (damaged[100] ?? 0) ^ 0xff;
    expect(
      refusalOf(await put('chunhiem', first.uploadId, size, damaged, sha(pdf.subarray(size, 2 * size)))).code,
    ).toBe('badRequest');
    // Nor past the announced size, nor an account other than the one that opened it.
    expect(refusalOf(await put('chunhiem', first.uploadId, pdf.length - 10, pdf.subarray(0, 20))).code).toBe(
      'badRequest',
    );
    expect(refusalOf(await put('hieutruong', first.uploadId, size, pdf.subarray(size, 2 * size))).code).toBe(
      'notFound',
    );
    // Not complete before every byte is in.
    expect(
      refusalOf(await client.completeUpload(server.url, token('chunhiem'), schoolId, first.uploadId)).code,
    ).toBe('conflict');
    const { completed } = await send('chunhiem', pdf, size);
    const version = okValue(completed ?? { kind: 'unreachable' }).version;
    expect(version).toMatchObject({ version: 1, verdict: 'partial', sha256: sha(pdf), bytes: pdf.length });
    // The upload is gone once kept.
    expect(
      refusalOf(await client.uploadState(server.url, token('chunhiem'), schoolId, first.uploadId)).code,
    ).toBe('notFound');
  });

  it('keeps every version, the same file once, and gives each back byte for byte', async () => {
    const { completed } = await send('hieutruong', files.complete, 200 * 1024);
    expect(okValue(completed ?? { kind: 'unreachable' }).version).toMatchObject({
      version: 2,
      verdict: 'complete',
    });
    // The same file again: the server says it keeps it, and nothing goes up.
    const again = okValue(await start('chunhiem', files.complete));
    expect(again).toMatchObject({ state: 'stored', version: { version: 2 } });
    const kept = await versions();
    expect(kept.map((v) => [v.version, v.verdict, v.sha256])).toEqual([
      [1, 'partial', sha(files.teacherSigned)],
      [2, 'complete', sha(files.complete)],
    ]);
    expect(kept[1]?.signers).toHaveLength(3);
    for (const [number, pdf] of [
      [1, files.teacherSigned],
      [2, files.complete],
    ] as const) {
      const response = await fetch(
        `${server.url}${apiBasePath}/schools/${encodeURIComponent(schoolId)}/signed-records/${encodeURIComponent(files.record.id)}/versions/${String(number)}`,
        { headers: { authorization: `Bearer ${token('bomon')}` } },
      );
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(sha(new Uint8Array(await response.arrayBuffer()))).toBe(sha(pdf));
    }
    // Kept means kept: the database refuses to change or remove a version.
    await expect(database.db.query("update signed_record_versions set verdict = 'partial'")).rejects.toThrow(
      /append-only/,
    );
    await expect(database.db.query('delete from signed_record_versions')).rejects.toThrow(/append-only/);
  });

  it('refuses, with the reason, every file that is not a genuinely signed record of this school', async () => {
    const before = await keptRows();
    const tampered = files.complete.slice();
    const middle = Math.floor(tampered.length / 2);
    tampered[middle] = (tampered[middle] ?? 0) ^ 0x01;
    // Each for its own reason, in the verifier's words.
    const refusals: [string, Uint8Array, RegExp][] = [
      ['a final record nobody signed', files.unsigned, /Chưa ký/],
      ['a draft', files.draft, /Bản nháp/],
      ['a forged leaf claiming the province’s CA', files.forgedLeaf, /chứng thư giả mạo/],
      [
        'a leaf with the right name under a CA the province does not trust',
        files.otherCa,
        /không dẫn tới chứng thư gốc tin cậy/,
      ],
      ['another school’s record', files.otherSchool, /trường khác/],
      ['the complete file with one byte changed after signing', tampered, /bị thay đổi sau khi ký/],
    ];
    for (const [what, pdf, reason] of refusals) {
      const { completed } = await send('hieutruong', pdf);
      const refused = refusalOf(completed ?? { kind: 'unreachable' });
      expect(refused.code, what).toBe('refused');
      expect(refused.message, what).toMatch(reason);
      // A refused file leaves no upload behind: asking again opens a fresh one, from byte 0.
      expect(open(okValue(await start('hieutruong', pdf))).receivedBytes, what).toBe(0);
    }
    expect(await keptRows()).toBe(before);
  });

  it('takes a record only from the school’s leadership or the homeroom teacher of its class', async () => {
    const before = await keptRows();
    // A genuine file the server does not keep yet: the subject teacher of the class may not hand it in.
    const refused = refusalOf(
      (await send('bomon', files.teacherSignedAgain)).completed ?? { kind: 'unreachable' },
    );
    expect(refused).toMatchObject({ code: 'forbidden' });
    expect(refused.message).toContain('giáo viên chủ nhiệm');
    // Another school's principal cannot even open an upload in this school.
    expect(refusalOf(await start('hieutruong.khac', files.teacherSignedAgain)).code).toBe('forbidden');
    expect(await keptRows()).toBe(before);
    // The homeroom teacher can: a third version.
    const { completed } = await send('chunhiem', files.teacherSignedAgain);
    expect(okValue(completed ?? { kind: 'unreachable' }).version).toMatchObject({
      version: 3,
      verdict: 'partial',
    });
  });

  it('answers a file built to hang the parser with a refusal, and keeps nothing', async () => {
    const before = await keptRows();
    for (const hostile of [deepNesting(100_000), objectFlood(25_000), endlessNumber(2_000_000)]) {
      const { completed } = await send('hieutruong', hostile, 512 * 1024);
      expect(refusalOf(completed ?? { kind: 'unreachable' }).code).toBe('refused');
    }
    expect(await keptRows()).toBe(before);
  });
});
