import { documentView } from '../pdf/pdfDocumentView';
import type { PdfFile } from '../pdf/pdfFile';
import {
  decodeUtf8,
  dictGet,
  isArray,
  isDict,
  isName,
  isRef,
  isString,
  textOf,
  type PdfValue,
} from '../pdf/pdfValues';
import { latin1Decode } from '../signing/bytes';
import { parseStudyRecordJson, type ParsedStudyRecord } from './recordHash';
import { recordAttachmentName, recordPdfMarkersFrom, type RecordPdfMarkers } from './render/recordPdfMarkers';
import { verifyRecordStrings as text } from './verifyRecordStrings';

/** What a verifier reads of the record in one revision of a học bạ PDF (the first: what the teacher signed). */
export type RecordPdfView = {
  readonly markers: RecordPdfMarkers | undefined;
  readonly attached: ParsedStudyRecord;
  /** The first page's content stream(s), decoded, as text (operators are ASCII): where the QR code is drawn. */
  readonly firstPageContent: string;
  /** The names of the form fields of that revision, with whether each is a signature field. */
  readonly fields: readonly {
    readonly name: string;
    readonly signature: boolean;
    readonly signed: boolean;
  }[];
  /**
   * What the pages hold beyond what the renderer draws: the renderer's pages use only fonts and
   * images (the photo), and carry no annotation but the reserved signature widgets. A drawing
   * (form XObject) or another annotation in the signed revision is how a prepared file could
   * show what its data does not say, or reveal it later.
   */
  readonly unexpectedContent: readonly ('drawing' | 'annotation')[];
};

/** The canonical record JSON is a few tens of kilobytes; anything far larger is not one. */
const maxRecordJsonBytes = 2 * 1024 * 1024;
const maxNameTreeNodes = 256;
const maxNameTreeEntries = 4096;

/** The attachment's name, as bytes compared without decoding strings of any length. */
const attachmentCodes = Array.from({ length: recordAttachmentName.length }, (_, index) =>
  recordAttachmentName.charCodeAt(index),
);
const attachmentNames = [
  new Uint8Array(attachmentCodes),
  new Uint8Array([0xfe, 0xff, ...attachmentCodes.flatMap((code) => [0, code])]),
];

function isAttachmentName(value: PdfValue | undefined): boolean {
  if (!isString(value)) return false;
  return attachmentNames.some(
    (name) => name.length === value.bytes.length && name.every((byte, index) => value.bytes[index] === byte),
  );
}

/**
 * The record's file specification in the EmbeddedFiles name tree: each node visited once, the
 * walk bounded by node and entry counts, names compared as bytes.
 */
function findAttachment(file: PdfFile, root: PdfValue | undefined, revision: number): PdfValue | undefined {
  const pending: (PdfValue | undefined)[] = [root];
  const visited = new Set<number>();
  let nodes = 0;
  let entries = 0;
  while (pending.length > 0 && nodes < maxNameTreeNodes && entries < maxNameTreeEntries) {
    const next = pending.shift();
    if (isRef(next)) {
      if (visited.has(next.num)) continue;
      visited.add(next.num);
    }
    nodes += 1;
    const node = file.resolve(next, revision);
    const names = file.resolve(dictGet(node, 'Names'), revision);
    if (isArray(names))
      for (let i = 0; i + 1 < names.items.length && entries < maxNameTreeEntries; i += 2) {
        entries += 1;
        const specification = file.resolve(names.items[i + 1], revision);
        if (isAttachmentName(dictGet(specification, 'UF')) || isAttachmentName(dictGet(specification, 'F')))
          return specification;
      }
    const kids = file.resolve(dictGet(node, 'Kids'), revision);
    if (isArray(kids)) pending.push(...kids.items.slice(0, maxNameTreeNodes));
  }
  return undefined;
}

function attachedRecord(
  file: PdfFile,
  catalogNames: PdfValue | undefined,
  revision: number,
): ParsedStudyRecord {
  const tree = dictGet(file.resolve(catalogNames, revision), 'EmbeddedFiles');
  const specification = findAttachment(file, tree, revision);
  const stream = dictGet(file.resolve(dictGet(specification, 'EF'), revision), 'F');
  const object = isRef(stream) ? file.object(stream.num, revision) : undefined;
  if (!object?.stream) return { ok: false, problems: [text.noAttachment] };
  const bytes = file.decode(object);
  if (bytes.length > maxRecordJsonBytes) return { ok: false, problems: [text.attachmentTooLarge] };
  return parseStudyRecordJson(decodeUtf8(bytes));
}

function pageContent(file: PdfFile, contents: PdfValue | undefined, revision: number): string {
  const resolved = file.resolve(contents, revision);
  const refs = isArray(resolved) ? resolved.items : [contents];
  return refs
    .map((ref) => {
      const object = isRef(ref) ? file.object(ref.num, revision) : undefined;
      return object?.stream ? latin1Decode(file.decode(object)) : '';
    })
    .join('\n');
}

function unexpectedContentOf(file: PdfFile, revision: number): ('drawing' | 'annotation')[] {
  const view = documentView(file, revision);
  const widgets = new Set(
    view.fields.filter((field) => field.type === 'Sig').map((field) => field.widgetRef.num),
  );
  const found = new Set<'drawing' | 'annotation'>();
  for (const page of view.pages) {
    const resources = file.resolve(page.dict.entries.get('Resources'), revision);
    const xobjects = file.resolve(dictGet(resources, 'XObject'), revision);
    if (isDict(xobjects))
      for (const value of xobjects.entries.values())
        if (!isName(dictGet(file.resolve(value, revision), 'Subtype'), 'Image')) found.add('drawing');
    const annots = file.resolve(page.dict.entries.get('Annots'), revision);
    if (isArray(annots))
      for (const annot of annots.items) if (!isRef(annot) || !widgets.has(annot.num)) found.add('annotation');
  }
  return [...found];
}

/** Reads the record's markers, attached JSON, first page and form fields as of `revision`. */
export function readRecordPdfView(file: PdfFile, revision = 0): RecordPdfView {
  const view = documentView(file, revision);
  const info = file.resolve(view.infoRef, revision);
  const [firstPage] = view.pages;
  return {
    markers: recordPdfMarkersFrom((key) => textOf(dictGet(info, key))),
    attached: attachedRecord(file, view.catalog.entries.get('Names'), revision),
    firstPageContent: firstPage ? pageContent(file, firstPage.dict.entries.get('Contents'), revision) : '',
    fields: view.fields.map((field) => ({
      name: field.name,
      signature: field.type === 'Sig',
      signed: field.value !== undefined,
    })),
    unexpectedContent: unexpectedContentOf(file, revision),
  };
}
