import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Integer, Utf8String } from 'asn1js';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from '@cantoo/pdf-lib';
import { sha256 } from '@noble/hashes/sha2.js';
import { AttributeTypeAndValue, BasicConstraints, Certificate, CryptoEngine, Extension } from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { embedSharedSubsetFont, vietnameseCharacters } from '../pdf/cachedFontkit';
import { countBytes, latin1Encode, toArrayBuffer } from './bytes';
import { oids, parseCades } from './cadesSignedData';
import { parseCertificate } from './certificateInfo';
import { validateCertificatePath } from './certificatePath';
import { der, derSequence } from './der';
import { readSignatureDictionaries } from './signatureDictionaries';
import { PdfSigningError } from './pdfSigningError';
import { loadForSigning } from './signaturePlaceholder';
import { signPdf } from './signPdf';
import { signatureFieldNames, type Signer } from './signingTypes';
import type { SignerRole } from '../domain/signerRole';
import { verifyPdfSignatures } from './verifyPdfSignatures';

/**
 * The incremental update itself (which objects it rewrites, the font it uses) and ECDSA keys,
 * with certificates made in-process by pkijs over WebCrypto.
 */
const engine = new CryptoEngine({ name: 'node', crypto: globalThis.crypto });
const day = 86_400_000;
const now = new Date();
const fontBytes = new Uint8Array(
  readFileSync(
    join(
      fileURLToPath(new URL('.', import.meta.url)),
      '../../node_modules/@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
    ),
  ),
);

type KeyKind = 'rsa' | 'ec';
type Issued = { readonly der: Uint8Array; readonly keys: CryptoKeyPair; readonly kind: KeyKind };

const keyParams = {
  rsa: {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  },
  ec: { name: 'ECDSA', namedCurve: 'P-256' },
} as const;

let serial = 100;
async function issue(commonName: string, kind: KeyKind, issuer?: Issued): Promise<Issued> {
  const keys = await globalThis.crypto.subtle.generateKey(keyParams[kind], true, ['sign', 'verify']);
  const certificate = new Certificate();
  certificate.version = 2;
  certificate.serialNumber = new Integer({ value: (serial += 1) });
  const name = new AttributeTypeAndValue({ type: '2.5.4.3', value: new Utf8String({ value: commonName }) });
  certificate.subject.typesAndValues.push(name);
  if (issuer) certificate.issuer = Certificate.fromBER(toArrayBuffer(issuer.der)).subject;
  else certificate.issuer.typesAndValues.push(name);
  certificate.notBefore.value = new Date(now.getTime() - day);
  certificate.notAfter.value = new Date(now.getTime() + 365 * day);
  const constraints = new BasicConstraints({ cA: issuer === undefined });
  certificate.extensions = [
    new Extension({ extnID: '2.5.29.19', critical: true, extnValue: constraints.toSchema().toBER(false) }),
  ];
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey, engine);
  await certificate.sign((issuer ?? { keys }).keys.privateKey, 'SHA-256', engine);
  return { der: new Uint8Array(certificate.toSchema().toBER()), keys, kind };
}

/** WebCrypto gives ECDSA as r‖s; CMS wants the DER SEQUENCE of two INTEGERs. */
function ecdsaDer(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
    const trimmed = bytes.subarray(start);
    return der(0x02, (trimmed[0] ?? 0) & 0x80 ? Uint8Array.from([0, ...trimmed]) : trimmed);
  };
  return derSequence(integer(raw.subarray(0, raw.length / 2)), integer(raw.subarray(raw.length / 2)));
}

function signerOf(leaf: Issued, options: { readonly rawEcdsa?: boolean } = {}): Signer {
  return {
    certificateChain: [leaf.der],
    sign: async (data) => {
      const algorithm = leaf.kind === 'ec' ? { name: 'ECDSA', hash: 'SHA-256' } : 'RSASSA-PKCS1-v1_5';
      const signature = new Uint8Array(
        await globalThis.crypto.subtle.sign(algorithm, leaf.keys.privateKey, toArrayBuffer(data)),
      );
      return leaf.kind === 'ec' && options.rawEcdsa !== true ? ecdsaDer(signature) : signature;
    },
  };
}

function sign(pdf: Uint8Array, signer: Signer, role: SignerRole, document?: PDFDocument) {
  return signPdf({
    pdf,
    document,
    signer,
    sha256,
    role,
    pageIndex: 0,
    rect: { x: role === 'principal' ? 300 : 40, y: 60, width: 200, height: 60 },
    fontBytes,
    signingTime: now,
  });
}

