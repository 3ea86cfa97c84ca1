import { xlsxDamageReasons, xlsxHostileReasons, xlsxPartNames } from './readClassListStrings';
import { TextCollector } from './textCollector';
import type { PartHandler, XlsxPackage } from './xlsxPackage';
import type { XlsxLimits } from './xlsxLimits';
import { refuseDamaged, refuseHostile } from './xlsxRefusal';

/**
 * The shared strings a sheet uses, and only those: sharedStrings.xml is workbook-wide and may be
 * far larger than one class list, so it is streamed, the needed entries kept, the rest skipped
 * without keeping their text, and reading stops after the last needed one. Rich text is the runs'
 * text joined; phonetic guides (`rPh`) are left out, as exceljs does.
 */
export async function readSharedStrings(
  pkg: XlsxPackage,
  path: string | undefined,
  needed: ReadonlySet<number>,
  limits: XlsxLimits,
): Promise<ReadonlyMap<number, string>> {
  const found = new Map<number, string>();
  if (needed.size === 0) return found;
  if (path === undefined || !pkg.has(path)) return refuseDamaged(xlsxDamageReasons.missingString);
  let lastNeeded = 0;
  for (const neededIndex of needed) lastNeeded = Math.max(lastNeeded, neededIndex);
  const label = xlsxPartNames.sharedStrings;
  let index = -1;
  const collector = new TextCollector(limits.maxCellChars, label);
  let current: TextCollector | undefined;
  let inText = false;
  let phoneticDepth = 0;
  const handler: PartHandler = {
    wantsText: () => inText && phoneticDepth === 0 && current !== undefined,
    text: (buf, start, end) => current?.add(buf, start, end),
    open: (name) => {
      if (name === 'si') {
        index += 1;
        if (index >= limits.maxSharedStrings) {
          refuseHostile(xlsxHostileReasons.tooManySharedStrings(limits.maxSharedStrings));
        }
        current = needed.has(index) ? collector : undefined;
        current?.start();
        phoneticDepth = 0;
      } else if (name === 'rPh') phoneticDepth += 1;
      else if (name === 't') inText = true;
    },
    close: (name) => {
      if (name === 't') inText = false;
      else if (name === 'rPh') phoneticDepth = Math.max(0, phoneticDepth - 1);
      else if (name === 'si') {
        if (current !== undefined) found.set(index, current.decoded({ excelEscapes: true }));
        current = undefined;
      }
    },
    done: () => index >= lastNeeded && current === undefined,
  };
  await pkg.scan(
    { path, label, maxBytes: limits.maxSharedStringsXmlBytes, maxElements: limits.maxSharedStrings * 10 },
    handler,
  );
  if (found.size !== needed.size) return refuseDamaged(xlsxDamageReasons.missingString);
  return found;
}
