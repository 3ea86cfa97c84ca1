import type { CharacterLevel, SubjectLevel } from './catalogueSchema';
import { subjectPhrases } from './commentPhrasesSubjects';
import { traitPhrases } from './commentPhrasesTraits';

/**
 * Suggested comments (nhận xét) a teacher can pick and edit. A subject row gets its own phrases
 * (a part by the part: Âm nhạc and Mĩ thuật never share one) before the general ones that fit any
 * subject; a quality or competency gets only phrases about itself, since a phrase about another
 * trait ("Yêu nước: biết tự phục vụ bản thân") would be wrong on the record. Teachers add their
 * own phrases beside these; nothing here is ever written without the teacher choosing it.
 */
const generalSubject: Record<SubjectLevel, readonly string[]> = {
  T: [
    'Hoàn thành tốt các nội dung học tập của môn học.',
    'Tích cực, chủ động trong học tập; vận dụng tốt kiến thức đã học.',
  ],
  H: [
    'Hoàn thành các nội dung học tập của môn học.',
    'Nắm được kiến thức cơ bản; cần chủ động hơn trong học tập.',
  ],
  C: [
    'Chưa hoàn thành một số nội dung học tập; cần cố gắng nhiều hơn.',
    'Cần được giúp đỡ thêm để hoàn thành yêu cầu của môn học.',
  ],
};

const subjectLevels: readonly SubjectLevel[] = ['T', 'H', 'C'];
const characterLevels: readonly CharacterLevel[] = ['T', 'Đ', 'C'];

/**
 * Suggestions for a subject row (`toan`, `nghe-thuat/am-nhac`) at a level, its own first; all
 * levels when the cell has none yet.
 */
export function subjectCommentSuggestions(rowKey: string, level: SubjectLevel | null): readonly string[] {
  const levels = level ? [level] : subjectLevels;
  return levels.flatMap((l) => [...(subjectPhrases[rowKey]?.[l] ?? []), ...generalSubject[l]]);
}

/**
 * Suggestions for one quality or competency (`yeu-nuoc`, `tu-chu-tu-hoc`) at a level; a trait the
 * bank does not know (a province's own) gets none rather than another trait's phrases.
 */
export function traitCommentSuggestions(traitCode: string, level: CharacterLevel | null): readonly string[] {
  const levels = level ? [level] : characterLevels;
  return levels.flatMap((l) => traitPhrases[traitCode]?.[l] ?? []);
}
