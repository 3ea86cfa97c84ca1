import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ecdsaRawToDer } from './ecdsaSignature';

describe('ecdsaRawToDer', () => {
  it('turns the r‖s a token returns into the DER node:crypto verifies, for many signatures', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (let index = 0; index < 200; index += 1) {
      const data = Buffer.from(`record ${index}`);
      const raw = sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      const der = ecdsaRawToDer(raw);
      expect(verify('sha256', data, { key: publicKey, dsaEncoding: 'der' }, der)).toBe(true);
    }
  });

  it('pads a high bit and trims leading zeros', () => {
    const raw = Uint8Array.from([0x00, 0x00, 0x80, 0x01, 0x00, 0x00, 0x00, 0x7f]);
    expect([...ecdsaRawToDer(raw)]).toEqual([0x30, 0x08, 0x02, 0x03, 0x00, 0x80, 0x01, 0x02, 0x01, 0x7f]);
  });

  it('uses the long length form for P-521', () => {
    const raw = new Uint8Array(132).fill(0xff);
    const der = ecdsaRawToDer(raw);
    expect([der[0], der[1]]).toEqual([0x30, 0x81]);
  });

  it('rejects odd lengths', () => {
    expect(() => ecdsaRawToDer(new Uint8Array(3))).toThrow();
  });
});
