import { describe, expect, it } from 'vitest';
import { bytesToHex, concatBytes, hexToBytes, indexOfBytes, latin1Decode, latin1Encode } from './bytes';

describe('byte helpers', () => {
  it('round-trips hex and rejects what is not hex', () => {
    const bytes = new Uint8Array([0, 1, 0xab, 0xff]);
    expect(bytesToHex(bytes)).toBe('0001abff');
    expect(hexToBytes('00 01 AB\nff')).toEqual(bytes);
    expect(hexToBytes('abc')).toBeUndefined();
    expect(hexToBytes('zz')).toBeUndefined();
  });

  it('finds byte patterns from an offset and keeps Latin-1 one byte per char', () => {
    const pdf = latin1Encode('%PDF /Contents <00> /Contents <11>');
    const needle = latin1Encode('/Contents <');
    const first = indexOfBytes(pdf, needle);
    expect(first).toBe(5);
    expect(indexOfBytes(pdf, needle, first + 1)).toBe(20);
    expect(indexOfBytes(pdf, latin1Encode('/M ('))).toBe(-1);
    expect(latin1Decode(concatBytes([latin1Encode('ab'), new Uint8Array([0xe9])]))).toBe('ab\u00e9');
  });
});
