import { Certificate } from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toArrayBuffer } from '../../shared/signing/bytes';
import { checkRevocation, type CheckRevocationOptions } from '../../shared/signing/revocation';
import { createRevocationPki, type Issued, type RevocationPki } from '../support/revocationPki';
import { testCryptoEngine } from '../support/pkijsCertificates';

/**
 * Revocation from CRLs made by `openssl ca -gencrl` after `openssl ca -revoke`, and OCSP
 * responses made by `openssl ocsp` from the same CA database; and the forgeries a verifier must
 * not be fooled by: a CRL in the CA's name signed by another key, an OCSP answer signed by a
 * certificate the CA never authorised, a stale "good" for a certificate revoked since.
 */

const hour = 3_600_000;
const day = 24 * hour;

let pki: RevocationPki;
let good: Issued;
let revoked: Issued;
let responder: Issued;
let unrelatedResponder: Issued;
let plainSigner: Issued;
let revokedAt: Date;
let crl: Uint8Array;
let rootCrl: Uint8Array;
let forgedCrl: Uint8Array;
let caRevokedCrl: Uint8Array;
let indirectCrl: Uint8Array;
let staleGood: Uint8Array;
let madeAt: Date;

const parse = (issued: Issued) => Certificate.fromBER(toArrayBuffer(issued.der));
const pathOf = (leaf: Issued) => [parse(leaf), parse(pki.cas.issuing), parse(pki.cas.root)];

function check(leaf: Issued, options: Partial<CheckRevocationOptions>) {
  return checkRevocation({
    path: pathOf(leaf),
    when: new Date(madeAt.getTime() - hour),
    proven: true,
    crls: [],
    ocspResponses: [],
    cryptoEngine: testCryptoEngine,
    now: new Date(madeAt.getTime() + hour),
    ...options,
  });
}

beforeAll(() => {
  pki = createRevocationPki();
  good = pki.issue('good', 'Nguyễn Thị Thu Hà', 'issuing');
  revoked = pki.issue('revoked', 'Trần Văn Bình', 'issuing');
  responder = pki.issue('responder', 'Máy chủ OCSP của CA', 'issuing', 'ocsp');
  unrelatedResponder = pki.issue('unrelated', 'Máy chủ OCSP lạ', 'root', 'ocsp');
  plainSigner = pki.issue('plain', 'Lê Văn Cường', 'issuing');
  // Asked before the revocation: "good", and stale once the certificate is revoked.
  staleGood = pki.ocsp(revoked, 'issuing');
  revokedAt = new Date(Date.now() - day);
  pki.revoke(revoked, 'issuing', 'keyCompromise', revokedAt);
  crl = pki.crl('issuing');
  rootCrl = pki.crl('root');
  indirectCrl = pki.crl('issuing', { indirect: true });
  // The forger's CA database says the good teacher is revoked, and knows nothing of the other.
  pki.revoke(good, 'fake', 'keyCompromise');
  forgedCrl = pki.crl('fake');
  // Last: the root revokes the issuing CA itself.
  pki.revoke(pki.cas.issuing, 'root', 'CACompromise', new Date(Date.now() - 2 * day));
  caRevokedCrl = pki.crl('root');
  madeAt = new Date();
});

afterAll(() => pki.cleanup());

