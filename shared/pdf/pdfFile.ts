import { readCrossReferenceStream, readObjectStream, type XrefEntry } from './pdfCompressedObjects';
import { pdfLimits, PdfStructureError } from './pdfLimits';
import { decodeStream, type DecodeBudget } from './pdfStreams';
import { indexOfKeyword, newValueBudget, PdfSyntax, type ValueBudget } from './pdfSyntax';
import {
  isDict,
  isName,
  isRef,
  referencesIn,
  type PdfDict,
  type PdfObject,
  type PdfValue,
} from './pdfValues';

export type { XrefEntry } from './pdfCompressedObjects';

/**
 * One revision: the original file, or one incremental update (§7.5.6). Its bytes run from the
 * previous revision's end to just after its own `%%EOF` line.
 */
export type PdfRevision = {
  readonly index: number;
  readonly start: number;
  /** Just past this revision's `%%EOF`. */
  readonly eofEnd: number;
  /** Past the end-of-line bytes after `%%EOF`: where the next revision starts. */
  readonly end: number;
  readonly xrefOffset: number;
  readonly xrefKind: 'table' | 'stream';
  /** The trailer dictionary (the cross-reference stream's dictionary for a stream). */
  readonly trailer: PdfDict;
  readonly entries: ReadonlyMap<number, XrefEntry>;
  /** The objects written in this revision's bytes, by number (objects of its object streams too). */
  readonly objects: ReadonlyMap<number, PdfObject>;
};

export type PdfFile = {
  readonly bytes: Uint8Array;
  readonly revisions: readonly PdfRevision[];
  /** The object `num` as a reader of revision `revision` (0-based) sees it; undefined when absent or free. */
  readonly object: (num: number, revision?: number) => PdfObject | undefined;
  /** A value with one level of reference followed, as of `revision`. */
  readonly resolve: (value: PdfValue | undefined, revision?: number) => PdfValue | undefined;
  /** A stream object's data with its filters undone, bounded. */
  readonly decode: (object: PdfObject) => Uint8Array;
  /** The revision `num` was last written in, as of `revision`. */
  readonly revisionOf: (num: number, revision?: number) => number | undefined;
};

type OpenRevision = {
  start: number;
  objects: Map<number, PdfObject & { readonly lengthRef: boolean }>;
  xref?: { offset: number; entries: Map<number, XrefEntry> };
  trailer?: PdfDict;
};

function structureError(
  problem: 'xref' | 'hidden-object' | 'encrypted' | 'unsupported',
  detail: string,
  offset: number,
): never {
  throw new PdfStructureError(problem, detail, offset);
}

/** `xref` then subsections of `first count` and `count` entries `offset gen n|f` (§7.5.4). */
function readXrefTable(syntax: PdfSyntax): Map<number, XrefEntry> {
  const entries = new Map<number, XrefEntry>();
  for (;;) {
    syntax.skipSpace();
    if (syntax.matchKeyword('trailer')) return entries;
    const first = syntax.readUnsigned();
    const count = syntax.readUnsigned();
    if (count > pdfLimits.maxObjects) syntax.fail('xref subsection too large', 'too-complex');
    for (let i = 0; i < count; i += 1) {
      const offset = syntax.readUnsigned();
      const gen = syntax.readUnsigned();
      syntax.skipSpace();
      const num = first + i;
      if (entries.has(num)) structureError('xref', `object ${num} listed twice`, syntax.position);
      if (syntax.matchKeyword('n')) entries.set(num, { type: 'inUse', gen, offset });
      else if (syntax.matchKeyword('f')) entries.set(num, { type: 'free', gen });
      else syntax.fail('xref entry is neither n nor f');
    }
    if (entries.size > pdfLimits.maxObjects) syntax.fail('too many xref entries', 'too-complex');
  }
}

/**
 * Reads a PDF strictly, start to end: the header, then revisions each made of indirect objects,
 * one cross-reference section (table with trailer, or stream) and `startxref` + `%%EOF`. Nothing
 * else may stand between them. Every revision's cross-reference section must list exactly the
 * objects written in that revision's own bytes, at their real offsets, and chain to the previous
 * one: so what a viewer shows (it follows the cross-references) is what this reader sees (it
 * reads every byte), and no update can hide an object or point into an earlier revision's bytes.
 */
