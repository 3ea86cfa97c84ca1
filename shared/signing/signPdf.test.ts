import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BitString, Integer, Utf8String } from 'asn1js';
import { PDFDocument } from '@cantoo/pdf-lib';
import { sha256 } from '@noble/hashes/sha2.js';
import { AttributeTypeAndValue, BasicConstraints, Certificate, CryptoEngine, Extension } from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toArrayBuffer } from './bytes';
import { checkSignerCertificate } from './certificateInfo';
import { PdfSigningError } from './pdfSigningError';
import { signPdf } from './signPdf';
import type { Signer } from './signingTypes';
import { verifyPdfSignatures } from './verifyPdfSignatures';

/** Certificates made in-process with pkijs over WebCrypto, so these tests need no openssl. */
const engine = new CryptoEngine({ name: 'node', crypto: globalThis.crypto });
const day = 86_400_000;
const fontBytes = new Uint8Array(
  readFileSync(
    join(
      fileURLToPath(new URL('.', import.meta.url)),
      '../../node_modules/@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
    ),
  ),
);

type Issued = { readonly der: Uint8Array; readonly keys: CryptoKeyPair; readonly certificate: Certificate };

function name(target: Certificate['subject'], commonName: string): void {
  target.typesAndValues.push(
    new AttributeTypeAndValue({ type: '2.5.4.3', value: new Utf8String({ value: commonName }) }),
  );
}

function keyUsage(bits: number, unusedBits: number): Extension {
  const value = new BitString({ valueHex: new Uint8Array([bits]).buffer, unusedBits });
  return new Extension({ extnID: '2.5.29.15', critical: true, extnValue: value.toBER(false) });
}

let serial = 1;
async function issue(options: {
  readonly commonName: string;
  readonly issuer?: Issued;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly ca?: boolean;
  readonly usage?: Extension;
}): Promise<Issued> {
  const keys = await globalThis.crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  );
  const certificate = new Certificate();
  certificate.version = 2;
  certificate.serialNumber = new Integer({ value: (serial += 1) });
  name(certificate.subject, options.commonName);
  if (options.issuer) certificate.issuer = options.issuer.certificate.subject;
  else name(certificate.issuer, options.commonName);
  certificate.notBefore.value = options.notBefore;
  certificate.notAfter.value = options.notAfter;
  const constraints = new BasicConstraints({ cA: options.ca ?? false });
  certificate.extensions = [
    new Extension({ extnID: '2.5.29.19', critical: true, extnValue: constraints.toSchema().toBER(false) }),
    options.usage ?? (options.ca ? keyUsage(0x06, 1) : keyUsage(0xc0, 6)),
  ];
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey, engine);
  await certificate.sign((options.issuer ?? { keys }).keys.privateKey, 'SHA-256', engine);
  return { der: new Uint8Array(certificate.toSchema().toBER()), keys, certificate };
}

function webCryptoSigner(leaf: Issued, chain: readonly Issued[]): Signer {
  return {
    certificateChain: [leaf.der, ...chain.map((issued) => issued.der)],
    sign: async (data) =>
      new Uint8Array(
        await globalThis.crypto.subtle.sign('RSASSA-PKCS1-v1_5', leaf.keys.privateKey, toArrayBuffer(data)),
      ),
  };
}

const now = new Date();
let root: Issued;
let teacher: Issued;
let principal: Issued;
let blankPdf: Uint8Array;

beforeAll(async () => {
  root = await issue({
    commonName: 'Root CA',
    notBefore: new Date(now.getTime() - 10 * day),
    notAfter: new Date(now.getTime() + 3650 * day),
    ca: true,
  });
  const current = { notBefore: new Date(now.getTime() - day), notAfter: new Date(now.getTime() + 365 * day) };
  teacher = await issue({ commonName: 'Nguyễn Thị Hoa', issuer: root, ...current });
  principal = await issue({ commonName: 'Trần Văn Bình', issuer: root, ...current });
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  blankPdf = await doc.save({ useObjectStreams: false });
});

