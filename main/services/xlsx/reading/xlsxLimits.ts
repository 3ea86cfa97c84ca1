import { headerSearchRows } from '../../../../shared/classList/matchHeaders';

const mebibyte = 1024 * 1024;
/** Data rows of a class list (rawTableSchema's limit). */
const maxDataRows = 10_000;

/**
 * Every cap the class-list reader holds a file to. A class list is a few thousand rows of a few
 * dozen short columns (a 2,000-student school is about 150 KB zipped, 3 MB of sheet XML), so each
 * cap sits far above any real list and far below what hurts: the reader never trusts a size the
 * file declares, and stops as soon as one of these is passed.
 */
export const xlsxLimits = {
  maxDataRows,
  /** Rows with any value, the header search rows included (the old reader's check). */
  maxRowsWithValues: maxDataRows + headerSearchRows,
  /** Columns read; cells to the right are ignored, as before (rawTableSchema's limit). */
  maxColumns: 200,
  /** `<c>` elements in a sheet, empty formatted cells and cells right of column 200 included. */
  maxCellElements: 800_000,
  /** Cells with a value in the first 200 columns. */
  maxValueCells: 400_000,
  /** Characters in one cell: Excel's own limit. */
  maxCellChars: 32_767,
  /** Characters of every cell read, together (what crosses to the renderer). */
  maxTotalChars: 16_000_000,
  maxSharedStrings: 1_000_000,
  /** Excel allows 64,000 cell formats and about 250 custom number formats. */
  maxCellStyles: 65_536,
  maxNumberFormats: 4_096,
  maxMergedRanges: 100_000,
  /** Row visits to blank merged cells: overlapping merges are what could make it large. */
  maxMergeVisits: 2_000_000,
  maxSheets: 1_000,
  maxRelationships: 10_000,
  maxZipEntries: 5_000,
  /** Inflated bytes, per part and for the whole file. */
  maxSheetXmlBytes: 64 * mebibyte,
  maxSharedStringsXmlBytes: 32 * mebibyte,
  maxStylesXmlBytes: 8 * mebibyte,
  maxWorkbookXmlBytes: 8 * mebibyte,
  maxRelationshipsXmlBytes: 2 * mebibyte,
  maxTotalInflatedBytes: 160 * mebibyte,
  /** XML elements per sheet (a cell is 2 to 4), and in every part read, together. */
  maxSheetElements: 4_000_000,
  maxTotalElements: 8_000_000,
  maxXmlDepth: 64,
  /** One tag, comment or CDATA section. */
  maxXmlTokenBytes: 256 * 1024,
} as const;

export type XlsxLimits = typeof xlsxLimits;
