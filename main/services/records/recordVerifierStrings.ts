/** Why a PDF could not be verified at all, in Vietnamese (the worker's refusals). */
export const recordVerifierStrings = {
  deadline: (seconds: number) =>
    `Tệp không kiểm tra xong trong ${String(seconds)} giây: tệp phức tạp bất thường hoặc được làm ra để làm treo phần mềm kiểm tra.`,
  outOfMemory:
    'Tệp cần quá nhiều bộ nhớ để kiểm tra: tệp phức tạp bất thường hoặc được làm ra để làm hỏng phần mềm kiểm tra.',
  closing: 'Ứng dụng đang đóng nên chưa kiểm tra được tệp. Hãy mở lại ứng dụng rồi kiểm tra lại.',
  unavailable:
    'Bộ phận kiểm tra tệp của ứng dụng không khởi động được. Hãy cài đặt lại ứng dụng; nếu vẫn lỗi, liên hệ bộ phận hỗ trợ.',
  failed: 'Không kiểm tra được tệp do lỗi khi đọc tệp. Hãy thử lại; nếu vẫn lỗi, liên hệ bộ phận hỗ trợ.',
  verdict: (reason: string) => `Học bạ KHÔNG hợp lệ: ${reason}`,
} as const;
