import { documentView, type DocumentView, type FormField } from '../pdf/pdfDocumentView';
import type { PdfFile } from '../pdf/pdfFile';
import {
  changedKeys,
  dictGet,
  isArray,
  isDict,
  isName,
  isRef,
  referencesIn,
  valuesEqual,
  type PdfArray,
  type PdfDict,
  type PdfObject,
  type PdfRef,
  type PdfValue,
} from '../pdf/pdfValues';
import { revisionStrings as text } from './revisionStrings';

/**
 * What one incremental update did to the document, judged against what signing may do
 * (ISO 32000-1 §12.8.2.2, DocMDP P=2; ETSI EN 319 142-1 §5.4): fill a signature field (its /V,
 * its widget's appearance), add that signature's dictionary, the AcroForm's /Fields and
 * /SigFlags, a page's /Annots for a new signature widget, the certification's /Perms, and DSS
 * validation data. Every other change is reported, in Vietnamese, with what it touched.
 */
export type RevisionJudgement = {
  /** 0-based revision index in the file. */
  readonly revision: number;
  /** The signature dictionary this revision adds, with the field it fills. */
  readonly signature: { readonly object: PdfObject; readonly field: FormField } | undefined;
  /** Whether the added signature certifies the document (DocMDP), and with which P. */
  readonly certification: { readonly permissions: number } | undefined;
  readonly problems: readonly string[];
};

export type JudgeOptions = {
  /** A học bạ reserves its three signature fields: a revision may only fill them, never add one. */
  readonly reservedFieldsOnly: boolean;
  /** Whether an earlier revision already holds a signature. */
  readonly signedBefore: boolean;
  /** The DocMDP permission of the certification signature, if one was made before (1: no changes). */
  readonly certifiedWith: number | undefined;
};

/** More objects than any học bạ holds (the reader itself stops at 20,000). */
const maxReachable = 20_000;

type Context = {
  readonly view: DocumentView;
  readonly pageOf: ReadonlyMap<number, number>;
  readonly contentOf: ReadonlyMap<number, number>;
  readonly annotsOf: ReadonlyMap<number, number>;
  readonly fieldsArray: number | undefined;
  readonly signatureFields: ReadonlyMap<number, FormField>;
  readonly dssObjects: ReadonlySet<number>;
};

function contextOf(file: PdfFile, view: DocumentView): Context {
  const pageOf = new Map<number, number>();
  const contentOf = new Map<number, number>();
  const annotsOf = new Map<number, number>();
  view.pages.forEach((page, index) => {
    pageOf.set(page.ref.num, index);
    for (const ref of referencesIn(page.dict.entries.get('Contents'))) contentOf.set(ref.num, index);
    const contents = file.resolve(page.dict.entries.get('Contents'), view.revision);
    if (isArray(contents)) for (const ref of referencesIn(contents)) contentOf.set(ref.num, index);
    const annots = page.dict.entries.get('Annots');
    if (isRef(annots)) annotsOf.set(annots.num, index);
  });
  const fields = view.acroForm?.dict.entries.get('Fields');
  const signatureFields = new Map<number, FormField>();
  for (const field of view.fields)
    if (field.type === 'Sig') {
      signatureFields.set(field.ref.num, field);
      signatureFields.set(field.widgetRef.num, field);
    }
  // What the document shows (everything reachable from the catalog but its DSS, and the
  // information dictionary) is never validation data, even when a DSS also points at it: else a
  // DSS listing a page's content stream would let a later revision rewrite that page.
  // The catalog itself is not walked (it holds the DSS); it and the information dictionary are
  // document objects all the same.
  const documentObjects = reachable(file, view.revision, [
    ...[...view.catalog.entries].filter(([key]) => key !== 'DSS').flatMap(([, value]) => referencesIn(value)),
    ...(view.infoRef ? [view.infoRef] : []),
  ]);
  documentObjects.add(view.catalogRef.num);
  const dssObjects = reachable(
    file,
    view.revision,
    referencesIn(view.catalog.entries.get('DSS')),
    documentObjects,
  );
  return {
    view,
    pageOf,
    contentOf,
    annotsOf,
    fieldsArray: isRef(fields) ? fields.num : undefined,
    signatureFields,
    dssObjects,
  };
}

