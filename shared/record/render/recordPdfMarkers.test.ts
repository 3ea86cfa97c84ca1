import { describe, expect, it } from 'vitest';
import type { RecordSigners } from '../studyRecord';
import {
  parseSignatureBoxes,
  parseSignersMarker,
  signatureBoxesMarkerJson,
  signersMarkerOf,
} from './recordPdfMarkers';

const box = { pageIndex: 1, x: 56, y: 300, width: 150, height: 68 };

describe('parseSignatureBoxes', () => {
  it('reads the three boxes the renderer writes, the seal’s box spelt `seal` as in files already signed', () => {
    // The marker exactly as files rendered (and signed) so far carry it.
    const stored =
      '{"homeroomTeacher":{"pageIndex":1,"x":56,"y":300,"width":150,"height":68},' +
      '"principal":{"pageIndex":1,"x":222,"y":300,"width":150,"height":68},' +
      '"seal":{"pageIndex":1,"x":389,"y":300,"width":150,"height":68}}';
    const boxes = parseSignatureBoxes(stored);
    expect(boxes).toEqual({
      homeroomTeacher: box,
      principal: { ...box, x: 222 },
      schoolSeal: { ...box, x: 389 },
    });
    // And it is written back the same, byte for byte: the stored spelling does not change.
    expect(boxes && signatureBoxesMarkerJson(boxes)).toBe(stored);
  });

  it('does not take the role’s name for the seal’s box: the marker has one spelling', () => {
    expect(
      parseSignatureBoxes(JSON.stringify({ homeroomTeacher: box, principal: box, schoolSeal: box })),
    ).toBeUndefined();
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

describe('the signers marker', () => {
  const signers: RecordSigners = {
    homeroomTeacher: {
      name: 'Nguyễn Thị Thu Hà',
      personalId: '001190012345',
      formerIdNumber: '012345678',
      pinnedCertificate: { issuer: 'CN=CA Thử Nghiệm, C=VN', serialNumberHex: '0a1b' },
    },
    principal: { name: 'Trần Văn Bình', personalId: null, formerIdNumber: null, pinnedCertificate: null },
    schoolSeal: {
      name: 'Trường Tiểu học Kim Đồng',
      taxCode: '0101234567-001',
      budgetCode: '1234567',
      pinnedCertificate: null,
    },
  };

  it('carries the record’s signers whole: names, personal IDs, pins and the school’s codes', () => {
    expect(parseSignersMarker(signersMarkerOf(signers))).toEqual(signers);
  });

  it('reads names back in NFC, so a decomposed marker still names the same person', () => {
    const decomposed = signersMarkerOf(signers).normalize('NFD');
    expect(parseSignersMarker(decomposed)?.homeroomTeacher.name).toBe('Nguyễn Thị Thu Hà');
  });

  it('gives nothing for a marker someone bent, so the signer asks for the record to be produced again', () => {
    const bent = (change: (value: Record<string, unknown>) => void) => {
      const value = JSON.parse(signersMarkerOf(signers)) as Record<string, unknown>;
      change(value);
      return parseSignersMarker(JSON.stringify(value));
    };
    expect(parseSignersMarker(undefined)).toBeUndefined();
    expect(parseSignersMarker('{"homeroomTeacher":')).toBeUndefined();
    // The old names-only marker is not a signers object.
    expect(
      parseSignersMarker(
        JSON.stringify({ homeroomTeacher: 'A', principal: 'B', schoolSeal: 'Trường Tiểu học Kim Đồng' }),
      ),
    ).toBeUndefined();
    expect(
      bent((value) => {
        value.homeroomTeacher = { ...signers.homeroomTeacher, personalId: '0011900123' };
      }),
    ).toBeUndefined();
    expect(
      bent((value) => {
        value.schoolSeal = { ...signers.schoolSeal, taxCode: 'MST:0101234567' };
      }),
    ).toBeUndefined();
    expect(
      bent((value) => {
        value.principal = { ...signers.principal, trusted: true };
      }),
    ).toBeUndefined();
    expect(
      bent((value) => {
        delete value.schoolSeal;
      }),
    ).toBeUndefined();
  });
});
