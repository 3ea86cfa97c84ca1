/** Vietnamese messages of the token area (conventions.md: one strings module per area). */
export const tokenStrings = {
  pinCountLow:
    'Bạn đã nhập sai mã PIN; còn ít lần thử. Hãy kiểm tra kỹ mã PIN (tắt Caps Lock, đúng bàn phím) trước khi nhập tiếp.',
  pinFinalTry:
    'Đây là lần thử cuối cùng: nếu nhập sai mã PIN thêm một lần, token sẽ bị khóa. Chỉ nhập khi bạn chắc chắn mã PIN đúng.',
  pinLocked:
    'Token đã bị khóa do nhập sai mã PIN quá số lần cho phép. Đừng thử thêm; hãy liên hệ nhà cung cấp chứng thư số để mở khóa.',
  pinIncorrect:
    'Mã PIN không đúng. Hãy kiểm tra lại (tắt Caps Lock, phân biệt chữ hoa và chữ thường) rồi nhập lại.',
  pinInvalid:
    'Mã PIN không hợp lệ (sai độ dài hoặc có ký tự không được phép). Hãy nhập lại mã PIN của token.',
  pinExpired:
    'Mã PIN của token đã hết hạn. Hãy đổi mã PIN bằng phần mềm quản lý token của nhà cung cấp chứng thư số rồi thử lại.',
  pinToBeChanged:
    'Nhà cung cấp yêu cầu đổi mã PIN trước khi ký. Hãy đổi mã PIN bằng phần mềm quản lý token rồi thử lại.',
  pinNotInitialized:
    'Token chưa được đặt mã PIN người dùng. Hãy liên hệ nhà cung cấp chứng thư số để kích hoạt token.',
  tokenRemoved:
    'Không còn kết nối với token: token đã bị rút ra hoặc mất kết nối. Hãy cắm lại token rồi thử lại.',
  tokenNotRecognized:
    'Máy tính không nhận ra token này. Hãy cắm lại token hoặc chọn đúng thư viện PKCS#11 của nhà cung cấp chứng thư số.',
  slotNotFound: 'Không tìm thấy token đã chọn. Hãy cắm token rồi bấm “Làm mới” để chọn lại.',
  wrongToken: 'Token đang cắm không phải token đã chọn. Hãy cắm đúng token chứa chứng thư số của bạn.',
  keyNotFound:
    'Không tìm thấy khóa bí mật đi kèm chứng thư số trên token. Hãy chọn chứng thư khác hoặc liên hệ nhà cung cấp chứng thư số.',
  mechanismUnsupported:
    'Token không hỗ trợ thuật toán ký này hoặc khóa không được phép ký. Hãy liên hệ nhà cung cấp chứng thư số.',
  notLoggedIn: 'Phiên làm việc với token chưa được mở bằng mã PIN. Hãy nhập mã PIN rồi thử lại.',
  deviceError:
    'Token báo lỗi thiết bị. Hãy rút token ra, cắm lại rồi thử lại; nếu vẫn lỗi, hãy liên hệ nhà cung cấp chứng thư số.',
  libraryLoadFailed:
    'Không nạp được thư viện PKCS#11 của token. Hãy cài phần mềm (driver) token của nhà cung cấp chứng thư số, hoặc chọn đúng tệp thư viện.',
  sessionClosed: 'Phiên ký với token đã đóng. Hãy nhập lại mã PIN để tiếp tục.',
  tokenBusy:
    'Token đang được dùng cho một lượt ký khác trong ứng dụng. Hãy chờ lượt đó xong (hoặc dừng nó) rồi nhập mã PIN lại.',
  cancelled: 'Thao tác trên token đã bị hủy.',
  invalidInput: 'Thông tin gửi đến token không hợp lệ. Hãy thử lại từ đầu.',
  unknown:
    'Token báo lỗi không xác định. Hãy rút token ra, cắm lại rồi thử lại; nếu vẫn lỗi, hãy liên hệ bộ phận hỗ trợ.',
} as const;