const verify = (pdf: Uint8Array, anchor: Issued) =>
  verifyPdfSignatures({ pdf, trustAnchors: [anchor.der], sha256, cryptoEngine: engine });

let root: Issued;
let rsaLeaf: Issued;
let ecLeaf: Issued;

beforeAll(async () => {
  root = await issue('Root CA', 'rsa');
  rsaLeaf = await issue('Nguyễn Thị Hoa', 'rsa', root);
  ecLeaf = await issue('Nguyễn Thị Thu Hà', 'ec', root);
});

describe('ECDSA signer certificates', () => {
  it('signs with ecdsa-with-SHA256 (no parameters) and verifies', async () => {
    const signed = await sign(await blankPdf(false), signerOf(ecLeaf), 'homeroomTeacher');
    const report = await verify(signed, root);
    expect(report.signatures.flatMap((signature) => signature.checks.filter((check) => !check.ok))).toEqual(
      [],
    );
    expect(report.valid).toBe(true);
    const parsed = parseCades(readSignatureDictionaries(signed)[0]?.contents ?? new Uint8Array());
    const algorithm = parsed?.signerInfo.signatureAlgorithm;
    expect(algorithm?.algorithmId).toBe(oids.ecdsaWithSha256);
    expect(algorithm?.algorithmParams).toBeUndefined();
  });

  it('does not verify an ECDSA signature handed over as raw r‖s', async () => {
    const signed = await sign(await blankPdf(false), signerOf(ecLeaf, { rawEcdsa: true }), 'homeroomTeacher');
    const checks = (await verify(signed, root)).signatures[0]?.checks ?? [];
    expect(checks.find((check) => check.check === 'signature')?.ok).toBe(false);
  });

  it('refuses a key that is neither RSA nor EC before touching the file', async () => {
    // rsaEncryption (…1.1.1) turned into RSAES-OAEP (…1.1.7): same length, another key type.
    const bytes = rsaLeaf.der.slice();
    const oid = latin1Encode('\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01');
    const at = findBytes(bytes, oid);
    bytes[at + oid.length - 1] = 0x07;
    const error: unknown = await sign(
      await blankPdf(false),
      { ...signerOf(rsaLeaf), certificateChain: [bytes] },
      'principal',
    ).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PdfSigningError);
    expect((error as PdfSigningError).code).toBe('unsupported-key');
  });
});

function findBytes(haystack: Uint8Array, needle: Uint8Array): number {
  for (let i = 0; i + needle.length <= haystack.length; i += 1)
    if (needle.every((byte, j) => haystack[i + j] === byte)) return i;
  throw new Error('not found');
}

/** A one-page PDF; with `indirect`, its /Annots and the AcroForm's /Fields are separate objects. */
async function blankPdf(
  indirect: boolean,
  options: { readonly withFont?: boolean; readonly streams?: boolean } = {},
) {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  if (options.withFont === true) {
    // The shared subset the record renderer embeds, used on the page as a học bạ uses it.
    const font = await embedSharedSubsetFont(doc, fontBytes, vietnameseCharacters().join(''));
    page.drawText('Học bạ', { font, x: 40, y: 800, size: 12 });
  }
  if (indirect) {
    page.node.set(PDFName.of('Annots'), doc.context.register(doc.context.obj([])));
    const fields = doc.context.register(doc.context.obj([]));
    doc.catalog.set(PDFName.of('AcroForm'), doc.context.register(doc.context.obj({ Fields: fields })));
  }
  return doc.save({ useObjectStreams: options.streams ?? false });
}

function lookupArray(doc: PDFDocument, dict: PDFDict, key: string): PDFArray {
  const value = doc.context.lookup(dict.get(PDFName.of(key)));
  if (!(value instanceof PDFArray)) throw new Error(`${key} is not an array`);
  return value;
}

