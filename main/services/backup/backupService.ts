import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { asciiFileNamePart } from '../../../shared/encoding/asciiFileName';
import {
  chainHashesOf,
  checkExportChains,
  databaseExportSchema,
  type DatabaseExport,
} from '../../../shared/backup/databaseExport';
import type { RestoredChain } from '../audit/auditHeadService';
import { sealedRoleOf } from '../files/sealedFile';
import { filesUnder, type SealedFiles } from '../files/sealedFiles';
import { backupExtension } from './backupFormat';
import { BackupRefused, readBackup } from './backupReader';
import { backupStrings } from './backupStrings';
import { BackupWriter, type ManifestEntry } from './backupWriter';

/** What the data folder holds that a backup carries: photos, every record file, the device identity. */
const carriedFolders = ['photos', 'records'] as const;
const carriedFiles = ['device.json'] as const;
export const backupsFolderName = 'backups';

export type BackupSummary = {
  readonly fileName: string;
  readonly bytes: number;
  readonly createdAt: string;
  readonly school: { readonly code: string; readonly name: string };
  readonly documents: Readonly<Record<string, number>>;
  readonly auditEvents: number;
  readonly files: number;
};

/** The data folder and the backups folder readable by their user only (0700, files 0600). */
export async function protectDataFolder(dataDir: string): Promise<void> {
  if (process.platform === 'win32') return; // NTFS: the profile folder's ACL already limits it to the user.
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chmod(dataDir, 0o700);
  const walk = async (path: string): Promise<void> => {
    for (const entry of await readdir(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) {
        await chmod(full, 0o700);
        await walk(full);
      } else if (entry.isFile()) await chmod(full, 0o600);
    }
  };
  await walk(dataDir);
}

const safeName = (text: string) => asciiFileNamePart(text).slice(0, 40).replace(/-+$/, '') || 'truong';

/** "hocba-01001-20261205-0930.hocbak": the school and the time in Viet Nam (UTC+7, no daylight saving). */
export function backupFileNameOf(school: { readonly code: string; readonly name: string }, at: Date): string {
  const vietnamTime = new Date(at.getTime() + 7 * 60 * 60 * 1000);
  const stamp = vietnamTime.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `hocba-${safeName(school.code || school.name)}-${stamp}${backupExtension}`;
}

export type CreateBackupInput = {
  readonly dataDir: string;
  readonly passphrase: string;
  /** The renderer's export of its database (JSON of `DatabaseExport`). */
  readonly database: Uint8Array;
  readonly appVersion: string;
  readonly school: { readonly code: string; readonly name: string };
  readonly now?: Date;
  readonly scrypt?: { N: number; r: number; p: number };
  /** This desktop's sealed files: a backup carries their plaintext, so another desktop can restore it. */
  readonly files: SealedFiles;
};

/**
 * A carried file's plaintext: photos and record files are unsealed (the backup is itself
 * encrypted), the device identity read as it is. Undefined when it is gone; a file that fails
 * its seal stops the backup with its message rather than leave it out unsaid.
 */
async function carriedBytes(
  dataDir: string,
  relativePath: string,
  files: SealedFiles,
): Promise<Buffer | undefined> {
  const path = join(dataDir, relativePath);
  const read = sealedRoleOf(relativePath) === undefined ? readFile(path) : files.read(path);
  return read.catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  });
}

/**
 * Writes `backups/hocba-<school>-<date>.hocbak` in the data folder: the database export, every
 * photo and record file and the device identity, each with its SHA-256 in the manifest, sealed
 * with a key from the passphrase. The database is checked first (its audit chains must verify):
 * a backup of a broken history would hide the break.
 */
export async function createBackup(input: CreateBackupInput): Promise<BackupSummary> {
  const database = parseDatabase(input.database);
  const chains = checkExportChains(database);
  const broken = chains.devices.reduce((sum, device) => sum + device.problems, 0);
  if (broken > 0) throw new BackupRefused(backupStrings.auditBroken(broken));
  const now = input.now ?? new Date();
  const folder = join(input.dataDir, backupsFolderName);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const fileName = backupFileNameOf(input.school, now);
  const path = join(folder, fileName);
  const writer = await BackupWriter.create(
    path,
    input.passphrase,
    { createdAt: now.toISOString(), appVersion: input.appVersion, school: input.school },
    input.scrypt,
  );
  let files = 0;
  try {
    await writer.add('database.json', input.database);
    const paths = [
      ...(
        await Promise.all(carriedFolders.map((folderName) => filesUnder(input.dataDir, folderName)))
      ).flat(),
      ...carriedFiles,
    ];
    for (const relativePath of paths) {
      const bytes = await carriedBytes(input.dataDir, relativePath, input.files);
      if (!bytes) continue;
      await writer.add(`files/${relativePath}`, bytes);
      files += 1;
    }
    await writer.finish({ createdAt: now.toISOString(), school: input.school, auditEvents: chains.events });
  } catch (error) {
    await writer.abandon().catch(() => undefined);
    await rm(path, { force: true });
    throw error;
  }
  return {
    fileName,
    bytes: (await stat(path)).size,
    createdAt: now.toISOString(),
    school: input.school,
    documents: countsOf(database),
    auditEvents: chains.events,
    files,
  };
}

function parseDatabase(bytes: Uint8Array): DatabaseExport {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new BackupRefused(backupStrings.damaged);
  }
  const parsed = databaseExportSchema.safeParse(json);
  if (!parsed.success) throw new BackupRefused(backupStrings.damaged);
  return parsed.data;
}

const countsOf = (database: DatabaseExport): Record<string, number> =>
  Object.fromEntries(Object.entries(database.collections).map(([name, docs]) => [name, docs.length]));

