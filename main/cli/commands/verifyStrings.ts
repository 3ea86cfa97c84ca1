/** Messages of `hocba verify` (kept beside the command; main/cli/strings.ts belongs to the CLI shell). */
export const verifyStrings = {
  summary: 'Kiểm tra chữ ký số và dữ liệu của một tệp học bạ PDF',
  help: `Cách dùng: hocba verify TỆP.pdf [--trust CA.pem]...

Kiểm tra một học bạ PDF đã ký: từng chữ ký số (phạm vi ký, mã băm, chữ ký, chuỗi chứng thư tới
tổ chức chứng thực tin cậy, hiệu lực tại thời điểm ký, không có gì thêm vào sau chữ ký cuối) và
dữ liệu học bạ đính kèm (đúng cấu trúc, mã băm khớp mã băm ghi trong tệp và mã QR, không phải bản
nháp, được chữ ký đầu tiên bao trùm).

  --trust CA.pem   chứng thư gốc tin cậy (PEM hoặc DER), dùng được nhiều lần; luôn dùng thêm các
                   chứng thư trong thư mục resources/trust/ của ứng dụng

In ra màn hình báo cáo JSON. Mã thoát: 0 khi mọi kiểm tra đều đạt, 1 khi có kiểm tra không đạt,
2 khi gọi lệnh sai cách.`,
  needsOneFile: 'Cần đúng một tệp PDF cần kiểm tra: hocba verify TỆP.pdf [--trust CA.pem]...',
  cannotRead: (file: string) => `Không đọc được tệp ${file}.`,
  badTrustFile: (file: string) => `Tệp ${file} không chứa chứng thư số đọc được (PEM hoặc DER).`,
  noTrustAnchors:
    'Chưa có chứng thư gốc tin cậy nào: thêm --trust CA.pem hoặc đặt chứng thư gốc vào resources/trust/.',
  valid: (file: string) => `Hợp lệ: ${file}`,
  invalid: (file: string) => `KHÔNG hợp lệ: ${file}`,
} as const;
