import { CertificateChainValidationEngine, type Certificate, type ICryptoEngine } from 'pkijs';

export type ChainResult = { readonly ok: boolean; readonly reason: string };

/**
 * Chains found valid, by the identity of their certificate objects (stable: the verifier parses a
 * certificate once per content and an anchor once per byte array), with the span in which every
 * certificate of the path is valid. Without CRLs or OCSP, pkijs's validation depends on the date
 * only through that span, so a batch that carries the same chain in every file validates it once.
 * Failures are never kept.
 */
const validChains = new Map<string, { readonly from: number; readonly until: number }>();
const objectIds = new WeakMap<object, number>();
let nextId = 0;

function idOf(value: object): number {
  let id = objectIds.get(value);
  if (id === undefined) {
    nextId += 1;
    id = nextId;
    objectIds.set(value, id);
  }
  return id;
}

/** Validates `signer`'s chain through `others` to one of `anchors` at `when` (pkijs). */
export async function validateChain(options: {
  readonly signer: Certificate;
  readonly others: readonly Certificate[];
  readonly anchors: readonly Certificate[];
  readonly when: Date;
  readonly cryptoEngine: ICryptoEngine;
}): Promise<ChainResult> {
  const { signer, others, anchors, when, cryptoEngine } = options;
  const key = [cryptoEngine, signer, ...others].map(idOf).join(',') + '|' + anchors.map(idOf).join(',');
  const known = validChains.get(key);
  if (known !== undefined && known.from <= when.getTime() && when.getTime() <= known.until)
    return { ok: true, reason: '' };
  try {
    const engine = new CertificateChainValidationEngine({
      trustedCerts: [...anchors],
      certs: [signer, ...others],
      checkDate: when,
    });
    const chain = await engine.verify(undefined, cryptoEngine);
    const path = chain.certificatePath ?? [];
    if (chain.result && path.length > 0) {
      if (validChains.size >= 256) validChains.clear();
      validChains.set(key, {
        from: Math.max(...path.map((certificate) => certificate.notBefore.value.getTime())),
        until: Math.min(...path.map((certificate) => certificate.notAfter.value.getTime())),
      });
    }
    return { ok: chain.result, reason: chain.resultMessage };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