/** The manifest's list, checked like anything else read from a file. */
const manifestSchema = z.object({
  entries: z.array(z.object({ path: z.string(), size: z.number().int().min(0), sha256: z.string() })),
});

export type OpenedBackup = BackupSummary & {
  readonly database: Buffer;
  /** The local database the export came from ("hocba-…"), which a restore recreates. */
  readonly databaseName: string;
  readonly chains: readonly RestoredChain[];
};

/** A local database's name as the app makes them; anything else in a backup is not restored. */
const databaseNamePattern = /^hocba-[a-z0-9-]{1,60}$/;

/**
 * Reads a backup through and checks everything without restoring: every segment authenticated,
 * every entry against the manifest (size and SHA-256, nothing missing, nothing extra), the
 * database's schema and its audit chains. `keep` receives each file entry as it is checked.
 */
export async function openBackup(
  path: string,
  passphrase: string,
  keep: (relativePath: string, bytes: Buffer) => Promise<void> = () => Promise.resolve(),
): Promise<OpenedBackup> {
  const seen: ManifestEntry[] = [];
  let database: Buffer | undefined;
  let manifest: unknown;
  const header = await readBackup(path, passphrase, async ({ name, data }) => {
    if (manifest !== undefined) throw new BackupRefused(backupStrings.damaged);
    if (name === 'manifest.json') {
      manifest = JSON.parse(data.toString('utf8'));
      return;
    }
    seen.push({ path: name, size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    if (name === 'database.json') database = data;
    else if (name.startsWith('files/')) await keep(checkedRelativePath(name.slice('files/'.length)), data);
    else throw new BackupRefused(backupStrings.damaged);
  });
  const listed = manifestSchema.safeParse(manifest).data?.entries;
  if (!listed || !database) throw new BackupRefused(backupStrings.damaged);
  if (listed.length !== seen.length) throw new BackupRefused(backupStrings.damaged);
  listed.forEach((entry, index) => {
    const actual = seen[index];
    const same = actual?.path === entry.path && actual.size === entry.size && actual.sha256 === entry.sha256;
    if (!same) throw new BackupRefused(backupStrings.manifestMismatch(entry.path));
  });
  const parsed = parseDatabase(database);
  const chains = checkExportChains(parsed);
  const broken = chains.devices.reduce((sum, device) => sum + device.problems, 0);
  if (broken > 0) throw new BackupRefused(backupStrings.auditBroken(broken));
  if (!databaseNamePattern.test(parsed.databaseName)) throw new BackupRefused(backupStrings.damaged);
  return {
    fileName: path.split(/[\\/]/).pop() ?? path,
    bytes: (await stat(path)).size,
    createdAt: header.createdAt,
    school: header.school,
    documents: countsOf(parsed),
    auditEvents: chains.events,
    files: seen.length - 1,
    database,
    databaseName: parsed.databaseName,
    chains: chainHashesOf(parsed),
  };
}

/** A path inside the data folder, never outside it (`..`, absolute, drive letters). */
function checkedRelativePath(path: string): string {
  const parts = path.split('/');
  const carried =
    (carriedFolders as readonly string[]).includes(parts[0] ?? '') ||
    (carriedFiles as readonly string[]).includes(path);
  if (!carried || parts.some((part) => part === '' || part === '.' || part === '..' || /[:\\]/.test(part)))
    throw new BackupRefused(backupStrings.damaged);
  return path;
}

/**
 * Restores a backup's files into this data folder: photos and record files are written to a
 * staging folder while the backup is checked, and moved into place only when all of it verified,
 * so a damaged backup leaves nothing behind. A file already here with the same bytes is kept (a
 * restore that stopped half-way can run again); one with other bytes refuses the whole restore.
 * Files are sealed with this desktop's data key as they are staged (the backup holds plaintext,
 * so it restores on any desktop), and compared by their plaintext.
 * The device identity in the backup is checked but not restored: this desktop keeps its own, and
 * the restored history stays the other device's chain. Returns the database for the renderer.
 */
export async function restoreBackup(
  path: string,
  passphrase: string,
  dataDir: string,
  files: SealedFiles,
): Promise<OpenedBackup> {
  const staging = join(dataDir, `.restore-${randomBytes(6).toString('hex')}`);
  await mkdir(staging, { recursive: true, mode: 0o700 });
  try {
    const opened = await openBackup(path, passphrase, async (relativePath, bytes) => {
      if ((carriedFiles as readonly string[]).includes(relativePath)) return;
      const target = join(staging, relativePath);
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      // Sealed for the place it will be moved to: no plaintext touches the disk.
      await writeFile(target, files.seal(relativePath, bytes), { mode: 0o600 });
    });
    const staged = (await Promise.all(carriedFolders.map((folder) => filesUnder(staging, folder)))).flat();
    const toMove: string[] = [];
    for (const relativePath of staged) {
      const existing = await readFile(join(dataDir, relativePath)).catch(() => undefined);
      if (!existing) toMove.push(relativePath);
      else {
        const staged = files.open(relativePath, await readFile(join(staging, relativePath)));
        // One that does not open (changed, another desktop's) differs as surely as other bytes.
        const here = (() => {
          try {
            return files.open(relativePath, existing);
          } catch {
            return undefined;
          }
        })();
        if (!here?.equals(staged)) throw new BackupRefused(backupStrings.notEmpty);
      }
    }
    for (const relativePath of toMove) {
      const target = join(dataDir, relativePath);
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      await rename(join(staging, relativePath), target);
    }
    await protectDataFolder(dataDir);
    return opened;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
