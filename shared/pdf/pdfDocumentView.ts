import type { PdfFile } from './pdfFile';
import { pdfLimits, PdfStructureError } from './pdfLimits';
import {
  dictGet,
  isArray,
  isDict,
  isName,
  isRef,
  textOf,
  type PdfDict,
  type PdfRef,
  type PdfValue,
} from './pdfValues';

/** A page tree deeper or larger than this is not a học bạ (a record has two or three pages). */
const maxPages = 2000;
const maxTreeDepth = 16;
const maxFields = 500;

/** What a revision of a document holds, as a viewer of that revision sees it. */
export type DocumentView = {
  readonly revision: number;
  readonly catalogRef: PdfRef;
  readonly catalog: PdfDict;
  readonly infoRef: PdfRef | undefined;
  /** Page objects in order. */
  readonly pages: readonly { readonly ref: PdfRef; readonly dict: PdfDict }[];
  /** The AcroForm dictionary, and the object holding it (itself, or the catalog when direct). */
  readonly acroForm: { readonly holder: number; readonly dict: PdfDict } | undefined;
  /** Terminal form fields (with their widget, merged or the first kid). */
  readonly fields: readonly FormField[];
};

export type FormField = {
  readonly ref: PdfRef;
  readonly name: string;
  readonly type: string | undefined;
  /** The widget annotation's object: the field itself when merged. */
  readonly widgetRef: PdfRef;
  readonly value: PdfValue | undefined;
};

function fail(detail: string, problem: 'syntax' | 'too-complex' = 'syntax'): never {
  throw new PdfStructureError(problem, detail, -1);
}

function pagesOf(file: PdfFile, root: PdfValue | undefined, revision: number): DocumentView['pages'] {
  const pages: { ref: PdfRef; dict: PdfDict }[] = [];
  const seen = new Set<number>();
  const walk = (node: PdfValue | undefined, depth: number): void => {
    if (!isRef(node)) fail('page tree node is not a reference');
    if (depth > maxTreeDepth || seen.has(node.num)) fail('page tree loops or is too deep');
    seen.add(node.num);
    const dict = file.resolve(node, revision);
    if (!isDict(dict)) fail('page tree node is not a dictionary');
    const type = dict.entries.get('Type');
    if (isName(type, 'Page')) {
      pages.push({ ref: node, dict });
      if (pages.length > maxPages) fail('too many pages', 'too-complex');
      return;
    }
    const kids = file.resolve(dict.entries.get('Kids'), revision);
    if (!isName(type, 'Pages') || !isArray(kids)) fail('page tree node without kids');
    if (kids.items.length > pdfLimits.maxKids) fail('page tree node with too many kids', 'too-complex');
    for (const kid of kids.items) walk(kid, depth + 1);
  };
  walk(root, 0);
  return pages;
}

function fieldsOf(file: PdfFile, acroForm: PdfDict | undefined, revision: number): FormField[] {
  const fields: FormField[] = [];
  const seen = new Set<number>();
  const walk = (
    node: PdfValue | undefined,
    inherited: { name: string; type: string | undefined },
    depth: number,
  ) => {
    if (!isRef(node)) fail('form field is not a reference');
    if (depth > maxTreeDepth || seen.has(node.num) || seen.size > maxFields)
      fail('form field tree loops or is too large', 'too-complex');
    seen.add(node.num);
    const dict = file.resolve(node, revision);
    if (!isDict(dict)) fail('form field is not a dictionary');
    const partial = textOf(dict.entries.get('T'));
    const name =
      partial === undefined
        ? inherited.name
        : inherited.name === ''
          ? partial
          : `${inherited.name}.${partial}`;
    const typeValue = dict.entries.get('FT');
    const type = isName(typeValue) ? typeValue.name : inherited.type;
    const kids = file.resolve(dict.entries.get('Kids'), revision);
    if (isArray(kids) && kids.items.length > pdfLimits.maxKids)
      fail('form field with too many kids', 'too-complex');
    const childFields = isArray(kids)
      ? kids.items.filter((kid) => {
          const kidDict = file.resolve(kid, revision);
          return isDict(kidDict) && kidDict.entries.has('T');
        })
      : [];
    if (childFields.length > 0) {
      for (const kid of childFields) walk(kid, { name, type }, depth + 1);
      return;
    }
    const [firstWidget] = isArray(kids) ? kids.items : [];
    fields.push({
      ref: node,
      name,
      type,
      widgetRef: isRef(firstWidget) ? firstWidget : node,
      value: dict.entries.get('V'),
    });
  };
  const list = file.resolve(dictGet(acroForm, 'Fields'), revision);
  if (isArray(list)) for (const field of list.items) walk(field, { name: '', type: undefined }, 0);
  return fields;
}

/** Views already made of a file, by revision: a verification asks for each one twice. */
const views = new WeakMap<PdfFile, Map<number, DocumentView>>();

/** The document as of `revision` (0-based): catalog, information dictionary, pages and form fields. */
export function documentView(file: PdfFile, revision: number): DocumentView {
  const known = views.get(file) ?? new Map<number, DocumentView>();
  views.set(file, known);
  const cached = known.get(revision);
  if (cached) return cached;
  const view = makeDocumentView(file, revision);
  known.set(revision, view);
  return view;
}

function makeDocumentView(file: PdfFile, revision: number): DocumentView {
  const trailer = file.revisions[revision]?.trailer;
  const root = dictGet(trailer, 'Root');
  if (!isRef(root)) fail('trailer without /Root');
  const catalog = file.resolve(root, revision);
  if (!isDict(catalog) || !isName(catalog.entries.get('Type'), 'Catalog')) fail('/Root is not a catalog');
  const info = dictGet(trailer, 'Info');
  const acroFormValue = catalog.entries.get('AcroForm');
  const acroFormDict = file.resolve(acroFormValue, revision);
  return {
    revision,
    catalogRef: root,
    catalog,
    infoRef: isRef(info) ? info : undefined,
    pages: pagesOf(file, catalog.entries.get('Pages'), revision),
    acroForm: isDict(acroFormDict)
      ? { holder: isRef(acroFormValue) ? acroFormValue.num : root.num, dict: acroFormDict }
      : undefined,
    fields: isDict(acroFormDict) ? fieldsOf(file, acroFormDict, revision) : [],
  };
}