describe('revocation from CRLs', () => {
  it('finds a good certificate and its CA unrevoked in CRLs issued after the signing time', async () => {
    const result = await check(good, { crls: [crl, rootCrl] });
    expect(result).toMatchObject({ ok: true, checked: true, ignored: [] });
    expect(result.certificates.map((entry) => [entry.subjectName, entry.status])).toEqual([
      ['Nguyễn Thị Thu Hà', 'good'],
      ['CA Cấp Chứng Thư Thử Nghiệm', 'good'],
    ]);
    expect(result.certificates[0]).toMatchObject({ source: 'crl' });
  });

  it('fails a signature whose proven time is after the revocation, with the time and the reason', async () => {
    const result = await check(revoked, { crls: [crl], when: new Date(revokedAt.getTime() + hour) });
    expect(result.ok).toBe(false);
    const [leaf] = result.certificates;
    expect(leaf).toMatchObject({ status: 'revoked', reason: 'keyCompromise', failsSignature: true });
    if (leaf?.status === 'revoked')
      expect(Math.abs(leaf.revokedAt.getTime() - revokedAt.getTime())).toBeLessThan(1000);
    expect(result.message).toContain('khóa bí mật bị lộ');
    expect(result.message).toContain('trước thời điểm ký');
  });

  it('keeps a signature whose proven time is before the revocation', async () => {
    const result = await check(revoked, { crls: [crl], when: new Date(revokedAt.getTime() - day) });
    expect(result.ok).toBe(true);
    expect(result.certificates[0]).toMatchObject({ status: 'revoked', failsSignature: false });
    expect(result.certificates[0]?.message).toContain('chữ ký vẫn hợp lệ');
  });

  it('fails a revoked certificate whatever the claimed time, when the time is not proven', async () => {
    const result = await check(revoked, {
      crls: [crl],
      when: new Date(revokedAt.getTime() - 30 * day),
      proven: false,
    });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('không chứng minh được chữ ký được tạo trước khi thu hồi');
  });

  it('checks the issuing CA too: a leaf under a revoked CA fails', async () => {
    const result = await check(good, { crls: [crl, caRevokedCrl], when: new Date(madeAt.getTime() - hour) });
    expect(result.ok).toBe(false);
    expect(result.certificates[0]?.status).toBe('good');
    expect(result.certificates[1]).toMatchObject({
      status: 'revoked',
      reason: 'caCompromise',
      failsSignature: true,
    });
    expect(result.message).toContain('CA Cấp Chứng Thư Thử Nghiệm');
  });

  it('says revocation was not checked when there is no data, without failing', async () => {
    const result = await check(revoked, {});
    expect(result).toMatchObject({ ok: true, checked: false });
    expect(result.certificates.every((entry) => entry.status === 'unknown')).toBe(true);
    expect(result.message).toContain('chưa được kiểm tra');
  });

  it('ignores a CRL in the CA’s name signed by another key: it can neither revoke nor clear', async () => {
    const forgedRevocation = await check(good, { crls: [forgedCrl] });
    expect(forgedRevocation.ok).toBe(true);
    expect(forgedRevocation.certificates[0]?.status).toBe('unknown');
    expect(forgedRevocation.ignored.join(' ')).toContain('CRL giả mạo');
    const forgedClearance = await check(revoked, { crls: [forgedCrl], when: new Date() });
    expect(forgedClearance.certificates[0]?.status).toBe('unknown');
    const both = await check(revoked, { crls: [forgedCrl, crl], when: new Date() });
    expect(both.certificates[0]?.status).toBe('revoked');
  });

  it('ignores an indirect CRL and says so; and an unreadable one', async () => {
    const result = await check(revoked, { crls: [indirectCrl, Uint8Array.of(0x30, 0x01, 0x00)] });
    expect(result.certificates[0]?.status).toBe('unknown');
    expect(result.ignored.join(' ')).toContain('CRL gián tiếp');
    expect(result.ignored.join(' ')).toContain('không đọc được');
  });

  it('does not count a "good" CRL issued before the signing time', async () => {
    const result = await check(good, { crls: [crl], when: new Date(madeAt.getTime() + 30 * 60_000) });
    expect(result.certificates[0]?.status).toBe('unknown');
    expect(result.certificates[0]?.message).toContain('cũ hơn thời điểm ký');
  });
});

describe('revocation from OCSP responses', () => {
  it('takes an answer signed by the CA itself', async () => {
    const answer = pki.ocsp(good, 'issuing');
    const result = await check(good, { ocspResponses: [answer] });
    expect(result.certificates[0]).toMatchObject({ status: 'good', source: 'ocsp' });
    const revokedAnswer = await check(revoked, {
      ocspResponses: [pki.ocsp(revoked, 'issuing')],
      when: new Date(),
    });
    expect(revokedAnswer.certificates[0]).toMatchObject({
      status: 'revoked',
      source: 'ocsp',
      reason: 'keyCompromise',
    });
    expect(revokedAnswer.ok).toBe(false);
  });

  it('takes an answer signed by a responder the CA delegated (id-kp-OCSPSigning)', async () => {
    const result = await check(revoked, {
      ocspResponses: [pki.ocsp(revoked, 'issuing', responder)],
      when: new Date(),
    });
    expect(result.certificates[0]).toMatchObject({ status: 'revoked', source: 'ocsp' });
    expect(result.ignored).toEqual([]);
  });

  it('ignores an answer signed by a responder another CA issued, or by a certificate without the OCSP purpose', async () => {
    for (const signer of [unrelatedResponder, plainSigner]) {
      const result = await check(revoked, {
        ocspResponses: [pki.ocsp(revoked, 'issuing', signer)],
        when: new Date(),
      });
      expect(result.certificates[0]?.status, signer.name).toBe('unknown');
      expect(result.ignored.join(' '), signer.name).toContain('phản hồi giả mạo');
    }
  });

  it('does not let a stale "good" answer hide a revocation', async () => {
    const withCrl = await check(revoked, { ocspResponses: [staleGood], crls: [crl], when: new Date() });
    expect(withCrl.certificates[0]?.status).toBe('revoked');
    expect(withCrl.ok).toBe(false);
    const alone = await check(revoked, { ocspResponses: [staleGood], when: new Date() });
    expect(alone.certificates[0]?.status).toBe('unknown');
    expect(alone.certificates[0]?.message).toContain('cũ hơn thời điểm ký');
  });
});
