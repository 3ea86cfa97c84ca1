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
import { firstRevisionEnd, verifyRecordPdf, type RecordCheckName } from './verifyRecordPdf';

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
  const attachment = options.attachment === undefined ? canonicalRecordBytes(record) : options.attachment;
  if (attachment !== null)
    await doc.attach(attachment, recordAttachmentName, { mimeType: 'application/json' });
  return doc.save({ useObjectStreams: false });
}

async function failing(pdf: Uint8Array): Promise<RecordCheckName[]> {
  const report = await verifyRecordPdf({ pdf, trustAnchors: [], sha256, cryptoEngine });
  expect(report.valid).toBe(false);
  return report.recordChecks.filter((check) => !check.ok).map((check) => check.check);
}

describe('firstRevisionEnd', () => {
  const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

  it('ends after the first %%EOF and its end of line', () => {
    expect(firstRevisionEnd(bytes('%PDF-1.7\n%%EOF\nmore\n%%EOF\n'))).toBe(15);
    expect(firstRevisionEnd(bytes('%PDF-1.7\r\n%%EOF\r\n'))).toBe(17);
    expect(firstRevisionEnd(bytes('%PDF-1.7\n%%EOF'))).toBe(14);
  });

  it('is undefined without %%EOF', () => {
    expect(firstRevisionEnd(bytes('%PDF-1.7\n'))).toBeUndefined();
  });
});

describe('verifyRecordPdf record checks (unsigned files)', () => {
  it('passes the record checks of a consistent final record, failing only on the missing signature', async () => {
    const pdf = await recordPdf({});
    const report = await verifyRecordPdf({ pdf, trustAnchors: [], sha256, cryptoEngine });
    expect(report.recordChecks.filter((check) => !check.ok).map((check) => check.check)).toEqual([
      'recordSigned',
    ]);
    expect(report.valid).toBe(false);
    expect(report.verdict).toBe('Học bạ KHÔNG hợp lệ: Tệp chưa có chữ ký số nào.');
    expect(report.record).toMatchObject({ recordId: record.id, contentHash: studyRecordHash(record) });
    expect(report.record?.qrPayload).toMatch(/^HB1\/\d{10}\/\d{4}\/1\/[0-9A-F]{64}$/);
  });

  it('fails the hash check when the marker hash differs from the attached data', async () => {
    const wrongHash = '0'.repeat(64);
    const pdf = await recordPdf({ markers: { contentHash: wrongHash } });
    const report = await verifyRecordPdf({ pdf, trustAnchors: [], sha256, cryptoEngine });
    const check = report.recordChecks.find((entry) => entry.check === 'contentHash');
    expect(check?.ok).toBe(false);
    expect(check?.message).toContain(wrongHash);
    expect(check?.message).toContain(studyRecordHash(record));
  });

  it('fails the QR check when the drawn code carries another hash', async () => {
    const pdf = await recordPdf({ qrHash: 'a'.repeat(64) });
    expect(await failing(pdf)).toEqual(['qrCode', 'recordSigned']);
  });

  it('fails the id check when the marker names another record or version', async () => {
    expect(
      await failing(await recordPdf({ markers: { recordId: 'studyRecord:student:9999999999:2025-2026' } })),
    ).toContain('recordId');
    expect(await failing(await recordPdf({ markers: { version: '2' } }))).toContain('recordId');
  });

  it('fails the draft check when the marker or the record says draft', async () => {
    expect(await failing(await recordPdf({ markers: { status: 'draft' } }))).toContain('notDraft');
    const draft: StudyRecord = { ...record, status: 'draft' };
    const pdf = await recordPdf({
      attachment: canonicalRecordBytes(draft),
      markers: { contentHash: studyRecordHash(draft) },
      qrHash: studyRecordHash(draft),
    });
    expect(await failing(pdf)).toEqual(['notDraft', 'recordSigned']);
  });

  it('reports a missing or invalid attachment and missing markers', async () => {
    expect(await failing(await recordPdf({ attachment: null }))).toContain('recordAttached');
    const invalid = await recordPdf({ attachment: new Uint8Array(Buffer.from('{"format":"khác"}')) });
    const report = await verifyRecordPdf({ pdf: invalid, trustAnchors: [], sha256, cryptoEngine });
    expect(report.recordChecks.find((check) => check.check === 'recordAttached')?.message).toMatch(
      /^Dữ liệu học bạ đính kèm không đọc được hoặc không hợp lệ: /,
    );
    expect(report.record).toBeUndefined();
    expect(await failing(await recordPdf({ markers: null }))).toEqual(
      expect.arrayContaining(['markers', 'notDraft']),
    );
  });
});
