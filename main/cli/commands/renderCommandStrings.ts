/** Messages of `hocba render` beyond the shared CLI strings (kept beside the command; those belong to the lead). */
export const renderCommandStrings = {
  inconsistent:
    'Kết quả, khen thưởng hoặc việc hoàn thành chương trình ghi trong học bạ không khớp với chính các điểm và mức đạt được trong học bạ; chưa tạo tệp PDF nào:',
  unknownCatalogue: 'Chưa kiểm tra được kết quả ghi trong học bạ; chưa tạo tệp PDF nào:',
  catalogueHint: (version: string) =>
    `Nếu Sở Giáo dục và Đào tạo đã ban hành danh mục phiên bản «${version}», hãy chỉ ra tệp danh mục đó: hocba render --catalogue TỆP.json …`,
} as const;
