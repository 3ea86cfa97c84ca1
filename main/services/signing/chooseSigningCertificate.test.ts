import { describe, expect, it } from 'vitest';
import type { TokenCertificate } from '../token';
import { RecordSigningError } from './recordSigningError';
import { chooseSigningCertificate } from './tokenSigner';

const now = new Date('2026-03-01T00:00:00Z');

function certificate(keyIdHex: string, overrides: Partial<TokenCertificate> = {}): TokenCertificate {
  return {
    keyIdHex,
    label: keyIdHex,
    hasPrivateKey: true,
    subjectCommonName: `Người ký ${keyIdHex}`,
    issuerCommonName: 'CA',
    subject: `CN=Người ký ${keyIdHex}`,
    issuer: 'CN=CA',
    serialNumberHex: keyIdHex,
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2027-01-01T00:00:00Z'),
    keyUsage: ['digitalSignature', 'nonRepudiation'],
    publicKeyAlgorithm: 'rsa',
    sha256FingerprintHex: keyIdHex,
    der: new Uint8Array(),
    ...overrides,
  };
}

function refusal(run: () => unknown): RecordSigningError {
  try {
    run();
  } catch (error) {
    if (error instanceof RecordSigningError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('chooseSigningCertificate', () => {
  const seal = [
    certificate('5e'),
    certificate('6e', { notAfter: new Date('2021-01-01T00:00:00Z') }),
    certificate('7e', { keyUsage: ['keyEncipherment'] }),
    certificate('8e', { publicKeyAlgorithm: 'other' }),
    certificate('9e', { hasPrivateKey: false }),
  ];

  it('picks the one certificate that can sign now when no key id is given', () => {
    expect(chooseSigningCertificate(seal, undefined, now).keyIdHex).toBe('5e');
  });

  it('accepts an EC certificate like an RSA one, and asks which when the token has both', () => {
    expect(
      chooseSigningCertificate([certificate('02', { publicKeyAlgorithm: 'ec' })], undefined, now).keyIdHex,
    ).toBe('02');
    const both = [certificate('01'), certificate('02', { publicKeyAlgorithm: 'ec' })];
    expect(refusal(() => chooseSigningCertificate(both, undefined, now)).code).toBe('ambiguous-certificate');
    expect(chooseSigningCertificate(both, '02', now).publicKeyAlgorithm).toBe('ec');
  });

  it('picks by key id, in any case, and refuses a key id without a private key', () => {
    expect(chooseSigningCertificate([certificate('a1b2')], 'A1B2', now).keyIdHex).toBe('a1b2');
    expect(refusal(() => chooseSigningCertificate(seal, '9e', now)).code).toBe('no-certificate');
  });

  it('asks for a key id when several certificates could sign, naming them', () => {
    const error = refusal(() =>
      chooseSigningCertificate([certificate('01'), certificate('02')], undefined, now),
    );
    expect(error.code).toBe('ambiguous-certificate');
    expect(error.message).toContain('01 (Người ký 01)');
    expect(error.message).toContain('02 (Người ký 02)');
  });

  it('says so when nothing on the token can sign', () => {
    expect(refusal(() => chooseSigningCertificate(seal.slice(1), undefined, now)).code).toBe(
      'no-certificate',
    );
  });
});
