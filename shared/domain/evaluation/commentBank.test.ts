import { describe, expect, it } from 'vitest';
import { subjectCommentSuggestions, traitCommentSuggestions } from './commentBank';
import { defaultCompiledCatalogue } from './compiledCatalogue';
import { grades } from '../grade';

const compiled = defaultCompiledCatalogue();
const rows = new Map(grades.flatMap((grade) => compiled.plan(grade).rows.map((row) => [row.key, row])));
const traits = [...compiled.catalogue.qualities, ...compiled.catalogue.competencies];

describe('comment suggestions', () => {
  it('give every subject row phrases of its own at every level, before the general ones', () => {
    const general = new Set(subjectCommentSuggestions('khong-co-mon-nay', null));
    for (const key of rows.keys()) {
      for (const level of ['T', 'H', 'C'] as const) {
        const own = subjectCommentSuggestions(key, level).filter((phrase) => !general.has(phrase));
        expect(own.length, `${key} ${level}`).toBeGreaterThan(0);
        expect(subjectCommentSuggestions(key, level).slice(0, own.length)).toEqual(own);
      }
    }
  });

  it('never offer one part’s phrase for the other part of a subject (Âm nhạc and Mĩ thuật)', () => {
    const music = new Set(subjectCommentSuggestions('nghe-thuat/am-nhac', null));
    const art = subjectCommentSuggestions('nghe-thuat/mi-thuat', null);
    const general = new Set(subjectCommentSuggestions('khong-co-mon-nay', null));
    expect(art.filter((phrase) => music.has(phrase) && !general.has(phrase))).toEqual([]);
    expect(art).toContain('Vẽ đẹp, phối màu hài hòa, sáng tạo.');
    expect(music).not.toContain('Vẽ đẹp, phối màu hài hòa, sáng tạo.');
    expect(music).toContain('Hát đúng giai điệu, thể hiện tự tin.');
  });

  it('give every quality and competency phrases about itself only, at every level', () => {
    const owner = new Map<string, string>();
    for (const trait of traits) {
      for (const level of ['T', 'Đ', 'C'] as const) {
        const phrases = traitCommentSuggestions(trait.code, level);
        expect(phrases.length, `${trait.code} ${level}`).toBeGreaterThan(0);
        for (const phrase of phrases) {
          expect(owner.get(phrase) ?? trait.code, phrase).toBe(trait.code);
          owner.set(phrase, trait.code);
        }
      }
    }
    expect(traitCommentSuggestions('yeu-nuoc', 'Đ')).not.toContain(
      'Biết tự phục vụ bản thân; cần chủ động hơn trong học tập.',
    );
  });

  it('offer nothing for a trait the bank does not know rather than another trait’s phrases', () => {
    expect(traitCommentSuggestions('ky-nang-song', 'T')).toEqual([]);
  });
});
