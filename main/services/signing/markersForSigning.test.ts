import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { defaultCompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { readRecordPdfMarkers, recordPdfMarkersOf } from '../../../shared/record/render/recordPdfMarkers';
import { renderStudyRecordPdf } from '../../../shared/record/render/renderStudyRecordPdf';
import { sampleStudyRecords } from '../../../shared/record/sampleStudyRecords';
import { generateSampleSchool } from '../../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../../shared/sample/generateYearResults';
import { loadForSigning } from '../../../shared/signing/signaturePlaceholder';
import { loadRecordFonts } from '../recordFonts';

describe('the markers of a học bạ parsed for signing', () => {
  it('are read from the blanked parse exactly as readRecordPdfMarkers reads the bytes', async () => {
    const compiled = defaultCompiledCatalogue();
    const school = generateSampleSchool({ seed: 5, students: 40 });
    const fonts = await loadRecordFonts();
    const [final] = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, 5), 1);
    const [draft] = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, 5, 'CK1'), 1);
    if (!final || !draft) throw new Error('no sample records');
    const blank = await PDFDocument.create();
    blank.addPage();
    const pdfs = [
      (await renderStudyRecordPdf({ record: final, fonts })).pdf,
      (await renderStudyRecordPdf({ record: draft, fonts })).pdf,
      await blank.save(),
    ];
    const read = await Promise.all(pdfs.map(async (pdf) => recordPdfMarkersOf(await loadForSigning(pdf))));
    expect(read).toEqual(await Promise.all(pdfs.map(readRecordPdfMarkers)));
    expect(read.map((markers) => markers?.status)).toEqual(['final', 'draft', undefined]);
  });
});
