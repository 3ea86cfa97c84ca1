/** What the desktop's sign-in says, in Vietnamese (main's part: the page shows these as they are). */
export const sessionStrings = {
  serverAnswerMalformed:
    'Máy chủ của Sở trả lời không đúng định dạng. Hãy báo cán bộ phụ trách công nghệ thông tin của Sở.',
  noServer:
    'Máy này chưa được kết nối với máy chủ của Sở. Hãy nhập địa chỉ máy chủ (do Sở cung cấp) trong "Máy chủ của Sở" rồi đăng nhập lại.',
  firstSignInNeedsServer:
    'Lần đầu đăng nhập trên máy này cần kết nối tới máy chủ của Sở. Hãy kiểm tra mạng rồi thử lại; sau lần đầu, bạn đăng nhập được cả khi mất mạng.',
  wrongPasswordOffline:
    'Sai tên đăng nhập hoặc mật khẩu (đang đăng nhập không có mạng, bằng mật khẩu của lần đăng nhập trực tuyến gần nhất).',
  lockedOffline: (minutes: number) =>
    `Đã nhập sai mật khẩu nhiều lần trên máy này. Hãy thử lại sau ${minutes.toLocaleString('vi-VN')} phút, hoặc kết nối mạng để đăng nhập với máy chủ.`,
  provinceAdminOnDesktop:
    'Tài khoản quản trị cấp Sở làm việc trên trang quản trị của máy chủ, không dùng ứng dụng của trường.',
  accountHasNoSchool: 'Tài khoản này chưa thuộc trường nào. Hãy liên hệ Sở Giáo dục và Đào tạo.',
  trialWhileSignedIn: 'Đang đăng nhập bằng tài khoản thật: hãy đăng xuất trước khi dùng thử với dữ liệu mẫu.',
  serverFromEnvironment:
    'Địa chỉ máy chủ của Sở được đặt bởi cán bộ cài đặt (biến môi trường HOCBA_SERVER_URL) nên không đổi được ở đây.',
  serverChangeNeedsLeadership:
    'Máy này đã có người đăng nhập qua máy chủ hiện tại: chỉ hiệu trưởng hoặc phó hiệu trưởng, khi đã đăng nhập, mới đổi được địa chỉ máy chủ của Sở.',
  resetNeedsServer: 'Đặt mật khẩu bằng mã cần kết nối tới máy chủ của Sở. Hãy kiểm tra mạng rồi thử lại.',
  passwordChangeNeedsServer:
    'Đổi mật khẩu cần kết nối tới máy chủ của Sở. Hãy kết nối mạng, đăng xuất rồi đăng nhập lại và đổi mật khẩu.',
  notSignedIn: 'Hãy đăng nhập trước khi làm việc này.',
  signedInOffline:
    'Bạn đang đăng nhập không có mạng. Việc này cần máy chủ của Sở: hãy kết nối mạng, đăng xuất rồi đăng nhập lại.',
  serverUnreachable: 'Không kết nối được tới máy chủ của Sở. Hãy kiểm tra mạng rồi thử lại.',
  serverSessionEnded:
    'Phiên làm việc với máy chủ của Sở đã kết thúc (có thể mật khẩu vừa được đổi ở máy khác). Hãy đăng xuất rồi đăng nhập lại.',
  notYourDatabase: 'Dữ liệu này không phải của tài khoản đang đăng nhập nên không mở được.',
  accountDatabaseNeedsSignIn:
    'Dữ liệu này thuộc một tài khoản của trường: hãy đăng nhập bằng tài khoản đó để mở.',
} as const;
