import { sha256 } from '@noble/hashes/sha2.js';
import { fromBER } from 'asn1js';
import { TimeStampReq } from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesEqual } from '../../shared/signing/bytes';
import { buildCadesSignature } from '../../shared/signing/cadesSignedData';
import { keyPurposeOids } from '../../shared/signing/certificateExtensions';
import { readCms } from '../../shared/signing/cmsView';
import {
  buildTimestampRequest,
  readTimestampResponse,
  type TimestampRequest,
} from '../../shared/signing/timestampToken';
import { verifyTimestampToken } from '../../shared/signing/verifyTimestampToken';
import {
  generateKeys,
  issueCertificate,
  testCryptoEngine,
  webCryptoSigner,
  type IssuedCertificate,
} from '../support/pkijsCertificates';
import { makeTimestampToken, timestampResponse } from '../support/timestampTokens';

const day = 86_400_000;
const now = new Date();
const from = new Date(now.getTime() - 365 * day);
const until = new Date(now.getTime() + 365 * day);
const nonce = Uint8Array.from({ length: 16 }, (_, index) => 0xf0 - index);
const signatureValue = Uint8Array.from({ length: 256 }, (_, index) => index % 251);

let root: IssuedCertificate;
let tsa: IssuedCertificate;
let teacher: IssuedCertificate;
let request: TimestampRequest;

function token(options: { signatureValue?: Uint8Array; nonce?: Uint8Array | undefined } = {}) {
  return makeTimestampToken({
    tsa,
    signatureValue: options.signatureValue ?? signatureValue,
    genTime: now,
    nonce: 'nonce' in options ? options.nonce : nonce,
  });
}

describe('asking a TSA for a timestamp', () => {
  beforeAll(async () => {
    root = await issueCertificate({ subject: 'CA Gốc', notBefore: from, notAfter: until, ca: true });
    tsa = await issueCertificate({
      subject: 'TSA của Sở',
      issuer: root,
      notBefore: from,
      notAfter: until,
      extendedKeyUsage: [keyPurposeOids.timeStamping],
      extendedKeyUsageCritical: true,
    });
    teacher = await issueCertificate({
      subject: 'Nguyễn Thị Thu Hà',
      issuer: root,
      notBefore: from,
      notAfter: until,
      keys: await generateKeys(),
    });
    request = buildTimestampRequest({ signatureValue, nonce, sha256 });
  });

  it('asks for SHA-256 of the signature value, with the nonce and the TSA certificate', () => {
    const parsed = new TimeStampReq({ schema: fromBER(request.der.slice().buffer).result });
    expect(parsed.version).toBe(1);
    expect(parsed.messageImprint.hashAlgorithm.algorithmId).toBe('2.16.840.1.101.3.4.2.1');
    expect(
      bytesEqual(
        new Uint8Array(parsed.messageImprint.hashedMessage.valueBlock.valueHexView),
        sha256(signatureValue),
      ),
    ).toBe(true);
    expect(parsed.certReq).toBe(true);
    // The nonce's high bit is set: it is sent as a positive INTEGER (a leading zero byte).
    const sent = new Uint8Array(parsed.nonce?.valueBlock.valueHexView ?? []);
    expect(sent[0]).toBe(0);
    expect(bytesEqual(sent.subarray(1), nonce)).toBe(true);
    expect(() => buildTimestampRequest({ signatureValue, nonce: nonce.subarray(0, 4), sha256 })).toThrow();
  });

  it('takes a granted answer for this signature and this nonce', async () => {
    const answer = readTimestampResponse(timestampResponse(await token()), request);
    expect(answer.ok).toBe(true);
    if (answer.ok) expect(answer.genTime.getTime()).toBe(Math.floor(now.getTime() / 1000) * 1000);
  });

  it('refuses an answer for another signature, a replayed one (other nonce or none), a refusal and garbage', async () => {
    const other = readTimestampResponse(
      timestampResponse(await token({ signatureValue: signatureValue.map((byte) => byte ^ 0xff) })),
      request,
    );
    expect(other).toMatchObject({ ok: false, code: 'imprint-mismatch' });
    const replayed = readTimestampResponse(
      timestampResponse(await token({ nonce: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8) })),
      request,
    );
    expect(replayed).toMatchObject({ ok: false, code: 'nonce-mismatch' });
    expect(
      readTimestampResponse(timestampResponse(await token({ nonce: undefined })), request),
    ).toMatchObject({
      ok: false,
      code: 'nonce-mismatch',
    });
    expect(readTimestampResponse(timestampResponse(undefined, 2), request)).toMatchObject({
      ok: false,
      code: 'rejected',
    });
    expect(readTimestampResponse(timestampResponse(undefined, 0), request)).toMatchObject({
      ok: false,
      code: 'no-token',
    });
    expect(readTimestampResponse(Uint8Array.of(1, 2, 3), request)).toMatchObject({
      ok: false,
      code: 'unreadable',
    });
    const trailing = Uint8Array.from([...timestampResponse(await token()), 0]);
    expect(readTimestampResponse(trailing, request)).toMatchObject({ ok: false, code: 'unreadable' });
  });
});

describe('a CAdES signature with a signature timestamp', () => {
  const digest = sha256(new TextEncoder().encode('nội dung học bạ'));

  it('carries the token over its own signature value, which the verifier reads back and accepts', async () => {
    const asked: Uint8Array[] = [];
    const cms = await buildCadesSignature({
      digest,
      signer: webCryptoSigner(teacher, [root]),
      sha256,
      timestamp: async (value) => {
        asked.push(value);
        return makeTimestampToken({ tsa, signatureValue: value, genTime: now, nonce });
      },
    });
    const view = readCms(cms);
    expect(view?.timestampToken).toBeDefined();
    expect(asked).toHaveLength(1);
    expect(bytesEqual(view?.signatureValue ?? new Uint8Array(), asked[0] ?? new Uint8Array())).toBe(true);
    const checked = await verifyTimestampToken({
      token: view?.timestampToken ?? new Uint8Array(),
      signatureValue: view?.signatureValue ?? new Uint8Array(),
      anchors: [root.certificate],
      pool: [],
      sha256,
      cryptoEngine: testCryptoEngine,
      now,
    });
    expect(checked.ok).toBe(true);
    // The signed part is untouched: the CMS signature still verifies over its attributes.
    const verified = await testCryptoEngine.verifyWithPublicKey(
      view?.signedAttributes ?? new ArrayBuffer(0),
      view?.signature ?? fail(),
      teacher.certificate.subjectPublicKeyInfo,
      view?.signatureAlgorithm ?? fail(),
      'SHA-256',
    );
    expect(verified).toBe(true);
  });

  it('is a plain B-B signature when the TSA gives nothing, or something that is not one DER value', async () => {
    const signer = webCryptoSigner(teacher, [root]);
    for (const answer of [undefined, Uint8Array.of(0x30, 0x05, 0x01)]) {
      const cms = await buildCadesSignature({
        digest,
        signer,
        sha256,
        timestamp: () => Promise.resolve(answer),
      });
      const view = readCms(cms);
      expect(view).toBeDefined();
      expect(view?.timestampToken).toBeUndefined();
    }
  });
});

function fail(): never {
  throw new Error('missing CMS part');
}
