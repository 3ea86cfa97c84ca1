/** What the học bạ file services tell the user, in Vietnamese. */
export const recordFileStrings = {
  badRecordId: 'Mã học bạ không hợp lệ.',
  notProduced: 'Học bạ này chưa được lập trên máy. Hãy bấm “Lập học bạ” trước.',
  photoMissing: (name: string) =>
    `Không tìm thấy ảnh của học sinh ${name} trên máy này. Hãy nhập lại ảnh trong Hồ sơ học sinh rồi lập lại học bạ.`,
  signedDiffers: (name: string) =>
    `Học bạ của ${name} đã được ký nhưng dữ liệu hiện tại khác bản đã ký. Bản đã ký được giữ nguyên; muốn sửa phải lập bản điều chỉnh có quyết định phê duyệt.`,
  notPdf: 'Tệp đã chọn không phải là tệp PDF. Hãy chọn tệp học bạ (.pdf).',
  attachedUnreadable: (problems: string) =>
    `Không đọc được dữ liệu học bạ đính kèm trong tệp đã ký (${problems}). Hãy kiểm tra tệp trong mục Kiểm tra học bạ.`,
  amendUnsigned:
    'Học bạ này chưa được ký: chỉ cần bấm “Lập học bạ cả lớp” để lập lại, không cần bản điều chỉnh.',
  amendDraft:
    'Kết quả cuối năm của học sinh chưa được xác nhận lại, nên chưa lập được bản điều chỉnh chính thức.',
  amendNothingChanged: 'Dữ liệu hiện tại giống hệt học bạ đã ký: không có gì để điều chỉnh.',
  amended: (name: string, version: number) =>
    `Đã lập bản điều chỉnh (phiên bản ${String(version)}) cho học bạ của ${name}; bản đã ký trước được lưu lại. Bản điều chỉnh cần được ký lại.`,
  busySigning: 'Đang có lượt ký số các học bạ này. Hãy chờ ký xong (hoặc bấm “Dừng ký”) rồi lập lại học bạ.',
  unreadableKept: (name: string, path: string) =>
    `Tệp học bạ của ${name} hiện có không đọc được nên được giữ nguyên, không ghi đè (${path}). Hãy kiểm tra tệp trong mục Kiểm tra học bạ hoặc nhờ bộ phận hỗ trợ.`,
  currentVersionMissing: (name: string, archived: number) =>
    `Tệp học bạ hiện hành của ${name} bị mất nhưng còn ${String(archived)} bản lưu phiên bản trước: không lập lại để khỏi làm đứt chuỗi phiên bản. Hãy khôi phục tệp từ bản sao lưu hoặc nhờ bộ phận hỗ trợ.`,
  inconsistent: (name: string, reasons: string) =>
    `Không lập học bạ của ${name} vì kết quả ghi trong học bạ không khớp với chính các điểm và mức đạt được của học sinh. ${reasons} Hãy mở “Bảng tổng hợp”, kiểm tra và xác nhận lại kết quả cuối năm của học sinh rồi lập lại học bạ.`,
  unknownCatalogue: (name: string, reason: string) =>
    `Không lập học bạ của ${name}: ${reason} Hãy cập nhật ứng dụng hoặc nhờ bộ phận hỗ trợ.`,
  bundleTooLarge: (maximum: number) =>
    `Mỗi lần gộp được nhiều nhất ${String(maximum)} học bạ. Hãy gộp theo từng lớp.`,
  bundleDuplicate:
    'Hai học bạ trong cùng một tệp ZIP trùng tên tệp. Hãy kiểm tra số thứ tự trong danh sách lớp.',
  bundleMixed: 'Một tệp gộp chỉ là PDF hoặc ZIP, không lẫn cả hai. Hãy gộp lại từ đầu.',
  bundleEmpty: 'Chưa có học bạ nào để gộp: hãy bấm “Lập học bạ cả lớp” trước.',
  archiveExists: (path: string) =>
    `Đã có một bản lưu khác của phiên bản này (${path}), nên không lập được bản điều chỉnh. Hãy nhờ bộ phận hỗ trợ kiểm tra các phiên bản của học bạ.`,
} as const;
