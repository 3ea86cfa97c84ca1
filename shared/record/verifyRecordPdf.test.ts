import {
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingColor,
} from '@cantoo/pdf-lib';
import { sha256 } from '@noble/hashes/sha2.js';
import { CryptoEngine } from 'pkijs';
import { describe, expect, it } from 'vitest';
import { defaultCompiledCatalogue } from '../domain/evaluation/compiledCatalogue';
import { generateSampleSchool } from '../sample/generateSampleSchool';
import { generateYearResults } from '../sample/generateYearResults';
import { canonicalRecordBytes, studyRecordHash } from './recordHash';
import { recordAttachmentName, recordInfoKeys } from './render/recordPdfMarkers';
import { qrRectangles, recordQrPayload } from './render/recordQr';
import { sampleStudyRecords } from './sampleStudyRecords';
import type { StudyRecord } from './studyRecord';
import { reserveSignatureFields } from './render/reservedSignatureFields';
import { verifyRecordPdf, type RecordCheckName } from './verifyRecordPdf';

const cryptoEngine = new CryptoEngine({ name: 'node', crypto: globalThis.crypto });
const compiled = defaultCompiledCatalogue();
const school = generateSampleSchool({ seed: 8, students: 30 });
const [sample] = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, 8), 1);
if (!sample) throw new Error('no sample record');
const record: StudyRecord = sample;

type Markers = { recordId: string; contentHash: string; version: string; status: string };

/** A minimal học bạ-like PDF: the markers, the QR code and the attachment; no fonts, no signatures. */
async function recordPdf(options: {
  readonly attachment?: Uint8Array | null;
  readonly markers?: Partial<Markers> | null;
  /** The hash the QR code carries; the record's own by default. */
  readonly qrHash?: string;
  /** Whether the three signature fields are reserved, as the renderer does (by default). */
  readonly reserveFields?: boolean;
}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595.28, 841.89]);
  // Drawn as the renderer draws it: one black group of rectangles, 84 pt wide.
  const payload = recordQrPayload({
    recordId: record.id,
    version: record.version.number,
    contentHash: options.qrHash ?? studyRecordHash(record),
  });
  const { rectangles, size } = qrRectangles(payload);
  const module = 84 / size;
  page.pushOperators(
    pushGraphicsState(),
    setFillingColor(rgb(0, 0, 0)),
    ...rectangles.map((part) =>
      rectangle(
        470 + part.x * module,
        60 + 84 - (part.y + part.height) * module,
        part.width * module,
        part.height * module,
      ),
    ),
    fill(),
    popGraphicsState(),
  );
  doc.setTitle('Học bạ');
  if (options.markers !== null) {
    const markers: Markers = {
      recordId: record.id,
      contentHash: studyRecordHash(record),
      version: String(record.version.number),
      status: record.status,
      ...options.markers,
    };
    const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
    for (const key of ['recordId', 'contentHash', 'version', 'status'] as const)
      info.set(PDFName.of(recordInfoKeys[key]), PDFHexString.fromText(markers[key]));
  }
  if (options.reserveFields !== false) {
    const box = { pageIndex: 0, x: 40, y: 60, width: 150, height: 60 };
    reserveSignatureFields(doc, [page], { homeroomTeacher: box, principal: box, schoolSeal: box });
  }
  const attachment = options.attachment === undefined ? canonicalRecordBytes(record) : options.attachment;
  if (attachment !== null)
    await doc.attach(attachment, recordAttachmentName, { mimeType: 'application/json' });
  return doc.save({ useObjectStreams: false });
}

async function failing(pdf: Uint8Array): Promise<RecordCheckName[]> {
  const report = await verifyRecordPdf({ pdf, trustAnchors: [], sha256, cryptoEngine });
  expect(report.status).toBe('invalid');
  return report.recordChecks.filter((check) => !check.ok).map((check) => check.check);
}

