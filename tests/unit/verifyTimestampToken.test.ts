import { sha256 } from '@noble/hashes/sha2.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyPurposeOids } from '../../shared/signing/certificateExtensions';
import { verifyTimestampToken, type VerifyTimestampOptions } from '../../shared/signing/verifyTimestampToken';
import {
  generateKeys,
  issueCertificate,
  testCryptoEngine,
  type IssuedCertificate,
  createTestCa,
} from '../support/pkijsCertificates';
import { makeTimestampToken, type TokenOptions } from '../support/timestampTokens';

const day = 86_400_000;
const now = new Date();
const from = new Date(now.getTime() - 365 * day);
const until = new Date(now.getTime() + 365 * day);
const signatureValue = Uint8Array.from({ length: 256 }, (_, index) => (index * 7) % 256);
const genTime = new Date(now.getTime() - 60_000);

let keys: CryptoKeyPair;
let root: IssuedCertificate;
let intermediate: IssuedCertificate;
let tsa: IssuedCertificate;

async function tsaCertificate(
  issuer: IssuedCertificate,
  extra: Partial<Parameters<typeof issueCertificate>[0]> = {},
): Promise<IssuedCertificate> {
  return issueCertificate({
    subject: 'Máy chủ dấu thời gian Sở GD&ĐT',
    issuer,
    notBefore: from,
    notAfter: until,
    keys,
    keyUsage: 0xc0,
    extendedKeyUsage: [keyPurposeOids.timeStamping],
    extendedKeyUsageCritical: true,
    ...extra,
  });
}

async function verify(
  tokenOptions: Partial<TokenOptions> & { alterAfterSigning?: (content: Uint8Array) => Uint8Array },
  options: Partial<VerifyTimestampOptions> = {},
) {
  const token = await makeTimestampToken({
    tsa,
    certificates: [tsa, intermediate],
    signatureValue,
    genTime,
    ...tokenOptions,
  });
  return verifyTimestampToken({
    token,
    signatureValue,
    anchors: [root.certificate],
    pool: [],
    sha256,
    cryptoEngine: testCryptoEngine,
    now,
    ...options,
  });
}

describe('verifying a signature timestamp', () => {
  beforeAll(async () => {
    keys = await generateKeys();
    ({ root, intermediate } = await createTestCa(from, until));
    tsa = await tsaCertificate(intermediate);
  });

  it('accepts a token of a trusted TSA over this signature value, and gives genTime and the TSA', async () => {
    const result = await verify({});
    expect(result).toMatchObject({ ok: true, tsaName: 'Máy chủ dấu thời gian Sở GD&ĐT' });
    if (result.ok) {
      expect(result.genTime.getTime()).toBe(Math.floor(genTime.getTime() / 1000) * 1000);
      expect(result.path).toHaveLength(3);
    }
  });

  it('accepts ESS signing-certificate v1 (SHA-1), as openssl ts writes it, and a TSA certificate from the pool', async () => {
    expect((await verify({ ess: 'v1' })).ok).toBe(true);
    expect(
      (await verify({ certificates: [] }, { pool: [tsa.certificate, intermediate.certificate] })).ok,
    ).toBe(true);
  });

  it('refuses a token taken from another signature', async () => {
    const other = Uint8Array.from(signatureValue, (byte) => byte ^ 1);
    const result = await verify({ signatureValue: other });
    expect(result).toMatchObject({ ok: false, code: 'imprint-mismatch' });
    if (!result.ok) expect(result.message).toContain('không được cấp cho chữ ký này');
  });

  it('refuses a token signed by a certificate without the critical timeStamping purpose', async () => {
    const loose = await tsaCertificate(intermediate, { extendedKeyUsageCritical: false });
    const looseResult = await verify({ tsa: loose, certificates: [loose, intermediate] });
    expect(looseResult).toMatchObject({ ok: false, code: 'untrusted-tsa' });
    if (!looseResult.ok) expect(looseResult.message).toContain('timeStamping');
    // A teacher's signing certificate from the same CA cannot issue timestamps either.
    const signer = await tsaCertificate(intermediate, {
      extendedKeyUsage: [keyPurposeOids.emailProtection],
      extendedKeyUsageCritical: false,
    });
    expect(await verify({ tsa: signer, certificates: [signer, intermediate] })).toMatchObject({
      ok: false,
      code: 'untrusted-tsa',
    });
  });

  it('refuses a token whose TSTInfo was altered after the TSA signed it', async () => {
    // Move genTime one year back, digit by digit, leaving the signature as it was.
    const result = await verify({
      alterAfterSigning: (content) => {
        const text = new TextDecoder('latin1').decode(content);
        const year = String(genTime.getUTCFullYear());
        const at = text.indexOf(year);
        const altered = content.slice();
        altered.set(new TextEncoder().encode(String(Number(year) - 1)), at);
        return altered;
      },
    });
    expect(result).toMatchObject({ ok: false, code: 'altered' });
  });

  it('refuses a token from a TSA that does not lead to a trusted root', async () => {
    const otherRoot = await issueCertificate({
      subject: 'CA Gốc Không Tin Cậy',
      notBefore: from,
      notAfter: until,
      ca: true,
      keys: await generateKeys(),
    });
    const rogue = await tsaCertificate(otherRoot);
    const result = await verify({ tsa: rogue, certificates: [rogue, otherRoot] });
    expect(result).toMatchObject({ ok: false, code: 'untrusted-tsa' });
    if (!result.ok) expect(result.message).toContain('không được tin cậy');
  });

  it('refuses a genTime in the future, beyond the clock skew', async () => {
    const later = await verify({ genTime: new Date(now.getTime() + 3_600_000) });
    expect(later).toMatchObject({ ok: false, code: 'future' });
    expect((await verify({ genTime: new Date(now.getTime() + 60_000) })).ok).toBe(true);
  });

  it('refuses a genTime outside the TSA certificate’s validity', async () => {
    const result = await verify({ genTime: new Date(from.getTime() - day) });
    expect(result).toMatchObject({ ok: false, code: 'untrusted-tsa' });
  });

  it('refuses a forged token that carries the real TSA certificate but is signed by another key', async () => {
    const result = await verify({ signWithKeys: await generateKeys() });
    expect(result).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  it('refuses a token whose ESS attribute names another certificate, or is missing', async () => {
    expect(await verify({ essCertificate: intermediate })).toMatchObject({
      ok: false,
      code: 'signing-certificate',
    });
    expect(await verify({ ess: 'none' })).toMatchObject({ ok: false, code: 'signing-certificate' });
  });

  it('refuses a token without the TSA certificate, and one that is not a token at all', async () => {
    expect(await verify({ certificates: [] })).toMatchObject({ ok: false, code: 'no-tsa-certificate' });
    const result = await verifyTimestampToken({
      token: Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01),
      signatureValue,
      anchors: [root.certificate],
      pool: [],
      sha256,
      cryptoEngine: testCryptoEngine,
      now,
    });
    expect(result).toMatchObject({ ok: false, code: 'unreadable' });
  });
});
