import { PDFDocument } from '@cantoo/pdf-lib';
import { embedSharedSubsetFont, vietnameseCharacters } from '../../../shared/pdf/cachedFontkit';
import {
  createFlow,
  drawRow,
  landscapePageSize,
  margin,
  type Flow,
  type TextStyle,
} from '../../../shared/record/render/pdfFlow';
import type {
  TrackingBookExportRequest,
  TrackingBookSection,
} from '../../../shared/domain/evaluation/trackingBookExport';
import { trackingBookStrings as s } from '../../../shared/domain/evaluation/trackingBookStrings';
import type { RecordFontBytes } from '../recordFonts';
import {
  columnWidths,
  drawTableHeader,
  fitLine,
  headerHeight,
  maxRowLines,
  rowCells,
} from './trackingBookPdfTable';

const characters = vietnameseCharacters().join('');
const contentWidth = (flow: Flow): number => flow.size.width - margin.left - margin.right;

/** The book's heading at the top of a section's first page: school, title, class, section. */
function drawHeading(flow: Flow, request: TrackingBookExportRequest, section: TrackingBookSection): void {
  const centre = flow.size.width / 2;
  const width = contentWidth(flow);
  // Every line is cut to the page's width: the names in it come from the request.
  const centred = (text: string, style: TextStyle) =>
    flow.drawCentered(fitLine(flow, text, width, style), centre, flow.y, style);
  const school = request.school.name.normalize('NFC').toLocaleUpperCase('vi-VN');
  const schoolStyle: TextStyle = { font: 'bold', size: 9 };
  if (school !== '')
    flow.draw(fitLine(flow, s.school(school), width, schoolStyle), margin.left, flow.y, schoolStyle);
  flow.y -= 20;
  centred(s.bookTitle, { font: 'bold', size: 13 });
  flow.y -= 15;
  centred(s.classLine(request.className, request.schoolYear, request.homeroomTeacherName), { size: 9.5 });
  flow.y -= 18;
  centred(section.title, { font: 'bold', size: 11 });
  flow.y -= 10;
}

/** What drawHeading moves the cursor down by. */
const headingHeight = 20 + 15 + 18 + 10;
const legendHeight = 16;
const continuationHeight = 16;

/** Hands the event loop back between chunks of rows, so main answers other IPC calls meanwhile. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const rowsPerChunk = 10;

async function drawSection(
  flow: Flow,
  request: TrackingBookExportRequest,
  section: TrackingBookSection,
): Promise<void> {
  const widths = columnWidths(section.columns, contentWidth(flow));
  const header = headerHeight(flow, section.columns, widths).total;
  drawHeading(flow, request, section);
  drawTableHeader(flow, section.columns, widths);
  // A row that moves to a new page finds the section's name and the header rows again there.
  flow.onNewPage = () => {
    const style: TextStyle = { font: 'bold', size: 9 };
    flow.draw(
      fitLine(flow, s.continued(section.title), contentWidth(flow), style),
      margin.left,
      flow.y - 4,
      style,
    );
    flow.y -= continuationHeight;
    drawTableHeader(flow, section.columns, widths);
  };
  // The longest row still fits on the section's first page, under the heading, with the legend.
  const maxLines = maxRowLines(flow, header + Math.max(headingHeight, continuationHeight) + legendHeight);
  for (const [index, row] of section.rows.entries()) {
    if (index > 0 && index % rowsPerChunk === 0) await yieldToEventLoop();
    drawRow(flow, widths, rowCells(flow, section, row.cells, widths, maxLines));
  }
  flow.onNewPage = undefined;
  flow.ensure(legendHeight);
  flow.y -= 12;
  const legendStyle: TextStyle = { size: 7.5, grey: true };
  flow.draw(fitLine(flow, section.legend, contentWidth(flow), legendStyle), margin.left, flow.y, legendStyle);
}

function drawPageNumbers(flow: Flow): void {
  const total = flow.pages.length;
  flow.pages.forEach((page, index) => {
    flow.page = page;
    flow.drawCentered(s.pageNumber(index + 1, total), flow.size.width / 2, margin.bottom - 24, {
      size: 8,
      grey: true,
    });
  });
}

export type TrackingBookPdf = { readonly pdf: Uint8Array; readonly pageCount: number };

/**
 * The Sổ theo dõi chất lượng giáo dục as a printable A4 landscape PDF: each section starts on a
 * page of its own under the book's heading; a table that runs on repeats its header rows; pages
 * are numbered. The faces are the học bạ's (Be Vietnam Pro), embedded as a shared subset.
 */
export async function renderTrackingBookPdf(
  request: TrackingBookExportRequest,
  fonts: RecordFontBytes,
): Promise<TrackingBookPdf> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const regular = await embedSharedSubsetFont(doc, fonts.regular, characters);
  const bold = await embedSharedSubsetFont(doc, fonts.bold, characters);
  const flow = createFlow(doc, { regular, bold }, landscapePageSize);
  for (const [index, section] of request.sections.entries()) {
    if (index > 0) flow.newPage();
    await drawSection(flow, request, section);
  }
  drawPageNumbers(flow);
  flow.finish();
  const title = `${s.bookTitle} — ${s.classLine(request.className, request.schoolYear, '')}`;
  doc.setTitle(title);
  doc.setAuthor(request.school.name);
  doc.setCreator('Học bạ số');
  doc.setProducer('Học bạ số');
  doc.setLanguage('vi-VN');
  const pdf = await doc.save({ useObjectStreams: false });
  return { pdf, pageCount: flow.pages.length };
}