/** Object numbers reachable from `roots` (bounded), not entering `excluded`. */
function reachable(
  file: PdfFile,
  revision: number,
  roots: readonly PdfRef[],
  excluded: ReadonlySet<number> = new Set(),
): Set<number> {
  const found = new Set<number>();
  const pending = [...roots];
  while (pending.length > 0 && found.size < maxReachable) {
    const ref = pending.pop();
    if (!ref || found.has(ref.num) || excluded.has(ref.num)) continue;
    found.add(ref.num);
    referencesIn(file.object(ref.num, revision)?.value, pending);
  }
  return found;
}

function streamBytesEqual(file: PdfFile, a: PdfObject, b: PdfObject): boolean {
  if (!a.stream || !b.stream) return !a.stream && !b.stream;
  const left = file.bytes.subarray(a.stream.dataStart, a.stream.dataEnd);
  const right = file.bytes.subarray(b.stream.dataStart, b.stream.dataEnd);
  if (left.length !== right.length) return false;
  for (let i = 0; i < left.length; i += 1) if (left[i] !== right[i]) return false;
  return true;
}

function sameObject(file: PdfFile, a: PdfObject | undefined, b: PdfObject | undefined): boolean {
  if (!a || !b) return a === b;
  return valuesEqual(a.value, b.value) && streamBytesEqual(file, a, b);
}

/** Items appended to an array, or undefined when the earlier items did not stay as they were. */
function appended(
  before: PdfValue | undefined,
  after: PdfValue | undefined,
): readonly PdfValue[] | undefined {
  const old: PdfArray = isArray(before) ? before : { kind: 'array', items: [] };
  if (!isArray(after) || after.items.length < old.items.length) return undefined;
  return old.items.every((item, index) => valuesEqual(item, after.items[index]))
    ? after.items.slice(old.items.length)
    : undefined;
}

function describe(file: PdfFile, context: Context, num: number): string {
  const page = context.pageOf.get(num);
  if (page !== undefined) return text.page(page + 1);
  const content = context.contentOf.get(num);
  if (content !== undefined) return text.pageContent(content + 1);
  if (num === context.view.catalogRef.num) return text.catalog;
  if (num === context.view.infoRef?.num) return text.info;
  if (num === context.view.acroForm?.holder) return text.acroForm;
  const field = context.signatureFields.get(num);
  if (field) return text.signatureField(field.name);
  const object = file.object(num, context.view.revision);
  const dict = object && isDict(object.value) ? object.value : undefined;
  const type = dictGet(dict, 'Type');
  const subtype = dictGet(dict, 'Subtype');
  if (isName(type, 'Pages')) return text.pageTree;
  if (isName(type, 'EmbeddedFile')) return text.attachment;
  if (isName(type, 'Filespec')) return text.fileSpecification;
  if (isName(type, 'Font') || isName(type, 'FontDescriptor') || dict?.entries.has('Length1'))
    return text.font;
  if (isName(subtype, 'Image')) return text.image;
  if (isName(subtype, 'Form')) return text.drawing;
  if (isName(type, 'Annot') || (isName(subtype) && dict?.entries.has('Rect')))
    return text.annotation(isName(subtype) ? subtype.name : '?');
  return text.object(num);
}

const isSignatureDict = (value: PdfValue | undefined): boolean =>
  isDict(value) &&
  (isName(value.entries.get('Type'), 'Sig') ||
    (!value.entries.has('Type') && isName(value.entries.get('Filter'), 'Adobe.PPKLite')));

/** The DocMDP permission a signature dictionary certifies with (its /Reference), if any. */
export function docMdpPermissions(
  signature: PdfValue | undefined,
  file: PdfFile,
  revision: number,
): number | undefined {
  const references = file.resolve(dictGet(signature, 'Reference'), revision);
  if (!isArray(references)) return undefined;
  for (const item of references.items) {
    const reference = file.resolve(item, revision);
    if (!isName(dictGet(reference, 'TransformMethod'), 'DocMDP')) continue;
    const permissions = dictGet(file.resolve(dictGet(reference, 'TransformParams'), revision), 'P');
    return typeof permissions === 'number' ? permissions : 2;
  }
  return undefined;
}

type Change = {
  readonly num: number;
  readonly before: PdfObject | undefined;
  readonly after: PdfObject | undefined;
};

