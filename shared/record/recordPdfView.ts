import { documentView } from '../pdf/pdfDocumentView';
import type { PdfFile } from '../pdf/pdfFile';
import { dictGet, isArray, isRef, textOf, decodeUtf8, type PdfValue } from '../pdf/pdfValues';
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
};

/** The canonical record JSON is a few tens of kilobytes; anything far larger is not one. */
const maxRecordJsonBytes = 2 * 1024 * 1024;
const maxNameTreeNodes = 256;

function findAttachment(file: PdfFile, root: PdfValue | undefined, revision: number): PdfValue | undefined {
  const pending: (PdfValue | undefined)[] = [root];
  let visited = 0;
  while (pending.length > 0 && visited < maxNameTreeNodes) {
    visited += 1;
    const node = file.resolve(pending.shift(), revision);
    const names = file.resolve(dictGet(node, 'Names'), revision);
    if (isArray(names))
      for (let i = 0; i + 1 < names.items.length; i += 2) {
        const specification = file.resolve(names.items[i + 1], revision);
        const fileName = textOf(dictGet(specification, 'UF')) ?? textOf(dictGet(specification, 'F'));
        if (fileName === recordAttachmentName) return specification;
      }
    const kids = file.resolve(dictGet(node, 'Kids'), revision);
    if (isArray(kids)) pending.push(...kids.items);
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
  };
}
