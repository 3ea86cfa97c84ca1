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
  notDraftBad: 'Học bạ là BẢN NHÁP: không có giá trị pháp lý dù có chữ ký.',
  recordSignedOk: 'Chữ ký đầu tiên được ký ngay trên học bạ vừa tạo (phiên bản chứa dữ liệu học bạ).',
  recordSignedBad:
    'Chữ ký đầu tiên không được ký ngay trên học bạ vừa tạo: tệp chưa ký, hoặc đã bị sửa đổi trước chữ ký đầu tiên.',
  recordUnchangedOk: 'Dữ liệu học bạ không bị thay thế ở các phiên bản sau của tệp.',
  recordUnchangedBad: 'Dữ liệu học bạ hoặc mã băm đã bị thay thế ở một phiên bản sau của tệp.',
  signerNamesOk: 'Mỗi chữ ký nằm đúng ô của người có tên trên học bạ.',
  signerNamesBad: (role: string, named: string, signer: string) =>
    `Ô ký của ${role} ghi “${named}” nhưng chữ ký là của “${signer}”.`,
  verdictValid: (signers: number) =>
    `Học bạ HỢP LỆ: ${signers} chữ ký số đều đúng, dữ liệu học bạ khớp mã băm và không bị sửa đổi.`,
  verdictInvalid: (reason: string) => `Học bạ KHÔNG hợp lệ: ${reason}`,
} as const;
