/**
 * Caps of the bounded PDF reader. A học bạ is about 60 KB rendered and 160 KB with three
 * signatures, a hundred-odd objects in four revisions; these limits leave room for photos and
 * other signers' tools while keeping a hostile file's cost linear and small.
 */
export const pdfLimits = {
  /** Whole file (the IPC limit is the same). */
  maxFileBytes: 5 * 1024 * 1024,
  maxObjects: 20_000,
  maxRevisions: 16,
  /** Nesting of arrays and dictionaries. */
  maxDepth: 32,
  /** Elements of one array or entries of one dictionary. */
  maxContainerItems: 50_000,
  /** One string, in bytes as written (a signature's /Contents is 32 KB of hex). */
  maxStringBytes: 1024 * 1024,
  maxNameBytes: 256,
  /** Any one decoded stream (an xref or object stream, a page's content, the attached record). */
  maxDecodedStreamBytes: 8 * 1024 * 1024,
  /** All decoded streams of one verification together. */
  maxDecodedTotalBytes: 32 * 1024 * 1024,
  maxObjectsPerObjectStream: 10_000,
  /** Values (numbers, names, strings, arrays, dictionaries) parsed in all: a học bạ has a few thousand. */
  maxValues: 200_000,
  /** Elements of a form field's /Kids or a page tree node's /Kids. */
  maxKids: 1000,
} as const;

export type PdfLimits = typeof pdfLimits;

export type PdfStructureProblem =
  | 'not-pdf'
  | 'too-large'
  | 'syntax'
  | 'too-complex'
  | 'encrypted'
  | 'xref'
  | 'hidden-object'
  | 'stream-too-large'
  | 'unsupported';

/** A file the bounded reader refuses, with where and why (for the log) and a user message. */
export class PdfStructureError extends Error {
  override readonly name = 'PdfStructureError';
  constructor(
    readonly problem: PdfStructureProblem,
    readonly detail: string,
    readonly offset: number,
  ) {
    super(`${problem} at ${offset}: ${detail}`);
  }
}
