import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allowsDigitalSignature,
  certificateIdentityOf,
  keyUsageFromBits,
  parseCertificate,
  validityAt,
} from './certificateInfo';

let dir: string;

function makeCertificate(
  name: string,
  subject: string,
  extensions: readonly string[],
  algorithm: 'ec' | 'rsa',
): Buffer {
  const keyArgs =
    algorithm === 'ec' ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'] : ['-newkey', 'rsa:2048'];
  const path = join(dir, `${name}.der`);
  execFileSync('openssl', [
    'req', '-x509', ...keyArgs, '-nodes', '-keyout', join(dir, `${name}.key`), '-utf8', '-subj', subject,
    '-days', '30', '-set_serial', '0x00ff01', ...extensions.flatMap((extension) => ['-addext', extension]),
    '-outform', 'DER', '-out', path,
  ], { stdio: 'ignore', env: { ...process.env, OPENSSL_CONF: '/dev/null' } }); // prettier-ignore
  return readFileSync(path);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hocba-cert-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('parseCertificate', () => {
  it('reads the Vietnamese names, serial, validity and key usage', () => {
    const der = makeCertificate(
      'teacher',
      '/C=VN/O=Trường Tiểu học Kim Liên/CN=Nguyễn Thị Thu Hà',
      ['keyUsage=critical,digitalSignature,nonRepudiation'],
      'ec',
    );
    const info = parseCertificate(der);
    expect(info.subjectCommonName).toBe('Nguyễn Thị Thu Hà');
    expect(info.issuerCommonName).toBe('Nguyễn Thị Thu Hà');
    expect(info.subject).toBe('CN=Nguyễn Thị Thu Hà, O=Trường Tiểu học Kim Liên, C=VN');
    expect(info.serialNumberHex).toBe('ff01');
    expect(info.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(info.publicKeyAlgorithm).toBe('ec');
    expect(info.notAfter.getTime() - info.notBefore.getTime()).toBe(30 * 24 * 3600 * 1000);
    expect(info.sha256FingerprintHex).toMatch(/^[0-9a-f]{64}$/);
    expect(validityAt(info, new Date())).toBe('valid');
    expect(validityAt(info, new Date(info.notBefore.getTime() - 1000))).toBe('not-yet-valid');
    expect(validityAt(info, new Date(info.notAfter.getTime() + 1000))).toBe('expired');
    expect(allowsDigitalSignature(info)).toBe(true);
  });

  it('sees a certificate that may not sign, and one without any key usage', () => {
    const encryptionOnly = parseCertificate(
      makeCertificate('enc', '/CN=Mã hoá', ['keyUsage=critical,keyEncipherment'], 'rsa'),
    );
    expect(encryptionOnly.keyUsage).toEqual(['keyEncipherment']);
    expect(encryptionOnly.publicKeyAlgorithm).toBe('rsa');
    expect(allowsDigitalSignature(encryptionOnly)).toBe(false);

    const unrestricted = parseCertificate(makeCertificate('none', '/CN=Không giới hạn', [], 'ec'));
    expect(unrestricted.keyUsage).toBeUndefined();
    expect(allowsDigitalSignature(unrestricted)).toBe(true);
  });

  it('throws on bytes that are not a certificate', () => {
    expect(() => parseCertificate(new Uint8Array([1, 2, 3]))).toThrow();
    expect(() => certificateIdentityOf(new Uint8Array([1, 2, 3]))).toThrow();
  });

  it('reads who an openssl-made certificate names as Vietnamese CAs write it', () => {
    const person = certificateIdentityOf(
      makeCertificate(
        'vn-person',
        '/C=VN/ST=Hà Nội/CN=NGUYEN THI THU HA/UID=CCCD:001190012345/serialNumber=CMND:012345678',
        [],
        'ec',
      ),
    );
    expect(person).toMatchObject({
      commonName: 'NGUYEN THI THU HA',
      citizenIds: ['001190012345'],
      formerIds: ['012345678'],
      taxCodes: [],
      serialNumberHex: 'ff01',
    });
    const school = certificateIdentityOf(
      makeCertificate(
        'vn-school',
        '/C=VN/CN=TRUONG TIEU HOC KIM DONG/UID=MST:0101234567-001/UID=MNS:1234567',
        [],
        'ec',
      ),
    );
    expect(school).toMatchObject({ taxCodes: ['0101234567-001'], budgetCodes: ['1234567'], citizenIds: [] });
    expect(school.issuer).toBe('C=VN, CN=TRUONG TIEU HOC KIM DONG, UID=MST:0101234567-001, UID=MNS:1234567');
  });
});

describe('keyUsageFromBits', () => {
  it('reads bits from the most significant end, decipherOnly in the second byte', () => {
    expect(keyUsageFromBits(Uint8Array.from([0b1000_0110]), 1)).toEqual([
      'digitalSignature',
      'keyCertSign',
      'cRLSign',
    ]);
    expect(keyUsageFromBits(Uint8Array.from([0x00, 0x80]), 7)).toEqual(['decipherOnly']);
    expect(keyUsageFromBits(Uint8Array.from([0xff]), 7)).toEqual(['digitalSignature']);
  });
});
