import {
  TextRenderingMode,
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setTextRenderingMode,
  rectangle,
  rgb,
  setFillingColor,
  setFontAndSize,
  setLineWidth,
  setStrokingColor,
  setTextMatrix,
  showText,
  stroke,
  type Color,
  type PDFDocument,
  type PDFFont,
  type PDFOperator,
  type PDFName,
  type PDFPage,
} from '@cantoo/pdf-lib';

/** A4 in points; margins as the Ministry's printed template leaves them (about 1.5 cm). */
export const pageSize = { width: 595.28, height: 841.89 } as const;
/** A4 turned for wide tables (the Sổ theo dõi chất lượng giáo dục). */
export const landscapePageSize = { width: pageSize.height, height: pageSize.width } as const;
export type PageSize = { readonly width: number; readonly height: number };
export const margin = { left: 42, right: 42, top: 44, bottom: 52 } as const;
export const contentWidth = pageSize.width - margin.left - margin.right;

export const black = rgb(0, 0, 0);
export const grey = rgb(0.35, 0.35, 0.35);
export const lineGrey = rgb(0.55, 0.55, 0.55);

export type RecordFonts = { readonly regular: PDFFont; readonly bold: PDFFont };

export type TextStyle = {
  /** The bold face is for the template's own words; see `emphasis` for data. */
  readonly font?: 'regular' | 'bold';
  /** Regular face, filled and outlined: data that stands out (names), drawn with the full-alphabet face. */
  readonly emphasis?: boolean;
  readonly size?: number;
  readonly grey?: boolean;
};

/**
 * A page flow: a cursor that moves down the page and opens a new one when the next block does
 * not fit, with the text helpers the template needs. Widths come from a per-character cache:
 * pdf-lib lays out a whole string through fontkit on every measure, which would dominate the
 * render time of a table of wrapped comments.
 */
export type Flow = {
  readonly doc: PDFDocument;
  readonly fonts: RecordFonts;
  readonly pages: PDFPage[];
  page: PDFPage;
  readonly size: PageSize;
  /** Runs after every new page the flow opens (a table repeats its header rows there). */
  onNewPage: (() => void) | undefined;
  /** Baseline cursor: the top of the next block, in PDF points from the bottom. */
  y: number;
  /** Opens a new page unless `height` points fit above the bottom margin. */
  ensure(height: number): boolean;
  newPage(): void;
  width(text: string, style?: TextStyle): number;
  wrap(text: string, maxWidth: number, style?: TextStyle): string[];
  draw(text: string, x: number, y: number, style?: TextStyle): void;
  drawCentered(text: string, centerX: number, y: number, style?: TextStyle): void;
  /** A thin grey rectangle outline (table cells), stroked with the others when the page is finished. */
  outline(x: number, y: number, width: number, height: number): void;
  /** The page, ready for pdf-lib's own drawing calls (its open text object closed). */
  graphics(page?: PDFPage): PDFPage;
  /** Closes every page's text and strokes its outlines; call before saving. */
  finish(): void;
};

const defaultSize = 10;

