export const historyStrings = {
  title: 'Lịch sử thay đổi',
  intro:
    'Mọi thay đổi đều được ghi lại: ai sửa, lúc nào, từ gì thành gì, trên máy nào. Lịch sử không sửa được trong ứng dụng.',
  studentLabel: 'Học sinh',
  allStudents: 'Cả lớp',
  columns: {
    at: 'Thời gian',
    actor: 'Người sửa',
    student: 'Học sinh',
    what: 'Nội dung',
    old: 'Từ',
    new: 'Thành',
    device: 'Máy',
  },
  thisDevice: 'Máy này',
  otherDevice: (shortId: string) => `Máy khác (${shortId})`,
  unknownPerson: (login: string) => `Người dùng ${login}`,
  hashValue: (start: string) => `mã ${start}…`,
  photoSet: 'Có ảnh',
  yes: 'Có',
  no: 'Không',
  items: (count: number) => `${count} mục`,
  empty: '(trống)',
  document: '(bản ghi)',
  created: (name: string) => `Tạo hồ sơ ${name}`,
  none: 'Chưa có thay đổi nào.',
  shown: (count: number) => `${count} thay đổi gần nhất`,
  verify: 'Kiểm tra tính toàn vẹn của lịch sử trên máy này',
  serverHeading: 'Đối chiếu với máy chủ của Sở',
  serverMatches: (devices: number, behind: number) =>
    `Khớp với nhật ký trên máy chủ của Sở (${devices.toLocaleString('vi-VN')} máy)` +
    (behind > 0
      ? `; ${behind.toLocaleString('vi-VN')} máy có sự kiện mới chưa tải về, sẽ có sau lần đồng bộ tới.`
      : '.'),
  serverNothing: 'Máy chủ của Sở chưa giữ sự kiện nào của trường.',
  serverUnavailable: (reason: string) => `Chưa đối chiếu được với máy chủ của Sở: ${reason}`,
  serverDiffers: (seq: number, own: boolean) =>
    `Sự kiện ${seq.toLocaleString('vi-VN')} của ${own ? 'máy này' : 'một máy khác'} trên máy chủ khác với sự kiện cùng số trên máy này: lịch sử đã bị sửa ở một trong hai nơi. Hãy báo Ban giám hiệu và cán bộ CNTT của Sở.`,
  serverAheadOfOwn: (server: number, here: number) =>
    `Máy chủ giữ ${server.toLocaleString('vi-VN')} sự kiện của máy này, nhưng máy này chỉ còn ${here.toLocaleString('vi-VN')}: dữ liệu trên máy có thể đã được khôi phục từ bản sao lưu cũ hoặc bị xóa bớt.`,
  verifying: 'Đang kiểm tra…',
  intact: (count: number) =>
    `Lịch sử nguyên vẹn: ${count.toLocaleString('vi-VN')} sự kiện, không có sự kiện nào bị sửa, xóa hay chèn thêm.`,
  broken: (count: number) => `Phát hiện ${count} chỗ lịch sử bị can thiệp:`,
  /** The database's events link up among themselves, but main's record says otherwise. */
  selfConsistentOnly: (count: number) =>
    `Các sự kiện còn trong cơ sở dữ liệu nối khớp với nhau (${count.toLocaleString('vi-VN')} sự kiện), nhưng không khớp với sổ ghi của máy.`,
  localHeading: 'Trong cơ sở dữ liệu',
  mainHeading: 'Đối chiếu với sổ ghi của máy (lưu ngoài cơ sở dữ liệu, ứng dụng trên trang không sửa được)',
  mainChecking: 'Đang đối chiếu với sổ ghi của máy…',
  mainCheckFailed:
    'Không đối chiếu được với sổ ghi của máy. Hãy thử lại; nếu vẫn lỗi, hãy khởi động lại ứng dụng.',
  anomaliesHeading: (count: number) =>
    `Sổ ghi của máy đã ghi nhận ${count.toLocaleString('vi-VN')} lần bất thường (mới nhất trước):`,
  anomalyLine: (at: string, message: string, count: number) =>
    count > 1 ? `${at}: ${message} (lặp lại ${count.toLocaleString('vi-VN')} lần)` : `${at}: ${message}`,
  banner: {
    title: 'Cảnh báo: lịch sử thay đổi trên máy này có dấu hiệu bị can thiệp',
    whatToDo:
      'Dữ liệu vẫn dùng được, nhưng những thay đổi bị xóa hoặc bị ghi lại không còn được ghi nhận đúng. Đừng xóa dữ liệu trên máy. Hãy báo cho hiệu trưởng hoặc cán bộ phụ trách công nghệ thông tin; chi tiết ở mục "Lịch sử thay đổi", nút "Kiểm tra tính toàn vẹn".',
    powerCut:
      'Nếu máy vừa bị mất điện hoặc tắt đột ngột, vài thay đổi cuối cùng có thể chưa kịp lưu; khi đó hãy kiểm tra lại các ô vừa nhập.',
    dismiss: 'Đã hiểu, ẩn cảnh báo',
  },
  collections: {
    people: 'Hồ sơ học sinh',
    schools: 'Thông tin trường',
    classes: 'Lớp',
    assignments: 'Phân công',
    yearResults: 'Kết quả cuối năm',
  } as Readonly<Record<string, string>>,
} as const;
