import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  StandardFonts,
} from '@cantoo/pdf-lib';
import { sha256 } from '@noble/hashes/sha2.js';
import { CryptoEngine } from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCommand } from '../../main/cli/commands/verifyCommand';
import { CliUsageError } from '../../main/cli/cliIo';
import { loadRecordFonts } from '../../main/services/recordFonts';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import { canonicalRecordBytes, studyRecordHash } from '../../shared/record/recordHash';
import { recordInfoKeys } from '../../shared/record/render/recordPdfMarkers';
import { recordQrPayload } from '../../shared/record/render/recordQr';
import {
  renderStudyRecordPdf,
  type RenderedStudyRecord,
} from '../../shared/record/render/renderStudyRecordPdf';
import { sampleStudyRecords } from '../../shared/record/sampleStudyRecords';
import type { StudyRecord } from '../../shared/record/studyRecord';
import { verifyRecordPdf, type RecordVerificationReport } from '../../shared/record/verifyRecordPdf';
import { signPdf } from '../../shared/signing/signPdf';
import type { SignerRole } from '../../shared/domain/signerRole';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../shared/sample/generateYearResults';
import { captureCliIo } from '../support/captureCliIo';
import { attachmentBomb, zlibBomb } from '../support/hostilePdfs';
import {
  createTestPki,
  softwareSigner,
  testPkiSignerNames,
  type TestIdentity,
  type TestPki,
} from '../support/testPki';

const cryptoEngine = new CryptoEngine({ name: 'node', crypto: globalThis.crypto });
const compiled = defaultCompiledCatalogue();
const school = generateSampleSchool({ seed: 5, students: 40 });
const [sample] = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, 5), 1);

let dir = '';
let pki: TestPki;
let record: StudyRecord;
let signed: Uint8Array;
type Box = RenderedStudyRecord['signatureBoxes']['schoolSeal'];

/**
 * Renders `source` and signs it as teacher, principal and seal, each in its own box; `before`
 * may change the rendered file before the first signature.
 */
async function renderAndSign(
  source: StudyRecord,
  before: (pdf: Uint8Array) => Promise<Uint8Array> = async (pdf) => pdf,
): Promise<Uint8Array> {
  const fonts = await loadRecordFonts();
  const rendered = await renderStudyRecordPdf({ record: source, fonts });
  const signers: readonly [SignerRole, TestIdentity, Box][] = [
    ['homeroomTeacher', pki.signers.homeroomTeacher, rendered.signatureBoxes.homeroomTeacher],
    ['principal', pki.signers.principal, rendered.signatureBoxes.principal],
    ['schoolSeal', pki.signers.schoolSeal, rendered.signatureBoxes.schoolSeal],
  ];
  let pdf = await before(rendered.pdf);
  for (const [role, identity, box] of signers) {
    pdf = await signPdf({
      pdf,
      signer: softwareSigner(identity, [pki.intermediateCa]),
      sha256,
      role,
      pageIndex: box.pageIndex,
      rect: { x: box.x, y: box.y, width: box.width, height: box.height },
      fontBytes: fonts.regular,
      signingTime: new Date(),
    });
  }
  return pdf;
}

function verify(
  pdf: Uint8Array,
  anchors: readonly Uint8Array[] = [pki.rootCa.certDer],
): Promise<RecordVerificationReport> {
  return verifyRecordPdf({ pdf, trustAnchors: anchors, sha256, cryptoEngine });
}

function failing(report: RecordVerificationReport): string[] {
  return report.recordChecks.filter((check) => !check.ok).map((check) => check.check);
}

/**
 * Replaces the attached record JSON in an incremental update, as an attacker with a PDF editor
 * would; with `hash` it also rewrites the document-info hash to match the new data.
 */
async function replaceAttachment(pdf: Uint8Array, data: Uint8Array, hash?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { forIncrementalUpdate: true, updateMetadata: false });
  const { context } = doc;
  const entry = context
    .enumerateIndirectObjects()
    .find(
      ([, object]) =>
        object instanceof PDFRawStream && object.dict.get(PDFName.of('Type')) === PDFName.of('EmbeddedFile'),
    );
  if (!entry) throw new Error('no embedded file in the PDF');
  const [ref, original] = entry;
  if (!(original instanceof PDFRawStream)) throw new Error('embedded file is not a stream');
  context.assign(ref, context.stream(data, { Type: 'EmbeddedFile', Subtype: 'application/json' }));
  context.snapshot?.markRefForSave(ref);
  if (hash !== undefined) {
    const infoRef = context.trailerInfo.Info;
    const info = context.lookup(infoRef, PDFDict);
    info.set(PDFName.of(recordInfoKeys.contentHash), PDFHexString.fromText(hash));
    if (infoRef instanceof PDFRef) context.snapshot?.markRefForSave(infoRef);
  }
  return doc.save();
}