export function readPdfFile(bytes: Uint8Array): PdfFile {
  if (bytes.length > pdfLimits.maxFileBytes) throw new PdfStructureError('too-large', 'file too large', 0);
  const values = newValueBudget();
  const syntax: PdfSyntax = new PdfSyntax(bytes, 0, bytes.length, values);
  if (!(syntax.matchKeyword('%PDF-') || headerAt(bytes)))
    throw new PdfStructureError('not-pdf', 'no %PDF- header', 0);
  syntax.position = 0;
  syntax.skipSpace(); // the header and the binary comment are comments

  const revisions: PdfRevision[] = [];
  let objectCount = 0;
  let open: OpenRevision = { start: 0, objects: new Map() };
  const budget: DecodeBudget = { remaining: pdfLimits.maxDecodedTotalBytes };
  while (syntax.position < bytes.length) {
    syntax.skipSpace();
    if (syntax.position >= bytes.length) break;
    const here = syntax.position;
    if (syntax.matchKeyword('xref')) {
      if (open.xref) structureError('xref', 'two xref sections in one revision', here);
      open.xref = { offset: here, entries: readXrefTable(syntax) };
      const trailer = syntax.readValue();
      if (!isDict(trailer)) syntax.fail('trailer is not a dictionary');
      open.trailer = trailer;
      continue;
    }
    if (syntax.matchKeyword('startxref')) {
      const startxref = syntax.readUnsigned();
      const eofEnd = syntax.readEofMarker();
      revisions.push(
        closeRevision(open, startxref, eofEnd, syntax.position, revisions, bytes, budget, values),
      );
      if (revisions.length > pdfLimits.maxRevisions) syntax.fail('too many revisions', 'too-complex');
      open = { start: syntax.position, objects: new Map() };
      continue;
    }
    if (open.xref) syntax.fail('object after the xref section');
    const object = syntax.readIndirectObject();
    if (open.objects.has(object.num))
      structureError('hidden-object', `object ${object.num} written twice in one revision`, here);
    open.objects.set(object.num, object);
    objectCount += 1;
    if (objectCount > pdfLimits.maxObjects) syntax.fail('too many objects', 'too-complex');
  }
  if (open.objects.size > 0 || open.xref) structureError('xref', 'bytes after the last %%EOF', open.start);
  if (revisions.length === 0) structureError('xref', 'no complete revision', 0);
  return fileOf(bytes, revisions, budget);
}

function headerAt(bytes: Uint8Array): boolean {
  const header = '%PDF-';
  for (let i = 0; i < header.length; i += 1) if (bytes[i] !== header.charCodeAt(i)) return false;
  return true;
}

function closeRevision(
  open: OpenRevision,
  startxref: number,
  eofEnd: number,
  end: number,
  previous: readonly PdfRevision[],
  bytes: Uint8Array,
  budget: DecodeBudget,
  values: ValueBudget,
): PdfRevision {
  const index = previous.length;
  let entries: Map<number, XrefEntry>;
  let trailer: PdfDict;
  let xrefKind: 'table' | 'stream';
  const objects = new Map<number, PdfObject>(open.objects);
  if (open.xref && open.trailer) {
    if (open.xref.offset !== startxref)
      structureError('xref', 'startxref does not point at the xref table', startxref);
    entries = open.xref.entries;
    trailer = open.trailer;
    xrefKind = 'table';
    if (trailer.entries.has('XRefStm')) structureError('unsupported', 'hybrid-reference file', startxref);
  } else {
    const xrefObject = [...open.objects.values()].find((object) => object.offset === startxref);
    if (
      !xrefObject?.stream ||
      !isDict(xrefObject.value) ||
      !isName(xrefObject.value.entries.get('Type'), 'XRef')
    )
      structureError('xref', 'startxref does not point at a cross-reference stream', startxref);
    entries = readCrossReferenceStream(bytes, xrefObject, budget);
    trailer = xrefObject.value;
    xrefKind = 'stream';
  }
  if (trailer.entries.has('Encrypt')) structureError('encrypted', 'encrypted file', startxref);
  const prev = trailer.entries.get('Prev');
  const before = previous[index - 1];
  if (before ? prev !== before.xrefOffset : prev !== undefined)
    structureError('xref', 'the trailer /Prev does not chain to the previous revision', startxref);

  // Every listed object is one written here, at that offset; every object written here is listed.
  const listed = new Set<number>();
  for (const [num, entry] of entries) {
    if (entry.type === 'free') continue;
    if (entry.type === 'inUse') {
      if (entry.gen !== 0)
        structureError('unsupported', `object ${num} listed with a generation`, entry.offset);
      const object = open.objects.get(num);
      if (object?.offset !== entry.offset || object.gen !== entry.gen)
        structureError(
          'hidden-object',
          `xref entry of object ${num} points where that object is not written`,
          entry.offset,
        );
      listed.add(num);
      continue;
    }
    const container = open.objects.get(entry.stream);
    if (!container?.stream || entries.get(entry.stream)?.type !== 'inUse')
      structureError(
        'hidden-object',
        `object ${num} is in an object stream not written in this revision`,
        startxref,
      );
    listed.add(entry.stream);
  }
  for (const [num, object] of open.objects) {
    const isOwnXref = xrefKind === 'stream' && object.offset === startxref;
    if (!listed.has(num) && !isOwnXref)
      structureError('hidden-object', `object ${num} is written but not listed in the xref`, object.offset);
  }
  // Objects of this revision's object streams, each stream decoded and parsed once.
  const containers = new Map<number, ReturnType<typeof readObjectStream>>();
  for (const [num, entry] of entries) {
    if (entry.type !== 'compressed') continue;
    const container = open.objects.get(entry.stream);
    if (!container) continue;
    let parsed = containers.get(entry.stream);
    if (!parsed) {
      parsed = readObjectStream(bytes, container, budget, values);
      containers.set(entry.stream, parsed);
    }
    const inner = parsed.get(num);
    if (inner?.index !== entry.index)
      structureError('hidden-object', `object ${num} is not in its object stream`, container.offset);
    objects.set(num, inner.object);
  }
  return {
    index,
    start: open.start,
    eofEnd,
    end,
    xrefOffset: startxref,
    xrefKind,
    trailer,
    entries,
    objects,
  };
}