describe('verifyRecordPdf record checks (unsigned files)', () => {
  it('calls a consistent final record nobody has signed yet “Chưa ký”, a normal state', async () => {
    const pdf = await recordPdf({});
    const report = await verifyRecordPdf({ pdf, trustAnchors: [], sha256, cryptoEngine });
    expect(report.recordChecks.filter((check) => !check.ok)).toEqual([]);
    expect(report).toMatchObject({
      valid: false,
      status: 'unsigned',
      missingRoles: ['homeroomTeacher', 'principal', 'schoolSeal'],
    });
    expect(report.verdict).toBe('Chưa ký: học bạ chính thức đã được lập, đang chờ giáo viên chủ nhiệm ký.');
    expect(report.record).toMatchObject({ recordId: record.id, contentHash: studyRecordHash(record) });
    expect(report.record?.qrPayload).toMatch(/^HB1\/\d{10}\/\d{4}\/1\/[0-9A-F]{64}$/);
  });

  it('fails the hash check when the marker hash differs from the attached data', async () => {
    const wrongHash = '0'.repeat(64);
    const pdf = await recordPdf({ markers: { contentHash: wrongHash } });
    const report = await verifyRecordPdf({ pdf, trustAnchors: [], sha256, cryptoEngine });
    expect(report.status).toBe('invalid');
    const check = report.recordChecks.find((entry) => entry.check === 'contentHash');
    expect(check?.ok).toBe(false);
    expect(check?.message).toContain(wrongHash);
    expect(check?.message).toContain(studyRecordHash(record));
  });

  it('fails the QR check when the drawn code carries another hash', async () => {
    const pdf = await recordPdf({ qrHash: 'a'.repeat(64) });
    expect(await failing(pdf)).toEqual(['qrCode']);
  });

  it('fails the id check when the marker names another record or version', async () => {
    expect(
      await failing(await recordPdf({ markers: { recordId: 'studyRecord:student:9999999999:2025-2026' } })),
    ).toContain('recordId');
    expect(await failing(await recordPdf({ markers: { version: '2' } }))).toContain('recordId');
  });

  it('calls an unsigned draft a draft, neutrally', async () => {
    const draft: StudyRecord = { ...record, status: 'draft' };
    const pdf = await recordPdf({
      attachment: canonicalRecordBytes(draft),
      markers: { contentHash: studyRecordHash(draft), status: 'draft' },
      qrHash: studyRecordHash(draft),
    });
    const report = await verifyRecordPdf({ pdf, trustAnchors: [], sha256, cryptoEngine });
    expect(report).toMatchObject({ status: 'draft', valid: false });
    expect(report.verdict).toBe('Bản nháp: kết quả cuối năm chưa được xác nhận nên học bạ chưa ký được.');
  });

  it('refuses a record whose printed result its values do not give', async () => {
    const actual = record.year.result.status === 'computed' ? record.year.result.code : undefined;
    const claimed =
      actual === 'HTXS'
        ? ({ code: 'CHT', name: 'Chưa hoàn thành' } as const)
        : ({ code: 'HTXS', name: 'Hoàn thành xuất sắc' } as const);
    const forged: StudyRecord = {
      ...record,
      year: { ...record.year, result: { status: 'computed', ...claimed } },
    };
    const pdf = await recordPdf({
      attachment: canonicalRecordBytes(forged),
      markers: { contentHash: studyRecordHash(forged) },
      qrHash: studyRecordHash(forged),
    });
    const report = await verifyRecordPdf({ pdf, trustAnchors: [], sha256, cryptoEngine });
    expect(report.status).toBe('invalid');
    expect(report.recordChecks.find((check) => check.check === 'results')?.ok).toBe(false);
    expect(report.verdict).toContain(`Học bạ KHÔNG hợp lệ: Học bạ ghi kết quả «${claimed.name}»`);
  });

  it('refuses a file without the three reserved signature fields', async () => {
    expect(await failing(await recordPdf({ reserveFields: false }))).toEqual(['reservedFields']);
  });

  it('reports a missing or invalid attachment and missing markers', async () => {
    expect(await failing(await recordPdf({ attachment: null }))).toContain('recordAttached');
    const invalid = await recordPdf({ attachment: new Uint8Array(Buffer.from('{"format":"khác"}')) });
    const report = await verifyRecordPdf({ pdf: invalid, trustAnchors: [], sha256, cryptoEngine });
    expect(report.recordChecks.find((check) => check.check === 'recordAttached')?.message).toMatch(
      /^Dữ liệu học bạ đính kèm không đọc được hoặc không hợp lệ: /,
    );
    expect(report.record).toBeUndefined();
    expect(await failing(await recordPdf({ markers: null }))).toContain('markers');
  });

  it('refuses a file that is not a PDF, or one the bounded reader cannot read', async () => {
    const report = await verifyRecordPdf({
      pdf: new Uint8Array(Buffer.from('xin chào')),
      trustAnchors: [],
      sha256,
      cryptoEngine,
    });
    expect(report).toMatchObject({
      status: 'invalid',
      verdict: 'Học bạ KHÔNG hợp lệ: Tệp không phải tệp PDF.',
    });
  });
});
