import { maxClassListFileBytes, type RawTable } from '../../shared/classList/rawTable';
import { xlsxMimeType, type DownloadableFile } from '../../shared/ipc/fileSchemas';
import type { UntrustedFileTasks } from '../workers/untrustedFileTasks';
import { UserFacingError } from './userFacingError';
import type { IsolationRefusal, IsolationRunner } from './isolation/isolationRunner';
import { transferableBytes } from './isolation/transferableBytes';
import { classListTemplateFileName, createClassListTemplate } from './xlsx/classListTemplate';

/** Vietnamese messages for a class-list file refused before it is read, or not read to the end. */
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
  tooSlow: (seconds: number) =>
    `Đọc tệp Excel mất hơn ${seconds} giây nên đã dừng: tệp có thể quá lớn hoặc bị hỏng có chủ đích. Hãy mở tệp bằng Excel, chép danh sách lớp sang một tệp mới và lưu lại.`,
  tooMuchMemory:
    'Đọc tệp Excel cần quá nhiều bộ nhớ nên đã dừng: tệp có thể quá lớn hoặc bị hỏng có chủ đích. Hãy mở tệp bằng Excel, chép danh sách lớp sang một tệp mới và lưu lại.',
  readerFailed:
    'Không đọc được tệp Excel này do một lỗi bất ngờ. Hãy mở tệp bằng Excel, chép danh sách lớp sang một tệp mới, lưu lại rồi chọn lại tệp.',
  readerUnavailable:
    'Ứng dụng chưa khởi động được bộ đọc tệp an toàn nên chưa đọc được tệp. Hãy khởi động lại ứng dụng; nếu vẫn lỗi, hãy cài đặt lại ứng dụng.',
  closing: 'Ứng dụng đang đóng nên không đọc tệp nữa.',
} as const;

export type ClassListService = {
  /**
   * Reads a class-list file (.xlsx) into a raw table, in the isolated worker; the rules run in
   * the renderer. `bytes` are moved to the worker when they own their whole buffer (then they are
   * unusable afterwards), copied once otherwise.
   */
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

/** The worker gave no table: what the teacher is told, by why. */
export function classListRefusalError(refusal: IsolationRefusal): UserFacingError {
  const strings = classListServiceStrings;
  switch (refusal.kind) {
    case 'deadline':
      return new UserFacingError(
        'invalid-request',
        strings.tooSlow(Math.max(1, Math.round(refusal.deadlineMs / 1000))),
      );
    case 'out-of-memory':
      return new UserFacingError('invalid-request', strings.tooMuchMemory);
    case 'crashed':
    case 'task-error':
      return new UserFacingError('failed', strings.readerFailed);
    case 'unavailable':
      return new UserFacingError('unavailable', strings.readerUnavailable);
    case 'closed':
      return new UserFacingError('unavailable', strings.closing);
  }
}

export type ClassListServiceOptions = {
  /** The isolated worker that parses files from outside (mainRuntime.ts creates it). */
  readonly untrustedFiles: IsolationRunner<UntrustedFileTasks>;
};

export function createClassListService(options: ClassListServiceOptions): ClassListService {
  return {
    read: async (fileName, bytes) => {
      checkFileName(fileName);
      if (bytes.length === 0) throw new UserFacingError('invalid-request', classListServiceStrings.empty);
      if (bytes.length > maxClassListFileBytes) {
        const megabytes = maxClassListFileBytes / (1024 * 1024);
        throw new UserFacingError('invalid-request', classListServiceStrings.tooLarge(megabytes));
      }
      const buffer = transferableBytes(bytes);
      const outcome = await options.untrustedFiles.run(
        'readClassList',
        { bytes: buffer },
        { transfer: [buffer] },
      );
      if (!outcome.ok) throw classListRefusalError(outcome.refusal);
      if (!outcome.value.ok) throw new UserFacingError('invalid-request', outcome.value.message);
      return outcome.value.table;
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
