import type { PdfStructureError, PdfStructureProblem } from './pdfLimits';

/** What the bounded reader's refusals mean to a teacher, a parent or an IT officer (Vietnamese). */
const messages: Readonly<Record<PdfStructureProblem, string>> = {
  'not-pdf': 'Tệp không phải tệp PDF.',
  'too-large': 'Tệp PDF lớn hơn 5 MB: quá lớn đối với một học bạ, không kiểm tra.',
  syntax:
    'Tệp PDF đã bị sửa bằng công cụ khác hoặc bị hỏng (cấu trúc tệp không chuẩn), nên không thể xác nhận nội dung đã ký.',
  'too-complex':
    'Tệp PDF phức tạp bất thường (quá nhiều đối tượng, lồng quá sâu hoặc quá dài): có thể bị làm ra để làm treo phần mềm kiểm tra, nên không kiểm tra.',
  encrypted: 'Tệp PDF được mã hóa: học bạ số không bao giờ được mã hóa, nên không kiểm tra.',
  xref: 'Bảng tham chiếu của tệp PDF không khớp với nội dung tệp: tệp đã bị sửa bằng công cụ khác hoặc bị làm hỏng.',
  'hidden-object':
    'Tệp PDF có phần nội dung bị giấu hoặc trỏ ngược vào phiên bản cũ: dấu hiệu tệp bị sửa sau khi ký.',
  'stream-too-large': 'Tệp PDF chứa dữ liệu nén giải ra quá lớn (có thể là “bom nén”), nên không kiểm tra.',
  unsupported: 'Tệp PDF dùng định dạng nén hoặc cấu trúc mà học bạ số không dùng, nên không kiểm tra được.',
};

export function pdfStructureMessage(error: PdfStructureError): string {
  return messages[error.problem];
}
