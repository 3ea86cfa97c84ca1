import { describe, expect, it, beforeAll } from 'vitest';
import { readPdfFile } from '../../shared/pdf/pdfFile';
import { PdfStructureError, type PdfStructureProblem } from '../../shared/pdf/pdfLimits';
import {
  attachmentBomb,
  byteRangeKeyFlood,
  contentBomb,
  deepNesting,
  emptyStringFlood,
  endlessNumber,
  hugeXrefClaim,
  nameTreeLoop,
  objectFlood,
  pageTreeLoop,
  sharedKidsFlood,
  signatureObjectFlood,
  withFirstContent,
  zlibBomb,
} from '../support/hostilePdfs';
import {
  createRecordPki,
  recordNaming,
  recordSigning,
  type RecordSigning,
} from '../support/signedRecordFixture';

/**
 * Hostile files refused by the bounded reader for the right reason. How fast and in how much
 * memory is measured by `npm run bench:hostile-pdf`, not here.
 */
function problemOf(pdf: Uint8Array): PdfStructureProblem | 'read' {
  try {
    readPdfFile(pdf);
    return 'read';
  } catch (error) {
    if (error instanceof PdfStructureError) return error.problem;
    throw error;
  }
}

let signing: RecordSigning;
let bomb: Uint8Array;

describe('hostile PDFs', () => {
  beforeAll(async () => {
    signing = await recordSigning(await createRecordPki(), recordNaming(await createRecordPki()));
    // 64 MB of zeros in about 64 KB: far past the 8 MB a stream may inflate to.
    bomb = await zlibBomb(64 * 1024 * 1024);
  });

  it('refuses ten thousand /ByteRange keys in one dictionary at the first repeat', () => {
    expect(problemOf(byteRangeKeyFlood())).toBe('syntax');
  });

  it('reads ten thousand signature objects once, and finds no signature field holding any of them', async () => {
    const report = await signing.verify(signatureObjectFlood());
    expect(report.status).toBe('invalid');
    expect(report.signatureReport.signatures).toEqual([]);
  });

  it('refuses nesting, numbers and object counts beyond any học bạ', () => {
    expect(problemOf(deepNesting())).toBe('too-complex');
    expect(problemOf(endlessNumber())).toBe('syntax');
    expect(problemOf(objectFlood())).toBe('too-complex');
    expect(problemOf(hugeXrefClaim())).toBe('too-complex');
  });

  it('refuses a page tree that loops', async () => {
    const report = await signing.verify(pageTreeLoop());
    expect(report.status).toBe('invalid');
    expect(report.verdict).toContain('cấu trúc tệp không chuẩn');
  });

  it('stops inflating an attachment bomb at its cap and says so', async () => {
    const report = await signing.verify(await attachmentBomb(signing.rendered.pdf, bomb));
    expect(report.status).toBe('invalid');
    expect(report.verdict).toContain('bom nén');
  });

  it('stops inflating a page content bomb (where the QR code is read) at its cap', async () => {
    const report = await signing.verify(await contentBomb(signing.rendered.pdf, bomb));
    expect(report.status).toBe('invalid');
    expect(report.verdict).toContain('bom nén');
  });

  it('refuses millions of tiny values by count, not after growing to gigabytes (review S5, S6)', () => {
    expect(problemOf(emptyStringFlood())).toBe('too-complex');
  });

  it('walks a looping name tree once (review S7)', async () => {
    const report = await signing.verify(nameTreeLoop());
    expect(report.status).toBe('invalid');
  });

  it('refuses form fields sharing an enormous /Kids array (review S8)', async () => {
    const report = await signing.verify(sharedKidsFlood());
    expect(report.status).toBe('invalid');
    expect(report.verdict).toContain('phức tạp bất thường');
  });

  it('reads a page of hundreds of thousands of rectangles without crashing (review S4)', async () => {
    const crowded = await withFirstContent(
      signing.rendered.pdf,
      `q 0 0 0 rg ${'0 0 1 1 re '.repeat(300_000)}f Q`,
    );
    expect((await signing.verify(crowded)).status).toBe('unsigned');
    const huge = await withFirstContent(
      signing.rendered.pdf,
      `q 0 0 0 rg 0 0 1 1 re ${'0 0 177 177 re '.repeat(20_000)}f Q`,
    );
    expect((await signing.verify(huge)).status).toBe('unsigned');
  });
});
