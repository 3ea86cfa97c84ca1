import type { LibraryRefusal } from '../token/knownLibraries';

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

/** Why a PKCS#11 library is not used, for the app, the bridge's command line and the CLI. */
export const libraryRefusalMessages: Readonly<Record<LibraryRefusal, string>> = {
  invalid:
    'Đường dẫn thư viện PKCS#11 không hợp lệ. Hãy chọn tệp thư viện (.dll, .so hoặc .dylib) của phần mềm token.',
  network:
    'Thư viện PKCS#11 nằm trên máy khác trong mạng (thư mục chia sẻ hoặc ổ mạng). Vì an toàn, ứng dụng chỉ dùng thư viện cài trên chính máy này: hãy cài phần mềm token lên máy rồi chọn lại.',
  relative:
    'Cần đường dẫn đầy đủ đến thư viện PKCS#11 (ví dụ C:\\Windows\\System32\\…\\.dll hoặc /usr/lib/…/.so).',
  'not-a-library':
    'Tệp này không phải thư viện PKCS#11 (.dll, .so hoặc .dylib). Hãy chọn đúng tệp thư viện của phần mềm token.',
  missing:
    'Không tìm thấy tệp thư viện PKCS#11 này trên máy. Hãy kiểm tra phần mềm token đã được cài đặt rồi chọn lại.',
  'not-a-file':
    'Đường dẫn này không phải một tệp thư viện PKCS#11 (có thể là thư mục). Hãy chọn đúng tệp thư viện của phần mềm token.',
};

/** The PKCS#11 library choice: main's file dialog, the saved choice, the bridge's startup option. */
export const tokenLibraryStrings = {
  unknownLibrary:
    'Không nhận ra thư viện PKCS#11 của token đã chọn (có thể thư viện vừa được chọn lại hoặc gỡ khỏi máy). Hãy bấm “Làm mới” rồi chọn lại token.',
  chooseAgain:
    'Không dùng được thư viện PKCS#11 đã chọn lần trước. Hãy bấm “Chọn thư viện PKCS#11…” để chọn lại.',
  configuredRefused: (reason: string) =>
    `Không dùng được thư viện PKCS#11 chỉ định khi khởi động ứng dụng. ${reason}`,
  bridgeOptionRefused: (reason: string) =>
    `Không dùng được thư viện PKCS#11 chỉ định bằng --pkcs11-library hoặc HOCBA_PKCS11_LIBRARY. ${reason}`,
  dialogTitle: 'Chọn thư viện PKCS#11 của token',
  dialogButton: 'Chọn thư viện này',
  dialogFilter: 'Thư viện PKCS#11',
  dialogAllFiles: 'Tất cả các tệp',
} as const;
