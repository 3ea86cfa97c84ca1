import { readClassListStrings, xlsxDamageReasons, xlsxHostileReasons } from './readClassListStrings';
import { MalformedXml } from './xmlText';
import { XmlScanError } from './xmlScanError';
import { XmlScanner, type XmlHandler } from './xmlScanner';
import type { XlsxLimits } from './xlsxLimits';
import { refuse, refuseDamaged, refuseHostile } from './xlsxRefusal';
import { readZipDirectory, ZipDirectoryError, type ZipEntry } from './zipDirectory';
import { InflateError, streamZipEntry, type InflateBudget } from './zipEntryStream';

/** One part to scan: where it is, what to call it in a message, and its caps. */
export type PartScan = {
  readonly path: string;
  /** The part in Vietnamese, for refusals ("trang tính «Lớp 3A»"). */
  readonly label: string;
  readonly maxBytes: number;
  readonly maxElements: number;
};

/** A handler that may end the scan early, between two chunks, once it has what it needs. */
export type PartHandler = XmlHandler & { readonly done?: () => boolean };

export type XlsxPackage = {
  readonly has: (path: string) => boolean;
  /** Streams a part through the handler; refuses with a Vietnamese message when a cap is passed. */
  readonly scan: (part: PartScan, handler: PartHandler) => Promise<void>;
};

function entriesByName(entries: readonly ZipEntry[]): Map<string, ZipEntry> {
  const byName = new Map<string, ZipEntry>();
  for (const entry of entries) {
    // Part names are case-insensitive (OPC); two entries with one name would let two readers
    // of the same file see different sheets.
    const key = entry.name.toLowerCase();
    if (byName.has(key)) refuseDamaged(xlsxDamageReasons.zipStructure);
    byName.set(key, entry);
  }
  return byName;
}

function refuseInflate(problem: InflateError['problem'], part: PartScan, limits: XlsxLimits): never {
  switch (problem) {
    case 'too-large':
      return refuseHostile(xlsxHostileReasons.partTooLarge(part.label, part.maxBytes));
    case 'budget':
      return refuseHostile(xlsxHostileReasons.totalTooLarge(limits.maxTotalInflatedBytes));
    case 'size-mismatch':
      return refuseHostile(xlsxHostileReasons.sizeMismatch(part.label));
    case 'encrypted':
      return refuseDamaged(xlsxDamageReasons.encrypted);
    case 'compression':
      return refuseDamaged(xlsxDamageReasons.compression);
    case 'corrupt':
      return refuseDamaged(xlsxDamageReasons.truncated(part.label));
  }
}

function refuseXml(
  problem: XmlScanError['problem'],
  part: PartScan,
  limits: XlsxLimits,
  budgetHit: boolean,
): never {
  switch (problem) {
    case 'depth':
      return refuseHostile(xlsxHostileReasons.tooDeep(part.label, limits.maxXmlDepth));
    case 'elements':
      return refuseHostile(
        budgetHit
          ? xlsxHostileReasons.totalTooManyElements(limits.maxTotalElements)
          : xlsxHostileReasons.tooManyElements(part.label, part.maxElements),
      );
    case 'token':
      return refuseHostile(xlsxHostileReasons.tokenTooLong(part.label, limits.maxXmlTokenBytes));
    case 'doctype':
      return refuseHostile(xlsxHostileReasons.doctype(part.label));
    case 'malformed':
      return refuseDamaged(xlsxDamageReasons.xml(part.label));
  }
}

/**
 * Opens the ZIP container of an .xlsx: its directory only, nothing inflated yet. A file that is
 * not a ZIP at all is "not an .xlsx"; one with too many entries is refused as hostile.
 */
export function openXlsxPackage(bytes: Uint8Array, limits: XlsxLimits): XlsxPackage {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes, limits.maxZipEntries);
  } catch (error) {
    if (!(error instanceof ZipDirectoryError)) throw error;
    if (error.problem === 'too-many-entries')
      refuseHostile(xlsxHostileReasons.tooManyEntries(limits.maxZipEntries));
    return refuse(readClassListStrings.notXlsx);
  }
  const byName = entriesByName(entries);
  const budget: InflateBudget = { remaining: limits.maxTotalInflatedBytes };
  let elementsLeft = limits.maxTotalElements;
  return {
    has: (path) => byName.has(path.toLowerCase()),
    scan: async (part, handler) => {
      const entry = byName.get(part.path.toLowerCase());
      if (entry === undefined) return refuseDamaged(xlsxDamageReasons.missingPart(part.label));
      const maxElements = Math.min(part.maxElements, elementsLeft);
      const scanner = new XmlScanner(handler, {
        maxDepth: limits.maxXmlDepth,
        maxElements,
        maxTokenBytes: limits.maxXmlTokenBytes,
      });
      const reading = { stoppedEarly: false };
      try {
        await streamZipEntry(bytes, entry, part.maxBytes, budget, (chunk) => {
          scanner.push(chunk);
          reading.stoppedEarly = handler.done?.() === true;
          return !reading.stoppedEarly;
        });
        if (!reading.stoppedEarly) scanner.finish();
      } catch (error) {
        if (error instanceof InflateError) refuseInflate(error.problem, part, limits);
        if (error instanceof XmlScanError)
          refuseXml(error.problem, part, limits, maxElements < part.maxElements);
        if (error instanceof MalformedXml) refuseDamaged(xlsxDamageReasons.xml(part.label));
        throw error;
      } finally {
        elementsLeft -= scanner.elementCount;
      }
    },
  };
}
