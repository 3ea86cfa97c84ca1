import type { CharacterLevel } from './catalogueSchema';

/**
 * Phrases for each quality (phẩm chất) and competency (năng lực) of the 2018 programme, keyed by
 * its catalogue code; each phrase speaks of that trait only.
 */
export const traitPhrases: Readonly<Record<string, Record<CharacterLevel, readonly string[]>>> = {
  'yeu-nuoc': {
    T: [
      'Yêu quê hương, đất nước; kính trọng, biết ơn người có công.',
      'Tích cực chăm sóc, bảo vệ cảnh quan trường lớp.',
    ],
    Đ: ['Yêu quý quê hương; biết tham gia giữ gìn trường lớp.'],
    C: ['Cần quan tâm hơn đến việc chăm sóc, giữ gìn trường lớp, quê hương.'],
  },
  'nhan-ai': {
    T: [
      'Yêu thương, quan tâm, giúp đỡ bạn bè; lễ phép với thầy cô.',
      'Biết chia sẻ với bạn có hoàn cảnh khó khăn.',
    ],
    Đ: ['Hòa đồng với bạn bè; biết giúp đỡ bạn khi được nhắc.'],
    C: ['Cần hòa đồng, quan tâm đến bạn bè hơn.'],
  },
  'cham-chi': {
    T: ['Chăm chỉ, tự giác học tập; thường xuyên đọc sách, làm bài đầy đủ.'],
    Đ: ['Có ý thức học tập; đôi khi chưa tập trung.'],
    C: ['Cần chăm chỉ hơn, hoàn thành bài tập ở lớp và ở nhà.'],
  },
  'trung-thuc': {
    T: ['Thật thà, ngay thẳng; dám nhận lỗi khi mắc lỗi.'],
    Đ: ['Thật thà trong học tập và sinh hoạt.'],
    C: ['Cần mạnh dạn nhận lỗi và nói đúng sự thật.'],
  },
  'trach-nhiem': {
    T: ['Có trách nhiệm với bản thân, gia đình và lớp; hoàn thành tốt nhiệm vụ được giao.'],
    Đ: ['Hoàn thành nhiệm vụ được giao; giữ gìn đồ dùng học tập.'],
    C: ['Cần có trách nhiệm hơn với nhiệm vụ được giao.'],
  },
  'tu-chu-tu-hoc': {
    T: ['Tự giác chuẩn bị đồ dùng học tập; biết tự học, tự hoàn thành nhiệm vụ.'],
    Đ: ['Biết tự phục vụ bản thân; cần chủ động hơn trong học tập.'],
    C: ['Cần được nhắc nhở để tự chuẩn bị và hoàn thành nhiệm vụ học tập.'],
  },
  'giao-tiep-hop-tac': {
    T: ['Mạnh dạn trình bày ý kiến; hợp tác tốt khi làm việc nhóm.'],
    Đ: ['Biết trao đổi với bạn khi làm việc nhóm; cần mạnh dạn hơn khi trình bày ý kiến.'],
    C: ['Cần mạnh dạn giao tiếp và tham gia làm việc nhóm.'],
  },
  'giai-quyet-van-de-sang-tao': {
    T: ['Biết phát hiện và giải quyết vấn đề trong học tập; có nhiều ý tưởng sáng tạo.'],
    Đ: ['Giải quyết được vấn đề đơn giản với sự hướng dẫn của thầy cô.'],
    C: ['Cần được hướng dẫn thêm để tự giải quyết vấn đề.'],
  },
  'ngon-ngu': {
    T: ['Diễn đạt lưu loát, dùng từ chính xác khi nói và viết.'],
    Đ: ['Diễn đạt được ý của mình; cần mở rộng vốn từ.'],
    C: ['Cần luyện nói, viết thành câu rõ ý.'],
  },
  'tinh-toan': {
    T: ['Tính toán nhanh, chính xác; vận dụng tốt vào thực tế.'],
    Đ: ['Thực hiện được các phép tính đã học; cần cẩn thận hơn.'],
    C: ['Cần luyện tập thêm để tính toán chính xác.'],
  },
  'khoa-hoc': {
    T: ['Ham tìm hiểu, biết quan sát và giải thích hiện tượng tự nhiên đơn giản.'],
    Đ: ['Biết quan sát và nêu được đặc điểm của sự vật, hiện tượng.'],
    C: ['Cần quan sát, tìm hiểu thêm về thế giới xung quanh.'],
  },
  'cong-nghe': {
    T: ['Sử dụng an toàn, khéo léo các dụng cụ; làm sản phẩm đẹp.'],
    Đ: ['Sử dụng được các dụng cụ đơn giản theo hướng dẫn.'],
    C: ['Cần thực hành thêm để sử dụng dụng cụ đúng cách, an toàn.'],
  },
  'tin-hoc': {
    T: ['Sử dụng máy tính đúng cách, an toàn; tìm kiếm thông tin tốt.'],
    Đ: ['Thực hiện được các thao tác cơ bản với máy tính.'],
    C: ['Cần thực hành thêm các thao tác với máy tính.'],
  },
  'tham-mi': {
    T: ['Cảm nhận tốt cái đẹp; thể hiện sáng tạo qua bài hát, bức vẽ.'],
    Đ: ['Biết cảm nhận cái đẹp trong học tập và cuộc sống.'],
    C: ['Cần mạnh dạn thể hiện cảm nhận về cái đẹp.'],
  },
  'the-chat': {
    T: ['Tích cực rèn luyện thân thể; giữ vệ sinh cá nhân tốt.'],
    Đ: ['Tham gia rèn luyện thân thể; biết giữ vệ sinh cá nhân.'],
    C: ['Cần tích cực rèn luyện thân thể và giữ vệ sinh cá nhân.'],
  },
};
