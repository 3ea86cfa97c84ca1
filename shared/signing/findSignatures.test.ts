import { describe, expect, it } from 'vitest';
import { latin1Encode } from './bytes';
import { findSignatures, parsePdfDate } from './findSignatures';
import { byteRangePlaceholder, lastXrefIsStream, pdfDate } from './signaturePlaceholder';
import { formatByteRange } from './signPdf';

describe('parsePdfDate', () => {
  it('reads UTC and offset dates', () => {
    expect(parsePdfDate('D:20261129094626Z')?.toISOString()).toBe('2026-11-29T09:46:26.000Z');
    expect(parsePdfDate("D:20261129164626+07'00'")?.toISOString()).toBe('2026-11-29T09:46:26.000Z');
    expect(parsePdfDate("D:20261129034626-06'00")?.toISOString()).toBe('2026-11-29T09:46:26.000Z');
    expect(parsePdfDate('D:2026')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(parsePdfDate('yesterday')).toBeUndefined();
  });

  it('round-trips what the signer writes into /M', () => {
    const instant = new Date('2026-03-05T01:02:03.000Z');
    expect(pdfDate(instant)).toBe('D:20260305010203Z');
    expect(parsePdfDate(pdfDate(instant))).toEqual(instant);
  });
});

describe('formatByteRange', () => {
  it('fills exactly the placeholder width', () => {
    const text = formatByteRange([0, 1234, 34_000, 5678]);
    expect(text).toMatch(/^\[0 1234 34000 5678 +\]$/);
    expect(text).toHaveLength('[0 /********** /********** /**********]'.length);
    expect(formatByteRange([0, 9_999_999_999, 9_999_999_999, 9_999_999_999])).toHaveLength(text.length);
  });
});

describe('findSignatures', () => {
  const contents = '3003020100';
  function pdfWith(byteRange: string, contentsAt: 'own' | 'elsewhere'): Uint8Array {
    const head = '%PDF-1.7\n5 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /ByteRange ';
    const mid = ` /M (D:20261129094626Z) /Name <FEFF004E0067> /Contents <${contents}> >>\nendobj\n%%EOF\n`;
    const text = `${head}${byteRange}${mid}`;
    if (contentsAt === 'elsewhere') return latin1Encode(text.replace('/Contents', '/Other'));
    return latin1Encode(text);
  }

  it('reads the byte range, the /Contents gap, the time and the name', () => {
    // The padded byte range has the placeholder's width, so offsets do not move when it is filled.
    const probe = String.fromCharCode(...pdfWith(byteRangePlaceholder, 'own'));
    const gapStart = probe.indexOf(`<${contents}>`);
    const gapEnd = gapStart + contents.length + 2;
    const range = [0, gapStart, gapEnd, probe.length - gapEnd] as const;
    const pdf = pdfWith(formatByteRange(range), 'own');
    const [found] = findSignatures(pdf);
    expect(found?.byteRange).toEqual(range);
    expect(found?.contents).toEqual(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]));
    expect(found?.signingTime?.toISOString()).toBe('2026-11-29T09:46:26.000Z');
    expect(found?.name).toBe('Ng');
  });

  it('ignores a byte range whose gap is not the dictionary’s own /Contents', () => {
    const probe = String.fromCharCode(...pdfWith(byteRangePlaceholder, 'elsewhere'));
    const gapStart = probe.indexOf(`<${contents}>`);
    const gapEnd = gapStart + contents.length + 2;
    const pdf = pdfWith(formatByteRange([0, gapStart, gapEnd, probe.length - gapEnd]), 'elsewhere');
    expect(findSignatures(pdf)[0]?.byteRange).toEqual([0, gapStart, gapEnd, probe.length - gapEnd]);
    expect(findSignatures(pdf)[0]?.contents).toBeUndefined();
  });

  it('reports an unfilled placeholder without a byte range', () => {
    const [found] = findSignatures(pdfWith(byteRangePlaceholder, 'own'));
    expect(found?.byteRange).toBeUndefined();
  });
});

describe('lastXrefIsStream', () => {
  it('tells an xref table from an xref stream', () => {
    const table = '%PDF-1.7\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< >>\nstartxref\n9\n%%EOF\n';
    expect(lastXrefIsStream(latin1Encode(table))).toBe(false);
    const stream = '%PDF-1.7\n7 0 obj\n<< /Type /XRef >>\nstream\nendstream\nendobj\nstartxref\n9\n%%EOF';
    expect(lastXrefIsStream(latin1Encode(stream))).toBe(true);
  });
});

describe('findSignatures on a file with several signatures', () => {
  it('tells each /Contents gap and decodes a value only when it is read', () => {
    const dictionary = (contents: string, at: number) =>
      `${at} 0 obj\n<< /Type /Sig /ByteRange ${byteRangePlaceholder} /Contents <${contents}> >>\nendobj\n`;
    const template = `%PDF-1.7\n${dictionary('3003020101', 5)}%%EOF\n${dictionary('3003020102', 6)}%%EOF\n`;
    // A filled byte range has the placeholder's width, so no offset moves when it is written.
    const ranges = [...template.matchAll(/<(30030201\d\d)>/g)].map((match) => {
      const end = match.index + match[0].length;
      const fileEnd = template.indexOf('%%EOF', end) + '%%EOF\n'.length;
      return formatByteRange([0, match.index, end, fileEnd - end]);
    });
    let index = 0;
    const text = template.replaceAll(byteRangePlaceholder, () => ranges[index++] ?? '');
    const found = findSignatures(latin1Encode(text));
    expect(found).toHaveLength(2);
    const gaps = found.map((signature) => signature.contentsGap);
    expect(gaps.map((gap) => (gap ? text.slice(gap[0], gap[1]) : undefined))).toEqual([
      '<3003020101>',
      '<3003020102>',
    ]);
    expect(found.map((signature) => signature.contents?.[4])).toEqual([1, 2]);
  });
});