function fileOf(bytes: Uint8Array, revisions: readonly PdfRevision[], budget: DecodeBudget): PdfFile {
  const last = revisions.length - 1;
  const revisionOf = (num: number, revision = last): number | undefined => {
    for (let k = Math.min(revision, last); k >= 0; k -= 1) {
      const entry = revisions[k]?.entries.get(num);
      if (entry) return entry.type === 'free' ? undefined : k;
    }
    return undefined;
  };
  const object = (num: number, revision = last): PdfObject | undefined => {
    const k = revisionOf(num, revision);
    return k === undefined ? undefined : revisions[k]?.objects.get(num);
  };
  const resolve = (value: PdfValue | undefined, revision = last): PdfValue | undefined =>
    isRef(value) ? object(value.num, revision)?.value : value;
  const file: PdfFile = {
    bytes,
    revisions,
    object,
    resolve,
    revisionOf,
    decode: (target) => decodeStream(bytes, target, budget, (value) => resolve(value)),
  };
  checkIndirectLengths(file);
  checkReferences(file);
  checkStreamData(file);
  return file;
}

/**
 * Every reference an object holds must lead to an object that exists in its revision: a
 * reference to nothing, filled in by a later update, would let that update add content to a page
 * it never touches (ISO 32000 reads a missing object as null; we refuse it). Trailers too.
 */
function checkReferences(file: PdfFile): void {
  for (const revision of file.revisions) {
    const holders: PdfValue[] = [
      revision.trailer,
      ...[...revision.objects.values()].map((object) => object.value),
    ];
    for (const holder of holders)
      for (const ref of referencesIn(holder)) {
        const trailerOnly =
          holder === revision.trailer && (ref.num === 0 || isXrefStreamRef(revision, ref.num));
        if (!trailerOnly && file.object(ref.num, revision.index) === undefined)
          throw new PdfStructureError(
            'hidden-object',
            `reference to object ${ref.num}, which does not exist`,
            revision.start,
          );
      }
  }
}

function isXrefStreamRef(revision: PdfRevision, num: number): boolean {
  const object = revision.objects.get(num);
  return object !== undefined && isDict(object.value) && isName(object.value.entries.get('Type'), 'XRef');
}

/**
 * No stream's data may hold what looks like an object header at the start of a line: readers that
 * find a file's cross-references broken rebuild it by scanning for `N G obj`, and would then take
 * an object hidden in a stream for the real one.
 */
function checkStreamData(file: PdfFile): void {
  const { bytes } = file;
  for (const revision of file.revisions)
    for (const object of revision.objects.values()) {
      if (!object.stream) continue;
      const { dataStart, dataEnd } = object.stream;
      for (
        let at = indexOfKeyword(bytes, 'obj', dataStart, dataEnd);
        at >= 0;
        at = indexOfKeyword(bytes, 'obj', at + 3, dataEnd)
      ) {
        if (looksLikeObjectHeader(bytes, at, dataStart))
          throw new PdfStructureError(
            'hidden-object',
            `object header inside the data of stream ${object.num}`,
            at,
          );
      }
    }
}

/** Whether `obj` at `at` ends `<line start><spaces>digits<space>digits<space>obj`. */
function looksLikeObjectHeader(bytes: Uint8Array, at: number, floor: number): boolean {
  const after = bytes[at + 3];
  if (after !== undefined && !(after <= 0x20 || after === 0x3c || after === 0x5b || after === 0x2f))
    return false;
  const isDigit = (byte: number | undefined) => byte !== undefined && byte >= 0x30 && byte <= 0x39;
  const isSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x09 || byte === 0x00;
  let i = at - 1;
  /** Moves back over bytes that pass `test`; how many it passed. */
  const skip = (test: (byte: number | undefined) => boolean): number => {
    const from = i;
    while (i >= floor && test(bytes[i])) i -= 1;
    return from - i;
  };
  if (skip(isSpace) === 0 || skip(isDigit) === 0 || skip(isSpace) === 0 || skip(isDigit) === 0) return false;
  skip(isSpace);
  return i < floor || bytes[i] === 0x0a || bytes[i] === 0x0d;
}
/** A stream whose /Length is a reference ended at its first `endstream`: the reference must agree. */
function checkIndirectLengths(file: PdfFile): void {
  for (const revision of file.revisions)
    for (const object of revision.objects.values()) {
      if (!object.stream || !('lengthRef' in object) || object.lengthRef !== true) continue;
      const length = file.resolve(
        isDict(object.value) ? object.value.entries.get('Length') : undefined,
        revision.index,
      );
      if (length !== object.stream.dataEnd - object.stream.dataStart)
        throw new PdfStructureError(
          'syntax',
          `stream ${object.num} is not as long as its /Length`,
          object.offset,
        );
    }
}
