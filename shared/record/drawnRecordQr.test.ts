import { describe, expect, it } from 'vitest';
import { drawnModuleGrid, drawnRectangleGroups, moduleGrid } from './drawnRecordQr';
import { qrRectangles, recordQrPayload } from './render/recordQr';

const payload = recordQrPayload({
  recordId: 'studyRecord:student:0123456789:2025-2026',
  version: 1,
  contentHash: 'ab'.repeat(32),
});

/** The operators the renderer writes for a code `side` points wide at (x, y). */
function drawn(text: string, x: number, y: number, side: number): string {
  const { rectangles, size } = qrRectangles(text);
  const module = side / size;
  const parts = rectangles.map(
    (part) =>
      `${x + part.x * module} ${y + side - (part.y + part.height) * module} ${part.width * module} ${part.height * module} re`,
  );
  return `BT (x) Tj ET\nq\n0 0 0 rg\n${parts.join('\n')}\nf\nQ\n`;
}

describe('reading the drawn QR code back', () => {
  it('gets the same modules back from the page operators, at any size and place', () => {
    const { rectangles, size } = qrRectangles(payload);
    for (const [x, y, side] of [
      [469.28, 60, 84],
      [10, 700.5, 123.4],
    ] as const) {
      const [group, ...others] = drawnRectangleGroups(drawn(payload, x, y, side));
      expect(others).toEqual([]);
      expect(drawnModuleGrid(group ?? [])).toEqual({ size, grid: moduleGrid(rectangles, size) });
    }
  });

  it('tells codes of different hashes apart', () => {
    const other = payload.replace(/AB$/, 'AC');
    const [group] = drawnRectangleGroups(drawn(other, 0, 0, 84));
    const { rectangles, size } = qrRectangles(payload);
    expect(drawnModuleGrid(group ?? [])?.grid).not.toBe(moduleGrid(rectangles, size));
  });

  it('finds nothing in a page without a black rectangle group', () => {
    expect(drawnRectangleGroups('q 1 0 0 rg 0 0 10 10 re f Q')).toEqual([]);
    expect(drawnModuleGrid([])).toBeUndefined();
    expect(drawnModuleGrid([{ x: 0, y: 0, width: 10, height: 30 }])).toBeUndefined();
  });
});
