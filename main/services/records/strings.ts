/** What the học bạ file services tell the user, in Vietnamese. */
export const recordFileStrings = {
  badRecordId: 'Mã học bạ không hợp lệ.',
  notProduced: 'Học bạ này chưa được lập trên máy. Hãy bấm “Lập học bạ” trước.',
  photoMissing: (name: string) =>
    `Không tìm thấy ảnh của học sinh ${name} trên máy này. Hãy nhập lại ảnh trong Hồ sơ học sinh rồi lập lại học bạ.`,
  signedDiffers: (name: string) =>
    `Học bạ của ${name} đã được ký nhưng dữ liệu hiện tại khác bản đã ký. Bản đã ký được giữ nguyên; muốn sửa phải lập bản điều chỉnh có quyết định phê duyệt.`,
  notPdf: 'Tệp đã chọn không phải là tệp PDF. Hãy chọn tệp học bạ (.pdf).',
} as const;
