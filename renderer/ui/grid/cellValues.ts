import type { CharacterLevel, SubjectLevel } from '../../../shared/domain/evaluation/catalogueSchema';
import { searchKeyOf } from '../../../shared/domain/text';

/** What a grid column holds; decides which keys and pasted texts it accepts. */
export type ColumnKind = 'subjectLevel' | 'traitLevel' | 'score' | 'comment';

/** A level (T/H/C or T/Đ/C), a score, a comment, or nothing. */
export type CellValue = string | number | null;

export type ParsedCell =
  { readonly ok: true; readonly value: CellValue } | { readonly ok: false; readonly message: string };

const subjectLevelWords: Readonly<Record<string, SubjectLevel>> = {
  t: 'T',
  h: 'H',
  c: 'C',
  'hoan thanh tot': 'T',
  htt: 'T',
  'hoan thanh': 'H',
  ht: 'H',
  'chua hoan thanh': 'C',
  cht: 'C',
};

const traitLevelWords: Readonly<Record<string, CharacterLevel>> = {
  t: 'T',
  d: 'Đ',
  c: 'C',
  tot: 'T',
  dat: 'Đ',
  'can co gang': 'C',
  ccg: 'C',
};

export const cellStrings = {
  subjectLevel: 'Mức đạt được chỉ là T (Hoàn thành tốt), H (Hoàn thành) hoặc C (Chưa hoàn thành).',
  traitLevel: 'Mức đánh giá chỉ là T (Tốt), Đ (Đạt) hoặc C (Cần cố gắng).',
  score: 'Điểm là số nguyên từ 0 đến 10, không có phần thập phân.',
} as const;

/**
 * Reads what a teacher typed or pasted into a cell: levels by letter or by name, with or without
 * diacritics ("d" and "Đạt" are Đ); scores as whole numbers; an empty text clears the cell.
 */
export function parseCellInput(kind: ColumnKind, raw: string): ParsedCell {
  const text = raw.normalize('NFC').trim();
  if (text === '') return { ok: true, value: kind === 'comment' ? '' : null };
  switch (kind) {
    case 'comment':
      return { ok: true, value: text };
    case 'subjectLevel': {
      const level = subjectLevelWords[searchKeyOf(text)];
      return level ? { ok: true, value: level } : { ok: false, message: cellStrings.subjectLevel };
    }
    case 'traitLevel': {
      const level = traitLevelWords[searchKeyOf(text)];
      return level ? { ok: true, value: level } : { ok: false, message: cellStrings.traitLevel };
    }
    case 'score': {
      if (!/^\d{1,2}$/.test(text)) return { ok: false, message: cellStrings.score };
      const score = Number(text);
      return score <= 10 ? { ok: true, value: score } : { ok: false, message: cellStrings.score };
    }
  }
}

/** How a stored value is shown in its cell. */
export function formatCellValue(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? value.toString() : value;
}
