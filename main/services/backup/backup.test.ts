import { randomBytes } from 'node:crypto';
import { mkdtemp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  genesisHash,
  hashAuditEvent,
  type AuditEvent,
  type AuditEventBody,
} from '../../../shared/audit/auditChain';
import type { DatabaseExport } from '../../../shared/backup/databaseExport';
import { createSealedFiles, type SealedFiles } from '../files/sealedFiles';
import { readBackupHeader, BackupRefused } from './backupReader';
import { createBackupDesk } from './backupDesk';
import { createBackup, openBackup, restoreBackup } from './backupService';
import { BackupWriter } from './backupWriter';

/** The cheapest cost the format accepts: the tests check the format, not the key's strength. */
const scrypt = { N: 2 ** 14, r: 8, p: 1 };
const passphrase = 'Trường Tiểu học Hòa Bình 2026';
const folders: string[] = [];
const fresh = async () => {
  const folder = await mkdtemp(join(tmpdir(), 'hocba-backup-'));
  folders.push(folder);
  return folder;
};
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
  desktops.clear();
});
/** Each data folder is a desktop of its own, with its own data key. */
const desktops = new Map<string, SealedFiles>();
const desktopOf = (dataDir: string): SealedFiles => {
  const known = desktops.get(dataDir);
  if (known) return known;
  const files = createSealedFiles({ dataDir, key: randomBytes(32) });
  desktops.set(dataDir, files);
  return files;
};

function chainOf(deviceId: string, count: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  let prevHash = genesisHash;
  for (let seq = 1; seq <= count; seq += 1) {
    const body: AuditEventBody = {
      deviceId,
      seq,
      prevHash,
      actor: 'user:hatt',
      at: `2026-05-2${String(seq % 10)}T01:00:00.000Z`,
      collectionName: 'subjectResults',
      docId: `d${String(seq)}`,
      field: 'CN.level',
      old: 'null',
      new: '"T"',
      studentId: 's1',
      classId: 'c1',
      amendmentId: '',
    };
    const hash = hashAuditEvent(body);
    events.push({ ...body, hash });
    prevHash = hash;
  }
  return events;
}

function exportOf(events: readonly AuditEvent[]): Uint8Array {
  const database: DatabaseExport = {
    format: 'hocba.database',
    version: 1,
    exportedAt: '2026-12-05T01:00:00.000Z',
    databaseName: 'hocba-dung-thu',
    deviceId: 'dev-a',
    collections: {
      people: [{ id: 's1', fullName: 'Đỗ Văn Đức', classId: 'c1' }],
      auditEvents: events.map((event) => ({ ...event })),
    },
  };
  return Buffer.from(JSON.stringify(database), 'utf8');
}

/** A data folder with a photo, a record, an archived version (over 1 MiB: several segments) and the device identity. */
async function dataFolder() {
  const dataDir = await fresh();
  const files: Record<string, Buffer> = {
    'photos/ab12.jpg': Buffer.from([0xff, 0xd8, 1, 2, 3, 0xff, 0xd9]),
    'records/2025-2026/0112345678.pdf': Buffer.from('%PDF-1.7 học bạ'),
    'records/2025-2026/versions/0112345678.v1.pdf': Buffer.concat([
      Buffer.from('%PDF-1.7 '),
      Buffer.alloc(1_500_000, 7),
    ]),
    'device.json': Buffer.from('{"deviceId":"dev-a"}'),
  };
  for (const [path, bytes] of Object.entries(files)) {
    await mkdir(join(dataDir, path, '..'), { recursive: true });
    // Photos and records are sealed with this desktop's key, as the stores write them.
    if (path === 'device.json') await writeFile(join(dataDir, path), bytes);
    else await desktopOf(dataDir).write(join(dataDir, path), bytes);
  }
  return { dataDir, files };
}

const school = { code: '01001', name: 'Trường Tiểu học Hòa Bình' };

async function backupOf(dataDir: string, events = chainOf('dev-a', 30)) {
  const database = exportOf(events);
  const summary = await createBackup({
    dataDir,
    passphrase,
    database,
    appVersion: '1.0.0',
    school,
    scrypt,
    files: desktopOf(dataDir),
  });
  return { path: join(dataDir, 'backups', summary.fileName), summary, database };
}

