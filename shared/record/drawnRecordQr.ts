import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream } from '@cantoo/pdf-lib';
import { latin1Decode } from '../signing/bytes';
import { qrRectangles, type QrRectangle } from './render/recordQr';

type Rectangle = { readonly x: number; readonly y: number; readonly width: number; readonly height: number };

/**
 * The renderer draws the QR code as one group of black filled rectangles:
 * `q 0 0 0 rg (x y w h re)+ f Q` (renderStudyRecordPdf.ts, drawQr). A code of at most 177×177
 * modules never needs more rectangles than modules, and a page holds only a few such groups:
 * anything beyond that is not a QR code, and is not examined.
 */
const maxRectanglesPerGroup = 177 * 177;
const maxGroups = 16;
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

const number = /^-?(?:\d+\.?\d*|\.\d+)$/;

/**
 * Every black rectangle group of the page, each a candidate QR code: one linear pass over the
 * operators, so a page of millions of rectangles costs its length and no more.
 */
export function drawnRectangleGroups(content: string): Rectangle[][] {
  const tokens = content.split(/\s+/);
  const groups: Rectangle[][] = [];
  let current: Rectangle[] | undefined;
  let operands: number[] = [];
  for (let i = 0; i < tokens.length && groups.length < maxGroups; i += 1) {
    const token = tokens[i] ?? '';
    if (current === undefined) {
      // `q 0 0 0 rg` opens a group.
      if (
        token === 'q' &&
        tokens[i + 1] === '0' &&
        tokens[i + 2] === '0' &&
        tokens[i + 3] === '0' &&
        tokens[i + 4] === 'rg'
      ) {
        current = [];
        operands = [];
        i += 4;
      }
      continue;
    }
    if (number.test(token)) {
      operands.push(Number(token));
      if (operands.length <= 4) continue;
    } else if (token === 're' && operands.length === 4 && current.length < maxRectanglesPerGroup) {
      const [x = 0, y = 0, width = 0, height = 0] = operands;
      current.push({ x, y, width, height });
      operands = [];
      continue;
    } else if (token === 'f' && operands.length === 0 && tokens[i + 1] === 'Q' && current.length > 0) {
      groups.push(current);
      i += 1;
    }
    // Anything else ends the candidate; the token may open the next one.
    current = undefined;
    if (token === 'q') i -= 1;
  }
  return groups;
}

/** The dark modules as a string of 0/1, row by row from the top-left; module rectangles in. */
export function moduleGrid(rectangles: readonly QrRectangle[], size: number): string {
  const grid = new Array<string>(size * size).fill('0');
  for (const part of rectangles) {
    // Clipped to the grid first, so a rectangle far larger than the code costs the code's size.
    const rowEnd = Math.min(size, part.y + part.height);
    const columnEnd = Math.min(size, part.x + part.width);
    for (let row = Math.max(0, part.y); row < rowEnd; row += 1)
      for (let column = Math.max(0, part.x); column < columnEnd; column += 1) grid[row * size + column] = '1';
  }
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
  if (rectangles.length === 0 || rectangles.length > maxRectanglesPerGroup) return undefined;
  let left = Infinity;
  let bottom = Infinity;
  let right = -Infinity;
  let top = -Infinity;
  for (const part of rectangles) {
    left = Math.min(left, part.x);
    bottom = Math.min(bottom, part.y);
    right = Math.max(right, part.x + part.width);
    top = Math.max(top, part.y + part.height);
  }
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
