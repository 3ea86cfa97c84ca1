/** Messages of `hocba verify` (kept beside the command; main/cli/strings.ts belongs to the CLI shell). */
export const verifyStrings = {
  summary: 'Kiểm tra chữ ký số và dữ liệu của một tệp học bạ PDF',
  help: `Cách dùng: hocba verify TỆP.pdf [--trust CA.pem]... [--crl DS.crl]...

Kiểm tra một học bạ PDF: cấu trúc tệp (đọc chặt chẽ, có giới hạn), mỗi phiên bản sau bản gốc chỉ
được thêm chữ ký, từng chữ ký số (phạm vi ký, mã băm, chữ ký, chuỗi chứng thư của chính người ký
tới tổ chức chứng thực tin cậy, hiệu lực tại thời điểm ký), đúng thứ tự giáo viên chủ nhiệm → hiệu
trưởng → con dấu và đúng người học bạ ghi ở mỗi ô ký; và dữ liệu học bạ (đúng cấu trúc, mã băm khớp
mã băm ghi trong tệp và mã QR, kết quả tính lại từ điểm và mức đạt khớp kết quả in trong học bạ).

  --trust CA.pem   chứng thư gốc tin cậy (PEM hoặc DER), dùng được nhiều lần; luôn dùng thêm các
                   chứng thư trong thư mục resources/trust/ của ứng dụng
  --crl DS.crl     danh sách chứng thư bị thu hồi (CRL, DER hoặc PEM), dùng được nhiều lần; luôn
                   dùng thêm các CRL trong resources/trust/crl/ và CRL gắn trong tệp (DSS)

In ra màn hình báo cáo JSON. Mã thoát: 0 khi học bạ hợp lệ và đủ chữ ký, 1 khi học bạ KHÔNG hợp
lệ, 3 khi học bạ chưa ký, chưa đủ chữ ký hoặc là bản nháp (các chữ ký hiện có đều đúng), 2 khi gọi
lệnh sai cách.`,
  needsOneFile: 'Cần đúng một tệp PDF cần kiểm tra: hocba verify TỆP.pdf [--trust CA.pem]...',
  cannotRead: (file: string) => `Không đọc được tệp ${file}.`,
  badTrustFile: (file: string) => `Tệp ${file} không chứa chứng thư số đọc được (PEM hoặc DER).`,
  noTrustAnchors:
    'Chưa có chứng thư gốc tin cậy nào: thêm --trust CA.pem hoặc đặt chứng thư gốc vào resources/trust/.',
  valid: (file: string) => `Hợp lệ: ${file}`,
  invalid: (file: string) => `KHÔNG hợp lệ: ${file}`,
  incomplete: (file: string) => `Chưa đủ chữ ký: ${file}`,
} as const;
