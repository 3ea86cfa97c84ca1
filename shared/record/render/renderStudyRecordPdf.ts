import type { SignerRole } from '../../domain/signerRole';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  AFRelationship,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  degrees,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingColor,
  type PDFImage,
} from '@cantoo/pdf-lib';
import { toHex } from '../../encoding/utf8';
import { canonicalRecordBytes } from '../recordHash';
import type { StudyRecord } from '../studyRecord';
import { drawIdentityPage } from './identityPage';
import { embedSharedSubsetFont, vietnameseCharacters } from '../../pdf/cachedFontkit';
import { createFlow, lineGrey, margin, pageSize, type Flow } from './pdfFlow';
import { placeAndDateOf } from './placeAndDate';
import { recordPdfStrings as strings } from './recordPdfStrings';
import { qrRectangles, recordQrPayload } from './recordQr';
import {
  recordAttachmentName,
  recordInfoKeys,
  signatureBoxesMarkerJson,
  signersMarkerOf,
  type SignatureBox,
  type SignatureBoxes,
} from './recordPdfMarkers';
import { reserveSignatureFields } from './reservedSignatureFields';
import { drawYearPage } from './yearPage';

export type RenderStudyRecordInput = {
  readonly record: StudyRecord;
  /** Be Vietnam Pro (or another TTF with full Vietnamese coverage), regular and bold, as bytes. */
  readonly fonts: { readonly regular: Uint8Array; readonly bold: Uint8Array };
  /** The 3×4 photo, JPEG or PNG; its SHA-256 must match `record.student.photoSha256` when that is set. */
  readonly photo?: Uint8Array | null;
};

export type { SignatureBox } from './recordPdfMarkers';

export type RenderedStudyRecord = {
  readonly pdf: Uint8Array;
  readonly recordId: string;
  readonly contentHash: string;
  readonly status: StudyRecord['status'];
  readonly pageCount: number;
  /** Where each signer's visible signature goes, in signing order. */
  readonly signatureBoxes: SignatureBoxes;
};

export class RecordRenderError extends Error {
  override readonly name = 'RecordRenderError';
}

async function embedPhoto(doc: PDFDocument, record: StudyRecord, photo: Uint8Array | null | undefined) {
  if (!photo) return undefined;
  const expected = record.student.photoSha256;
  if (expected !== null && toHex(sha256(photo)) !== expected)
    throw new RecordRenderError('Ảnh 3×4 không khớp ảnh đã ghi trong học bạ (mã băm khác nhau).');
  const isPng = photo[0] === 0x89 && photo[1] === 0x50 && photo[2] === 0x4e && photo[3] === 0x47;
  const isJpeg = photo[0] === 0xff && photo[1] === 0xd8;
  if (!isPng && !isJpeg) throw new RecordRenderError('Ảnh 3×4 phải là tệp JPEG hoặc PNG.');
  return isPng ? doc.embedPng(photo) : doc.embedJpg(photo);
}

const boxSize = { width: 150, height: 68 } as const;

function templateTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(templateTexts);
  return [];
}

/** The regular face draws the record's data: every Vietnamese letter. */
const regularBase = vietnameseCharacters().join('');
/**
 * The bold face draws only the template's own words (data that stands out is drawn emphasised
 * in the regular face), so its shared subset holds ASCII and those words' letters: a smaller file.
 */
const boldBase = [
  ...new Set([
    ...vietnameseCharacters().filter((character) => character <= '~'),
    ...Array.from([...templateTexts(strings), strings.yearHeading('')].join('')),
  ]),
].join('');

