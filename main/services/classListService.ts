import { maxClassListFileBytes, type RawTable } from '../../shared/classList/rawTable';
import { xlsxMimeType, type DownloadableFile } from '../../shared/ipc/fileSchemas';
import { UserFacingError } from '../ipc/dispatcher';
import { classListTemplateFileName, createClassListTemplate } from './xlsx/classListTemplate';
import { readClassListWorkbook } from './xlsx/readClassList';

/** Vietnamese messages for a class-list file refused before it is opened. */
export const classListServiceStrings = {
  oldExcel:
    'Ứng dụng chỉ đọc tệp .xlsx. Tệp .xls là định dạng Excel cũ: hãy mở tệp bằng Excel, chọn Lưu thành… > Sổ làm việc Excel (.xlsx) rồi chọn lại tệp.',
  csv: 'Ứng dụng chỉ đọc tệp .xlsx. Hãy mở tệp .csv bằng Excel, chọn Lưu thành… > Sổ làm việc Excel (.xlsx) rồi chọn lại tệp.',
  notXlsx: (extension: string) =>
    `Ứng dụng chỉ đọc tệp Excel .xlsx, không đọc được tệp ${extension}. Hãy lưu danh sách lớp dạng Sổ làm việc Excel (.xlsx), hoặc tải tệp mẫu của ứng dụng để điền.`,
  noExtension:
    'Ứng dụng chỉ đọc tệp Excel .xlsx, tệp này không có phần mở rộng .xlsx. Hãy lưu danh sách lớp dạng Sổ làm việc Excel (.xlsx).',
  empty: 'Tệp rỗng (0 byte). Hãy chọn lại tệp danh sách lớp.',
  tooLarge: (megabytes: number) =>
    `Tệp lớn hơn ${megabytes} MB, quá lớn đối với một danh sách lớp. Hãy kiểm tra lại tệp (có thể có ảnh hoặc nhiều trang tính không cần thiết).`,
} as const;

export type ClassListService = {
  /** Reads a class-list file (.xlsx) into a raw table; the rules run in the renderer. */
  readonly read: (fileName: string, bytes: Uint8Array) => Promise<RawTable>;
  /** The empty class-list template for teachers to fill in. */
  readonly template: () => Promise<DownloadableFile>;
};

function checkFileName(fileName: string): void {
  const match = /\.([^./\\]+)$/.exec(fileName.trim());
  const extension = match?.[1]?.toLowerCase();
  if (extension === 'xlsx') return;
  const strings = classListServiceStrings;
  if (extension === undefined) throw new UserFacingError('invalid-request', strings.noExtension);
  if (extension === 'xls') throw new UserFacingError('invalid-request', strings.oldExcel);
  if (extension === 'csv') throw new UserFacingError('invalid-request', strings.csv);
  throw new UserFacingError('invalid-request', strings.notXlsx(`.${extension}`));
}

export function createClassListService(): ClassListService {
  return {
    read: async (fileName, bytes) => {
      checkFileName(fileName);
      if (bytes.length === 0) throw new UserFacingError('invalid-request', classListServiceStrings.empty);
      if (bytes.length > maxClassListFileBytes) {
        const megabytes = maxClassListFileBytes / (1024 * 1024);
        throw new UserFacingError('invalid-request', classListServiceStrings.tooLarge(megabytes));
      }
      return readClassListWorkbook(bytes);
    },
    template: async () => {
      const bytes = await createClassListTemplate();
      return {
        fileName: classListTemplateFileName,
        mimeType: xlsxMimeType,
        bytesBase64: Buffer.from(bytes).toString('base64'),
      };
    },
  };
}
