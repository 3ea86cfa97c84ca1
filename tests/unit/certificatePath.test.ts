import { beforeAll, describe, expect, it } from 'vitest';
import { keyPurposeOids } from '../../shared/signing/certificateExtensions';
import { BitString, Integer } from 'asn1js';
import { PublicKeyInfo, RSAPublicKey } from 'pkijs';
import {
  isReasonableKey,
  newPathBudget,
  validateCertificatePath,
  type ValidatePathOptions,
} from '../../shared/signing/certificatePath';
import {
  customExtension,
  generateKeys,
  issueCertificate,
  testCryptoEngine,
  type IssuedCertificate,
  createTestCa,
} from '../support/pkijsCertificates';

const day = 86_400_000;
const now = new Date();
const from = new Date(now.getTime() - 365 * day);
const until = new Date(now.getTime() + 365 * day);
const school = 'Trường Tiểu học Kim Đồng';

let keys: CryptoKeyPair;
let root: IssuedCertificate;
let intermediate: IssuedCertificate;
let teacher: IssuedCertificate;

async function issue(
  subject: Parameters<typeof issueCertificate>[0]['subject'],
  issuer: IssuedCertificate | undefined,
  extra: Partial<Parameters<typeof issueCertificate>[0]> = {},
): Promise<IssuedCertificate> {
  return issueCertificate({
    subject,
    notBefore: from,
    notAfter: until,
    keys,
    ...extra,
    ...(issuer ? { issuer } : {}),
  });
}

function validate(
  leaf: IssuedCertificate,
  pool: readonly IssuedCertificate[],
  extra: Partial<ValidatePathOptions> = {},
) {
  return validateCertificatePath({
    leaf: leaf.certificate,
    pool: pool.map((issued) => issued.certificate),
    anchors: [root.certificate],
    when: now,
    purpose: 'documentSigning',
    cryptoEngine: testCryptoEngine,
    ...extra,
  });
}

