import type { CharacterLevel, SubjectLevel } from './catalogueSchema';

/**
 * Suggested comments (nhận xét) a teacher can pick and edit: by subject and level, with general
 * ones for any subject, and by level for qualities and competencies. Teachers add their own
 * phrases beside these; nothing here is ever written without the teacher choosing it.
 */
const general: Record<SubjectLevel, readonly string[]> = {
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

const bySubject: Readonly<Record<string, Partial<Record<SubjectLevel, readonly string[]>>>> = {
  'tieng-viet': {
    T: [
      'Đọc to, rõ ràng, diễn cảm; viết đúng chính tả, chữ viết đẹp.',
      'Viết đoạn văn mạch lạc, dùng từ chính xác.',
    ],
    H: ['Đọc rõ ràng; viết tương đối đúng chính tả, cần trình bày sạch đẹp hơn.'],
    C: ['Đọc còn chậm, viết còn sai chính tả; cần luyện đọc và viết thêm ở nhà.'],
  },
  toan: {
    T: ['Nắm vững kiến thức, tính toán nhanh, chính xác.', 'Giải toán có lời văn tốt, trình bày rõ ràng.'],
    H: ['Nắm được kiến thức cơ bản; cần cẩn thận hơn khi tính toán.'],
    C: ['Chưa thuộc bảng nhân, chia; cần luyện tập thêm.'],
  },
  'ngoai-ngu-1': {
    T: ['Phát âm chuẩn, giao tiếp tự tin bằng tiếng Anh.'],
    H: ['Hiểu và trả lời được câu hỏi đơn giản; cần mạnh dạn giao tiếp hơn.'],
  },
  'giao-duc-the-chat': { T: ['Thực hiện đúng, đẹp các động tác; tích cực tập luyện.'] },
  'nghe-thuat': { T: ['Hát đúng giai điệu, thể hiện tự tin.', 'Vẽ đẹp, phối màu hài hòa, sáng tạo.'] },
};

const traits: Record<CharacterLevel, readonly string[]> = {
  T: [
    'Chăm chỉ, tự giác; luôn hoàn thành nhiệm vụ được giao.',
    'Hòa đồng, biết giúp đỡ bạn bè; lễ phép với thầy cô.',
  ],
  Đ: [
    'Biết tự phục vụ bản thân; cần mạnh dạn hơn khi trình bày ý kiến.',
    'Có ý thức học tập; đôi khi chưa tập trung.',
  ],
  C: ['Cần cố gắng tập trung hơn trong giờ học và khi làm việc nhóm.'],
};

/** Suggestions for a subject row (`toan`, `nghe-thuat/am-nhac`) at a level, subject-specific first. */
export function subjectCommentSuggestions(rowKey: string, level: SubjectLevel | null): readonly string[] {
  const subject = rowKey.split('/')[0] ?? rowKey;
  const levels: readonly SubjectLevel[] = level ? [level] : ['T', 'H', 'C'];
  return levels.flatMap((l) => [...(bySubject[subject]?.[l] ?? []), ...general[l]]);
}

export function traitCommentSuggestions(level: CharacterLevel | null): readonly string[] {
  const levels: readonly CharacterLevel[] = level ? [level] : ['T', 'Đ', 'C'];
  return levels.flatMap((l) => traits[l]);
}
