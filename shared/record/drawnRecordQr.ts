import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream } from '@cantoo/pdf-lib';
import { latin1Decode } from '../signing/bytes';
import { qrRectangles, type QrRectangle } from './render/recordQr';

type Rectangle = { readonly x: number; readonly y: number; readonly width: number; readonly height: number };

/**
 * The renderer draws the QR code as one group of black filled rectangles:
 * `q 0 0 0 rg (x y w h re)+ f Q` (renderStudyRecordPdf.ts, drawQr).
 */
const groupPattern = /(?:^|\s)q\s+0 0 0 rg\s+((?:-?[\d.]+\s+-?[\d.]+\s+-?[\d.]+\s+-?[\d.]+\s+re\s+)+)f\s+Q/g;
const rectanglePattern = /(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+re/g;

/** The decoded content streams of a page, as text (operators are ASCII). */
function pageContent(doc: PDFDocument, pageIndex: number): string {
  const page = doc.getPages()[pageIndex];
  if (!page) return '';
  const contents = page.node.Contents();
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
  return streams
    .map((stream) =>
      stream instanceof PDFRawStream ? latin1Decode(decodePDFRawStream(stream).decode()) : '',
    )
    .join('\n');
}

/** Every black rectangle group of the page, each a candidate QR code. */
export function drawnRectangleGroups(content: string): Rectangle[][] {
  return [...content.matchAll(groupPattern)].map((group) =>
    [...(group[1] ?? '').matchAll(rectanglePattern)].map((match) => ({
      x: Number(match[1]),
      y: Number(match[2]),
      width: Number(match[3]),
      height: Number(match[4]),
    })),
  );
}

/** The dark modules as a string of 0/1, row by row from the top-left; module rectangles in. */
export function moduleGrid(rectangles: readonly QrRectangle[], size: number): string {
  const grid = new Array<string>(size * size).fill('0');
  for (const part of rectangles)
    for (let row = part.y; row < part.y + part.height; row += 1)
      for (let column = part.x; column < part.x + part.width; column += 1)
        if (row >= 0 && row < size && column >= 0 && column < size) grid[row * size + column] = '1';
  return grid.join('');
}

const nearInteger = (value: number) => Math.abs(value - Math.round(value)) < 0.02;

/**
 * Back from PDF points to modules: the finder patterns make the bounding box the whole code, and
 * the module count is the smallest QR size (21, 25, … 177) on whose grid every edge falls.
 */
export function drawnModuleGrid(
  rectangles: readonly Rectangle[],
): { size: number; grid: string } | undefined {
  if (rectangles.length === 0) return undefined;
  const left = Math.min(...rectangles.map((part) => part.x));
  const bottom = Math.min(...rectangles.map((part) => part.y));
  const right = Math.max(...rectangles.map((part) => part.x + part.width));
  const top = Math.max(...rectangles.map((part) => part.y + part.height));
  const side = right - left;
  if (side <= 0 || Math.abs(top - bottom - side) > side * 0.01) return undefined;
  for (let size = 21; size <= 177; size += 4) {
    const module = side / size;
    const modules = rectangles.map((part) => ({
      x: (part.x - left) / module,
      y: (top - part.y - part.height) / module,
      width: part.width / module,
      height: part.height / module,
    }));
    if (!modules.every((part) => [part.x, part.y, part.width, part.height].every(nearInteger))) continue;
    const rounded = modules.map((part) => ({
      x: Math.round(part.x),
      y: Math.round(part.y),
      width: Math.round(part.width),
      height: Math.round(part.height),
    }));
    return { size, grid: moduleGrid(rounded, size) };
  }
  return undefined;
}

/**
 * Whether the first page shows the QR code of `payload`, module for module. The drawn code is
 * compared with a fresh encoding of the expected payload (same encoder, same settings as the
 * renderer), which is as strict as decoding it: a code that encodes another hash differs.
 */
export async function drawnQrMatches(pdf: Uint8Array, payload: string): Promise<boolean> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return drawnQrMatchesContent(pageContent(doc, 0), payload);
}

/** `drawnQrMatches` on the first page's decoded content, however it was read. */
export function drawnQrMatchesContent(content: string, payload: string): boolean {
  const expected = qrRectangles(payload);
  const expectedGrid = moduleGrid(expected.rectangles, expected.size);
  return drawnRectangleGroups(content).some((group) => {
    const drawn = drawnModuleGrid(group);
    return drawn?.size === expected.size && drawn.grid === expectedGrid;
  });
}