describe('certificate path validation', () => {
  beforeAll(async () => {
    // One RSA key for most certificates: what is tested is who signed what, not the key.
    keys = await generateKeys();
    ({ root, intermediate } = await createTestCa(from, until));
    teacher = await issue('Nguyễn Thị Thu Hà', intermediate);
  });

  it('takes the signer as the leaf whatever order the CMS lists its certificates in', async () => {
    for (const pool of [[teacher, intermediate], [intermediate, teacher], [intermediate]]) {
      const result = await validate(teacher, pool);
      expect(result.ok).toBe(true);
      if (result.ok)
        expect(
          result.path.map((certificate) => certificate.subject.isEqual(teacher.certificate.subject)),
        ).toEqual([true, false, false]);
    }
  });

  it('refuses a self-signed signer named after the teacher that carries the real intermediate', async () => {
    const forged = await issueCertificate({ subject: 'Nguyễn Thị Thu Hà', notBefore: from, notAfter: until });
    const result = await validate(forged, [forged, intermediate, root]);
    expect(result).toMatchObject({ ok: false, code: 'self-signed' });
    if (!result.ok) expect(result.message).toContain('tự ký');
  });

  it('refuses a leaf that names the real intermediate as issuer but was signed by another key', async () => {
    const forged = await issueCertificate({
      subject: 'Nguyễn Thị Thu Hà',
      claimedIssuer: intermediate,
      notBefore: from,
      notAfter: until,
      keys: await generateKeys(),
    });
    const result = await validate(forged, [intermediate]);
    expect(result).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  it('refuses a signer issued by an end-entity certificate', async () => {
    const endEntity = await issue('Trần Văn Bình', intermediate);
    const leaf = await issue('Nguyễn Thị Thu Hà', endEntity);
    const result = await validate(leaf, [endEntity, intermediate]);
    expect(result).toMatchObject({ ok: false, code: 'issuer-not-ca' });
    if (!result.ok) expect(result.message).toContain('không phải tổ chức chứng thực');
  });

  it('refuses an intermediate without the CA flag, and one without basicConstraints at all', async () => {
    for (const shape of [
      { ca: false, keyUsage: 0x06 },
      { omitBasicConstraints: true, keyUsage: 0x06 },
    ]) {
      const notCa = await issueCertificate({
        subject: 'CA Không Có Cờ CA',
        issuer: root,
        notBefore: from,
        notAfter: until,
        keys: await generateKeys(),
        ...shape,
      });
      const leaf = await issue('Nguyễn Thị Thu Hà', notCa);
      expect(await validate(leaf, [notCa])).toMatchObject({ ok: false, code: 'issuer-not-ca' });
    }
  });

  it('refuses a CA whose key usage does not allow signing certificates', async () => {
    const crlOnly = await issueCertificate({
      subject: 'CA Chỉ Ký CRL',
      issuer: root,
      notBefore: from,
      notAfter: until,
      ca: true,
      keyUsage: 0x02,
      keys: await generateKeys(),
    });
    const leaf = await issue('Nguyễn Thị Thu Hà', crlOnly);
    expect(await validate(leaf, [crlOnly])).toMatchObject({ ok: false, code: 'issuer-key-usage' });
  });

  it('refuses a chain longer than a CA’s path length allows', async () => {
    const sub = await issueCertificate({
      subject: 'CA Cấp Dưới',
      issuer: intermediate,
      notBefore: from,
      notAfter: until,
      ca: true,
      keys: await generateKeys(),
    });
    const leaf = await issue('Nguyễn Thị Thu Hà', sub);
    expect(await validate(leaf, [sub, intermediate])).toMatchObject({ ok: false, code: 'path-length' });
  });

  it('refuses a signer whose key usage or extended key usage does not allow signing documents', async () => {
    const encipher = await issue('Phạm Thị Hồng Nhung', intermediate, { keyUsage: 0x20 });
    expect(await validate(encipher, [intermediate])).toMatchObject({ ok: false, code: 'signer-key-usage' });
    const server = await issue('Phạm Thị Hồng Nhung', intermediate, {
      extendedKeyUsage: [keyPurposeOids.serverAuth],
    });
    expect(await validate(server, [intermediate])).toMatchObject({
      ok: false,
      code: 'signer-extended-key-usage',
    });
    const clientOnly = await issue('Phạm Thị Hồng Nhung', intermediate, {
      extendedKeyUsage: [keyPurposeOids.clientAuth],
    });
    expect(await validate(clientOnly, [intermediate])).toMatchObject({ ok: false });
  });

  it('accepts a Vietnamese CA’s usual signer: non-repudiation only, client auth and secure e-mail', async () => {
    const vietnamese = await issue('NGUYEN THI THU HA', intermediate, {
      keyUsage: 0x40,
      extendedKeyUsage: [keyPurposeOids.clientAuth, keyPurposeOids.emailProtection],
    });
    expect((await validate(vietnamese, [intermediate])).ok).toBe(true);
  });

  it('refuses a CA certificate as the signer', async () => {
    const caLeaf = await issue(school, intermediate, { ca: true, keyUsage: 0xc6 });
    expect(await validate(caLeaf, [intermediate])).toMatchObject({ ok: false, code: 'signer-is-ca' });
  });

  it('refuses when any certificate of the path is not valid at the signing time', async () => {
    const lapsed = await issueCertificate({
      subject: 'CA Hết Hạn',
      issuer: root,
      notBefore: from,
      notAfter: new Date(now.getTime() - day),
      ca: true,
      keys: await generateKeys(),
    });
    const leaf = await issue('Nguyễn Thị Thu Hà', lapsed);
    const result = await validate(leaf, [lapsed]);
    expect(result).toMatchObject({ ok: false, code: 'not-valid-at' });
    if (!result.ok) expect(result.message).toContain('CA Hết Hạn');
    // The same chain at a time it was valid passes.
    expect((await validate(leaf, [lapsed], { when: new Date(now.getTime() - 2 * day) })).ok).toBe(true);
  });

  it('refuses a critical extension it does not understand', async () => {
    const odd = await issue('Nguyễn Thị Thu Hà', intermediate, {
      extraExtensions: [customExtension('1.3.6.1.4.1.99999.1', true)],
    });
    expect(await validate(odd, [intermediate])).toMatchObject({ ok: false, code: 'critical-extension' });
    const harmless = await issue('Nguyễn Thị Thu Hà', intermediate, {
      extraExtensions: [customExtension('1.3.6.1.4.1.99999.1', false)],
    });
    expect((await validate(harmless, [intermediate])).ok).toBe(true);
  });

  it('keeps a CA within the names it may issue', async () => {
    const constrained = await issueCertificate({
      subject: 'CA Của Sở',
      issuer: root,
      notBefore: from,
      notAfter: until,
      ca: true,
      permittedNames: [
        [
          { type: 'C', value: 'VN', printable: true },
          { type: 'O', value: 'Sở GD&ĐT Hà Nội' },
        ],
      ],
      keys: await generateKeys(),
    });
    const inside = await issue(
      [
        { type: 'C', value: 'VN', printable: true },
        { type: 'O', value: 'Sở GD&ĐT Hà Nội' },
        { type: 'CN', value: 'Nguyễn Thị Thu Hà' },
      ],
      constrained,
    );
    const outside = await issue(
      [
        { type: 'C', value: 'VN', printable: true },
        { type: 'O', value: 'Tổ chức khác' },
        { type: 'CN', value: 'Nguyễn Thị Thu Hà' },
      ],
      constrained,
    );
    expect((await validate(inside, [constrained])).ok).toBe(true);
    expect(await validate(outside, [constrained])).toMatchObject({ ok: false, code: 'name-constraints' });
  });

  it('finds the right issuer among two of the same name (a re-keyed CA)', async () => {
    const impostor = await issueCertificate({
      subject: 'CA Trung Gian Thử Nghiệm',
      notBefore: from,
      notAfter: until,
      ca: true,
      keys: await generateKeys(),
    });
    expect((await validate(teacher, [impostor, intermediate])).ok).toBe(true);
  });

  it('refuses with no trust anchors, a signer that is itself an anchor, and an oversized pool', async () => {
    expect(await validate(teacher, [intermediate], { anchors: [] })).toMatchObject({
      ok: false,
      code: 'no-anchors',
    });
    expect(await validate(root, [], {})).toMatchObject({ ok: false, code: 'signer-is-anchor' });
    const pool = Array.from({ length: 65 }, () => intermediate);
    expect(await validate(teacher, pool)).toMatchObject({ ok: false, code: 'too-many-certificates' });
  });

  it('requires a timestamp authority’s certificate to be for time-stamping alone, marked critical', async () => {
    const tsa = await issue('Máy chủ dấu thời gian của Sở', intermediate, {
      extendedKeyUsage: [keyPurposeOids.timeStamping],
      extendedKeyUsageCritical: true,
    });
    expect((await validate(tsa, [intermediate], { purpose: 'timeStamping' })).ok).toBe(true);
    const loose = await issue('Máy chủ dấu thời gian của Sở', intermediate, {
      extendedKeyUsage: [keyPurposeOids.timeStamping],
    });
    expect(await validate(loose, [intermediate], { purpose: 'timeStamping' })).toMatchObject({ ok: false });
    expect(await validate(teacher, [intermediate], { purpose: 'timeStamping' })).toMatchObject({ ok: false });
  });

  it('does not spend a signature check on keys no CA issues (review S9)', async () => {
    const big = await issueCertificate({
      subject: 'CA Khóa Khổng Lồ',
      issuer: root,
      notBefore: from,
      notAfter: until,
      ca: true,
      keys: await generateKeys(),
    });
    const huge = new RSAPublicKey({
      modulus: new Integer({ valueHex: new Uint8Array(2048).fill(0xc3).buffer }),
      publicExponent: new Integer({ valueHex: new Uint8Array(8).fill(0xff).buffer }),
    });
    big.certificate.subjectPublicKeyInfo = new PublicKeyInfo({
      algorithm: big.certificate.subjectPublicKeyInfo.algorithm,
      subjectPublicKey: new BitString({ valueHex: huge.toSchema().toBER() }),
      parsedKey: huge,
    });
    expect(isReasonableKey(big.certificate)).toBe(false);
    expect(isReasonableKey(teacher.certificate)).toBe(true);
    const leaf = await issue('Nguyễn Thị Thu Hà', big);
    const budget = newPathBudget();
    const before = budget.signatureChecks;
    expect(await validate(leaf, [big], { budget })).toMatchObject({ ok: false });
    expect(budget.signatureChecks).toBe(before);
  });

  it('shares one budget among all the paths of a file: a spent budget checks no new signature', async () => {
    const fresh = await issue('Trần Thị Mai', intermediate);
    expect(await validate(fresh, [intermediate], { budget: { signatureChecks: 0 } })).toMatchObject({
      ok: false,
      code: 'too-many-certificates',
    });
    expect((await validate(fresh, [intermediate], { budget: newPathBudget() })).ok).toBe(true);
  });

  it('refuses a signer whose key may sign certificates, even without the CA flag', async () => {
    const certSigner = await issue('Nguyễn Thị Thu Hà', intermediate, { keyUsage: 0xc4 });
    expect(await validate(certSigner, [intermediate])).toMatchObject({ ok: false, code: 'signer-is-ca' });
  });
});
