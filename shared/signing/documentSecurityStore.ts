import type { PdfFile } from '../pdf/pdfFile';
import { PdfStructureError } from '../pdf/pdfLimits';
import { dictGet, isArray, isRef } from '../pdf/pdfValues';

/** Validation data a file carries in its Document Security Store (ISO 32000-2 §12.8.4.3, PAdES B-LT). */
export type DocumentSecurityStore = {
  readonly certificates: readonly Uint8Array[];
  readonly crls: readonly Uint8Array[];
  readonly ocspResponses: readonly Uint8Array[];
};

/** A DSS larger than this is not validation data for three signatures. */
const maxEntries = 64;

/**
 * The DSS of the file's last revision: /Certs, /CRLs and /OCSPs, each an array of streams, read
 * with the bounded reader (decoded within the file's budget). Untrusted: every CRL, OCSP
 * response and certificate is judged by its signature before it counts.
 */
export function readDocumentSecurityStore(file: PdfFile): DocumentSecurityStore {
  const revision = file.revisions.length - 1;
  const root = dictGet(file.revisions[revision]?.trailer, 'Root');
  const dss = file.resolve(dictGet(file.resolve(root, revision), 'DSS'), revision);
  const streams = (key: string): Uint8Array[] => {
    const list = file.resolve(dictGet(dss, key), revision);
    if (!isArray(list)) return [];
    return list.items.slice(0, maxEntries).flatMap((item) => {
      const object = isRef(item) ? file.object(item.num, revision) : undefined;
      if (!object?.stream) return [];
      try {
        return [file.decode(object)];
      } catch (error) {
        // Data that cannot be read (another filter, a bomb stopped at its cap) is not evidence:
        // it is left out, as unreadable revocation data would be.
        if (error instanceof PdfStructureError) return [];
        throw error;
      }
    });
  };
  return { certificates: streams('Certs'), crls: streams('CRLs'), ocspResponses: streams('OCSPs') };
}
