export const summaryStrings = {
  title: 'Bảng tổng hợp kết quả đánh giá giáo dục',
  export: 'Xuất Excel',
  exporting: 'Đang xuất…',
  exported: (file: string) => `Đã xuất ${file}.`,
  loading: 'Đang tổng hợp…',
  noStudents: 'Lớp chưa có học sinh.',
  statistics: 'Thống kê',
  resultsHeading: 'Kết quả giáo dục cuối năm',
  incomplete: (count: number) => `Chưa đủ dữ liệu: ${count} học sinh`,
  count: (total: number, female: number) => `${total} (nữ ${female})`,
  levelCounts: 'Số học sinh theo mức (tổng / nữ)',
  confirmHeading: 'Xác nhận của giáo viên chủ nhiệm',
  confirmHint:
    'Kiểm tra kết quả, đề xuất khen thưởng và hoàn thành chương trình của từng học sinh, đánh dấu những học sinh được tập thể lớp công nhận là Học sinh Tiêu biểu, rồi xác nhận.',
  confirm: (count: number) => `Xác nhận kết quả của ${count} học sinh`,
  confirmed: (count: number) => `Đã xác nhận ${count} học sinh.`,
  status: {
    confirmed: 'Đã xác nhận',
    stale: 'Cần xác nhận lại',
    none: 'Chưa xác nhận',
    incomplete: 'Chưa đủ dữ liệu',
  },
  exemplaryCheck: (name: string) => `Công nhận Học sinh Tiêu biểu: ${name}`,
  confirmationColumn: 'Xác nhận',
  onlyHomeroom: 'Chỉ giáo viên chủ nhiệm của lớp xác nhận được kết quả.',
  completionHeading: 'Học sinh chưa hoàn thành chương trình',
  completionHint:
    'Giáo viên chủ nhiệm lập kế hoạch giúp đỡ rồi ghi kết quả đánh giá bổ sung; nếu vẫn chưa hoàn thành, hiệu trưởng quyết định việc lên lớp (TT27 Điều 11). Học bạ của các em là bản nháp cho đến khi đủ các bước này.',
  stepDate: (name: string) => `Ngày đánh giá hoặc quyết định cho ${name}`,
  supplementaryDone: (completed: boolean, date: string) =>
    completed
      ? `(đánh giá bổ sung ngày ${date}: hoàn thành)`
      : `(đánh giá bổ sung ngày ${date}: chưa hoàn thành)`,
  supplementaryCompleted: 'Đánh giá bổ sung: hoàn thành',
  supplementaryNotCompleted: 'Đánh giá bổ sung: chưa hoàn thành',
  decidePromoted: 'Hiệu trưởng quyết định: lên lớp',
  decideRetained: 'Hiệu trưởng quyết định: ở lại lớp',
  badDate: 'Hãy ghi ngày dạng ngày/tháng/năm, ví dụ 05/08/2026.',
  unexpected: 'Lỗi không mong muốn khi ghi vào máy. Hãy thử lại.',
} as const;
