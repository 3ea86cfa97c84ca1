/**
 * Text rules for Vietnamese data. Everything stored or drawn is NFC: decomposed marks
 * (common in text pasted from some Mac and Word sources) compare unequal and float in PDFs.
 */
export function toNfc(value: string): string {
  return value.normalize('NFC');
}

/** Trims, collapses inner whitespace and normalises to NFC: the canonical form of a name or field. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * A search key without diacritics, lower case: "Nguyễn Văn Đức" → "nguyen van duc".
 * Đ/đ is a separate letter, not a combining mark, so it is mapped explicitly, and so are its
 * look-alikes (Ð/ð U+00D0/U+00F0, Ɖ/ɖ): a name typed with either is found by both.
 */
export function searchKeyOf(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ\u00d0\u00f0\u0189\u0256]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Không" — what the học bạ shows in a field that does not apply (../shared/docs/domain.md, identity page). */
export const notApplicable = 'Không';
