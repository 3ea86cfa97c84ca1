import { pdfLimits, PdfStructureError } from './pdfLimits';
import { decodeStream, type DecodeBudget } from './pdfStreams';
import { PdfSyntax, type ValueBudget } from './pdfSyntax';
import { isArray, isDict, isName, type PdfObject, type PdfValue } from './pdfValues';

/** One cross-reference entry (§7.5.4, §7.5.8.3). */
export type XrefEntry =
  | { readonly type: 'free'; readonly gen: number }
  | { readonly type: 'inUse'; readonly gen: number; readonly offset: number }
  | { readonly type: 'compressed'; readonly stream: number; readonly index: number };

/** Inside a stream's own dictionary only direct values count: there is no document to resolve in yet. */
const direct = (value: PdfValue | undefined) => value;

function integerOf(value: PdfValue | undefined): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

function fail(detail: string, object: PdfObject): never {
  throw new PdfStructureError('xref', detail, object.offset);
}

/** A cross-reference stream's entries (§7.5.8): /W field widths, /Index subsections, /Size. */
export function readCrossReferenceStream(
  bytes: Uint8Array,
  object: PdfObject,
  budget: DecodeBudget,
): Map<number, XrefEntry> {
  const dict = object.value;
  if (!isDict(dict)) return fail('cross-reference stream without a dictionary', object);
  const widths = dict.entries.get('W');
  const size = integerOf(dict.entries.get('Size'));
  if (!isArray(widths) || widths.items.length !== 3 || size === undefined || size > pdfLimits.maxObjects)
    return fail('bad /W or /Size', object);
  const [w1, w2, w3] = widths.items.map(integerOf);
  if (w1 === undefined || w2 === undefined || w3 === undefined || w1 > 4 || w2 > 8 || w3 > 4)
    return fail('bad /W', object);
  const index = dict.entries.get('Index');
  const ranges: number[] = isArray(index)
    ? index.items.map((item) => integerOf(item) ?? Number.NaN)
    : [0, size];
  if (ranges.length % 2 !== 0 || ranges.some((value) => Number.isNaN(value)))
    return fail('bad /Index', object);
  const data = decodeStream(bytes, object, budget, direct);
  const rowLength = w1 + w2 + w3;
  const read = (at: number, width: number) => {
    let value = 0;
    for (let i = 0; i < width; i += 1) value = value * 256 + (data[at + i] ?? 0);
    return value;
  };
  const entries = new Map<number, XrefEntry>();
  let row = 0;
  for (let pair = 0; pair < ranges.length; pair += 2) {
    const first = ranges[pair] ?? 0;
    const count = ranges[pair + 1] ?? 0;
    if (count > pdfLimits.maxObjects || entries.size + count > pdfLimits.maxObjects)
      return fail('too many entries', object);
    for (let i = 0; i < count; i += 1, row += 1) {
      const at = row * rowLength;
      if (at + rowLength > data.length) return fail('cross-reference stream is too short', object);
      const type = w1 === 0 ? 1 : read(at, w1);
      const second = read(at + w1, w2);
      const third = read(at + w1 + w2, w3);
      const num = first + i;
      if (entries.has(num)) return fail(`object ${num} listed twice`, object);
      if (type === 0) entries.set(num, { type: 'free', gen: third });
      else if (type === 1) entries.set(num, { type: 'inUse', gen: third, offset: second });
      else if (type === 2) entries.set(num, { type: 'compressed', stream: second, index: third });
      else return fail(`entry type ${type}`, object);
    }
  }
  return entries;
}

/** The objects of an object stream (§7.5.7), by number, with their index in the stream. */
export function readObjectStream(
  bytes: Uint8Array,
  container: PdfObject,
  budget: DecodeBudget,
  values: ValueBudget,
): Map<number, { readonly index: number; readonly object: PdfObject }> {
  const dict = container.value;
  if (!isDict(dict) || !isName(dict.entries.get('Type'), 'ObjStm'))
    return fail('not an object stream', container);
  if (dict.entries.has('Extends'))
    throw new PdfStructureError('unsupported', 'object stream /Extends', container.offset);
  const count = integerOf(dict.entries.get('N'));
  const first = integerOf(dict.entries.get('First'));
  if (count === undefined || first === undefined || count > pdfLimits.maxObjectsPerObjectStream)
    return fail('bad /N or /First', container);
  const data = decodeStream(bytes, container, budget, direct);
  const header = new PdfSyntax(data, 0, Math.min(first, data.length), values);
  const pairs: [number, number][] = [];
  for (let i = 0; i < count; i += 1) pairs.push([header.readUnsigned(), header.readUnsigned()]);
  const objects = new Map<number, { index: number; object: PdfObject }>();
  for (const [index, [num, offset]] of pairs.entries()) {
    const next = pairs[index + 1]?.[1];
    const end = next === undefined ? data.length : first + next;
    if (first + offset > end || end > data.length)
      return fail('object stream offsets out of order', container);
    const syntax = new PdfSyntax(data, first + offset, end, values);
    const value = syntax.readValue();
    syntax.skipSpace();
    if (syntax.position !== end) return fail(`junk after object ${num} in an object stream`, container);
    if (objects.has(num)) return fail(`object ${num} twice in an object stream`, container);
    objects.set(num, { index, object: { num, gen: 0, offset: -1, value } });
  }
  return objects;
}
