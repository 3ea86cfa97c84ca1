import { readClassListStrings, xlsxHostileReasons, xlsxPartNames } from './readClassListStrings';
import type { PartHandler, XlsxPackage } from './xlsxPackage';
import type { XlsxLimits } from './xlsxLimits';
import { refuse, refuseHostile } from './xlsxRefusal';

/** A sheet as the workbook lists it, in tab order. */
export type SheetInfo = {
  readonly name: string;
  readonly visible: boolean;
  /** Its part in the package; undefined for a sheet without one (a chart sheet's link missing). */
  readonly path: string | undefined;
};

export type WorkbookInfo = {
  readonly sheets: readonly SheetInfo[];
  /** Serial dates count from 1904 (old Mac workbooks) instead of 1900. */
  readonly date1904: boolean;
  readonly sharedStringsPath: string | undefined;
  readonly stylesPath: string | undefined;
};

type Relationship = { readonly type: string; readonly target: string };

const workbookPath = 'xl/workbook.xml';
const workbookRelsPath = 'xl/_rels/workbook.xml.rels';

/** A relationship target relative to `xl/` (or absolute from the package root) as a part name. */
function resolveTarget(target: string): string {
  const absolute = target.startsWith('/');
  const segments = (absolute ? [] : ['xl']).concat(target.split('/'));
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') resolved.pop();
    else resolved.push(segment);
  }
  return resolved.join('/');
}

async function readRelationships(pkg: XlsxPackage, limits: XlsxLimits): Promise<Map<string, Relationship>> {
  const relationships = new Map<string, Relationship>();
  if (!pkg.has(workbookRelsPath)) return relationships;
  const handler: PartHandler = {
    wantsText: () => false,
    text: () => undefined,
    close: () => undefined,
    open: (name, tag) => {
      if (name !== 'Relationship') return;
      if (relationships.size >= limits.maxRelationships) {
        refuseHostile(xlsxHostileReasons.tooManyRelationships(limits.maxRelationships));
      }
      const id = tag.attr('Id');
      const target = tag.attr('Target');
      if (id === undefined || target === undefined || tag.attr('TargetMode') === 'External') return;
      if (!relationships.has(id)) relationships.set(id, { type: tag.attr('Type') ?? '', target });
    },
  };
  await pkg.scan(
    {
      path: workbookRelsPath,
      label: xlsxPartNames.relationships,
      maxBytes: limits.maxRelationshipsXmlBytes,
      maxElements: limits.maxRelationships + 16,
    },
    handler,
  );
  return relationships;
}

function partOfType(relationships: Map<string, Relationship>, type: string, fallback: string): string {
  for (const relationship of relationships.values()) {
    if (relationship.type.endsWith(`/${type}`)) return resolveTarget(relationship.target);
  }
  return fallback;
}

/**
 * The workbook's sheets (name, visibility, part) in tab order, its date system, and where its
 * shared strings and styles are. A ZIP without `xl/workbook.xml` (a renamed .docx, a .zip) is
 * "not an .xlsx".
 */
export async function readWorkbookInfo(pkg: XlsxPackage, limits: XlsxLimits): Promise<WorkbookInfo> {
  if (!pkg.has(workbookPath)) return refuse(readClassListStrings.notXlsx);
  const relationships = await readRelationships(pkg, limits);
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  const handler: PartHandler = {
    wantsText: () => false,
    text: () => undefined,
    close: () => undefined,
    open: (name, tag) => {
      if (name === 'workbookPr') date1904 = tag.attr('date1904') === '1';
      if (name !== 'sheet') return;
      if (sheets.length >= limits.maxSheets)
        refuseHostile(xlsxHostileReasons.tooManySheets(limits.maxSheets));
      const state = tag.attr('state');
      const relationship = relationships.get(tag.attr('r:id') ?? '');
      sheets.push({
        // Excel's own limit is 31 characters; a longer name only ever reaches a message.
        name: (tag.attr('name') ?? '').slice(0, 31),
        visible: state === undefined || state === 'visible',
        path: relationship === undefined ? undefined : resolveTarget(relationship.target),
      });
    },
  };
  await pkg.scan(
    {
      path: workbookPath,
      label: xlsxPartNames.workbook,
      maxBytes: limits.maxWorkbookXmlBytes,
      // Defined names are elements too; damaged workbooks carry tens of thousands of them.
      maxElements: 200_000,
    },
    handler,
  );
  return {
    sheets,
    date1904,
    sharedStringsPath: partOfType(relationships, 'sharedStrings', 'xl/sharedStrings.xml'),
    stylesPath: partOfType(relationships, 'styles', 'xl/styles.xml'),
  };
}
