/** User-facing messages of the IPC layer (Vietnamese). */
export const ipcStrings = {
  unknownChannel: 'Ứng dụng gửi một yêu cầu không được hỗ trợ. Hãy cập nhật lên phiên bản mới nhất.',
  invalidRequest: 'Dữ liệu gửi đi không hợp lệ, yêu cầu đã bị từ chối.',
  invalidResponse: 'Dịch vụ trả về dữ liệu không hợp lệ. Hãy thử lại; nếu vẫn lỗi, liên hệ bộ phận hỗ trợ.',
  unauthorized: 'Phiên làm việc không hợp lệ. Hãy mở lại ứng dụng.',
  failed: 'Đã xảy ra lỗi không mong muốn. Hãy thử lại; nếu vẫn lỗi, liên hệ bộ phận hỗ trợ.',
  unavailable: 'Không kết nối được tới dịch vụ của ứng dụng. Hãy mở lại ứng dụng.',
} as const;
