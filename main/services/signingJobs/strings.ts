/** What batch signing from the app tells the user, in Vietnamese. */
export const signingJobStrings = {
  unknownJob:
    'Không tìm thấy lượt ký này (có thể ứng dụng đã khởi động lại). Hãy bắt đầu ký lại: các học bạ đã ký sẽ được bỏ qua.',
  libraryFailed:
    'Không nạp được thư viện PKCS#11 này. Hãy kiểm tra đã cài phần mềm token của nhà cung cấp chứng thư số.',
  unexpected:
    'Việc ký bị dừng do một lỗi không mong đợi. Các tệp đã ký vẫn nguyên vẹn; hãy thử ký lại, nếu vẫn lỗi hãy gửi nhật ký cho bộ phận hỗ trợ.',
  nothingToSign: 'Không có học bạ nào để ký.',
  alreadySigning:
    'Đang có một lượt ký số khác trên máy này. Hãy chờ lượt đó ký xong (hoặc bấm “Dừng ký”) rồi bắt đầu lượt mới.',
} as const;