describe('checkSignerCertificate', () => {
  it('accepts a current signing certificate and matches the holder ignoring case and Unicode form', () => {
    const check = checkSignerCertificate(teacher.der, now, 'nguyễn thị hoa'.normalize('NFD'));
    expect(check).toMatchObject({ ok: true, info: { subjectName: 'Nguyễn Thị Hoa', issuerName: 'Root CA' } });
  });

  it('refuses expired, not yet valid, wrong-usage and wrong-holder certificates in Vietnamese', async () => {
    expect(checkSignerCertificate(teacher.der, new Date(now.getTime() + 400 * day))).toMatchObject({
      ok: false,
      code: 'expired',
    });
    const early = checkSignerCertificate(teacher.der, new Date(now.getTime() - 2 * day));
    expect(early).toMatchObject({ ok: false, code: 'not-yet-valid' });
    if (!early.ok)
      expect(early.message).toMatch(/^Chứng thư số chưa có hiệu lực \(có hiệu lực từ \d\d\/\d\d\/\d{4}/);
    const encipher = await issue({
      commonName: 'Phạm Thu Mã',
      issuer: root,
      notBefore: new Date(now.getTime() - day),
      notAfter: new Date(now.getTime() + day),
      usage: keyUsage(0x20, 5),
    });
    expect(checkSignerCertificate(encipher.der, now)).toMatchObject({ ok: false, code: 'no-signing-usage' });
    expect(checkSignerCertificate(teacher.der, now, 'Trần Văn Bình')).toEqual({
      ok: false,
      code: 'wrong-holder',
      message:
        'Chứng thư số thuộc về "Nguyễn Thị Hoa", không khớp với tài khoản "Trần Văn Bình" — hãy cắm đúng token của mình.',
    });
    expect(checkSignerCertificate(new Uint8Array([1, 2, 3]), now)).toMatchObject({
      ok: false,
      code: 'unreadable',
    });
  });
});

describe('signPdf and verifyPdfSignatures', () => {
  const sign = (pdf: Uint8Array, who: Issued, role: 'homeroomTeacher' | 'principal') =>
    signPdf({
      pdf,
      signer: webCryptoSigner(who, []),
      sha256,
      role,
      pageIndex: 0,
      rect: { x: role === 'principal' ? 300 : 40, y: 60, width: 200, height: 60 },
      fontBytes,
      signingTime: now,
    });

  it('adds two signatures that both verify, over an xref-table PDF', async () => {
    const once = await sign(blankPdf, teacher, 'homeroomTeacher');
    const twice = await sign(once, principal, 'principal');
    expect(twice.subarray(0, once.length)).toEqual(once);
    const report = await verifyPdfSignatures({
      pdf: twice,
      trustAnchors: [root.der],
      sha256,
      cryptoEngine: engine,
    });
    expect(report.signatures.flatMap((signature) => signature.checks.filter((check) => !check.ok))).toEqual(
      [],
    );
    expect(report.valid).toBe(true);
    expect(report.signatures.map((signature) => signature.certificate?.subjectName)).toEqual([
      'Nguyễn Thị Hoa',
      'Trần Văn Bình',
    ]);
  });

  it('judges certificate validity at the signing time in /M, not today', async () => {
    const past = new Date(now.getTime() - 5 * day);
    const oldCertificate = await issue({
      commonName: 'Lê Văn Cũ',
      issuer: root,
      notBefore: new Date(now.getTime() - 9 * day),
      notAfter: new Date(now.getTime() - 4 * day),
    });
    const signed = await signPdf({
      pdf: blankPdf,
      signer: webCryptoSigner(oldCertificate, []),
      sha256,
      role: 'homeroomTeacher',
      pageIndex: 0,
      rect: { x: 40, y: 60, width: 200, height: 60 },
      fontBytes,
      signingTime: past,
    });
    const report = await verifyPdfSignatures({
      pdf: signed,
      trustAnchors: [root.der],
      sha256,
      cryptoEngine: engine,
    });
    expect(report.valid).toBe(true);
    expect(report.signatures[0]?.signingTime).toBe(
      new Date(Math.floor(past.getTime() / 1000) * 1000).toISOString(),
    );
  });

  it('flags a chain with an issuer that had expired at the signing time', async () => {
    const lapsedCa = await issue({
      commonName: 'Sub CA hết hạn',
      issuer: root,
      notBefore: new Date(now.getTime() - 30 * day),
      notAfter: new Date(now.getTime() - day),
      ca: true,
    });
    const leaf = await issue({
      commonName: 'Đỗ Minh Châu',
      issuer: lapsedCa,
      notBefore: new Date(now.getTime() - 2 * day),
      notAfter: new Date(now.getTime() + 30 * day),
    });
    const signed = await signPdf({
      pdf: blankPdf,
      signer: webCryptoSigner(leaf, [lapsedCa]),
      sha256,
      role: 'homeroomTeacher',
      pageIndex: 0,
      rect: { x: 40, y: 60, width: 200, height: 60 },
      fontBytes,
      signingTime: now,
    });
    const report = await verifyPdfSignatures({
      pdf: signed,
      trustAnchors: [root.der],
      sha256,
      cryptoEngine: engine,
    });
    expect(report.valid).toBe(false);
    const checks = report.signatures[0]?.checks ?? [];
    const chain = checks.find((check) => check.check === 'chain');
    expect(chain?.ok).toBe(false);
    expect(chain?.message).toMatch(/^Chứng thư “Sub CA hết hạn” không có hiệu lực lúc /);
    expect(checks.find((check) => check.check === 'signature')?.ok).toBe(true);
  });

  it('reports a file without signatures as not valid', async () => {
    const report = await verifyPdfSignatures({
      pdf: blankPdf,
      trustAnchors: [root.der],
      sha256,
      cryptoEngine: engine,
    });
    expect(report).toMatchObject({ valid: false, signatures: [] });
    expect(report.checks[0]?.message).toBe('Tệp chưa có chữ ký số nào.');
  });

  it('refuses a page that does not exist', async () => {
    const error: unknown = await signPdf({
      pdf: blankPdf,
      signer: webCryptoSigner(teacher, []),
      sha256,
      role: 'homeroomTeacher',
      pageIndex: 3,
      rect: { x: 40, y: 60, width: 200, height: 60 },
      fontBytes,
      signingTime: now,
    }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PdfSigningError);
    expect((error as PdfSigningError).message).toBe('Tệp PDF không có trang 4.');
  });
});