export function createFlow(doc: PDFDocument, fonts: RecordFonts, size: PageSize = pageSize): Flow {
  const widths = new Map<PDFFont, Map<string, number>>();
  const fontOf = (style?: TextStyle): PDFFont => (style?.font === 'bold' ? fonts.bold : fonts.regular);
  const charWidth = (font: PDFFont, char: string): number => {
    let table = widths.get(font);
    if (!table) {
      table = new Map();
      widths.set(font, table);
    }
    let width = table.get(char);
    if (width === undefined) {
      width = font.widthOfTextAtSize(char, 1);
      table.set(char, width);
    }
    return width;
  };
  // Text and outlines go in as raw operators with one font resource per font and page: pdf-lib's
  // drawText and drawRectangle wrap every call in its own graphics state and register a new font
  // resource name each time, which made the pages several times larger and slower to write.
  // Consecutive texts of a page share one text object and set font, colour and mode only when
  // they change; cell outlines are collected and stroked in one path when the page is finished.
  type PageState = {
    readonly fontKeys: Map<PDFFont, PDFName>;
    inText: boolean;
    font: PDFFont | undefined;
    size: number;
    color: Color | undefined;
    emphasis: boolean;
    readonly outlines: PDFOperator[];
  };
  const states = new Map<PDFPage, PageState>();
  const stateOf = (page: PDFPage): PageState => {
    let state = states.get(page);
    if (!state) {
      state = {
        fontKeys: new Map(),
        inText: false,
        font: undefined,
        size: 0,
        color: undefined,
        emphasis: false,
        outlines: [],
      };
      states.set(page, state);
    }
    return state;
  };
  const fontKey = (page: PDFPage, font: PDFFont): PDFName => {
    const keys = stateOf(page).fontKeys;
    let key = keys.get(font);
    if (!key) {
      key = page.node.newFontDictionary(font.name, font.ref);
      keys.set(font, key);
    }
    return key;
  };
  const closeText = (page: PDFPage): PDFPage => {
    const state = stateOf(page);
    if (state.inText) {
      page.pushOperators(endText(), setTextRenderingMode(TextRenderingMode.Fill));
      Object.assign(state, { inText: false, font: undefined, color: undefined, emphasis: false });
    }
    return page;
  };
  const addPage = (): PDFPage => doc.addPage([size.width, size.height]);
  const first = addPage();
  const flow: Flow = {
    doc,
    fonts,
    pages: [first],
    page: first,
    size,
    onNewPage: undefined,
    y: size.height - margin.top,
    ensure(height) {
      if (flow.y - height >= margin.bottom) return false;
      flow.newPage();
      return true;
    },
    newPage() {
      flow.page = addPage();
      flow.pages.push(flow.page);
      flow.y = size.height - margin.top;
      flow.onNewPage?.();
    },
    graphics(page = flow.page) {
      return closeText(page);
    },
    finish() {
      for (const page of flow.pages) {
        closeText(page);
        const { outlines } = stateOf(page);
        if (outlines.length === 0) continue;
        page.pushOperators(
          pushGraphicsState(),
          setLineWidth(0.6),
          setStrokingColor(lineGrey),
          ...outlines,
          stroke(),
          popGraphicsState(),
        );
        outlines.length = 0;
      }
    },
    width(text, style) {
      const font = fontOf(style);
      let total = 0;
      for (const char of text) total += charWidth(font, char);
      return total * (style?.size ?? defaultSize);
    },
    wrap(text, maxWidth, style) {
      const lines: string[] = [];
      for (const paragraph of text.split('\n')) {
        let line = '';
        for (const word of paragraph.split(' ').filter((part) => part !== '')) {
          const candidate = line === '' ? word : `${line} ${word}`;
          if (line !== '' && flow.width(candidate, style) > maxWidth) {
            lines.push(line);
            line = word;
          } else line = candidate;
        }
        lines.push(line);
      }
      return lines;
    },
    draw(text, x, y, style) {
      if (text === '') return;
      const page = flow.page;
      const state = stateOf(page);
      const font = fontOf(style);
      const size = style?.size ?? defaultSize;
      const color = style?.grey ? grey : black;
      const emphasis = style?.emphasis === true && style.font !== 'bold';
      const operators: PDFOperator[] = [];
      if (!state.inText) {
        operators.push(beginText());
        state.inText = true;
      }
      if (state.font !== font || state.size !== size) {
        operators.push(setFontAndSize(fontKey(page, font), size));
        state.font = font;
        state.size = size;
      }
      if (state.color !== color) {
        // Emphasised text is filled and outlined in the same colour.
        operators.push(setFillingColor(color), setStrokingColor(color));
        state.color = color;
      }
      if (state.emphasis !== emphasis) {
        operators.push(
          setTextRenderingMode(emphasis ? TextRenderingMode.FillAndOutline : TextRenderingMode.Fill),
        );
        if (emphasis) operators.push(setLineWidth(size * 0.045));
        state.emphasis = emphasis;
      }
      // pdf-lib ignores GPOS: decomposed marks would float, so every drawn text is NFC.
      operators.push(setTextMatrix(1, 0, 0, 1, x, y), showText(font.encodeText(text.normalize('NFC'))));
      page.pushOperators(...operators);
    },
    outline(x, y, width, height) {
      stateOf(flow.page).outlines.push(rectangle(x, y, width, height));
    },
    drawCentered(text, centerX, y, style) {
      flow.draw(text, centerX - flow.width(text, style) / 2, y, style);
    },
  };
  return flow;
}