describe('the incremental update', () => {
  it.each([
    ['direct', false, false],
    ['indirect', true, false],
    ['direct, xref stream', false, true],
  ])('records the field in /Annots and /Fields held %s', async (_label, indirect, streams) => {
    const original = await blankPdf(indirect, { streams });
    const once = await sign(original, signerOf(rsaLeaf), 'homeroomTeacher');
    const twice = await sign(once, signerOf(ecLeaf), 'principal', await loadForSigning(once));
    expect(twice.subarray(0, original.length)).toEqual(original);
    expect(twice.subarray(0, once.length)).toEqual(once);
    expect((await verify(twice, root)).valid).toBe(true);

    const doc = await PDFDocument.load(twice, { updateMetadata: false });
    const acroForm = doc.catalog.getAcroForm()?.dict;
    if (!acroForm) throw new Error('no AcroForm');
    const fields = lookupArray(doc, acroForm, 'Fields').asArray();
    const annots = lookupArray(doc, doc.getPages()[0]?.node ?? acroForm, 'Annots').asArray();
    expect(fields).toHaveLength(2);
    expect(annots.map(String)).toEqual(fields.map(String));
    const names = fields.map((ref) => doc.context.lookup(ref, PDFDict).get(PDFName.of('T'))?.toString());
    expect(names).toEqual([`(${signatureFieldNames.homeroomTeacher})`, `(${signatureFieldNames.principal})`]);
    expect(acroForm.get(PDFName.of('SigFlags'))).toEqual(PDFNumber.of(3));
  });

  it('parses earlier signature values blanked, keeping the real bytes as the original', async () => {
    const once = await sign(await blankPdf(false), signerOf(rsaLeaf), 'homeroomTeacher');
    const doc = await loadForSigning(once);
    expect(doc.context.pdfFileDetails.originalBytes).toBe(once);
    const acroForm = doc.catalog.getAcroForm()?.dict;
    const field = acroForm
      ? doc.context.lookup(lookupArray(doc, acroForm, 'Fields').get(0), PDFDict)
      : undefined;
    const value = field?.lookup(PDFName.of('V'), PDFDict);
    expect(value?.get(PDFName.of('Contents'))).toEqual(PDFNumber.of(0));
    expect(value?.get(PDFName.of('SubFilter'))).toBe(PDFName.of('ETSI.CAdES.detached'));
  });

  it('refuses a second signature of the same role on the parsed document', async () => {
    const once = await sign(await blankPdf(true), signerOf(rsaLeaf), 'homeroomTeacher');
    const error: unknown = await sign(
      once,
      signerOf(rsaLeaf),
      'homeroomTeacher',
      await loadForSigning(once),
    ).catch((reason: unknown) => reason);
    expect((error as PdfSigningError).code).toBe('already-signed');
  });

  it('draws with the page’s own copy of the shared font instead of embedding another', async () => {
    const fontFile = latin1Encode('/FontFile2');
    const withFont = await blankPdf(false, { withFont: true });
    const reusing = await sign(withFont, signerOf(rsaLeaf), 'homeroomTeacher');
    expect(countBytes(reusing, fontFile, withFont.length, reusing.length)).toBe(0);

    const doc = await PDFDocument.load(reusing, { updateMetadata: false });
    const page = doc.getPages()[0];
    const pageFont = page?.node.Resources()?.lookup(PDFName.of('Font'), PDFDict).values()[0];
    const widget = doc.context.lookup(lookupArray(doc, page?.node ?? doc.catalog, 'Annots').get(0), PDFDict);
    const appearance = doc.context.lookup(widget.lookup(PDFName.of('AP'), PDFDict).get(PDFName.of('N')));
    const fonts = (appearance as { dict?: PDFDict }).dict
      ?.lookup(PDFName.of('Resources'), PDFDict)
      .lookup(PDFName.of('Font'), PDFDict);
    expect(pageFont).toBeInstanceOf(PDFRef);
    expect(fonts?.get(PDFName.of('F1'))).toBe(pageFont);

    // A page without that font gets the subset embedded into the update.
    const plain = await blankPdf(false);
    const embedding = await sign(plain, signerOf(rsaLeaf), 'homeroomTeacher');
    expect(countBytes(embedding, fontFile, plain.length, embedding.length)).toBe(1);
  });
});

describe('validateCertificatePath', () => {
  it('judges the time on every call, though it remembers the signatures it checked', async () => {
    const leaf = parseCertificate(rsaLeaf.der);
    const anchors = [parseCertificate(root.der)];
    const at = (when: Date) =>
      validateCertificatePath({
        leaf,
        pool: [],
        anchors,
        when,
        purpose: 'documentSigning',
        cryptoEngine: engine,
      });
    expect((await at(now)).ok).toBe(true);
    expect((await at(new Date(now.getTime() + day))).ok).toBe(true);
    expect(await at(new Date(now.getTime() + 400 * day))).toMatchObject({ ok: false, code: 'not-valid-at' });
    expect(await at(new Date(now.getTime() - 2 * day))).toMatchObject({ ok: false, code: 'not-valid-at' });
    const stranger = parseCertificate((await issue('Other Root', 'rsa')).der);
    const elsewhere = await validateCertificatePath({
      leaf,
      pool: [],
      anchors: [stranger],
      when: now,
      purpose: 'documentSigning',
      cryptoEngine: engine,
    });
    expect(elsewhere.ok).toBe(false);
  });
});
