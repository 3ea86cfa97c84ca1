import { createDeflate } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef } from '@cantoo/pdf-lib';

/**
 * PDFs built to hurt a verifier (issue 8, "Hostile files"): floods of signature keys, inflate
 * bombs in the attachment and the page content, deep nesting, endless numbers, loops. Made in
 * memory by the tests and the hostile-file benchmark; nothing large is committed.
 */
const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

/** A classic PDF from object bodies (object 1 is the catalog), with a correct xref table. */
export function pdfOfObjects(bodies: readonly string[], trailerExtra = ''): Uint8Array {
  let text = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  bodies.forEach((body, index) => {
    offsets.push(Buffer.byteLength(text, 'latin1'));
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(text, 'latin1');
  text += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return ascii(text);
}

/** One dictionary holding `count` /ByteRange keys (the original attack's file: quadratic for a byte scanner). */
export function byteRangeKeyFlood(count = 10_000): Uint8Array {
  const keys = Array.from({ length: count }, (_, index) => `/ByteRange [0 ${index} ${index + 1} 1]`).join(
    '\n',
  );
  return ascii(`%PDF-1.7\n1 0 obj\n<< /Type /Sig\n${keys}\n>>\nendobj\n`);
}

/** `count` signature dictionaries, each its own object, in a well-formed file. */
export function signatureObjectFlood(count = 10_000): Uint8Array {
  const bodies = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [] /Count 0 >>',
    ...Array.from({ length: count }, () => '<< /Type /Sig /ByteRange [0 1 2 3] /Contents <00> >>'),
  ];
  return pdfOfObjects(bodies);
}

/** Arrays nested `depth` deep. */
export function deepNesting(depth = 100_000): Uint8Array {
  return ascii(`%PDF-1.7\n1 0 obj\n${'['.repeat(depth)}${']'.repeat(depth)}\nendobj\n`);
}

/** A number `length` digits long, where an object number is expected (a lenient parser rescans it at every byte). */
export function endlessNumber(length = 5_000_000): Uint8Array {
  return ascii(`%PDF-1.7\n${'1'.repeat(length)} 0 obj\n<< >>\nendobj\n`);
}

/** More objects than a học bạ could ever have. */
export function objectFlood(count = 25_000): Uint8Array {
  return pdfOfObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [] /Count 0 >>',
    ...Array.from({ length: count }, () => 'null'),
  ]);
}

/** A page tree whose node lists itself as its own kid. */
export function pageTreeLoop(): Uint8Array {
  return pdfOfObjects(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>']);
}

/** An xref subsection that claims a billion entries. */
export function hugeXrefClaim(): Uint8Array {
  return ascii(
    '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 999999999\n0000000000 65535 f \n' +
      'trailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n40\n%%EOF\n',
  );
}

/** zlib data that inflates to `inflatedBytes` zero bytes, streamed so the input is never in memory. */
export async function zlibBomb(inflatedBytes: number): Promise<Uint8Array> {
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const zeros = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < inflatedBytes; written += zeros.length) {
    const part = zeros.subarray(0, Math.min(zeros.length, inflatedBytes - written));
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** `pdf` (one revision, made by pdf-lib) with the stream `select` picks replaced by raw, already compressed `data`. */
async function replaceStream(
  pdf: Uint8Array,
  select: (doc: PDFDocument) => PDFRef,
  data: Uint8Array,
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const ref = select(doc);
  const old = doc.context.lookup(ref);
  if (!(old instanceof PDFRawStream)) throw new Error('not a stream');
  const dict = old.dict.clone(doc.context);
  dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
  dict.set(PDFName.of('Length'), PDFNumber.of(data.length));
  dict.delete(PDFName.of('DecodeParms'));
  doc.context.assign(ref, PDFRawStream.of(dict, data));
  return doc.save({ useObjectStreams: false });
}

/** A rendered record whose attached record JSON is replaced by `bomb` (compressed). */
export function attachmentBomb(renderedPdf: Uint8Array, bomb: Uint8Array): Promise<Uint8Array> {
  return replaceStream(
    renderedPdf,
    (doc) => {
      const found = doc.context
        .enumerateIndirectObjects()
        .find(
          ([, object]) =>
            object instanceof PDFRawStream &&
            object.dict.get(PDFName.of('Type')) === PDFName.of('EmbeddedFile'),
        );
      if (!found) throw new Error('no attachment');
      return found[0];
    },
    bomb,
  );
}

/** A rendered record whose first page's content stream is replaced by `bomb` (compressed). */
export function contentBomb(renderedPdf: Uint8Array, bomb: Uint8Array): Promise<Uint8Array> {
  return replaceStream(
    renderedPdf,
    (doc) => {
      const contents = doc.getPages()[0]?.node.get(PDFName.of('Contents'));
      const first = contents instanceof PDFArray ? contents.get(0) : contents;
      if (first instanceof PDFRef) return first;
      throw new Error('the first page has no content stream');
    },
    bomb,
  );
}

/** `count` objects, each an array of `perObject` empty strings: millions of tiny values. */
export function emptyStringFlood(count = 98, perObject = 24_500): Uint8Array {
  const body = `[${'<>'.repeat(perObject)}]`;
  return pdfOfObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [] /Count 0 >>',
    ...Array.from({ length: count }, () => body),
  ]);
}

/** An EmbeddedFiles name tree whose node lists itself a thousand times, with long names to decode. */
export function nameTreeLoop(entries = 25_000, nameBytes = 10_000): Uint8Array {
  return pdfOfObjects([
    '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 3 0 R >> >>',
    '<< /Type /Pages /Kids [] /Count 0 >>',
    `<< /Kids [${'3 0 R '.repeat(1000)}] /Names 4 0 R >>`,
    `[${'(a) 5 0 R '.repeat(entries)}]`,
    `<< /UF (${'x'.repeat(nameBytes)}) >>`,
  ]);
}

/** Form fields that all share one /Kids array of `kids` widgets. */
export function sharedKidsFlood(fields = 500, kids = 50_000): Uint8Array {
  const fieldRefs = Array.from({ length: fields }, (_, index) => `${index + 5} 0 R`).join(' ');
  return pdfOfObjects([
    `<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [${fieldRefs}] >> >>`,
    '<< /Type /Pages /Kids [] /Count 0 >>',
    `[${'4 0 R '.repeat(kids)}]`,
    '<< /Type /Annot /Subtype /Widget /Rect [0 0 1 1] >>',
    ...Array.from({ length: fields }, () => '<< /FT /Tx /Kids 3 0 R >>'),
  ]);
}

/** `renderedPdf` with `content` as its first page's first content stream (drawn before the rest). */
export async function withFirstContent(renderedPdf: Uint8Array, content: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(renderedPdf, { updateMetadata: false });
  const page = doc.getPages()[0];
  if (!page) throw new Error('no page');
  const stream = doc.context.register(doc.context.flateStream(content));
  const contents = page.node.get(PDFName.of('Contents'));
  if (contents instanceof PDFArray) contents.insert(0, stream);
  else page.node.set(PDFName.of('Contents'), doc.context.obj(contents ? [stream, contents] : [stream]));
  return doc.save({ useObjectStreams: false });
}