describe('verifying a signed học bạ (record + signatures)', () => {
  beforeAll(async () => {
    if (!sample) throw new Error('no sample record');
    if (sample.status !== 'final') throw new Error('the sample record should be final');
    dir = await mkdtemp(join(tmpdir(), 'hocba-verify-'));
    pki = createTestPki();
    // The names printed under the boxes are the certificates' holders, as in a real school.
    record = {
      ...sample,
      school: { ...sample.school, name: testPkiSignerNames.school },
      year: {
        ...sample.year,
        homeroomTeacherName: testPkiSignerNames.teacher,
        principalName: testPkiSignerNames.principal,
      },
      signers: {
        homeroomTeacher: { ...sample.signers.homeroomTeacher, name: testPkiSignerNames.teacher },
        principal: { ...sample.signers.principal, name: testPkiSignerNames.principal },
        schoolSeal: { ...sample.signers.schoolSeal, name: testPkiSignerNames.school },
      },
    };
    signed = await renderAndSign(record);
    await writeFile(join(dir, 'signed.pdf'), signed);
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    pki.cleanup();
  });

  it('is valid: three signers with role, name and time, and every record check passed', async () => {
    const report = await verify(signed);
    expect(report.recordChecks.filter((check) => !check.ok)).toEqual([]);
    expect(report.recordChecks.map((check) => check.check)).toEqual([
      'recordAttached',
      'markers',
      'contentHash',
      'qrCode',
      'recordId',
      'results',
      'reservedFields',
      'renderedContent',
      'signingOrder',
      'signers',
    ]);
    expect(report.signatureReport.valid).toBe(true);
    expect(report).toMatchObject({ valid: true, status: 'complete', missingRoles: [] });
    expect(report.verdict).toBe(
      'Học bạ HỢP LỆ — đủ chữ ký (Nguyễn Thị Thu Hà, Trần Văn Bình, Trường Tiểu học Kim Liên), dữ liệu học bạ không bị sửa đổi.',
    );
    expect(report.signers.map(({ role, roleLabel, name }) => ({ role, roleLabel, name }))).toEqual([
      { role: 'homeroomTeacher', roleLabel: 'Giáo viên chủ nhiệm', name: 'Nguyễn Thị Thu Hà' },
      { role: 'principal', roleLabel: 'Hiệu trưởng', name: 'Trần Văn Bình' },
      { role: 'schoolSeal', roleLabel: 'Con dấu nhà trường', name: 'Trường Tiểu học Kim Liên' },
    ]);
    for (const signer of report.signers) {
      expect(signer.valid).toBe(true);
      expect(Math.abs(Date.parse(signer.signingTime ?? '') - Date.now())).toBeLessThan(10 * 60_000);
      // No timestamp authority here: the time is the signer's claim, and the report says so.
      expect(signer.timeProven).toBe(false);
      expect(signer.issuer).toBe('CA Trung Gian Thử Nghiệm Học Bạ Số');
    }
    const contentHash = studyRecordHash(record);
    expect(report.record).toMatchObject({
      recordId: record.id,
      contentHash,
      status: 'final',
      studentName: record.student.fullName,
      qrPayload: recordQrPayload({ recordId: record.id, version: 1, contentHash }),
    });
    // JSON-friendly: survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('hocba verify prints the report and exits 0 with --trust root', async () => {
    const run = captureCliIo('', dir);
    await expect(verifyCommand.run(['signed.pdf', '--trust', pki.rootCa.certPemPath], run.io)).resolves.toBe(
      0,
    );
    const printed = JSON.parse(run.out()) as { valid: boolean; file: string; signers: unknown[] };
    expect(printed.valid).toBe(true);
    expect(printed.file).toBe(join(dir, 'signed.pdf'));
    expect(printed.signers).toHaveLength(3);
    expect(run.err()).toContain('Học bạ HỢP LỆ');
  });

  it('hocba verify exits 1 against an untrusted root, naming the chain', async () => {
    const run = captureCliIo('', dir);
    await expect(
      verifyCommand.run(['signed.pdf', '--trust', pki.untrustedRootCa.certPemPath], run.io),
    ).resolves.toBe(1);
    const printed = JSON.parse(run.out()) as RecordVerificationReport;
    expect(printed.valid).toBe(false);
    expect(printed.recordChecks.every((check) => check.ok)).toBe(true);
    expect(printed.verdict).toContain('không dẫn tới chứng thư gốc tin cậy');
  });

  it('hocba verify: a missing file, no file or a bad trust file are usage errors (exit 2 via the CLI)', async () => {
    await writeFile(join(dir, 'not-a-cert.pem'), 'xin chào');
    const cases: readonly (readonly string[])[] = [
      [],
      ['a.pdf', 'b.pdf'],
      ['khong-co.pdf'],
      ['signed.pdf', '--trust', 'not-a-cert.pem'],
      ['signed.pdf', '--trust'],
    ];
    for (const args of cases) {
      const run = captureCliIo('', dir);
      await expect(verifyCommand.run(args, run.io)).rejects.toBeInstanceOf(CliUsageError);
    }
  });

  it('detects the embedded data replaced in a later revision, even with the marker hash rewritten', async () => {
    const altered: StudyRecord = {
      ...record,
      student: { ...record.student, fullName: `${record.student.fullName} Giả` },
    };
    const bytes = canonicalRecordBytes(altered);
    const onlyData = await replaceAttachment(signed, bytes);
    expect(Buffer.from(onlyData.subarray(0, signed.length)).equals(Buffer.from(signed))).toBe(true);
    const dataReport = await verify(onlyData);
    expect(dataReport.status).toBe('invalid');
    // The record the teacher signed is intact; the later revision is what is refused.
    expect(failing(dataReport)).toEqual([]);
    expect(dataReport.verdict).toBe(
      'Học bạ KHÔNG hợp lệ: Phiên bản 5 của tệp đã sửa tệp dữ liệu học bạ đính kèm, trong khi sau khi ký chỉ được phép thêm chữ ký.',
    );

    const withMarkers = await replaceAttachment(signed, bytes, studyRecordHash(altered));
    const markersReport = await verify(withMarkers);
    expect(markersReport.status).toBe('invalid');
    const problems = markersReport.signatureReport.checks
      .filter((check) => !check.ok)
      .map((check) => check.message);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('đã sửa tệp dữ liệu học bạ đính kèm'),
        expect.stringContaining('đã sửa thông tin tài liệu (mã học bạ, mã băm nội dung)'),
      ]),
    );
  });

  it('detects one changed byte in the signed range (the marker hash in the first revision)', async () => {
    const text = Buffer.from(signed).toString('latin1');
    const hash = studyRecordHash(record);
    // The renderer writes the marker as a UTF-16 hex string: find its first hex digit pair.
    const marker = PDFHexString.fromText(hash).toString().slice(1, -1);
    const at = text.indexOf(marker);
    expect(at).toBeGreaterThan(0);
    const tampered = new Uint8Array(signed);
    // `0030` ('0') ↔ `0031` ('1'): the last hex digit of the first character of the hash.
    const digit = at + 3;
    tampered[digit] = tampered[digit] === 0x30 ? 0x31 : 0x30;
    const report = await verify(tampered);
    expect(report.status).toBe('invalid');
    for (const signature of report.signatureReport.signatures) {
      expect(signature.checks.find((check) => check.check === 'digest')?.ok).toBe(false);
    }
    expect(failing(report)).toContain('contentHash');

    const file = join(dir, 'tampered.pdf');
    await writeFile(file, tampered);
    const run = captureCliIo('', dir);
    await expect(verifyCommand.run([file, '--trust', pki.rootCa.certPemPath], run.io)).resolves.toBe(1);
  });

  it('detects an unsigned revision between rendering and the first signature', async () => {
    const pdf = await renderAndSign(record, async (rendered) => {
      const doc = await PDFDocument.load(rendered, { forIncrementalUpdate: true, updateMetadata: false });
      const font = await doc.embedFont(StandardFonts.Helvetica);
      doc.getPages()[0]?.drawText('Hoan thanh xuat sac', { x: 300, y: 500, size: 14, font });
      return doc.save();
    });
    const report = await verify(pdf);
    // Every signature is intact and the data is the rendered data, yet the page was changed.
    expect(report.signatureReport.signatures.every((signature) => signature.valid)).toBe(true);
    expect(report.status).toBe('invalid');
    expect(report.verdict).toContain('Phiên bản 2 của tệp đã sửa trang 1');
  });

  it('a record signed by people other than those it names is not valid', async () => {
    if (!sample) throw new Error('no sample record');
    // The sample school's staff are not the certificates' holders.
    const report = await verify(await renderAndSign(sample));
    expect(report.signatureReport.valid).toBe(true);
    expect(failing(report)).toEqual(['signers']);
    expect(report.status).toBe('invalid');
    expect(report.verdict).toContain(
      `Ô ký của Giáo viên chủ nhiệm: Chứng thư số mang tên “${testPkiSignerNames.teacher}”, không phải “${sample.year.homeroomTeacherName}”`,
    );
  });

  it('a signed draft is not valid', async () => {
    const draft = await renderAndSign({ ...record, status: 'draft' });
    const report = await verify(draft);
    expect(report.signatureReport.valid).toBe(true);
    expect(report.status).toBe('invalid');
    expect(failing(report)).toEqual(['notDraft']);
    expect(report.verdict).toBe(
      'Học bạ KHÔNG hợp lệ: Học bạ là BẢN NHÁP nhưng lại có chữ ký: bản nháp không bao giờ được ký, tệp đã bị làm giả.',
    );
  });

  it('calls an unsigned rendered record “Chưa ký”, and a half-signed one incomplete', async () => {
    const rendered = await renderStudyRecordPdf({ record, fonts: await loadRecordFonts() });
    const report = await verify(rendered.pdf);
    expect(report).toMatchObject({ valid: false, status: 'unsigned', signers: [] });
    expect(failing(report)).toEqual([]);
    expect(report.verdict).toBe('Chưa ký: học bạ chính thức đã được lập, đang chờ giáo viên chủ nhiệm ký.');

    const fonts = await loadRecordFonts();
    const box = rendered.signatureBoxes.homeroomTeacher;
    const teacherOnly = await signPdf({
      pdf: rendered.pdf,
      signer: softwareSigner(pki.signers.homeroomTeacher, [pki.intermediateCa]),
      sha256,
      role: 'homeroomTeacher',
      pageIndex: box.pageIndex,
      rect: { x: box.x, y: box.y, width: box.width, height: box.height },
      fontBytes: fonts.regular,
      signingTime: new Date(),
    });
    const partial = await verify(teacherOnly);
    expect(partial).toMatchObject({
      valid: false,
      status: 'partial',
      missingRoles: ['principal', 'schoolSeal'],
    });
    expect(partial.verdict).toBe(
      'Các chữ ký hiện có hợp lệ — còn thiếu chữ ký của Hiệu trưởng, Con dấu nhà trường. Học bạ chỉ có giá trị khi đủ chữ ký.',
    );
    const run = captureCliIo('', dir);
    await writeFile(join(dir, 'partial.pdf'), teacherOnly);
    await expect(verifyCommand.run(['partial.pdf', '--trust', pki.rootCa.certPemPath], run.io)).resolves.toBe(
      3,
    );
  });

  it('hocba verify refuses an attachment bomb in its worker, with the reason, and exits 1', async () => {
    const rendered = await renderStudyRecordPdf({ record, fonts: await loadRecordFonts() });
    const bomb = await attachmentBomb(rendered.pdf, await zlibBomb(256 * 1024 * 1024));
    await writeFile(join(dir, 'bomb.pdf'), bomb);
    const run = captureCliIo('', dir);
    await expect(verifyCommand.run(['bomb.pdf', '--trust', pki.rootCa.certPemPath], run.io)).resolves.toBe(1);
    expect(run.err()).toContain('bom nén');
  });

  it('a file that is not a PDF is not valid', async () => {
    const report = await verify(new TextEncoder().encode('không phải PDF'));
    expect(report.status).toBe('invalid');
    expect(failing(report)).toEqual(['pdf']);
    expect(report.record).toBeUndefined();
  });
});