describe('backups (issue 10, point 19)', () => {
  it('round-trips: verified without restoring, restored on another desktop (another data key) byte for byte, owner-only', async () => {
    const { dataDir, files } = await dataFolder();
    const { path, summary, database } = await backupOf(dataDir);
    expect(summary).toMatchObject({ files: 4, auditEvents: 30, documents: { people: 1, auditEvents: 30 } });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readBackupHeader(path)).school).toEqual(school);

    const checked = await openBackup(path, passphrase);
    expect(checked.database.equals(Buffer.from(database))).toBe(true);

    const target = await fresh();
    // Another desktop, another data key: the backup carries plaintext, sealed again on restore.
    const restored = await restoreBackup(path, passphrase, target, desktopOf(target));
    expect(restored.database.equals(Buffer.from(database))).toBe(true);
    expect(restored.databaseName).toBe('hocba-dung-thu');
    expect(restored.chains).toEqual([{ deviceId: 'dev-a', hashes: chainOf('dev-a', 30).map((e) => e.hash) }]);
    // This desktop keeps its own identity: the backup's is checked, never written over it.
    await expect(stat(join(target, 'device.json'))).rejects.toThrow();
    const { 'device.json': _identity, ...restoredFiles } = files;
    for (const [relativePath, bytes] of Object.entries(restoredFiles)) {
      expect((await desktopOf(target).read(join(target, relativePath))).equals(bytes), relativePath).toBe(
        true,
      );
      expect((await readFile(join(target, relativePath))).includes(bytes.subarray(0, 7)), relativePath).toBe(
        false,
      );
      if (process.platform !== 'win32')
        expect((await stat(join(target, relativePath))).mode & 0o777).toBe(0o600);
    }
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o700);
    expect((await readdir(target)).filter((name) => name.startsWith('.restore-'))).toEqual([]);
  });

  it('refuses a backup with any one byte changed, cut short or extended, and a wrong passphrase', async () => {
    const { dataDir } = await dataFolder();
    const { path } = await backupOf(dataDir);
    const original = await readFile(path);
    const refusedWith = async (bytes: Buffer, phrase = passphrase) => {
      await writeFile(path, bytes);
      const error = await openBackup(path, phrase).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(BackupRefused);
      return (error as Error).message;
    };
    const headerEnd = 12 + original.readUInt32BE(8);
    // In the header, the first segment, the middle and the last byte of the file.
    for (const at of [20, headerEnd + 10, Math.floor(original.length / 2), original.length - 1]) {
      const changed = Buffer.from(original);
      changed[at] = (changed[at] ?? 0) ^ 1;
      await refusedWith(changed);
    }
    // Cut at the end of the last-but-one segment: every remaining segment is whole, but none says it is last.
    let position = headerEnd;
    const segmentEnds: number[] = [];
    while (position < original.length) {
      position += 4 + original.readUInt32BE(position);
      segmentEnds.push(position);
    }
    expect(segmentEnds.length).toBeGreaterThan(1);
    await refusedWith(original.subarray(0, segmentEnds.at(-2)));
    await refusedWith(original.subarray(0, original.length - 100));
    await refusedWith(Buffer.concat([original, Buffer.alloc(20)]));
    expect(await refusedWith(original, 'Trường Tiểu học Hòa Bình 2025')).toMatch(/cụm mật khẩu không đúng/);
    await writeFile(path, original);
    await expect(openBackup(path, passphrase)).resolves.toBeDefined();
  });

  it('refuses a forged header that asks for an absurd key cost, at once, and files that are not backups', async () => {
    const { dataDir } = await dataFolder();
    const { path } = await backupOf(dataDir);
    const original = await readFile(path);
    const length = original.readUInt32BE(8);
    const header = JSON.parse(original.subarray(12, 12 + length).toString('utf8')) as { kdf: { N: number } };
    header.kdf.N = 2 ** 30;
    const forged = Buffer.from(JSON.stringify(header));
    const lengthBytes = Buffer.alloc(4);
    lengthBytes.writeUInt32BE(forged.length, 0);
    await writeFile(
      path,
      Buffer.concat([original.subarray(0, 8), lengthBytes, forged, original.subarray(12 + length)]),
    );
    // Refused by the header's bounds before any key is derived (2^30 would need 1 TiB of memory).
    await expect(openBackup(path, passphrase)).rejects.toThrow(/không phải bản sao lưu/);
    await writeFile(path, Buffer.from('%PDF-1.7 not a backup'));
    await expect(openBackup(path, passphrase)).rejects.toThrow(/không phải bản sao lưu/);
  });

  it('refuses an entry that would write outside the data folder, and leaves nothing behind', async () => {
    const dataDir = await fresh();
    const path = join(dataDir, 'evil.hocbak');
    const writer = await BackupWriter.create(
      path,
      passphrase,
      { createdAt: 'x', appVersion: 'x', school },
      scrypt,
    );
    await writer.add('database.json', exportOf(chainOf('dev-a', 2)));
    await writer.add('files/photos/../../../escaped.txt', Buffer.from('owned'));
    await writer.finish({});
    const target = await fresh();
    await expect(restoreBackup(path, passphrase, target, desktopOf(target))).rejects.toBeInstanceOf(
      BackupRefused,
    );
    expect(await readdir(target)).toEqual([]);
    await expect(stat(join(target, '..', 'escaped.txt'))).rejects.toThrow();
  });

  it('will not back up a history that does not verify, nor restore over different files', async () => {
    const { dataDir, files } = await dataFolder();
    const events = chainOf('dev-a', 5);
    const rewritten = events.map((event) => (event.seq === 3 ? { ...event, new: '"C"' } : event));
    await expect(backupOf(dataDir, rewritten)).rejects.toThrow(/không nối khớp/);
    const { path } = await backupOf(dataDir);
    // The same files already here (a restore that stopped half-way, run again): accepted.
    await expect(restoreBackup(path, passphrase, dataDir, desktopOf(dataDir))).resolves.toMatchObject({
      files: 4,
    });
    // A photo here that differs from the backup's: refused, and nothing moved in.
    const target = await fresh();
    await mkdir(join(target, 'photos'), { recursive: true });
    await writeFile(join(target, 'photos/ab12.jpg'), Buffer.from('another child'));
    await expect(restoreBackup(path, passphrase, target, desktopOf(target))).rejects.toThrow(/đã có dữ liệu/);
    expect((await readFile(join(target, 'photos/ab12.jpg'))).toString()).toBe('another child');
    await expect(stat(join(target, 'records'))).rejects.toThrow();
    expect(files['photos/ab12.jpg']).toBeDefined();
  });

  it('stops, saying which file, when a sealed file of the data folder fails its check; no backup is left', async () => {
    const { dataDir } = await dataFolder();
    const photo = join(dataDir, 'photos/ab12.jpg');
    const sealed = await readFile(photo);
    sealed[sealed.length - 3] = (sealed[sealed.length - 3] ?? 0) ^ 1;
    await writeFile(photo, sealed);
    await expect(backupOf(dataDir)).rejects.toThrow(
      /^Tệp ảnh học sinh trên máy này đã bị thay đổi hoặc hỏng/,
    );
    expect(await readdir(join(dataDir, 'backups'))).toEqual([]);
  });

  it('refuses a backup whose database name is not one the app makes', async () => {
    const dataDir = await fresh();
    const database = JSON.parse(
      Buffer.from(exportOf(chainOf('dev-a', 2))).toString('utf8'),
    ) as DatabaseExport;
    const named = Buffer.from(JSON.stringify({ ...database, databaseName: '../../etc' }), 'utf8');
    const summary = await createBackup({
      dataDir,
      passphrase,
      database: named,
      appVersion: '1',
      school,
      scrypt,
      files: desktopOf(dataDir),
    });
    await expect(openBackup(join(dataDir, 'backups', summary.fileName), passphrase)).rejects.toBeInstanceOf(
      BackupRefused,
    );
  });
});

