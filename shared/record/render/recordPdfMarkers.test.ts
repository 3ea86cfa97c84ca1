import { describe, expect, it } from 'vitest';
import { parseSignatureBoxes } from './recordPdfMarkers';

const box = { pageIndex: 1, x: 56, y: 300, width: 150, height: 68 };

describe('parseSignatureBoxes', () => {
  it('reads the three boxes the renderer writes', () => {
    const boxes = { homeroomTeacher: box, principal: { ...box, x: 222 }, seal: { ...box, x: 389 } };
    expect(parseSignatureBoxes(JSON.stringify(boxes))).toEqual(boxes);
  });

  it('gives nothing for a missing, broken or incomplete value, so a signer refuses instead of guessing', () => {
    expect(parseSignatureBoxes(undefined)).toBeUndefined();
    expect(parseSignatureBoxes('{"homeroomTeacher":')).toBeUndefined();
    expect(parseSignatureBoxes(JSON.stringify({ homeroomTeacher: box, principal: box }))).toBeUndefined();
    expect(
      parseSignatureBoxes(
        JSON.stringify({ homeroomTeacher: box, principal: box, seal: { ...box, width: -1 } }),
      ),
    ).toBeUndefined();
    expect(
      parseSignatureBoxes(
        JSON.stringify({ homeroomTeacher: box, principal: box, seal: { ...box, pageIndex: 0.5 } }),
      ),
    ).toBeUndefined();
  });
});
