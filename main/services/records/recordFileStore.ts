import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  defaultCompiledCatalogue,
  type CompiledCatalogue,
} from '../../../shared/domain/evaluation/compiledCatalogue';
import type { ProducedRecord, RecordFileState } from '../../../shared/ipc/recordChannels';
import { checkRecordConsistency } from '../../../shared/record/recordConsistency';
import { studyRecordHash } from '../../../shared/record/recordHash';
import { readAttachedRecord } from '../../../shared/record/render/recordPdfMarkers';
import { amendStudyRecord } from '../../../shared/record/recordVersions';
import { renderStudyRecordPdf } from '../../../shared/record/render/renderStudyRecordPdf';
import { studyRecordIdPattern, type StudyRecord } from '../../../shared/record/studyRecord';
import { UserFacingError } from '../userFacingError';
import { DataKeyLockedError, type SealedFiles } from '../files/sealedFiles';
import type { Logger } from '../logger';
import type { PhotoStore } from '../photoStore';
import type { RecordFontBytes } from '../recordFonts';
import { parseRecordPdf } from '../signing/signRecordFile';
import { recordFileStrings as strings } from './strings';

/**
 * The học bạ PDFs on this desktop: `<data>/records/<school year>/<student code>.pdf`, one file per
 * record id, replaced only atomically. A signed file is never overwritten by a re-render: a change
 * to signed data is an amendment (a new version), which the caller is told to make. Every file,
 * archived versions too, is sealed with the desktop's data key (files/sealedFile.ts).
 */
export type RecordFileStore = {
  readonly pathOf: (recordId: string) => string;
  /** Renders each record unless an identical one is there; keeps signed files. */
  readonly produce: (records: readonly StudyRecord[]) => Promise<ProducedRecord[]>;
  /**
   * Replaces a signed record by its correction (version n+1, linked to version n's hash and to
   * the approved amendment); version n's signed file is kept in `versions/`.
   */
  readonly amend: (corrected: StudyRecord, amendmentId: string) => Promise<ProducedRecord>;
  readonly states: (recordIds: readonly string[]) => Promise<RecordFileState[]>;
  /**
   * Holds these records for a signing batch: produce and amend refuse them until `release`, so a
   * re-render can never replace a file the batch is signing, nor a batch sign a file being replaced.
   */
  readonly lock: (recordIds: readonly string[]) => { readonly release: () => void };
  readonly read: (recordId: string) => Promise<Uint8Array>;
  /**
   * Every signed file on this desktop: each record's current file when at least one box is signed,
   * and every archived version (only signed files are archived). What goes up to the province.
   */
  readonly signedFiles: () => Promise<SignedRecordFile[]>;
  /** The sealed files these records are kept in, by path (signing reads and replaces them in place). */
  readonly files: SealedFiles;
};

/** A signed file and what identifies its bytes on disk (a replacement changes the key). */
export type SignedRecordFile = { readonly recordId: string; readonly path: string; readonly diskKey: string };

const schoolYearFolder = /^\d{4}-\d{4}$/;
const currentFileName = /^(\d{10})\.pdf$/;
const archivedFileName = /^(\d{10})\.v\d+\.pdf$/;

export type RecordFileStoreOptions = {
  readonly dataDir: string;
  readonly photos: PhotoStore;
  readonly files: SealedFiles;
  readonly fonts: () => Promise<RecordFontBytes>;
  readonly logger?: Logger;
  /**
   * The catalogue editions a record may name (a province's corrected one first); the shipped one
   * by default, which is the one the screens build records with.
   */
  readonly catalogues?: readonly CompiledCatalogue[];
};

/** `studyRecord:student:<code>:<yyyy-yyyy>` → its parts; refuses anything else (no path tricks). */
function recordIdParts(recordId: string): { studentCode: string; schoolYear: string } {
  if (!studyRecordIdPattern.test(recordId)) throw new UserFacingError('invalid-request', strings.badRecordId);
  const [, , studentCode = '', schoolYear = ''] = recordId.split(':');
  return { studentCode, schoolYear };
}

