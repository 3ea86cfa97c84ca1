import { sha256 } from '@noble/hashes/sha2.js';
import { CryptoEngine } from 'pkijs';
import { verifyRecordPdf, type RecordVerificationReport } from '../../shared/record/verifyRecordPdf';

/**
 * What the province trusts for signed records: its roots (the national root CA and any the province
 * accepts), the intermediate CAs that complete a token's chain, and CRLs. Read from
 * HOCBA_TRUST_DIR in the same layout as the desktop's `resources/trust/` folder.
 */
export type RecordTrust = {
  readonly anchors: () => Promise<readonly Uint8Array[]>;
  readonly intermediates: () => Promise<readonly Uint8Array[]>;
  readonly crls: () => Promise<readonly Uint8Array[]>;
};

export const noRecordTrust: RecordTrust = {
  anchors: () => Promise.resolve([]),
  intermediates: () => Promise.resolve([]),
  crls: () => Promise.resolve([]),
};

export type RecordVerifier = (pdf: Uint8Array) => Promise<RecordVerificationReport>;

const cryptoEngine = new CryptoEngine({ name: 'node', crypto: globalThis.crypto });

/**
 * The shared verifier (the one behind the desktop's "Kiểm tra" and `hocba verify`), at most
 * `concurrency` files at a time so a burst of uploads at term end cannot starve sign-in and sync.
 * The reader's own caps bound each file's work (shared/pdf/pdfLimits.ts).
 */
export function createRecordVerifier(trust: RecordTrust, concurrency = 2): RecordVerifier {
  let running = 0;
  const waiting: (() => void)[] = [];
  const turn = async (): Promise<void> => {
    if (running < concurrency) {
      running += 1;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const done = (): void => {
    const next = waiting.shift();
    if (next === undefined) running -= 1;
    else next();
  };
  return async (pdf) => {
    await turn();
    try {
      const [trustAnchors, intermediates, crls] = await Promise.all([
        trust.anchors(),
        trust.intermediates(),
        trust.crls(),
      ]);
      return await verifyRecordPdf({ pdf, trustAnchors, intermediates, crls, sha256, cryptoEngine });
    } finally {
      done();
    }
  };
}