/** One cell of a table row: text, alignment, style. */
export type Cell = {
  readonly text: string;
  readonly align?: 'left' | 'center';
  readonly style?: TextStyle;
  /** Columns this cell spans (default 1). */
  readonly span?: number;
};

const cellPadding = 3;
const tableSize = 8.5;
const lineHeight = 10.5;

/** Draws one table row at the cursor (a new page first if it does not fit); returns its height. */
export function drawRow(
  flow: Flow,
  columns: readonly number[],
  cells: readonly Cell[],
  minHeight = 0,
): number {
  let column = 0;
  const placed = cells.map((cell) => {
    const span = cell.span ?? 1;
    const x = margin.left + columns.slice(0, column).reduce((sum, width) => sum + width, 0);
    const width = columns.slice(column, column + span).reduce((sum, width) => sum + width, 0);
    column += span;
    const style: TextStyle = { size: tableSize, ...cell.style };
    const lines = flow.wrap(cell.text, width - 2 * cellPadding, style);
    return { cell, x, width, style, lines };
  });
  const height = Math.max(
    minHeight,
    ...placed.map(({ lines }) => lines.length * lineHeight + 2 * cellPadding + 1),
  );
  flow.ensure(height);
  const top = flow.y;
  for (const { cell, x, width, style, lines } of placed) {
    flow.outline(x, top - height, width, height);
    const textHeight = lines.length * lineHeight;
    let baseline = top - (height - textHeight) / 2 - lineHeight + 2.5;
    for (const line of lines) {
      if (cell.align === 'center') flow.drawCentered(line, x + width / 2, baseline, style);
      else flow.draw(line, x + cellPadding, baseline, style);
      baseline -= lineHeight;
    }
  }
  flow.y = top - height;
  return height;
}

/** A header cell placed on a grid of columns and (up to two) header rows. */
export type HeaderCell = {
  readonly text: string;
  readonly column: number;
  readonly span?: number;
  readonly row: number;
  readonly rows?: number;
};

const headerRowHeight = 14;

/** Draws a table header (bold, centred, with spans); keeps room for at least one row under it. */
export function drawHeader(flow: Flow, columns: readonly number[], cells: readonly HeaderCell[]): void {
  const rowCount = Math.max(...cells.map((cell) => cell.row + (cell.rows ?? 1)));
  const height = rowCount * headerRowHeight;
  flow.ensure(height + 2 * lineHeight + 2 * cellPadding);
  const top = flow.y;
  const style: TextStyle = { font: 'bold', size: tableSize };
  for (const cell of cells) {
    const x = margin.left + columns.slice(0, cell.column).reduce((sum, width) => sum + width, 0);
    const width = columns.slice(cell.column, cell.column + (cell.span ?? 1)).reduce((sum, w) => sum + w, 0);
    const cellTop = top - cell.row * headerRowHeight;
    const cellHeight = (cell.rows ?? 1) * headerRowHeight;
    flow.outline(x, cellTop - cellHeight, width, cellHeight);
    flow.drawCentered(cell.text, x + width / 2, cellTop - cellHeight / 2 - 3, style);
  }
  flow.y = top - height;
}
