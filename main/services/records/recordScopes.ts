import { stat } from 'node:fs/promises';
import { readAttachedRecord } from '../../../shared/record/render/recordPdfMarkers';

/** Whose record a file is: the school, school year and class its attached record names. */
export type RecordScope = {
  readonly schoolCode: string;
  readonly schoolYear: string;
  readonly className: string;
};

export type RecordScopes = {
  /** Undefined when there is no file or it holds no readable record (the signer refuses those itself). */
  readonly of: (recordId: string) => Promise<RecordScope | undefined>;
};

/**
 * Reads each record file's class from the record attached to it, for main's check of who may act
 * on it (a homeroom teacher signs only their own class); `read` opens the sealed file. Cached per file identity, as the record
 * store caches states, so a batch checked twice parses each file once.
 */
export function createRecordScopes(
  pathOf: (recordId: string) => string,
  read: (path: string) => Promise<Uint8Array>,
): RecordScopes {
  const cache = new Map<string, { readonly key: string; readonly scope: RecordScope | undefined }>();
  return {
    of: async (recordId) => {
      const path = pathOf(recordId);
      const info = await stat(path).catch(() => undefined);
      if (info === undefined) return undefined;
      const key = `${String(info.ino)}:${String(info.size)}:${String(info.mtimeMs)}:${String(info.ctimeMs)}`;
      const cached = cache.get(path);
      if (cached?.key === key) return cached.scope;
      let scope: RecordScope | undefined;
      try {
        const attached = await readAttachedRecord(new Uint8Array(await read(path)));
        scope = attached.ok
          ? {
              schoolCode: attached.record.school.code,
              schoolYear: attached.record.year.schoolYear,
              className: attached.record.year.className,
            }
          : undefined;
      } catch {
        scope = undefined;
      }
      cache.set(path, { key, scope });
      return scope;
    },
  };
}
