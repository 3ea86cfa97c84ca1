import { SyncUnavailable } from './syncTransport';

/** What sync says to the user (Vietnamese). */
export const syncStrings = {
  documentsNotStored: (count: number) =>
    `${String(count)} tài liệu nhận từ máy chủ không đúng mẫu của phiên bản này nên chưa được lưu. Hãy cập nhật ứng dụng.`,
  notSettled:
    'Dữ liệu trên máy này vẫn đang thay đổi trong lúc đồng bộ. Hãy bấm "Đồng bộ ngay" lại sau khi nhập xong.',
  /** A replication failure: main's words when it gave them, else a general one. */
  cannotTakeMine:
    'Không ghi lại được giá trị của bạn: học sinh hoặc lớp này không còn trên máy này. Hãy nhập lại trong sổ theo dõi nếu cần.',
  failureOf: (error: unknown): string => {
    const cause = findCause(error);
    return (
      cause ??
      'Chưa đồng bộ được với máy chủ của Sở. Ứng dụng sẽ tự thử lại; dữ liệu vẫn được lưu trên máy này.'
    );
  },
} as const;

/** RxDB wraps a handler's error (its `parameters.errors`); the first SyncUnavailable's message. */
function findCause(error: unknown, depth = 0): string | undefined {
  if (depth > 4 || typeof error !== 'object' || error === null) return undefined;
  if (error instanceof SyncUnavailable) return error.message;
  const parameters: unknown = Reflect.get(error, 'parameters');
  const nested: unknown[] = [];
  if (typeof parameters === 'object' && parameters !== null) {
    const errors: unknown = Reflect.get(parameters, 'errors');
    if (Array.isArray(errors)) nested.push(...(errors as unknown[]));
    nested.push(Reflect.get(parameters, 'error'));
  }
  nested.push(Reflect.get(error, 'cause'));
  for (const candidate of nested) {
    const found = findCause(candidate, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
