import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeXmlEntities } from './xmlText';
import { XmlScanError } from './xmlScanError';
import { XmlScanner, type XmlHandler } from './xmlScanner';

const limits = { maxDepth: 64, maxElements: 10_000, maxTokenBytes: 1024 };

/** Scans `xml` cut into the given chunks; the events as text, attributes `r` and `s` included. */
function events(xml: string, cuts: readonly number[] = [], scanLimits = limits): string[] {
  const out: string[] = [];
  let text: Buffer[] = [];
  const handler: XmlHandler = {
    wantsText: () => true,
    text: (buf, start, end) => text.push(Buffer.from(buf.subarray(start, end))),
    open: (name, tag) => {
      if (text.length > 0) out.push(`"${decodeXmlEntities(Buffer.concat(text).toString('utf8'))}"`);
      text = [];
      out.push(`<${name} r=${tag.attr('r') ?? '-'} s=${tag.attr('s') ?? '-'}>`);
    },
    close: (name) => {
      if (text.length > 0) out.push(`"${decodeXmlEntities(Buffer.concat(text).toString('utf8'))}"`);
      text = [];
      out.push(`</${name}>`);
    },
  };
  const scanner = new XmlScanner(handler, scanLimits);
  const bytes = Buffer.from(xml, 'utf8');
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    scanner.push(bytes.subarray(from, cut));
    from = cut;
  }
  scanner.push(bytes.subarray(from));
  scanner.finish();
  return out;
}

function scanError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof XmlScanError) return error.problem;
    throw error;
  }
  return 'none';
}

const sample =
  '<?xml version="1.0"?><!-- a comment --><x:row r="2" s=\'a>b\'><c r="A2"><v>Nguyễn &amp; Trần</v></c>' +
  '<c r="B2"/><t><![CDATA[<i>ạ</i>]]></t></x:row>';

describe('XmlScanner', () => {
  it('gives names without prefixes, attributes with > in quotes, text, CDATA, comments skipped', () => {
    expect(events(sample)).toEqual([
      '<row r=2 s=a>b>',
      '<c r=A2 s=->',
      '<v r=- s=->',
      '"Nguyễn & Trần"',
      '</v>',
      '</c>',
      '<c r=B2 s=->',
      '</c>',
      '<t r=- s=->',
      '"<i>ạ</i>"',
      '</t>',
      '</row>',
    ]);
  });

  it('gives the same events however the bytes are cut into chunks (UTF-8 split included)', () => {
    const whole = events(sample);
    const length = Buffer.byteLength(sample, 'utf8');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: length }), { maxLength: 12 }), (cuts) => {
        expect(events(sample, cuts)).toEqual(whole);
      }),
    );
  });

  it('refuses a DOCTYPE, too deep, too many elements, a token too long, a cut-off document', () => {
    expect(scanError(() => events('<!DOCTYPE x [<!ENTITY a "b">]><x/>'))).toBe('doctype');
    expect(scanError(() => events('<a>'.repeat(65)))).toBe('depth');
    expect(scanError(() => events('<a/>'.repeat(10_001)))).toBe('elements');
    expect(scanError(() => events(`<a b="${'x'.repeat(2000)}"/>`))).toBe('token');
    expect(scanError(() => events(`<a b="${'x'.repeat(2000)}"/>`, [100, 600, 1200]))).toBe('token');
    expect(scanError(() => events('<a><b'))).toBe('malformed');
    expect(scanError(() => events('<a b="1" c/>'))).toBe('malformed');
  });
});
