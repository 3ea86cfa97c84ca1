/** Messages of `hocba sign` (kept beside the command; the shared cli strings belong to the lead). */
export const signCommandStrings = {
  summary: 'Ký số một học bạ PDF bằng token USB (PKCS#11)',
  help: `Cách dùng: hocba sign TỆP.pdf --role gvcn|hieutruong|truong --module THƯ_VIỆN --token NHÃN --pin-stdin --out TỆP.pdf
                  [--key-id MÃ] [--chain CHỨNG_THƯ.pem]... [--trust CA.pem]... [--tsa URL]

Thêm chữ ký số PAdES của giáo viên chủ nhiệm (gvcn), hiệu trưởng (hieutruong) hoặc con dấu nhà
trường (truong) vào ô chữ ký của vai trò đó trong học bạ. Học bạ bản nháp và vai trò đã ký thì
không ký. Tệp kết quả được kiểm tra lại trước khi ghi; nếu có lỗi, không tệp nào bị thay đổi.

  --role VAI_TRÒ    gvcn, hieutruong hoặc truong
  --module TỆP      thư viện PKCS#11 của token (.so, .dll hoặc .dylib)
  --token NHÃN      nhãn (tên) của token
  --pin-stdin       đọc mã PIN từ đầu vào chuẩn (dòng đầu tiên); mã PIN không bao giờ được in ra
  --out TỆP         tệp PDF đã ký cần tạo (có thể trùng tệp vào)
  --key-id MÃ       mã khóa (CKA_ID, hệ 16) khi token có nhiều chứng thư ký được
  --chain TỆP       chứng thư CA trung gian (PEM hoặc DER), có thể lặp lại
  --trust TỆP       chứng thư CA gốc tin cậy để kiểm tra lại chữ ký vừa ký, có thể lặp lại
  --tsa URL         máy chủ dấu thời gian (RFC 3161) của Sở, http:// hoặc https://; nếu máy chủ không
                    trả lời, chữ ký vẫn được tạo nhưng không có dấu thời gian

In ra màn hình (JSON): tệp đã ký, mã học bạ, người ký và kết quả kiểm tra.`,
  needsFiles: 'Cần đúng một tệp học bạ PDF và --out (tệp PDF đã ký cần tạo).',
  badRole: 'Vai trò (--role) phải là gvcn, hieutruong hoặc truong.',
  needsToken: 'Cần --module (thư viện PKCS#11 của token) và --token (nhãn token).',
  needsPinStdin: 'Cần --pin-stdin: mã PIN chỉ được đọc từ đầu vào chuẩn, không bao giờ ghi trên dòng lệnh.',
  badKeyId: '--key-id phải là mã hệ 16 (ví dụ 01 hoặc a1b2).',
  emptyPin: 'Không đọc được mã PIN từ đầu vào chuẩn.',
  badTsa:
    '--tsa phải là địa chỉ http:// hoặc https:// của máy chủ dấu thời gian (ví dụ https://tsa.example.vn/).',
  notTimestamped:
    'Lưu ý: không lấy được dấu thời gian từ máy chủ --tsa; chữ ký vẫn được tạo nhưng thời điểm ký chỉ do máy này tự khai.',
  tokenNotFound: (label: string) =>
    `Không thấy token có nhãn "${label}". Hãy cắm token rồi thử lại, hoặc kiểm tra lại nhãn và thư viện PKCS#11.`,
  severalTokens: (label: string) =>
    `Có nhiều token cùng nhãn "${label}" đang cắm; hãy chỉ cắm token cần dùng để ký.`,
  chainNotChecked:
    'Lưu ý: chưa có chứng thư CA gốc tin cậy (--trust) nên chưa kiểm tra chuỗi chứng thư của chữ ký.',
  signed: (role: string, signer: string, out: string) =>
    `Đã ký học bạ với vai trò ${role} (${signer}) → ${out}`,
} as const;
