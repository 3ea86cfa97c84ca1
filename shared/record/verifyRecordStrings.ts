/** User-facing Vietnamese strings of the học bạ verification (conventions.md: one module per area). */
export const verifyRecordStrings = {
  pdfUnreadable: 'Không đọc được tệp PDF (tệp hỏng hoặc không phải PDF).',
  recordAttachedOk: 'Tệp có đính kèm dữ liệu học bạ hợp lệ.',
  recordAttachedBad: (problems: string) =>
    `Dữ liệu học bạ đính kèm không đọc được hoặc không hợp lệ: ${problems}`,
  markersOk: 'Tệp có ghi mã học bạ và mã băm nội dung.',
  markersBad: 'Tệp không ghi mã học bạ và mã băm nội dung: không phải học bạ do Học bạ số tạo ra.',
  contentHashOk: 'Mã băm của dữ liệu học bạ đính kèm khớp mã băm ghi trong tệp.',
  qrCodeOk: 'Mã QR in trên học bạ khớp mã học bạ và mã băm của dữ liệu đính kèm.',
  qrCodeBad:
    'Mã QR in trên học bạ không khớp dữ liệu học bạ đính kèm (hoặc không tìm thấy mã QR ở trang đầu).',
  contentHashBad: (computed: string, recorded: string) =>
    `Dữ liệu học bạ đính kèm đã bị thay đổi: mã băm tính lại ${computed} khác mã băm ghi trong tệp ${recorded}.`,
  recordIdOk: 'Mã học bạ và số phiên bản khớp với dữ liệu đính kèm.',
  recordIdBad: (recorded: string, attached: string) =>
    `Mã học bạ ghi trong tệp (${recorded}) không khớp dữ liệu đính kèm (${attached}).`,
  notDraftOk: 'Học bạ là bản chính thức (không phải bản nháp).',
  notDraftBad: 'Học bạ là BẢN NHÁP nhưng lại có chữ ký: bản nháp không bao giờ được ký, tệp đã bị làm giả.',
  noAttachment: 'Tệp PDF không có dữ liệu học bạ đính kèm.',
  attachmentTooLarge: 'Dữ liệu học bạ đính kèm lớn bất thường, không phải dữ liệu của một học bạ.',
  resultsOk:
    'Kết quả, khen thưởng và hoàn thành chương trình in trong học bạ đúng với các mức đạt và điểm của học bạ.',
  reservedFieldsOk: 'Học bạ có đủ ba ô ký dành sẵn (giáo viên chủ nhiệm, hiệu trưởng, con dấu).',
  reservedFieldsBad:
    'Học bạ không có đủ ba ô ký dành sẵn: tệp được lập bằng phiên bản cũ của ứng dụng hoặc bằng công cụ khác. Hãy lập lại học bạ.',
  renderedContentOk: 'Các trang học bạ chỉ có nội dung do phần mềm lập học bạ vẽ (chữ, bảng, ảnh học sinh).',
  unexpectedDrawing:
    'Trang học bạ có hình vẽ chèn thêm không do phần mềm lập học bạ tạo ra: tệp đã được sửa trước khi ký để hiển thị nội dung khác dữ liệu học bạ.',
  unexpectedAnnotation:
    'Trang học bạ có chú thích chèn thêm ngoài các ô ký: tệp đã được sửa trước khi ký để hiển thị nội dung khác dữ liệu học bạ.',
  signingOrderOk: 'Các chữ ký đúng thứ tự: giáo viên chủ nhiệm, hiệu trưởng, rồi con dấu nhà trường.',
  outOfOrder: (order: string) =>
    `Các chữ ký không đúng thứ tự giáo viên chủ nhiệm → hiệu trưởng → con dấu (thứ tự trong tệp: ${order}).`,
  unknownField: 'Có chữ ký nằm ngoài các ô ký học bạ dành sẵn.',
  signersOk: 'Mỗi chữ ký là của đúng người (hoặc đúng trường) mà học bạ ghi ở ô ký đó.',
  signerBad: (role: string, reason: string) => `Ô ký của ${role}: ${reason}`,
  verdictComplete: (names: string) =>
    `Học bạ HỢP LỆ — đủ chữ ký (${names}), dữ liệu học bạ không bị sửa đổi.`,
  verdictPartial: (missing: string) =>
    `Các chữ ký hiện có hợp lệ — còn thiếu chữ ký của ${missing}. Học bạ chỉ có giá trị khi đủ chữ ký.`,
  verdictUnsigned: 'Chưa ký: học bạ chính thức đã được lập, đang chờ giáo viên chủ nhiệm ký.',
  verdictDraft: 'Bản nháp: kết quả cuối năm chưa được xác nhận nên học bạ chưa ký được.',
  verdictInvalid: (reason: string) => `Học bạ KHÔNG hợp lệ: ${reason}`,
} as const;
