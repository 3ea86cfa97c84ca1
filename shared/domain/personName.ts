import { cleanText } from './text';

/**
 * Vietnamese personal names: family name first, given name last ("Nguyễn Văn An": họ Nguyễn,
 * tên đệm Văn, tên An). Class lists are sorted by given name, then middle names, then family name.
 */
const collator = new Intl.Collator('vi', { sensitivity: 'accent', numeric: true });

export function givenNameOf(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  return parts[parts.length - 1] ?? '';
}

function sortKeyParts(fullName: string): string[] {
  const parts = fullName.normalize('NFC').trim().split(/\s+/);
  const given = parts.pop() ?? '';
  const family = parts.shift() ?? '';
  return [given, parts.join(' '), family];
}

/** Orders two names the way a Vietnamese class register does. */
export function compareVietnameseNames(a: string, b: string): number {
  const left = sortKeyParts(a);
  const right = sortKeyParts(b);
  for (let i = 0; i < left.length; i += 1) {
    const order = collator.compare(left[i] ?? '', right[i] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * Whether two spellings name the same person (or school): Unicode form, spacing and letter case
 * aside — a certificate's holder against an account, a record's signer against the one signing.
 */
export function samePersonName(a: string, b: string): boolean {
  const normalise = (text: string) =>
    text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return normalise(a) === normalise(b);
}

/**
 * Letters that look like Đ/đ but are not (U+00D0 Ð and U+00F0 ð, the Icelandic eth, which many
 * keyboards and fonts offer for "Đ"; U+0189 Ɖ and U+0256 ɖ, the African D). A civil-registry name
 * only ever has Đ (U+0110) and đ (U+0111).
 */
const lookalikeLetters: Readonly<Record<string, string>> = {
  '\u00d0': '\u0110',
  '\u0189': '\u0110',
  '\u00f0': '\u0111',
  '\u0256': '\u0111',
};
const lookalikePattern = /[\u00d0\u0189\u00f0\u0256]/gu;

/** Whether a name holds a look-alike of Đ/đ that `cleanPersonName` will correct. */
export function hasLookalikeLetters(name: string): boolean {
  return name.search(lookalikePattern) !== -1;
}

/**
 * A person's name as the civil registry spells it: `cleanText` (NFC, single spaces, trimmed) with
 * each look-alike of Đ/đ replaced by the real letter, so "ÐỖ VĂN ÐỨC" is stored "ĐỖ VĂN ĐỨC" and
 * matches the birth certificate, the certificate holder and every search.
 */
export function cleanPersonName(name: string): string {
  return cleanText(name).replace(lookalikePattern, (letter) => lookalikeLetters[letter] ?? letter);
}
