/** Vietnamese messages of the timestamp client and its configuration. */
export const timestampClientStrings = {
  badConfig: (file: string) =>
    `Tệp cấu hình máy chủ dấu thời gian ${file} không hợp lệ (cần {"url": "https://…"}); chữ ký sẽ không có dấu thời gian.`,
  notTimestamped:
    'Không lấy được dấu thời gian từ máy chủ dấu thời gian: chữ ký vẫn được tạo, nhưng thời điểm ký chỉ do máy này tự khai.',
} as const;
