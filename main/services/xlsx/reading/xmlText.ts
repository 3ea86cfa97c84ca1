/**
 * XML character data as the reader keeps it: the five predefined entities and character
 * references decoded, nothing else. A file that names any other entity declared it in a DTD,
 * which SpreadsheetML never has, so it is refused rather than guessed at.
 */
export class MalformedXml extends Error {
  constructor(readonly detail: 'entity') {
    super(`malformed XML: ${detail}`);
    this.name = 'MalformedXml';
  }
}

const namedEntities: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

function characterReference(body: string): string {
  const hex = body.startsWith('#x') || body.startsWith('#X');
  const digits = body.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) throw new MalformedXml('entity');
  const codePoint = Number.parseInt(digits, hex ? 16 : 10);
  const isSurrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
  if (codePoint === 0 || codePoint > 0x10ffff || isSurrogate) throw new MalformedXml('entity');
  return String.fromCodePoint(codePoint);
}

/** Decodes `&lt;`, `&amp;`, `&#233;`, `&#xE9;` …; refuses any other `&`. Linear in the text. */
export function decodeXmlEntities(text: string): string {
  let amp = text.indexOf('&');
  if (amp === -1) return text;
  let out = '';
  let from = 0;
  while (amp !== -1) {
    // The longest reference is `&#x10FFFF;` or `&#1114111;` (10 characters).
    const semicolon = text.indexOf(';', amp + 1);
    if (semicolon === -1 || semicolon - amp > 10) throw new MalformedXml('entity');
    const body = text.slice(amp + 1, semicolon);
    const named = namedEntities.get(body);
    if (named === undefined && !body.startsWith('#')) throw new MalformedXml('entity');
    out += text.slice(from, amp) + (named ?? characterReference(body));
    from = semicolon + 1;
    amp = text.indexOf('&', from);
  }
  return out + text.slice(from);
}

/**
 * Excel writes characters XML cannot carry (control characters) as `_xHHHH_` in shared strings;
 * exceljs decodes them the same way (upper-case hex only).
 */
export function decodeExcelEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_match, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}
