import {
  PDFName,
  beginText,
  endText,
  moveText,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  showText,
  stroke,
  type PDFDocument,
  type PDFOperator,
  type PDFRef,
} from '@cantoo/pdf-lib';
import type { AppearanceFont } from './appearanceFont';
import type { SignatureRect } from './signingTypes';

const padding = 4;
const maxFontSize = 10;

/** The largest size (≤ 10 pt) at which every line fits the box. */
function fittingFontSize(font: AppearanceFont, lines: readonly string[], rect: SignatureRect): number {
  const widest = Math.max(...lines.map((line) => font.widthOfTextAtSize(line, 1)), 1);
  const byWidth = (rect.width - 2 * padding) / widest;
  const byHeight = (rect.height - 2 * padding) / (lines.length * 1.25);
  return Math.max(4, Math.min(maxFontSize, byWidth, byHeight));
}

/**
 * The visible signature: a thin frame with the role, the signer and the date, drawn into a form
 * XObject so it becomes the widget's /AP /N. Text must already be NFC (pdf-lib ignores GPOS).
 */
export function buildSignatureAppearance(
  doc: PDFDocument,
  font: AppearanceFont,
  rect: SignatureRect,
  lines: readonly string[],
): PDFRef {
  const fontName = PDFName.of('F1');
  const size = fittingFontSize(font, lines, rect);
  const leading = size * 1.25;
  const operators: PDFOperator[] = [
    pushGraphicsState(),
    setLineWidth(0.75),
    setStrokingRgbColor(0.1, 0.3, 0.6),
    rectangle(0.5, 0.5, rect.width - 1, rect.height - 1),
    stroke(),
    setFillingRgbColor(0.1, 0.2, 0.5),
    beginText(),
    setFontAndSize(fontName, size),
    moveText(padding, rect.height - padding - size),
  ];
  lines.forEach((line, index) => {
    if (index > 0) operators.push(moveText(0, -leading));
    operators.push(showText(font.encodeText(line)));
  });
  operators.push(endText(), popGraphicsState());
  const stream = doc.context.formXObject(operators, {
    BBox: [0, 0, rect.width, rect.height],
    Resources: { Font: { [fontName.asString().slice(1)]: font.ref } },
  });
  return doc.context.register(stream);
}
