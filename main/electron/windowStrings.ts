/** What the window glue says to the user (Vietnamese). */
export const windowStrings = {
  closeWhileSaving: {
    title: 'Học bạ số',
    message: 'Những gì bạn vừa nhập đang được lưu vào máy.',
    detail: 'Cửa sổ sẽ tự đóng khi lưu xong. Đóng ngay có thể làm mất những thay đổi chưa kịp lưu.',
    wait: 'Chờ lưu xong',
    closeNow: 'Đóng ngay',
  },
} as const;
