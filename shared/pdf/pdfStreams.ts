import { inflateBounded } from './boundedInflate';
import { pdfLimits, PdfStructureError } from './pdfLimits';
import { isArray, isDict, isName, type PdfObject, type PdfValue } from './pdfValues';

/** What all decoding of one file may still produce: a file of many small bombs stops too. */
export type DecodeBudget = { remaining: number };

function fail(
  problem: 'stream-too-large' | 'unsupported' | 'syntax',
  detail: string,
  object: PdfObject,
): never {
  throw new PdfStructureError(problem, detail, object.offset);
}

/** Undoes a PNG (10–15) or TIFF (2) predictor (§7.4.4.4), as cross-reference streams use. */
function unpredict(data: Uint8Array, parameters: PdfValue | undefined, object: PdfObject): Uint8Array {
  if (!isDict(parameters)) return data;
  const predictor = parameters.entries.get('Predictor') ?? 1;
  if (predictor === 1) return data;
  const columns = parameters.entries.get('Columns') ?? 1;
  const colors = parameters.entries.get('Colors') ?? 1;
  const bits = parameters.entries.get('BitsPerComponent') ?? 8;
  if (
    typeof predictor !== 'number' ||
    typeof columns !== 'number' ||
    typeof colors !== 'number' ||
    bits !== 8
  )
    fail('unsupported', 'predictor parameters', object);
  if (!Number.isInteger(columns) || columns < 1 || columns > 4096 || colors < 1 || colors > 4)
    fail('unsupported', 'predictor parameters', object);
  const pixel = colors;
  const rowLength = columns * colors;
  if (predictor === 2) {
    const out = data.slice();
    for (let row = 0; row < out.length; row += rowLength)
      for (let i = row + pixel; i < Math.min(row + rowLength, out.length); i += 1)
        out[i] = ((out[i] ?? 0) + (out[i - pixel] ?? 0)) & 0xff;
    return out;
  }
  if (predictor < 10 || predictor > 15) fail('unsupported', `predictor ${predictor}`, object);
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  for (let row = 0; row < rows; row += 1) {
    const type = data[row * (rowLength + 1)] ?? 0;
    const source = row * (rowLength + 1) + 1;
    const target = row * rowLength;
    for (let i = 0; i < rowLength; i += 1) {
      const raw = data[source + i] ?? 0;
      const left = i >= pixel ? (out[target + i - pixel] ?? 0) : 0;
      const up = row > 0 ? (out[target - rowLength + i] ?? 0) : 0;
      const upLeft = row > 0 && i >= pixel ? (out[target - rowLength + i - pixel] ?? 0) : 0;
      let value: number;
      if (type === 0) value = raw;
      else if (type === 1) value = raw + left;
      else if (type === 2) value = raw + up;
      else if (type === 3) value = raw + Math.floor((left + up) / 2);
      else if (type === 4) {
        const estimate = left + up - upLeft;
        const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
        value = raw + (a <= b && a <= c ? left : b <= c ? up : upLeft);
      } else return fail('syntax', `PNG row filter ${type}`, object);
      out[target + i] = value & 0xff;
    }
  }
  return out;
}

/**
 * A stream's data with its filters undone: only FlateDecode (with predictors) is read, since it
 * is all a học bạ and the signing tools use; anything else is refused, not guessed at. Every
 * output is bounded by the per-stream cap and the file's remaining budget.
 */
export function decodeStream(
  bytes: Uint8Array,
  object: PdfObject,
  budget: DecodeBudget,
  resolve: (value: PdfValue | undefined) => PdfValue | undefined,
): Uint8Array {
  if (!object.stream || !isDict(object.value)) return fail('syntax', 'not a stream', object);
  const raw = bytes.subarray(object.stream.dataStart, object.stream.dataEnd);
  const filterValue = resolve(object.value.entries.get('Filter'));
  const parameterValue = resolve(object.value.entries.get('DecodeParms'));
  const filters = filterValue === undefined ? [] : isArray(filterValue) ? filterValue.items : [filterValue];
  const parameters = isArray(parameterValue) ? parameterValue.items : [parameterValue];
  if (filters.length > 1) return fail('unsupported', 'more than one filter', object);
  const [filter] = filters;
  const cap = Math.min(pdfLimits.maxDecodedStreamBytes, budget.remaining);
  let data: Uint8Array;
  if (filter === undefined) data = raw;
  else if (isName(filter, 'FlateDecode')) {
    const inflated = inflateBounded(raw, cap);
    if (!inflated.ok)
      return fail(
        inflated.reason === 'too-large' ? 'stream-too-large' : 'syntax',
        `stream ${object.num}`,
        object,
      );
    data = unpredict(inflated.bytes, resolve(parameters[0] ?? undefined), object);
  } else return fail('unsupported', `filter ${isName(filter) ? filter.name : '?'}`, object);
  if (data.length > cap) return fail('stream-too-large', `stream ${object.num}`, object);
  budget.remaining -= data.length;
  return data;
}
