import { X509Certificate } from 'node:crypto';

/**
 * The chain a signature carries: the signer's certificate, then its issuers found in `pool` by
 * signature, up to (not including) a self-signed root, which the verifier brings as a trust anchor.
 * Certificates of the pool that are not on the path are left out.
 */
export function buildCertificateChain(signerDer: Uint8Array, pool: readonly Uint8Array[]): Uint8Array[] {
  const candidates = pool.map((der) => ({ der, certificate: new X509Certificate(der) }));
  const chain = [signerDer];
  let current = new X509Certificate(signerDer);
  for (let depth = 0; depth < 8; depth += 1) {
    const subject = current;
    const issuer = candidates.find(
      (candidate) =>
        subject.checkIssued(candidate.certificate) &&
        subject.verify(candidate.certificate.publicKey) &&
        !chain.some((der) => Buffer.from(der).equals(candidate.der)),
    );
    if (issuer === undefined || issuer.certificate.checkIssued(issuer.certificate)) break;
    chain.push(issuer.der);
    current = issuer.certificate;
  }
  return chain;
}
