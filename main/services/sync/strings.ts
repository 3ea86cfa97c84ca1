/** What handing signed records in tells the user (Vietnamese). */
export const handInStrings = {
  needsAccount: 'Cần đăng nhập bằng tài khoản của trường để nộp học bạ lên Sở.',
  uploadKeepsFailing:
    'Máy chủ nhiều lần không nhận trọn tệp học bạ. Ứng dụng sẽ thử lại ở lần đồng bộ sau; nếu vẫn lỗi, hãy báo cán bộ CNTT của Sở.',
  failed: 'Chưa nộp xong học bạ lên Sở; ứng dụng sẽ thử lại ở lần đồng bộ sau.',
} as const;
