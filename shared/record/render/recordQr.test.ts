import { describe, expect, it } from 'vitest';
import qrcode from 'qrcode-generator';
import { parseRecordQrPayload, qrRectangles, recordQrPayload } from './recordQr';

const content = {
  recordId: 'studyRecord:student:0123456789:2025-2026',
  version: 2,
  contentHash: 'ab'.repeat(32),
};

describe('the QR payload', () => {
  it('round-trips the record id, version and content hash', () => {
    const payload = recordQrPayload(content);
    expect(payload).toBe(`HB1/0123456789/2025/2/${'AB'.repeat(32)}`);
    expect(parseRecordQrPayload(payload)).toEqual(content);
  });

  it('uses only QR alphanumeric characters and refuses what is not a payload', () => {
    expect(recordQrPayload(content)).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
    expect(parseRecordQrPayload('https://example.com')).toBeUndefined();
    expect(() => recordQrPayload({ ...content, recordId: 'x' })).toThrow(RangeError);
  });

  it('covers exactly the dark modules with rectangles, as a version-4 code', () => {
    const payload = recordQrPayload(content);
    const { rectangles, size } = qrRectangles(payload);
    expect(size).toBe(33);
    const dark = new Set<string>();
    for (const { x, y, width, height } of rectangles)
      for (let row = y; row < y + height; row += 1)
        for (let column = x; column < x + width; column += 1) {
          const key = `${row}:${column}`;
          expect(dark.has(key)).toBe(false);
          dark.add(key);
        }
    const code = qrcode(0, 'M');
    code.addData(payload, 'Alphanumeric');
    code.make();
    for (let row = 0; row < size; row += 1)
      for (let column = 0; column < size; column += 1)
        expect(dark.has(`${row}:${column}`)).toBe(code.isDark(row, column));
    // The finder pattern's top edge is one 7-module run.
    expect(rectangles).toContainEqual({ x: 0, y: 0, width: 7, height: 1 });
  });
});
