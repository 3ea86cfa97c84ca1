import type { SubjectLevel } from './catalogueSchema';

/**
 * Phrases for each subject row of the 2018 programme, keyed by row key (a part by
 * `subject/part`), in the words teachers use on the học bạ. Levels a row has no phrase for fall
 * back to the general ones in `commentBank.ts`.
 */
export const subjectPhrases: Readonly<Record<string, Partial<Record<SubjectLevel, readonly string[]>>>> = {
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
    C: ['Tính toán còn chậm, hay nhầm lẫn; cần luyện tập thêm các phép tính.'],
  },
  'ngoai-ngu-1': {
    T: ['Phát âm chuẩn, giao tiếp tự tin bằng tiếng Anh.'],
    H: ['Hiểu và trả lời được câu hỏi đơn giản; cần mạnh dạn giao tiếp hơn.'],
    C: ['Vốn từ còn ít; cần luyện nghe, nói thêm mỗi ngày.'],
  },
  'dao-duc': {
    T: ['Hiểu và thực hiện tốt các chuẩn mực hành vi đạo đức đã học.'],
    H: ['Biết các chuẩn mực hành vi đã học; có lúc chưa thực hiện thường xuyên.'],
    C: ['Cần được nhắc nhở thêm để thực hiện các hành vi đạo đức đã học.'],
  },
  'tu-nhien-xa-hoi': {
    T: ['Hiểu biết tốt về tự nhiên và xã hội xung quanh; biết quan sát, đặt câu hỏi.'],
    H: ['Nêu được một số hiểu biết về con người, tự nhiên và xã hội xung quanh.'],
    C: ['Cần quan sát, tìm hiểu thêm về sự vật, hiện tượng xung quanh.'],
  },
  'lich-su-dia-li': {
    T: ['Nắm vững sự kiện, nhân vật lịch sử; đọc tốt bản đồ, lược đồ.'],
    H: ['Nêu được một số sự kiện lịch sử và đặc điểm địa lí đã học.'],
    C: ['Cần ghi nhớ thêm các sự kiện lịch sử và luyện đọc bản đồ.'],
  },
  'khoa-hoc': {
    T: ['Hiểu và vận dụng tốt kiến thức khoa học vào cuộc sống.'],
    H: ['Nắm được kiến thức khoa học cơ bản; cần vận dụng nhiều hơn.'],
    C: ['Cần tìm hiểu thêm và làm thí nghiệm cùng thầy cô, bạn bè.'],
  },
  'tin-hoc-cong-nghe/tin-hoc': {
    T: ['Sử dụng máy tính thành thạo, thực hiện tốt các bài thực hành.'],
    H: ['Thực hiện được các thao tác cơ bản trên máy tính.'],
    C: ['Thao tác trên máy tính còn chậm; cần thực hành thêm.'],
  },
  'tin-hoc-cong-nghe/cong-nghe': {
    T: ['Sử dụng dụng cụ an toàn, làm sản phẩm thủ công đẹp, sáng tạo.'],
    H: ['Làm được sản phẩm theo hướng dẫn; cần khéo léo hơn.'],
    C: ['Cần thực hành thêm để hoàn thành sản phẩm theo yêu cầu.'],
  },
  'giao-duc-the-chat': {
    T: ['Thực hiện đúng, đẹp các động tác; tích cực tập luyện.'],
    H: ['Thực hiện được các động tác cơ bản; cần tập luyện đều đặn hơn.'],
    C: ['Thực hiện động tác chưa đúng; cần tích cực tập luyện hơn.'],
  },
  'nghe-thuat/am-nhac': {
    T: ['Hát đúng giai điệu, thể hiện tự tin.', 'Cảm nhận tốt âm nhạc, biết gõ đệm theo nhịp.'],
    H: ['Hát được bài hát theo giai điệu; cần tự tin hơn khi biểu diễn.'],
    C: ['Hát chưa đúng giai điệu; cần luyện hát thêm.'],
  },
  'nghe-thuat/mi-thuat': {
    T: ['Vẽ đẹp, phối màu hài hòa, sáng tạo.', 'Sản phẩm mĩ thuật có bố cục cân đối, giàu ý tưởng.'],
    H: ['Vẽ được theo chủ đề; cần phối màu hài hòa hơn.'],
    C: ['Cần hoàn thiện sản phẩm mĩ thuật theo yêu cầu.'],
  },
  'hoat-dong-trai-nghiem': {
    T: ['Tích cực tham gia các hoạt động trải nghiệm, biết chia sẻ cùng bạn.'],
    H: ['Tham gia đầy đủ các hoạt động; cần mạnh dạn hơn.'],
    C: ['Cần tích cực tham gia các hoạt động tập thể hơn.'],
  },
  'tieng-dan-toc': {
    T: ['Nghe, nói, đọc, viết tiếng dân tộc tốt.'],
    H: ['Nghe, nói được tiếng dân tộc; cần luyện đọc, viết thêm.'],
    C: ['Cần luyện nghe, nói tiếng dân tộc thêm.'],
  },
};