function drawSignatures(flow: Flow, record: StudyRecord): Record<SignerRole, SignatureBox> {
  flow.ensure(150);
  flow.y -= 22;
  const gap = (pageSize.width - margin.left - margin.right - 3 * boxSize.width) / 2;
  // Above the principal's box, as on the paper học bạ: "Xã …, ngày … tháng … năm …".
  flow.drawCentered(placeAndDateOf(record), margin.left + boxSize.width + gap + boxSize.width / 2, flow.y, {
    size: 9.5,
    grey: true,
  });
  flow.y -= 18;
  const roles: readonly [SignerRole, string, string][] = [
    ['homeroomTeacher', strings.signatures.homeroomTeacher, record.year.homeroomTeacherName],
    ['principal', strings.signatures.principal, record.year.principalName],
    ['schoolSeal', strings.signatures.schoolSeal, record.school.name],
  ];
  const pageIndex = flow.pages.length - 1;
  const boxes = {} as Record<SignerRole, SignatureBox>;
  roles.forEach(([role, title, name], index) => {
    const x = margin.left + index * (boxSize.width + gap);
    const center = x + boxSize.width / 2;
    flow.drawCentered(title, center, flow.y, { font: 'bold', size: 10 });
    flow.drawCentered(strings.signatures.signHint, center, flow.y - 12, { size: 8, grey: true });
    const y = flow.y - 18 - boxSize.height;
    flow.graphics().drawRectangle({
      x,
      y,
      width: boxSize.width,
      height: boxSize.height,
      borderColor: lineGrey,
      borderWidth: 0.6,
      borderDashArray: [2, 2],
    });
    for (const [lineIndex, line] of flow.wrap(name, boxSize.width, { emphasis: true, size: 9.5 }).entries())
      flow.drawCentered(line, center, y - 13 - lineIndex * 12, { emphasis: true, size: 9.5 });
    boxes[role] = { pageIndex, x, y, width: boxSize.width, height: boxSize.height };
  });
  flow.y -= 18 + boxSize.height + 30;
  return boxes;
}

function drawQr(flow: Flow, record: StudyRecord, contentHash: string): void {
  const page = flow.pages[0] ?? flow.page;
  const payload = recordQrPayload({ recordId: record.id, version: record.version.number, contentHash });
  const { rectangles, size } = qrRectangles(payload);
  const side = 84;
  const x = pageSize.width - margin.right - side;
  const y = margin.bottom + 4;
  const module = side / size;
  flow
    .graphics(page)
    .pushOperators(
      pushGraphicsState(),
      setFillingColor(rgb(0, 0, 0)),
      ...rectangles.map((part) =>
        rectangle(
          x + part.x * module,
          y + side - (part.y + part.height) * module,
          part.width * module,
          part.height * module,
        ),
      ),
      fill(),
      popGraphicsState(),
    );
  // Four modules of quiet zone (10 pt) between the code and its caption.
  const captionX = x - 12;
  const lines = [
    strings.verifyCaption,
    record.id,
    strings.recordLine(record.version.number),
    ...(record.version.amendmentId === null ? [] : [strings.correctionLine(record.version.amendmentId)]),
    `SHA-256: ${contentHash.slice(0, 32)}`,
    contentHash.slice(32),
  ];
  const saved = flow.page;
  flow.page = page;
  lines.forEach((line, index) => {
    const style = { size: 7, grey: index > 0, font: index === 0 ? ('bold' as const) : ('regular' as const) };
    flow.draw(line, captionX - flow.width(line, style), y + side - 8 - index * 9.5, style);
  });
  flow.page = saved;
}

function drawFooterAndWatermark(flow: Flow, record: StudyRecord): void {
  flow.finish();
  const total = flow.pages.length;
  const draft = record.status === 'draft';
  const watermarkSize = 96;
  const watermarkWidth = flow.width(strings.draftWatermark, { font: 'bold', size: watermarkSize });
  const angle = Math.PI / 4;
  flow.pages.forEach((page, index) => {
    const saved = flow.page;
    flow.page = page;
    flow.drawCentered(strings.page(index + 1, total), pageSize.width / 2, 26, { size: 8, grey: true });
    flow.draw(record.id, margin.left, 26, { size: 7, grey: true });
    flow.page = saved;
    flow.graphics(page);
    if (!draft) return;
    // Rotate about the text's start so that its middle lands on the middle of the page.
    const half = watermarkWidth / 2;
    const lift = (watermarkSize * 0.7) / 2;
    page.drawText(strings.draftWatermark, {
      x: pageSize.width / 2 - half * Math.cos(angle) + lift * Math.sin(angle),
      y: pageSize.height / 2 - half * Math.sin(angle) - lift * Math.cos(angle),
      size: watermarkSize,
      font: flow.fonts.bold,
      rotate: degrees(45),
      color: rgb(0.85, 0.1, 0.1),
      opacity: 0.14,
    });
  });
}

