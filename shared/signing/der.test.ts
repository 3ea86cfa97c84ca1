import { describe, expect, it } from 'vitest';
import { bytesToHex } from './bytes';
import {
  childrenOf,
  der,
  derOctetString,
  derOid,
  derSequence,
  derSmallInteger,
  readTlv,
  sortedForSetOf,
} from './der';

describe('DER writer', () => {
  it('encodes OIDs as X.690 does', () => {
    expect(bytesToHex(derOid('2.16.840.1.101.3.4.2.1'))).toBe('0609608648016503040201');
    expect(bytesToHex(derOid('1.2.840.10045.4.3.2'))).toBe('06082a8648ce3d040302');
    expect(bytesToHex(derOid('1.2.840.113549.1.9.16.2.47'))).toBe('060b2a864886f70d010910022f');
    expect(() => derOid('1')).toThrow();
  });

  it('uses the short length form below 128 bytes and the long form above', () => {
    expect(bytesToHex(der(0x04, new Uint8Array(127)).subarray(0, 2))).toBe('047f');
    expect(bytesToHex(der(0x04, new Uint8Array(200)).subarray(0, 3))).toBe('0481c8');
    expect(bytesToHex(der(0x04, new Uint8Array(300)).subarray(0, 4))).toBe('0482012c');
  });

  it('orders a SET OF by encoding', () => {
    const sorted = sortedForSetOf([Uint8Array.of(0x30, 2), Uint8Array.of(0x30, 1, 9), Uint8Array.of(0x04)]);
    expect(sorted.map(bytesToHex)).toEqual(['04', '300109', '3002']);
  });
});

describe('DER reader', () => {
  it('reads back what the writer wrote, long lengths included', () => {
    const big = new Uint8Array(300).fill(7);
    const bytes = derSequence(derSmallInteger(1), derOctetString(big));
    const sequence = readTlv(bytes, 0);
    expect(sequence).toMatchObject({ tag: 0x30, start: 0, end: bytes.length });
    const [version, octets] = childrenOf(bytes, sequence);
    expect(version).toMatchObject({ tag: 0x02, end: version ? version.valueStart + 1 : -1 });
    expect(octets?.tag).toBe(0x04);
    expect(octets ? bytes.subarray(octets.valueStart, octets.end) : undefined).toEqual(big);
  });

  it('refuses a value that runs past its container or an indefinite length', () => {
    const bytes = derSequence(derOctetString(new Uint8Array(10)));
    expect(() => readTlv(bytes.subarray(0, bytes.length - 1), 0)).toThrow();
    expect(() => readTlv(Uint8Array.of(0x30, 0x80, 0, 0), 0)).toThrow();
  });
});
