export const gradebookStrings = {
  title: 'Sổ theo dõi kết quả đánh giá',
  characterTitle: 'Phẩm chất, năng lực',
  subjectLabel: 'Môn học, hoạt động',
  periodLabel: 'Kỳ đánh giá',
  mine: (label: string) => `${label} ✎`,
  level: 'Mức đạt được',
  score: 'Điểm KTĐK',
  comment: 'Nhận xét',
  gridLabel: (subject: string, className: string, period: string) =>
    `${subject} — lớp ${className} — ${period}`,
  characterGridLabel: (className: string, period: string) =>
    `Phẩm chất, năng lực — lớp ${className} — ${period}`,
  readOnly: 'Chỉ xem: bạn không được phân công nhập môn này của lớp này.',
  characterReadOnly: 'Chỉ xem: chỉ giáo viên chủ nhiệm của lớp nhập phẩm chất, năng lực.',
  notTaking: 'Học sinh không học môn tự chọn này.',
  notALevel: (kind: 'subject' | 'trait') =>
    kind === 'subject'
      ? 'Gõ T, H hoặc C để nhập mức đạt được.'
      : 'Gõ T, Đ (hoặc D) hoặc C để nhập mức đánh giá.',
  readOnlyCell: 'Ô này chỉ xem được.',
  pasteSkipped: (count: number) => `${count} ô chỉ xem được nên không dán vào.`,
  pasteRefused: (count: number) => `${count} giá trị dán vào không hợp lệ nên chưa ghi; các ô đó được tô đỏ.`,
  saved: (time: string) => `Đã lưu lúc ${time}`,
  saving: 'Đang lưu…',
  saveFailed: (message: string) => `Chưa lưu được: ${message}`,
  undo: 'Hoàn tác',
  nothingToUndo: 'Không còn gì để hoàn tác.',
  undone: 'Đã hoàn tác thay đổi vừa rồi.',
  keysHelp:
    'Gõ T/H/C để nhập mức (tự xuống dòng), gõ số để nhập điểm, Enter hoặc Tab để ghi, Delete để xóa, Ctrl+Z để hoàn tác, Ctrl+V để dán một khối từ Excel.',
  characterKeysHelp: 'Gõ T, Đ (hoặc D), C để nhập mức; nhận xét của ô đang chọn ở khung bên phải.',
  noStudents: 'Lớp chưa có học sinh. Nhập danh sách lớp ở mục Hồ sơ học sinh.',
  loading: 'Đang mở sổ…',
  commentBank: 'Gợi ý nhận xét',
  commentBankHint: 'Chọn một câu để ghi vào ô nhận xét đang chọn; sau đó có thể sửa (F2).',
  myPhrases: 'Câu của tôi',
  savePhrase: 'Lưu nhận xét của ô này vào câu của tôi',
  phraseSaved: 'Đã lưu vào câu của tôi.',
  traitComment: (label: string, student: string) => `Nhận xét ${label.toLowerCase()} — ${student}`,
  saveComment: 'Ghi nhận xét',
} as const;