function setMetadata(
  doc: PDFDocument,
  record: StudyRecord,
  contentHash: string,
  signatureBoxes: SignatureBoxes,
): void {
  doc.setTitle(strings.documentTitle(record.student.fullName, record.year.schoolYear));
  doc.setSubject(strings.documentSubject);
  doc.setAuthor(record.school.name);
  doc.setCreator('Học bạ số');
  doc.setProducer('Học bạ số');
  doc.setLanguage('vi-VN');
  doc.setKeywords([record.id, `sha256:${contentHash}`, record.status]);
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of(recordInfoKeys.recordId), PDFHexString.fromText(record.id));
  info.set(PDFName.of(recordInfoKeys.contentHash), PDFHexString.fromText(contentHash));
  info.set(PDFName.of(recordInfoKeys.version), PDFHexString.fromText(String(record.version.number)));
  info.set(PDFName.of(recordInfoKeys.status), PDFHexString.fromText(record.status));
  // The signer reads its box from the file itself, so any tool can sign without re-rendering.
  info.set(
    PDFName.of(recordInfoKeys.signatureBoxes),
    PDFHexString.fromText(signatureBoxesMarkerJson(signatureBoxes)),
  );
  // Who must sign in each box (names, personal IDs, pinned certificates, the school's codes), so
  // main can refuse someone else's or a namesake's certificate per file.
  info.set(PDFName.of(recordInfoKeys.signers), PDFHexString.fromText(signersMarkerOf(record.signers)));
}

/**
 * Renders a student's học bạ for one school year on A4 in the Ministry's primary layout: the
 * identity page (photo, identity, study history, QR code), then the year page (subjects,
 * qualities, competencies, result, awards, completion) ending in three signature boxes. The
 * record's canonical JSON travels inside as a file attachment, so the signed file carries both
 * forms; a draft is watermarked and marked so signers refuse it. Platform-neutral: fonts and
 * photo come in as bytes.
 */
export async function renderStudyRecordPdf(input: RenderStudyRecordInput): Promise<RenderedStudyRecord> {
  const { record } = input;
  const canonical = canonicalRecordBytes(record);
  const contentHash = toHex(sha256(canonical));
  const doc = await PDFDocument.create({ updateMetadata: false });
  const regular = await embedSharedSubsetFont(doc, input.fonts.regular, regularBase);
  const bold = await embedSharedSubsetFont(doc, input.fonts.bold, boldBase);
  const photo: PDFImage | undefined = await embedPhoto(doc, record, input.photo);
  const flow = createFlow(doc, { regular, bold });
  drawIdentityPage(flow, record, photo);
  drawQr(flow, record, contentHash);
  drawYearPage(flow, record);
  const signatureBoxes = drawSignatures(flow, record);
  drawFooterAndWatermark(flow, record);
  reserveSignatureFields(doc, flow.pages, signatureBoxes);
  setMetadata(doc, record, contentHash, signatureBoxes);
  await doc.attach(canonical, recordAttachmentName, {
    mimeType: 'application/json',
    description: strings.attachmentDescription,
    afRelationship: AFRelationship.Data,
  });
  const pdf = await doc.save({ useObjectStreams: false });
  return {
    pdf,
    recordId: record.id,
    contentHash,
    status: record.status,
    pageCount: flow.pages.length,
    signatureBoxes,
  };
}