describe('restoring a backup the page sends (Khôi phục)', () => {
  it('checks it, restores files and history, hands the database back in pieces, and keeps the file', async () => {
    const { dataDir } = await dataFolder();
    const deviceId = 'device-0b5e7a1c-1111-4222-8333-944455556666';
    const events = chainOf(deviceId, 12);
    const { path, database } = await backupOf(dataDir, events);
    const target = await fresh();
    const adopted: {
      database: string;
      chains: readonly { deviceId: string; hashes: readonly string[] }[];
    }[] = [];
    const desk = createBackupDesk({
      dataDir: target,
      appVersion: '1.0.0',
      files: desktopOf(target),
      auditHeads: {
        adoptRestored: (name, chains) => {
          adopted.push({ database: name, chains });
          return Promise.resolve(chains.length);
        },
      },
    });
    const send = (uploadId: string, bytes: Buffer) => {
      const pieces = [bytes.subarray(0, 1000), bytes.subarray(1000)];
      pieces.forEach((piece, index) => desk.stage(uploadId, index, pieces.length, piece));
    };
    const bytes = await readFile(path);
    const uploadId = 'a'.repeat(32);
    send(uploadId, bytes);
    const inspected = await desk.inspect(uploadId, passphrase);
    expect(inspected.databaseName).toBe('hocba-dung-thu');
    expect(adopted).toEqual([]);
    // A wrong passphrase refused; the sent file stays for another try, unseen in the list.
    await expect(desk.restore(uploadId, 'không phải cụm này')).rejects.toBeInstanceOf(BackupRefused);
    await expect(desk.list()).resolves.toEqual([]);
    const restored = await desk.restore(uploadId, passphrase);
    expect(adopted).toEqual([
      { database: 'hocba-dung-thu', chains: [{ deviceId, hashes: events.map((e) => e.hash) }] },
    ]);
    const parts: Buffer[] = [];
    for (let index = 0; index < restored.parts; index += 1)
      parts.push(desk.restoredPart(restored.restoreId, index));
    expect(Buffer.concat(parts).equals(Buffer.from(database))).toBe(true);
    expect(() => desk.restoredPart(restored.restoreId, 0)).toThrow(BackupRefused);
    expect((await desktopOf(target).read(join(target, 'photos/ab12.jpg'))).length).toBe(7);
    const listed = await desk.list();
    expect(listed.map((entry) => entry.fileName)).toEqual([restored.summary.fileName]);
    expect(await readdir(join(target, 'backups'))).toEqual([restored.summary.fileName]);
  });

  it('keeps a restored backup whose header time is not a date under today’s name', async () => {
    const source = await fresh();
    const path = join(source, 'odd.hocbak');
    const writer = await BackupWriter.create(
      path,
      passphrase,
      { createdAt: 'x', appVersion: 'x', school },
      scrypt,
    );
    await writer.add('database.json', exportOf(chainOf('dev-a', 2)));
    await writer.finish({});
    const target = await fresh();
    const desk = createBackupDesk({
      dataDir: target,
      appVersion: '1.0.0',
      files: desktopOf(target),
      auditHeads: { adoptRestored: () => Promise.resolve(0) },
    });
    desk.stage('d'.repeat(32), 0, 1, await readFile(path));
    const restored = await desk.restore('d'.repeat(32), passphrase);
    expect(restored.summary.fileName).toMatch(/^hocba-01001-\d{8}-\d{4}\.hocbak$/);
    expect(await readdir(join(target, 'backups'))).toEqual([restored.summary.fileName]);
  });

  it('refuses an upload that is not a backup, and one with a piece missing', async () => {
    const target = await fresh();
    const desk = createBackupDesk({
      dataDir: target,
      appVersion: '1.0.0',
      files: desktopOf(target),
      auditHeads: { adoptRestored: () => Promise.resolve(0) },
    });
    desk.stage('b'.repeat(32), 0, 1, Buffer.from('PK\u0003\u0004 not a backup'));
    await expect(desk.inspect('b'.repeat(32), passphrase)).rejects.toThrow(/không phải bản sao lưu/);
    desk.stage('c'.repeat(32), 0, 2, Buffer.from('half'));
    await expect(desk.restore('c'.repeat(32), passphrase)).rejects.toThrow(/bị hỏng/);
    expect(await readdir(target).catch(() => [])).not.toContain('photos');
  });
});
