import { readPdfFile } from '../../shared/pdf/pdfFile';
import { dictGet, isRef } from '../../shared/pdf/pdfValues';

/**
 * Hand-written incremental updates, for tests that play an attacker with a text editor: each
 * object is `num 0 obj <body> endobj`, the xref table lists them (or not, or elsewhere, as the
 * test asks), and the trailer chains to the file's last revision.
 */
export type RawObject = { readonly num: number; readonly body: string; readonly gen?: number };

export type AppendOptions = {
  /** Objects written in the update but left out of its xref table (hidden from viewers). */
  readonly unlisted?: readonly RawObject[];
  /** Xref entries pointing at given offsets instead of the objects' own (e.g. into an older revision). */
  readonly pointAt?: Readonly<Record<number, number>>;
  /** Extra trailer entries, e.g. `/Encrypt 5 0 R`. */
  readonly trailerExtra?: string;
  /** Raw bytes (latin1) written before the update's first object. */
  readonly prefix?: string;
};

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

/** The last trailer's /Root and /Info references and /Size, and where its xref starts. */
export function lastTrailer(pdf: Uint8Array): {
  root: string;
  info: string | undefined;
  size: number;
  xref: number;
} {
  const file = readPdfFile(pdf);
  const last = file.revisions[file.revisions.length - 1];
  if (!last) throw new Error('no revision');
  const root = dictGet(last.trailer, 'Root');
  const info = dictGet(last.trailer, 'Info');
  const size = dictGet(last.trailer, 'Size');
  if (!isRef(root) || typeof size !== 'number') throw new Error('odd trailer');
  return {
    root: `${root.num} ${root.gen} R`,
    info: isRef(info) ? `${info.num} ${info.gen} R` : undefined,
    size,
    xref: last.xrefOffset,
  };
}

export function appendRevision(
  pdf: Uint8Array,
  objects: readonly RawObject[],
  options: AppendOptions = {},
): Uint8Array {
  const trailer = lastTrailer(pdf);
  let text = `\n${options.prefix ?? ''}`;
  const offsets = new Map<number, number>();
  const generations = new Map<number, number>();
  const write = (object: RawObject, listed: boolean) => {
    const at = pdf.length + Buffer.byteLength(text, 'latin1');
    if (listed) offsets.set(object.num, at);
    generations.set(object.num, object.gen ?? 0);
    text += `${object.num} ${object.gen ?? 0} obj\n${object.body}\nendobj\n`;
  };
  for (const object of objects) write(object, true);
  for (const object of options.unlisted ?? []) write(object, false);
  for (const [num, at] of Object.entries(options.pointAt ?? {})) offsets.set(Number(num), at);
  const xrefAt = pdf.length + Buffer.byteLength(text, 'latin1');
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  text += 'xref\n0 1\n0000000000 65535 f \n';
  for (const num of nums)
    text += `${num} 1\n${String(offsets.get(num)).padStart(10, '0')} ${String(generations.get(num) ?? 0).padStart(5, '0')} n \n`;
  const size = Math.max(
    trailer.size,
    ...nums.map((num) => num + 1),
    ...(options.unlisted ?? []).map((o) => o.num + 1),
  );
  text += `trailer\n<< /Size ${size} /Root ${trailer.root}${trailer.info ? ` /Info ${trailer.info}` : ''} /Prev ${trailer.xref}${options.trailerExtra ?? ''} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const out = new Uint8Array(pdf.length + Buffer.byteLength(text, 'latin1'));
  out.set(pdf);
  out.set(latin1(text), pdf.length);
  return out;
}

/** The body of object `num` as written in its latest revision (for copying it with a change). */
export function objectBody(pdf: Uint8Array, num: number): string {
  const file = readPdfFile(pdf);
  const object = file.object(num);
  if (!object || object.offset < 0) throw new Error(`object ${num} not found`);
  const text = Buffer.from(pdf).toString('latin1');
  const start = text.indexOf('obj', object.offset) + 3;
  const end = text.indexOf('endobj', start);
  return text.slice(start, end).trim();
}