function missing(recordId: string): RecordFileState {
  return { recordId, state: 'missing', signedRoles: [] };
}

/** What a file says about itself; `unreadable` when it is not a học bạ of this record. */
async function stateOfBytes(recordId: string, pdf: Uint8Array): Promise<RecordFileState> {
  try {
    // The signer's own parse: one pass, earlier signature values skipped.
    const { markers, signedRoles } = await parseRecordPdf(pdf);
    if (markers.recordId !== recordId)
      return { recordId, state: 'unreadable', signedRoles: [], bytes: pdf.length };
    return {
      recordId,
      state: markers.status,
      contentHash: markers.contentHash,
      version: markers.version,
      signedRoles: [...signedRoles],
      bytes: pdf.length,
      ...(markers.signers === undefined ? {} : { signers: markers.signers }),
    };
  } catch {
    return { recordId, state: 'unreadable', signedRoles: [], bytes: pdf.length };
  }
}

export function createRecordFileStore(options: RecordFileStoreOptions): RecordFileStore {
  const root = join(options.dataDir, 'records');
  const { files } = options;
  const catalogues = options.catalogues ?? [defaultCompiledCatalogue()];
  /**
   * Why a record may not be rendered: its printed result, awards or completion do not follow from
   * its own values. The renderer builds records with the same engine, so only a compromised or
   * out-of-date page sends one; main recomputes rather than trust it.
   */
  const inconsistency = (record: StudyRecord): string | undefined => {
    const checked = checkRecordConsistency(record, catalogues);
    if (checked.ok) return undefined;
    options.logger?.warn('records.inconsistent', {
      recordId: record.id,
      reason: checked.reason,
      problems: checked.problems.length,
    });
    const reasons = checked.problems.join(' ');
    return checked.reason === 'unknownCatalogue'
      ? strings.unknownCatalogue(record.student.fullName, reasons)
      : strings.inconsistent(record.student.fullName, reasons);
  };
  /** States by path, valid while the file's size and modification time stay the same. */
  const cache = new Map<string, { readonly key: string; readonly state: RecordFileState }>();
  const locked = new Map<string, number>();
  const refuseLocked = (recordIds: readonly string[]) => {
    if (recordIds.some((recordId) => (locked.get(recordId) ?? 0) > 0))
      throw new UserFacingError('failed', strings.busySigning);
  };
  /** Writes through here drop the cached state at once, whatever the file system's clock says. */
  const writeFile = async (path: string, data: Uint8Array) => {
    cache.delete(path);
    try {
      await files.write(path, data);
    } finally {
      cache.delete(path);
    }
  };

  const pathOf = (recordId: string) => {
    const { studentCode, schoolYear } = recordIdParts(recordId);
    return join(root, schoolYear, `${studentCode}.pdf`);
  };

  const stateOf = async (recordId: string): Promise<RecordFileState> => {
    const path = pathOf(recordId);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) return missing(recordId);
    // A replacement is a rename, so the inode and ctime change even where mtime is coarse.
    const key = `${String(info.ino)}:${String(info.size)}:${String(info.mtimeMs)}:${String(info.ctimeMs)}`;
    const cached = cache.get(path);
    if (cached?.key === key) return cached.state;
    // A sealed file that fails its check is unreadable: kept, never replaced by a re-render.
    const plain = await files.read(path).catch((error: unknown) => {
      if (error instanceof DataKeyLockedError) throw error;
      return undefined;
    });
    const state =
      plain === undefined
        ? { recordId, state: 'unreadable' as const, signedRoles: [], bytes: info.size }
        : await stateOfBytes(recordId, new Uint8Array(plain));
    cache.set(path, { key, state });
    return state;
  };

  const photoOf = async (record: StudyRecord): Promise<Uint8Array | null> => {
    const photoId = record.student.photoSha256;
    if (photoId === null) return null;
    try {
      return await options.photos.read(photoId);
    } catch {
      throw new UserFacingError('failed', strings.photoMissing(record.student.fullName));
    }
  };

  /** The record in the file now (validated), for its version block and for amendments. */
  const attachedRecord = async (recordId: string): Promise<StudyRecord> => {
    const attached = await readAttachedRecord(new Uint8Array(await files.read(pathOf(recordId))));
    if (!attached.ok)
      throw new UserFacingError('failed', strings.attachedUnreadable(attached.problems.join(' ')));
    return attached.record;
  };

  const writeRecord = async (record: StudyRecord, fonts: RecordFontBytes) => {
    const rendered = await renderStudyRecordPdf({ record, fonts, photo: await photoOf(record) });
    await writeFile(pathOf(record.id), rendered.pdf);
  };

  /** The archived (signed, superseded) versions of a record, by file name. */
  const archivedVersions = async (recordId: string): Promise<string[]> => {
    const path = pathOf(recordId);
    const prefix = `${basename(path, '.pdf')}.v`;
    const names = await readdir(join(dirname(path), 'versions')).catch(() => []);
    return names.filter((name) => name.startsWith(prefix) && name.endsWith('.pdf'));
  };

  const produceOne = async (built: StudyRecord, fonts: RecordFontBytes): Promise<ProducedRecord> => {
    const existing = await stateOf(built.id);
    const refused = inconsistency(built);
    if (refused !== undefined)
      return { recordId: built.id, outcome: 'inconsistent', file: existing, message: refused };
    // The app builds every record as version 1; a corrected record on disk (signed or not yet)
    // keeps its version block, so the same data compares equal to it and a re-render of an
    // unsigned correction stays the same version, linked to the same amendment.
    const record =
      existing.version !== undefined && existing.version > 1
        ? { ...built, version: (await attachedRecord(built.id)).version }
        : built;
    const hash = studyRecordHash(record);
    if (existing.contentHash === hash && existing.state === record.status)
      return { recordId: record.id, outcome: 'unchanged', file: existing };
    // A record with archived versions but no current file lost its current version: rendering
    // a new first version would restart the chain, so it is left for a restore from backup.
    if (existing.state === 'missing') {
      const archived = await archivedVersions(record.id);
      if (archived.length > 0)
        return {
          recordId: record.id,
          outcome: 'unreadableKept',
          file: existing,
          message: strings.currentVersionMissing(record.student.fullName, archived.length),
        };
    }
    // Never replace what cannot be read: it may be a signed file another tool changed.
    if (existing.state === 'unreadable')
      return {
        recordId: record.id,
        outcome: 'unreadableKept',
        file: existing,
        message: strings.unreadableKept(record.student.fullName, pathOf(record.id)),
      };
    if (existing.signedRoles.length > 0)
      return {
        recordId: record.id,
        outcome: 'signedDiffers',
        file: existing,
        message: strings.signedDiffers(record.student.fullName),
      };
    await writeRecord(record, fonts);
    options.logger?.info('records.written', { recordId: record.id, status: record.status });
    return { recordId: record.id, outcome: 'written', file: await stateOf(record.id) };
  };

  const amend = async (corrected: StudyRecord, amendmentId: string): Promise<ProducedRecord> => {
    refuseLocked([corrected.id]);
    const refused = inconsistency(corrected);
    if (refused !== undefined) throw new UserFacingError('failed', refused);
    const existing = await stateOf(corrected.id);
    if (existing.signedRoles.length === 0) throw new UserFacingError('failed', strings.amendUnsigned);
    if (corrected.status !== 'final') throw new UserFacingError('failed', strings.amendDraft);
    const previous = await attachedRecord(corrected.id);
    if (studyRecordHash({ ...corrected, version: previous.version }) === studyRecordHash(previous))
      throw new UserFacingError('failed', strings.amendNothingChanged);
    let next: StudyRecord;
    try {
      next = amendStudyRecord(previous, corrected, amendmentId);
    } catch (error) {
      throw new UserFacingError('failed', error instanceof Error ? error.message : String(error));
    }
    const path = pathOf(corrected.id);
    const archived = join(
      dirname(path),
      'versions',
      `${basename(path, '.pdf')}.v${String(previous.version.number)}.pdf`,
    );
    const signedBytes = new Uint8Array(await files.read(path));
    // An archived version is never replaced by different bytes (a record rebuilt from scratch
    // after its file was lost would otherwise overwrite the signed original).
    const already = await files.read(archived).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    });
    if (already !== undefined && Buffer.compare(already, signedBytes) !== 0)
      throw new UserFacingError('failed', strings.archiveExists(archived));
    if (already === undefined) await files.write(archived, signedBytes);
    await writeRecord(next, await options.fonts());
    options.logger?.info('records.amended', {
      recordId: next.id,
      version: next.version.number,
      amendmentId,
      archived,
    });
    return {
      recordId: next.id,
      outcome: 'amended',
      file: await stateOf(next.id),
      message: strings.amended(next.student.fullName, next.version.number),
    };
  };

  return {
    pathOf,
    files,
    amend,
    lock: (recordIds) => {
      for (const recordId of recordIds) locked.set(recordId, (locked.get(recordId) ?? 0) + 1);
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          for (const recordId of recordIds) {
            const count = (locked.get(recordId) ?? 1) - 1;
            if (count > 0) locked.set(recordId, count);
            else locked.delete(recordId);
          }
        },
      };
    },
    produce: async (records) => {
      refuseLocked(records.map((record) => record.id));
      const fonts = await options.fonts();
      const produced: ProducedRecord[] = [];
      for (const record of records) produced.push(await produceOne(record, fonts));
      return produced;
    },
    states: async (recordIds) => {
      const states: RecordFileState[] = [];
      for (const recordId of recordIds) states.push(await stateOf(recordId));
      return states;
    },
    signedFiles: async () => {
      const found: SignedRecordFile[] = [];
      const years = (await readdir(root, { withFileTypes: true }).catch(() => []))
        .filter((entry) => entry.isDirectory() && schoolYearFolder.test(entry.name))
        .map((entry) => entry.name)
        .sort();
      const keyOf = async (path: string) => {
        const info = await stat(path).catch(() => undefined);
        return info === undefined
          ? undefined
          : `${String(info.ino)}:${String(info.size)}:${String(info.mtimeMs)}`;
      };
      for (const year of years) {
        for (const name of (await readdir(join(root, year)).catch(() => [])).sort()) {
          const code = currentFileName.exec(name)?.[1];
          if (code === undefined) continue;
          const recordId = `studyRecord:student:${code}:${year}`;
          const state = await stateOf(recordId);
          const diskKey = await keyOf(pathOf(recordId));
          if (state.signedRoles.length > 0 && diskKey !== undefined)
            found.push({ recordId, path: pathOf(recordId), diskKey });
        }
        const archive = join(root, year, 'versions');
        for (const name of (await readdir(archive).catch(() => [])).sort()) {
          const code = archivedFileName.exec(name)?.[1];
          const diskKey = await keyOf(join(archive, name));
          if (code !== undefined && diskKey !== undefined)
            found.push({
              recordId: `studyRecord:student:${code}:${year}`,
              path: join(archive, name),
              diskKey,
            });
        }
      }
      return found;
    },
    read: async (recordId) => {
      try {
        return new Uint8Array(await files.read(pathOf(recordId)));
      } catch (error) {
        if (error instanceof UserFacingError) throw error;
        throw new UserFacingError('failed', strings.notProduced);
      }
    },
  };
}
