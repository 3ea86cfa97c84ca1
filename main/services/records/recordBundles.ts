import { PDFDocument } from '@cantoo/pdf-lib';
import { zipSync } from 'fflate';
import type { RecordBundleFormat } from '../../../shared/ipc/recordBundleChannels';
import { maxBundleRecords } from '../../../shared/ipc/recordBundleChannels';
import type { DownloadableFile } from '../../../shared/ipc/fileSchemas';
import { UserFacingError } from '../userFacingError';
import type { RecordFileStore } from './recordFileStore';
import { recordFileStrings } from './strings';

/** One class's records gathered for printing or handing out. */
type Bundle = {
  readonly format: RecordBundleFormat;
  /** For `pdf`: every record's pages, in the order added (the class list's STT). */
  readonly pdf: PDFDocument | undefined;
  /** For `zip`: each record's file exactly as kept (its signatures intact). */
  readonly files: Record<string, Uint8Array>;
  count: number;
};

export type RecordBundles = {
  /** Adds records (in class order) to a bundle, started by its first call. */
  readonly add: (
    bundleId: string,
    format: RecordBundleFormat,
    entries: readonly { readonly recordId: string; readonly fileStem: string }[],
  ) => Promise<{ readonly added: number }>;
  /** The finished file for the user to save; the bundle is forgotten. */
  readonly finish: (bundleId: string, fileStem: string, title: string) => Promise<DownloadableFile>;
};

/** Bundles being gathered at once: one per open Học bạ screen is plenty. */
const maxOpenBundles = 2;

/**
 * A class's học bạ in one file, built from the files main keeps: a PDF of every record's pages to
 * print in one go (a printout: the digital signatures live in each record's own file), or a ZIP of
 * the records' files as they are, signatures intact, to hand to parents or the next school. The
 * page adds records a few at a time, so it can show progress.
 */
export function createRecordBundles(store: Pick<RecordFileStore, 'read'>): RecordBundles {
  const bundles = new Map<string, Bundle>();
  return {
    add: async (bundleId, format, entries) => {
      let bundle = bundles.get(bundleId);
      if (!bundle) {
        if (bundles.size >= maxOpenBundles) bundles.delete(bundles.keys().next().value ?? '');
        bundle = {
          format,
          pdf: format === 'pdf' ? await PDFDocument.create() : undefined,
          files: {},
          count: 0,
        };
        bundles.set(bundleId, bundle);
      }
      if (bundle.format !== format)
        throw new UserFacingError('invalid-request', recordFileStrings.bundleMixed);
      if (bundle.count + entries.length > maxBundleRecords)
        throw new UserFacingError('invalid-request', recordFileStrings.bundleTooLarge(maxBundleRecords));
      for (const entry of entries) {
        const bytes = await store.read(entry.recordId);
        if (bundle.pdf) {
          const source = await PDFDocument.load(bytes, { updateMetadata: false });
          const pages = await bundle.pdf.copyPages(source, source.getPageIndices());
          for (const page of pages) bundle.pdf.addPage(page);
        } else {
          const name = `${entry.fileStem}.pdf`;
          if (name in bundle.files)
            throw new UserFacingError('invalid-request', recordFileStrings.bundleDuplicate);
          bundle.files[name] = bytes;
        }
        bundle.count += 1;
      }
      return { added: bundle.count };
    },
    finish: async (bundleId, fileStem, title) => {
      const bundle = bundles.get(bundleId);
      bundles.delete(bundleId);
      if (!bundle || bundle.count === 0)
        throw new UserFacingError('invalid-request', recordFileStrings.bundleEmpty);
      if (bundle.pdf) {
        bundle.pdf.setTitle(title);
        bundle.pdf.setCreator('Học bạ số');
        const bytes = await bundle.pdf.save();
        return {
          fileName: `${fileStem}.pdf`,
          mimeType: 'application/pdf',
          bytesBase64: Buffer.from(bytes).toString('base64'),
        };
      }
      // PDFs are compressed already: stored, not deflated again.
      const zipped = zipSync(bundle.files, { level: 0 });
      return {
        fileName: `${fileStem}.zip`,
        mimeType: 'application/zip',
        bytesBase64: Buffer.from(zipped).toString('base64'),
      };
    },
  };
}
