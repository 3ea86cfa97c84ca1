import type { SealedFileRole } from './sealedFile';

/** What the sealed files of main's data folder tell the user, in Vietnamese. */
const roleNames: Record<SealedFileRole, string> = {
  photo: 'ảnh học sinh',
  record: 'học bạ',
  recordVersion: 'học bạ lưu phiên bản trước',
};

export const sealedFileStrings = {
  tampered: (role: SealedFileRole) =>
    `Tệp ${roleNames[role]} trên máy này đã bị thay đổi hoặc hỏng nên không mở được. Tệp được giữ nguyên, không ghi đè. Hãy khôi phục dữ liệu từ bản sao lưu gần nhất (mục Sao lưu), hoặc nhờ cán bộ phụ trách công nghệ thông tin của trường kiểm tra máy.`,
  tooLarge: (role: SealedFileRole) =>
    `Tệp ${roleNames[role]} trên máy này lớn bất thường nên không được mở. Hãy khôi phục dữ liệu từ bản sao lưu gần nhất (mục Sao lưu), hoặc nhờ cán bộ phụ trách công nghệ thông tin của trường kiểm tra máy.`,
  locked:
    'Chưa mở được khóa bảo vệ dữ liệu của máy này nên không đọc, không ghi được ảnh và học bạ. Hãy đăng nhập lại máy tính bằng đúng tài khoản đã dùng ứng dụng, kiểm tra mật khẩu bảo vệ dữ liệu, hoặc nhờ cán bộ phụ trách công nghệ thông tin của trường.',
  outsideDataFolder: 'Tệp nằm ngoài thư mục dữ liệu của ứng dụng nên không được mở.',
} as const;
