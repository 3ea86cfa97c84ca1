import { join } from 'node:path';
import { readCertificateFolder } from '../certificateFiles';

/**
 * The certificates this desktop trusts: the roots in each trust folder (the one shipped in the
 * app's resources, then `<data>/trust/` where a province IT officer drops its CA), and the
 * intermediate CAs in their `intermediates/` subfolders, which complete a token's chain.
 * Read afresh on every use, so a certificate dropped in is used without a restart.
 */
export type TrustStore = {
  readonly folders: readonly string[];
  readonly anchors: () => Promise<Uint8Array[]>;
  readonly intermediates: () => Promise<Uint8Array[]>;
};

export function createTrustStore(folders: readonly string[]): TrustStore {
  const readAll = async (subfolder: string | undefined) => {
    const lists = await Promise.all(
      folders.map((folder) =>
        readCertificateFolder(subfolder === undefined ? folder : join(folder, subfolder)),
      ),
    );
    return lists.flat();
  };
  return {
    folders,
    anchors: () => readAll(undefined),
    intermediates: () => readAll('intermediates'),
  };
}
