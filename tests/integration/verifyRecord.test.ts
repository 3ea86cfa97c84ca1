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
import type { SignerRole } from '../../shared/signing/signingTypes';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../shared/sample/generateYearResults';
import { captureCliIo } from '../support/captureCliIo';
import { createPadesPki, softwareSigner, type PadesPki, type TestIdentity } from './support-pades';

const cryptoEngine = new CryptoEngine({ name: 'node', crypto: globalThis.crypto });
const compiled = defaultCompiledCatalogue();
const school = generateSampleSchool({ seed: 5, students: 40 });
const [sample] = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, 5), 1);

let dir = '';
let pki: PadesPki;
let record: StudyRecord;
let signed: Uint8Array;
type Box = RenderedStudyRecord['signatureBoxes']['seal'];

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
    ['homeroomTeacher', pki.teacher, rendered.signatureBoxes.homeroomTeacher],
    ['principal', pki.principal, rendered.signatureBoxes.principal],
    ['schoolSeal', pki.seal, rendered.signatureBoxes.seal],
  ];
  let pdf = await before(rendered.pdf);
  for (const [role, identity, box] of signers) {
    pdf = await signPdf({
      pdf,
      signer: softwareSigner(identity, [pki.intermediate]),
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

function verify(pdf: Uint8Array, anchors = [pki.root.certificateDer]): Promise<RecordVerificationReport> {
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
    pki = await createPadesPki(dir);
    // The names printed under the boxes are the certificates' holders, as in a real school.
    record = {
      ...sample,
      school: { ...sample.school, name: pki.seal.name },
      year: { ...sample.year, homeroomTeacherName: pki.teacher.name, principalName: pki.principal.name },
    };
    signed = await renderAndSign(record);
    await writeFile(join(dir, 'signed.pdf'), signed);
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
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
      'notDraft',
      'recordSigned',
      'recordUnchanged',
      'signerNames',
    ]);
    expect(report.signatureReport.valid).toBe(true);
    expect(report.valid).toBe(true);
    expect(report.verdict).toBe(
      'Học bạ HỢP LỆ: 3 chữ ký số đều đúng, dữ liệu học bạ khớp mã băm và không bị sửa đổi.',
    );
    expect(report.signers.map(({ role, roleLabel, name }) => ({ role, roleLabel, name }))).toEqual([
      { role: 'homeroomTeacher', roleLabel: 'Giáo viên chủ nhiệm', name: 'Nguyễn Thị Hoa' },
      { role: 'principal', roleLabel: 'Hiệu trưởng', name: 'Trần Văn Bình' },
      { role: 'schoolSeal', roleLabel: 'Con dấu nhà trường', name: 'Trường Tiểu học Kim Đồng' },
    ]);
    for (const signer of report.signers) {
      expect(signer.valid).toBe(true);
      expect(Math.abs(Date.parse(signer.signingTime ?? '') - Date.now())).toBeLessThan(10 * 60_000);
      expect(signer.issuer).toBe('Test Sub CA Học bạ');
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
    await expect(
      verifyCommand.run(['signed.pdf', '--trust', pki.root.certificatePath], run.io),
    ).resolves.toBe(0);
    const printed = JSON.parse(run.out()) as { valid: boolean; file: string; signers: unknown[] };
    expect(printed.valid).toBe(true);
    expect(printed.file).toBe(join(dir, 'signed.pdf'));
    expect(printed.signers).toHaveLength(3);
    expect(run.err()).toContain('Học bạ HỢP LỆ');
  });

  it('hocba verify exits 1 against an untrusted root, naming the chain', async () => {
    const run = captureCliIo('', dir);
    await expect(
      verifyCommand.run(['signed.pdf', '--trust', pki.otherRoot.certificatePath], run.io),
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
    expect(dataReport.valid).toBe(false);
    expect(failing(dataReport)).toEqual(['recordUnchanged']);
    expect(dataReport.signatureReport.checks.some((check) => !check.ok)).toBe(true);

    const withMarkers = await replaceAttachment(signed, bytes, studyRecordHash(altered));
    const markersReport = await verify(withMarkers);
    expect(markersReport.valid).toBe(false);
    expect(failing(markersReport)).toEqual(['recordUnchanged']);
    expect(markersReport.verdict).toBe(
      'Học bạ KHÔNG hợp lệ: Dữ liệu học bạ hoặc mã băm đã bị thay thế ở một phiên bản sau của tệp.',
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
    expect(report.valid).toBe(false);
    for (const signature of report.signatureReport.signatures) {
      expect(signature.checks.find((check) => check.check === 'digest')?.ok).toBe(false);
    }
    expect(failing(report)).toContain('contentHash');

    const file = join(dir, 'tampered.pdf');
    await writeFile(file, tampered);
    const run = captureCliIo('', dir);
    await expect(verifyCommand.run([file, '--trust', pki.root.certificatePath], run.io)).resolves.toBe(1);
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
    expect(report.signatureReport.valid).toBe(true);
    expect(report.valid).toBe(false);
    expect(failing(report)).toEqual(['recordSigned']);
  });

  it('a record signed by people other than those it names is not valid', async () => {
    if (!sample) throw new Error('no sample record');
    // The sample school's staff are not the certificates' holders.
    const report = await verify(await renderAndSign(sample));
    expect(report.signatureReport.valid).toBe(true);
    expect(failing(report)).toEqual(['signerNames']);
    expect(report.valid).toBe(false);
    expect(report.verdict).toContain(
      `ghi “${sample.year.homeroomTeacherName}” nhưng chữ ký là của “${pki.teacher.name}”`,
    );
  });

  it('a signed draft is not valid', async () => {
    const draft = await renderAndSign({ ...record, status: 'draft' });
    const report = await verify(draft);
    expect(report.signatureReport.valid).toBe(true);
    expect(report.valid).toBe(false);
    expect(failing(report)).toEqual(['notDraft']);
    expect(report.verdict).toBe(
      'Học bạ KHÔNG hợp lệ: Học bạ là BẢN NHÁP: không có giá trị pháp lý dù có chữ ký.',
    );
  });

  it('an unsigned rendered record is not valid and says why', async () => {
    const rendered = await renderStudyRecordPdf({ record, fonts: await loadRecordFonts() });
    const report = await verify(rendered.pdf);
    expect(report.valid).toBe(false);
    expect(report.signers).toEqual([]);
    expect(failing(report)).toEqual(['recordSigned']);
    expect(report.verdict).toBe('Học bạ KHÔNG hợp lệ: Tệp chưa có chữ ký số nào.');
  });

  it('a file that is not a PDF is not valid', async () => {
    const report = await verify(new TextEncoder().encode('không phải PDF'));
    expect(report.valid).toBe(false);
    expect(failing(report)).toEqual(['pdf']);
    expect(report.record).toBeUndefined();
  });
});