function changesOf(file: PdfFile, revision: number): Change[] {
  const changes: Change[] = [];
  const current = file.revisions[revision];
  if (!current) return changes;
  for (const num of current.entries.keys()) {
    if (num === 0) continue;
    const before = file.object(num, revision - 1);
    const after = file.object(num, revision);
    if (sameObject(file, before, after)) continue;
    // The revision's own cross-reference and object streams are how it is stored, not content.
    const type = after && isDict(after.value) ? after.value.entries.get('Type') : undefined;
    if (!before && (isName(type, 'XRef') || isName(type, 'ObjStm'))) continue;
    changes.push({ num, before, after });
  }
  return changes;
}

/** Judges revision `revision` (≥ 1) of `file` against the one before it. */
export function judgeRevision(file: PdfFile, revision: number, options: JudgeOptions): RevisionJudgement {
  const number = revision + 1;
  const beforeView = documentView(file, revision - 1);
  const afterView = documentView(file, revision);
  const context = contextOf(file, beforeView);
  const problems: string[] = [];
  const changes = changesOf(file, revision);

  if (afterView.catalogRef.num !== beforeView.catalogRef.num)
    problems.push(text.changed(number, text.trailerRoot));
  if (beforeView.infoRef && afterView.infoRef?.num !== beforeView.infoRef.num)
    problems.push(text.changed(number, text.info));

  const added = changes.flatMap((change) => (!change.before && change.after ? [change.after] : []));
  const signatures = added.filter((object) => isSignatureDict(object.value));
  if (added.some((object) => isName(dictGet(object.value, 'Type'), 'DocTimeStamp')))
    problems.push(text.documentTimestamp(number));
  if (signatures.length > 1) problems.push(text.twoSignatures(number));
  const [signatureObject] = signatures;
  const isThisSignature = (value: PdfValue | undefined) =>
    signatureObject !== undefined && isRef(value) && value.num === signatureObject.num;

  const newFields = afterView.fields.filter(
    (field) => !beforeView.fields.some((old) => old.ref.num === field.ref.num),
  );
  const filledField = afterView.fields.find((field) => isThisSignature(field.value));
  if (signatureObject && !filledField) problems.push(text.orphanSignature(number));
  if (signatureObject && signatureObject.offset < 0) problems.push(text.signatureInObjectStream(number));
  const certification =
    signatureObject === undefined ? undefined : docMdpPermissions(signatureObject.value, file, revision);
  if (certification !== undefined && options.signedBefore) problems.push(text.certificationLater(number));
  if (options.certifiedWith === 1 && changes.length > 0) problems.push(text.noChangesAllowed(number));

  for (const field of newFields) {
    if (field.type !== 'Sig') problems.push(text.addedField(number));
    else if (options.reservedFieldsOnly) problems.push(text.unreservedField(number));
    else if (!isThisSignature(field.value)) problems.push(text.fieldWithoutSignature(number, field.name));
  }
  const newWidgets = new Set(
    newFields.filter((field) => field.type === 'Sig').map((field) => field.widgetRef.num),
  );
  const newFieldRefs = new Set(newFields.map((field) => field.ref.num));

  const checkAppended = (
    items: readonly PdfValue[] | undefined,
    what: string,
    page: number | undefined,
    fieldsList: boolean,
  ) => {
    if (items === undefined) {
      problems.push(text.changed(number, what));
      return;
    }
    for (const item of items) {
      const ok = isRef(item) && (fieldsList ? newFieldRefs.has(item.num) : newWidgets.has(item.num));
      if (ok) continue;
      const value = file.resolve(item, revision);
      const subtype = dictGet(value, 'Subtype');
      const annotation = text.annotation(isName(subtype) ? subtype.name : '?');
      problems.push(
        page === undefined ? text.addedField(number) : text.addedAnnotation(number, annotation, page + 1),
      );
    }
  };

  const judgeAcroForm = (before: PdfDict | undefined, after: PdfValue | undefined) => {
    if (!isDict(after)) {
      problems.push(text.changed(number, text.acroForm));
      return;
    }
    const old: PdfDict = before ?? { kind: 'dict', entries: new Map() };
    for (const key of changedKeys(old, after)) {
      if (key === 'SigFlags') continue;
      if (key === 'Fields') {
        const oldFields = file.resolve(old.entries.get('Fields'), revision - 1);
        const newFieldsList = after.entries.get('Fields');
        // An indirect /Fields array changed in place is judged as its own object.
        if (
          isRef(newFieldsList) &&
          isRef(old.entries.get('Fields')) &&
          valuesEqual(newFieldsList, old.entries.get('Fields'))
        )
          continue;
        checkAppended(
          appended(oldFields, file.resolve(newFieldsList, revision)),
          text.acroFormKey(key),
          undefined,
          true,
        );
        continue;
      }
      problems.push(text.changed(number, text.acroFormKey(key)));
    }
  };

  for (const change of changes) {
    const { num, before, after } = change;
    if (!before) continue;
    if (!after) {
      problems.push(text.removed(number, describe(file, context, num)));
      continue;
    }
    if (context.dssObjects.has(num)) continue;
    const beforeDict = isDict(before.value) ? before.value : undefined;
    const afterDict = isDict(after.value) ? after.value : undefined;
    if (num === beforeView.catalogRef.num && beforeDict && afterDict) {
      for (const key of changedKeys(beforeDict, afterDict)) {
        if (key === 'DSS') continue;
        if (key === 'Perms' && certification !== undefined && !options.signedBefore) {
          const docMdp = dictGet(file.resolve(afterDict.entries.get('Perms'), revision), 'DocMDP');
          if (isThisSignature(docMdp)) continue;
        }
        if (
          key === 'AcroForm' &&
          (isDict(beforeDict.entries.get('AcroForm')) || !beforeDict.entries.has('AcroForm'))
        ) {
          const old = beforeDict.entries.get('AcroForm');
          judgeAcroForm(
            isDict(old) ? old : undefined,
            file.resolve(afterDict.entries.get('AcroForm'), revision),
          );
          continue;
        }
        problems.push(text.changed(number, text.catalogKey(key)));
      }
      continue;
    }
    if (num === beforeView.acroForm?.holder && beforeDict) {
      judgeAcroForm(beforeDict, afterDict);
      continue;
    }
    if (num === context.fieldsArray) {
      checkAppended(appended(before.value, after.value), text.acroFormKey('Fields'), undefined, true);
      continue;
    }
    const page = context.pageOf.get(num);
    if (page !== undefined && beforeDict && afterDict) {
      for (const key of changedKeys(beforeDict, afterDict)) {
        if (key !== 'Annots') problems.push(text.changed(number, text.pageKey(page + 1, key)));
        else
          checkAppended(
            appended(
              file.resolve(beforeDict.entries.get(key), revision - 1),
              file.resolve(afterDict.entries.get(key), revision),
            ),
            text.pageKey(page + 1, key),
            page,
            false,
          );
      }
      continue;
    }
    const annotsPage = context.annotsOf.get(num);
    if (annotsPage !== undefined) {
      checkAppended(
        appended(before.value, after.value),
        text.pageKey(annotsPage + 1, 'Annots'),
        annotsPage,
        false,
      );
      continue;
    }
    const field = context.signatureFields.get(num);
    if (field && beforeDict && afterDict) {
      for (const key of changedKeys(beforeDict, afterDict)) {
        const isField = num === field.ref.num;
        const isWidget = num === field.widgetRef.num;
        if (key === 'V' && isField) {
          if (beforeDict.entries.has('V')) problems.push(text.overwrittenSignature(number, field.name));
          else if (!isThisSignature(afterDict.entries.get('V')))
            problems.push(text.fieldWithoutSignature(number, field.name));
          continue;
        }
        if (
          key === 'AP' &&
          isWidget &&
          isThisSignature(afterView.fields.find((f) => f.ref.num === field.ref.num)?.value)
        )
          continue;
        problems.push(text.changed(number, text.signatureFieldKey(field.name, key)));
      }
      continue;
    }
    problems.push(text.changed(number, describe(file, context, num)));
  }

  return {
    revision,
    signature: signatureObject && filledField ? { object: signatureObject, field: filledField } : undefined,
    certification: certification === undefined ? undefined : { permissions: certification },
    problems: [...new Set(problems)],
  };
}

/** The signed signature fields of the first revision (there must be none in a học bạ). */
export function signedFieldsInFirstRevision(file: PdfFile): readonly FormField[] {
  return documentView(file, 0).fields.filter((field) => field.type === 'Sig' && field.value !== undefined);
}
