import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { genesisHash, sealAuditEvent, type AuditEvent } from '../../../shared/audit/auditChain';
import { accountChainDeviceId } from '../../../shared/audit/chainDevice';
import { canonicalJson } from '../../../shared/encoding/canonicalJson';
import { osKeyStore } from '../../../tests/support/osKeyStore';
import { maxHashesPerReport, type AuditCheckChainResponse } from '../../../shared/ipc/auditChannels';
import { createLogger, memoryLogSink } from '../logger';
import type { AuditHeadService } from './auditHeadService';
import type { KeyProtection } from '../keys/keyFile';
import { openAuditHeads } from './openAuditHeads';

/**
 * Main's audit anchor on real files in a temporary data folder, against a renderer played by
 * these tests: chains sealed with the real hash, reported and checked the way the renderer does,
 * and tampered with the way someone with the database or the data folder would.
 */

const database = 'hocba-dung-thu';
let dataDir: string;
let logLines: string[];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hocba-audit-'));
  logLines = [];
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const open = (protection?: KeyProtection) =>
  openAuditHeads({ dataDir, logger: createLogger(memoryLogSink(logLines), 'debug'), protection });

function chainOf(deviceId: string, length: number, rewrite?: { seq: number; value: string }): AuditEvent[] {
  const events: AuditEvent[] = [];
  let prevHash = genesisHash;
  for (let seq = 1; seq <= length; seq += 1) {
    const event = sealAuditEvent({
      deviceId,
      seq,
      prevHash,
      actor: 'user:co-lan',
      at: '2026-03-02T01:00:00.000Z',
      collectionName: 'subjectResults',
      docId: `subjectResult:student:${seq % 40}:toan:2025-2026`,
      field: 'CN.score',
      old: 'null',
      new: rewrite?.seq === seq ? rewrite.value : String(seq % 10),
      studentId: `student:${seq % 40}`,
      classId: 'class:1',
      amendmentId: '',
    });
    events.push(event);
    prevHash = event.hash;
  }
  return events;
}

/** What the renderer's reporter sends after writes: the new events' hashes, in chunks. */
async function report(service: AuditHeadService, events: readonly AuditEvent[], from = 1) {
  const statuses: string[] = [];
  for (let start = from; start <= events.length; start += maxHashesPerReport) {
    const slice = events.slice(start - 1, start - 1 + maxHashesPerReport);
    const answer = await service.recordHead({
      deviceId: slice[0]?.deviceId ?? '',
      database,
      fromSeq: start,
      prevHash: start === 1 ? genesisHash : (events[start - 2]?.hash ?? ''),
      hashes: slice.map((event) => event.hash),
    });
    statuses.push(answer.status);
  }
  return statuses;
}

/** What the renderer's integrity check does: claim each chain's head, answer every probe. */
async function check(
  service: AuditHeadService,
  chains: readonly (readonly AuditEvent[])[],
  deviceIds: readonly string[] = chains.map((events) => events[0]?.deviceId ?? service.deviceId),
): Promise<Extract<AuditCheckChainResponse, { status: 'done' }>> {
  const probes = new Map<string, { seq: number; hash: string }[]>();
  for (let round = 0; round < 200; round += 1) {
    const answer = await service.checkChain({
      database,
      chains: chains.map((events, index) => {
        const deviceId = deviceIds[index] ?? '';
        const head = events.at(-1);
        return {
          deviceId,
          head: head ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: genesisHash },
          probes: probes.get(deviceId) ?? [],
        };
      }),
    });
    if (answer.status === 'done') return answer;
    const events = chains[deviceIds.indexOf(answer.deviceId)] ?? [];
    const event = events[answer.seq - 1];
    if (!event) throw new Error(`probe ${answer.seq} outside the chain`);
    probes.set(answer.deviceId, [
      ...(probes.get(answer.deviceId) ?? []),
      { seq: event.seq, hash: event.hash },
    ]);
  }
  throw new Error('the check never ended');
}

const problems = (answer: { findings: readonly { severity: string; message: string }[] }) =>
  answer.findings.filter((finding) => finding.severity === 'problem').map((finding) => finding.message);

const headsPath = () => join(dataDir, 'audit', 'heads.json');
type StoreFile = {
  body: { chains: { deviceId: string; seq: number; hash: string; logDigest: string }[] };
  mac: string;
};
const readStore = async () => JSON.parse(await readFile(headsPath(), 'utf8')) as StoreFile;

describe('main’s record of the audit chain heads', () => {
  it('creates a device identity and a key only the user can read, and finds an untouched chain intact', async () => {
    const service = await open();
    expect(service.deviceId).toMatch(/^device-[0-9a-f-]{36}$/);
    const device = JSON.parse(await readFile(join(dataDir, 'device.json'), 'utf8')) as { deviceId: string };
    expect(device.deviceId).toBe(service.deviceId);
    if (process.platform !== 'win32') {
      expect((await stat(join(dataDir, 'audit', 'head-key.json'))).mode & 0o777).toBe(0o600);
      expect((await stat(join(dataDir, 'audit'))).mode & 0o777).toBe(0o700);
    }
    const events = chainOf(service.deviceId, 1234);
    expect(new Set(await report(service, events))).toEqual(new Set(['recorded']));
    const answer = await check(service, [events]);
    expect(answer.verdict).toBe('intact');
    expect(problems(answer)).toEqual([]);
    // After a restart, the record is read back and still vouches for the chain.
    const again = await open();
    expect(again.deviceId).toBe(service.deviceId);
    expect((await check(again, [events])).chains).toEqual([
      { deviceId: service.deviceId, verdict: 'intact', mainSeq: 1234, databaseSeq: 1234 },
    ]);
  });

  it('reports the last events deleted from the database with both sequence numbers', async () => {
    const service = await open();
    const events = chainOf(service.deviceId, 1234);
    await report(service, events);
    const answer = await check(service, [events.slice(0, 1230)]);
    expect(answer.verdict).toBe('truncated');
    expect(problems(answer)).toEqual([
      'Lịch sử đã bị xóa bớt: máy ghi nhận đến sự kiện 1.234, cơ sở dữ liệu chỉ còn đến 1.230.',
    ]);
    // The anomaly stays in main's record, also after a restart; the record now follows the database.
    const restarted = await open();
    const later = await check(restarted, [events.slice(0, 1230)]);
    expect(later.verdict).toBe('intact');
    expect(later.anomalies.map((anomaly) => [anomaly.kind, anomaly.message])).toEqual([
      [
        'truncated',
        'Lịch sử đã bị xóa bớt: máy ghi nhận đến sự kiện 1.234, cơ sở dữ liệu chỉ còn đến 1.230.',
      ],
    ]);
  });

  it('finds one value rewritten with every later event re-hashed, at that event', async () => {
    const service = await open();
    const events = chainOf(service.deviceId, 1234);
    await report(service, events);
    const tampered = chainOf(service.deviceId, 1234, { seq: 57, value: '10' });
    expect(tampered.at(-1)?.hash).not.toBe(events.at(-1)?.hash);
    const answer = await check(service, [tampered]);
    expect(answer.verdict).toBe('rewritten');
    expect(problems(answer)).toEqual(['Sự kiện 57 đã bị ghi lại khác với lúc máy ghi nhận.']);
    expect(answer.chains[0]?.mainSeq).toBe(56);
  });

  it('accepts a database ahead of main (a report that never arrived), which then catches up', async () => {
    const service = await open();
    const events = chainOf(service.deviceId, 3000);
    await report(service, events.slice(0, 2500));
    const answer = await check(service, [events]);
    expect(answer.verdict).toBe('ahead');
    expect(problems(answer)).toEqual([]);
    expect(answer.chains[0]).toMatchObject({ mainSeq: 2500, databaseSeq: 3000 });
    await report(service, events, 2501);
    expect((await check(service, [events])).verdict).toBe('intact');
  });

  it('restores the same device id when device.json is deleted, and reports the loss', async () => {
    const first = await open();
    const events = chainOf(first.deviceId, 20);
    await report(first, events);
    await rm(join(dataDir, 'device.json'));
    const second = await open();
    expect(second.deviceId).toBe(first.deviceId);
    const device = JSON.parse(await readFile(join(dataDir, 'device.json'), 'utf8')) as { deviceId: string };
    expect(device.deviceId).toBe(first.deviceId);
    const answer = await check(second, [events]);
    expect(answer.verdict).toBe('intact');
    expect(answer.findings.filter((finding) => finding.severity === 'problem').map((f) => f.kind)).toEqual([
      'deviceFileMissing',
    ]);
    expect(problems(answer)[0]).toContain('device.json');
  });

  it('restores the device id when device.json names another device', async () => {
    const first = await open();
    await writeFile(
      join(dataDir, 'device.json'),
      JSON.stringify({ deviceId: 'device-99999999-9999-4999-8999-999999999999', createdAt: 'x' }),
    );
    const second = await open();
    expect(second.deviceId).toBe(first.deviceId);
    expect((await check(second, [[]])).findings.map((finding) => finding.kind)).toContain(
      'deviceFileChanged',
    );
  });

  it('reports the database’s chain as unconfirmed when device.json and the head store are both gone', async () => {
    const first = await open();
    const events = chainOf(first.deviceId, 40);
    await report(first, events);
    await rm(join(dataDir, 'device.json'));
    await rm(join(dataDir, 'audit'), { recursive: true });
    const second = await open();
    expect(second.deviceId).not.toBe(first.deviceId);
    const answer = await check(second, [[], events], [second.deviceId, first.deviceId]);
    expect(answer.verdict).toBe('restarted');
    const shortId = `${first.deviceId.slice('device-'.length, 'device-'.length + 8)}…`;
    expect(problems(answer)).toEqual([
      expect.stringContaining('Máy đã mất định danh'),
      `Chuỗi lịch sử của máy ${shortId} (40 sự kiện) không được xác nhận: máy này không có bản ghi nào về chuỗi đó.`,
    ]);
  });

  it('reports a deleted head store (key kept) and the chain main no longer knows', async () => {
    const first = await open();
    const events = chainOf(first.deviceId, 40);
    await report(first, events);
    await rm(headsPath());
    const second = await open();
    expect(second.deviceId).toBe(first.deviceId);
    const answer = await check(second, [events]);
    expect(answer.verdict).toBe('unknownDevice');
    expect(answer.findings.map((finding) => finding.kind)).toEqual(['storeMissing', 'unknownDevice']);
  });

  describe('never trusts a tampered head store', () => {
    /**
     * The attacker knows the file formats but not the key: every edit keeps the record consistent
     * with its chain log (head hash = last entry, digest recomputed), so only the MAC can catch it.
     */
    async function recordedThenTampered(
      stored: (deviceId: string) => readonly AuditEvent[],
      tamper: (file: StoreFile, log: { path: string; bytes: Buffer }) => StoreFile,
    ) {
      const first = await open();
      await report(first, chainOf(first.deviceId, 1234));
      const [logName] = await readdir(join(dataDir, 'audit', 'chains'));
      const logPath = join(dataDir, 'audit', 'chains', logName ?? '');
      const log = { path: logPath, bytes: await readFile(logPath) };
      const tampered = tamper(await readStore(), log);
      await writeFile(logPath, log.bytes);
      await writeFile(headsPath(), JSON.stringify(tampered));
      const second = await open();
      return check(second, [stored(first.deviceId)]);
    }

    /** Makes the record say the chain ends at `seq` with the log's entries, consistently. */
    function consistentHead(file: StoreFile, bytes: Buffer, seq: number): StoreFile {
      const [chain] = file.body.chains;
      if (!chain) throw new Error('no chain recorded');
      chain.seq = seq;
      chain.hash = bytes.subarray((seq - 1) * 32, seq * 32).toString('hex');
      chain.logDigest = createHash('sha256')
        .update(bytes.subarray(0, seq * 32))
        .digest('hex');
      return file;
    }

    const lowered = (file: StoreFile, log: { bytes: Buffer }) => consistentHead(file, log.bytes, 1200);

    it('refuses a lowered sequence (to hide events deleted from the database)', async () => {
      const answer = await recordedThenTampered((deviceId) => chainOf(deviceId, 1200), lowered);
      expect(answer.verdict).not.toBe('intact');
      expect(answer.findings.map((finding) => finding.kind)).toEqual(['storeRejected', 'unknownDevice']);
      expect(
        (await readdir(join(dataDir, 'audit', 'rejected'))).some((name) => name.endsWith('heads.json')),
      ).toBe(true);
    });

    it('refuses changed hashes (to vouch for a rewritten chain)', async () => {
      const rewritten = (deviceId: string) => chainOf(deviceId, 1234, { seq: 57, value: '10' });
      const answer = await recordedThenTampered(rewritten, (file, log) => {
        // The rewritten chain's hashes as the device would have them, written into main's log.
        const own = rewritten(file.body.chains[0]?.deviceId ?? '');
        own.forEach((event, index) => Buffer.from(event.hash, 'hex').copy(log.bytes, index * 32));
        return consistentHead(file, log.bytes, 1234);
      });
      expect(answer.verdict).not.toBe('intact');
      expect(answer.findings.map((finding) => finding.kind)).toContain('storeRejected');
    });

    it('refuses a MAC recomputed under another key, and one copied from elsewhere', async () => {
      const answer = await recordedThenTampered(
        (deviceId) => chainOf(deviceId, 1200),
        (file, log) => {
          const body = lowered(file, log).body;
          const mac = createHmac('sha256', randomBytes(32))
            .update('hocba-audit-heads-v1\n')
            .update(canonicalJson(body))
            .digest('hex');
          return { body, mac };
        },
      );
      expect(answer.findings.map((finding) => finding.kind)).toContain('storeRejected');
      const copied = await recordedThenTampered(
        (deviceId) => chainOf(deviceId, 1200),
        (file, log) => ({
          ...lowered(file, log),
          mac: 'f'.repeat(64),
        }),
      );
      expect(copied.findings.map((finding) => finding.kind)).toContain('storeRejected');
    });

    it('refuses a record whose anomalies were taken out', async () => {
      const first = await open();
      const events = chainOf(first.deviceId, 30);
      await report(first, events);
      await check(first, [events.slice(0, 20)]);
      const file = await readStore();
      const withAnomalies = file as StoreFile & { body: { anomalies: unknown[]; anomalyCount: number } };
      expect(withAnomalies.body.anomalies).toHaveLength(1);
      withAnomalies.body.anomalies = [];
      withAnomalies.body.anomalyCount = 0;
      await writeFile(headsPath(), JSON.stringify(withAnomalies));
      const answer = await check(await open(), [events.slice(0, 20)]);
      expect(answer.findings.map((finding) => finding.kind)).toContain('storeRejected');
    });

    it('refuses an edited chain log (the per-event hashes behind the head)', async () => {
      const first = await open();
      const events = chainOf(first.deviceId, 100);
      await report(first, events);
      const [log] = await readdir(join(dataDir, 'audit', 'chains'));
      const path = join(dataDir, 'audit', 'chains', log ?? '');
      const bytes = await readFile(path);
      bytes.fill(0xab, 56 * 32, 57 * 32);
      await writeFile(path, bytes);
      const answer = await check(await open(), [events]);
      expect(answer.findings.map((finding) => finding.kind)).toContain('storeRejected');
    });

    it('refuses a store whose key was deleted', async () => {
      const first = await open();
      await report(first, chainOf(first.deviceId, 10));
      await rm(join(dataDir, 'audit', 'head-key.json'));
      const answer = await check(await open(), [chainOf(first.deviceId, 5)]);
      expect(answer.findings.map((finding) => finding.kind)).toEqual(['keyLost', 'unknownDevice']);
    });
  });

  describe('heads only move forward', () => {
    it('refuses a forged report of a lower sequence, keeps it as an anomaly and the head unchanged', async () => {
      const service = await open();
      const events = chainOf(service.deviceId, 10);
      await report(service, events);
      const forged = chainOf(service.deviceId, 5, { seq: 5, value: 'forged' });
      const answer = await service.recordHead({
        deviceId: service.deviceId,
        database,
        fromSeq: 5,
        prevHash: events[3]?.hash ?? '',
        hashes: [forged[4]?.hash ?? ''],
      });
      expect(answer).toEqual({ status: 'conflict', mainSeq: 10 });
      expect((await readStore()).body.chains[0]).toMatchObject({ seq: 10, hash: events[9]?.hash });
      const checked = await check(service, [events]);
      expect(checked.verdict).toBe('intact');
      const refused =
        'Máy nhận được một báo cáo trái với điều đã ghi nhận ở sự kiện 5; báo cáo bị từ chối, sổ ghi giữ nguyên.';
      expect(checked.anomalies.map((anomaly) => anomaly.message)).toEqual([refused]);
      // The next check (the start banner) says so once; the record keeps it.
      expect(problems(checked)).toEqual([refused]);
      expect(problems(await check(service, [events]))).toEqual([]);
    });

    it('refuses a report that does not continue the recorded head, and counts repeats', async () => {
      const service = await open();
      const events = chainOf(service.deviceId, 10);
      await report(service, events);
      const other = chainOf(service.deviceId, 12, { seq: 3, value: 'x' });
      for (const seq of [11, 11])
        await expect(
          service.recordHead({
            deviceId: service.deviceId,
            database,
            fromSeq: seq,
            prevHash: other[seq - 2]?.hash ?? '',
            hashes: [other[seq - 1]?.hash ?? ''],
          }),
        ).resolves.toEqual({ status: 'conflict', mainSeq: 10 });
      const checked = await check(service, [events]);
      expect(checked.anomalies).toHaveLength(1);
      expect(checked.anomalies[0]?.count).toBe(2);
    });

    it('takes a retried report as a duplicate and asks for what a lost report held', async () => {
      const service = await open();
      const events = chainOf(service.deviceId, 30);
      await report(service, events.slice(0, 20));
      await expect(report(service, events.slice(0, 20))).resolves.toEqual(['duplicate']);
      await expect(
        service.recordHead({
          deviceId: service.deviceId,
          database,
          fromSeq: 26,
          prevHash: events[24]?.hash ?? '',
          hashes: events.slice(25).map((event) => event.hash),
        }),
      ).resolves.toEqual({ status: 'gap', mainSeq: 20 });
      await expect(report(service, events, 21)).resolves.toEqual(['recorded']);
    });

    it('starts no record for a chain of another device or from the middle', async () => {
      const service = await open();
      const stranger = chainOf('device-99999999-9999-4999-8999-999999999999', 3);
      await expect(report(service, stranger)).resolves.toEqual(['unknownChain']);
      const own = chainOf(service.deviceId, 3);
      await expect(report(service, own, 2)).resolves.toEqual(['unknownChain']);
    });
  });

  describe('the key sealed by the OS key store', () => {
    it('keeps the key sealed, and judges nothing (without forgetting) while the store is unavailable', async () => {
      const os = osKeyStore();
      const first = await open(os.protection);
      const events = chainOf(first.deviceId, 10);
      await report(first, events);
      const keyFile = JSON.parse(await readFile(join(dataDir, 'audit', 'head-key.json'), 'utf8')) as {
        protection: string;
        key: string;
      };
      expect(keyFile.protection).toBe('safeStorage');
      expect(Buffer.from(keyFile.key, 'base64')).toHaveLength(12 + 16 + 32);

      os.down();
      await rm(join(dataDir, 'device.json'));
      const locked = await open(os.protection);
      expect(locked.deviceId).toBe(first.deviceId);
      const answer = await check(locked, [events.slice(0, 5)]);
      expect(answer.verdict).toBe('unavailable');
      expect(problems(answer)[0]).toContain('Không mở được khóa bảo vệ');
      await expect(report(locked, events)).resolves.toEqual(['unavailable']);
      // Nothing was set aside or overwritten: with the key store back, the truncation is caught.
      const os2 = { ...os.protection, available: () => true };
      const back = await open(os2);
      expect((await check(back, [events.slice(0, 5)])).verdict).toBe('truncated');
    });

    it('seals a key kept in the clear once the key store is there', async () => {
      await open();
      const os = osKeyStore();
      await open(os.protection);
      const keyFile = JSON.parse(await readFile(join(dataDir, 'audit', 'head-key.json'), 'utf8')) as {
        protection: string;
      };
      expect(keyFile.protection).toBe('safeStorage');
    });
  });

  it('survives a crash between writing the log and the record, and a record that followed the database', async () => {
    const service = await open();
    const events = chainOf(service.deviceId, 100);
    await report(service, events);
    // A report whose log entries reached the disk but whose record did not: extra entries.
    const [logName] = await readdir(join(dataDir, 'audit', 'chains'));
    const logPath = join(dataDir, 'audit', 'chains', logName ?? '');
    await writeFile(logPath, Buffer.concat([await readFile(logPath), randomBytes(32 * 5)]));
    const restarted = await open();
    expect(problems(await check(restarted, [events]))).toEqual([]);
    // After a rewrite was found, the record follows the database from event 56 (the log keeps its tail).
    const tampered = chainOf(service.deviceId, 100, { seq: 57, value: 'x' });
    expect((await check(restarted, [tampered])).verdict).toBe('rewritten');
    const again = await open();
    const answer = await check(again, [tampered]);
    expect(answer.verdict).toBe('ahead');
    expect(problems(answer)).toEqual([]);
    await report(again, tampered, 57);
    expect((await check(again, [tampered])).verdict).toBe('intact');
  });

  it('takes a restored database’s chains into the record: intact after, tampering still caught', async () => {
    const service = await open();
    const other = 'device-0b5e7a1c-1111-4222-8333-944455556666';
    const restored = chainOf(other, 300);
    // Without the restore, another device's chain is unknown (a problem).
    const before = await open();
    expect((await check(before, [restored])).verdict).toBe('unknownDevice');
    await rm(join(dataDir, 'audit'), { recursive: true, force: true });

    const fresh = await open();
    const hashes = restored.map((event) => event.hash);
    await expect(fresh.adoptRestored(database, [{ deviceId: other, hashes }])).resolves.toBe(1);
    const answer = await check(fresh, [restored]);
    expect(answer.verdict).toBe('intact');
    expect(problems(answer)).toEqual([]);
    // Kept across a restart, and a history cut after the restore is still reported.
    const again = await open();
    expect((await check(again, [restored.slice(0, 290)])).verdict).toBe('truncated');
    // Never rewritten by a later restore of a different history, nor extended by malformed input.
    const forged = chainOf(other, 310, { seq: 5, value: 'x' });
    await expect(
      again.adoptRestored(database, [{ deviceId: other, hashes: forged.map((event) => event.hash) }]),
    ).resolves.toBe(0);
    await expect(again.adoptRestored('../x', [{ deviceId: other, hashes }])).resolves.toBe(0);
    await expect(again.adoptRestored(database, [{ deviceId: 'dev-a', hashes }])).resolves.toBe(0);
    await expect(
      again.adoptRestored(database, [
        { deviceId: 'device-0b5e7a1c-1111-4222-8333-944455550000', hashes: ['zz'] },
      ]),
    ).resolves.toBe(0);
    expect(service.deviceId).not.toBe(other);
  });

  it('reports a chain main recorded that the database no longer holds at all', async () => {
    const service = await open();
    const events = chainOf(service.deviceId, 15);
    await report(service, events);
    const answer = await check(service, []);
    expect(problems(answer)).toEqual([
      'Lịch sử đã bị xóa bớt: máy ghi nhận đến sự kiện 15, cơ sở dữ liệu chỉ còn đến 0.',
    ]);
  });

  it('gives each account database a chain of its own, and keeps a database on the chain it began', async () => {
    const service = await open();
    const account = 'hocba-u-0123456789abcdef01234567';
    const chainId = service.chainDeviceIdFor(account);
    expect(chainId).toBe(accountChainDeviceId(service.deviceId, account));
    // A database that wrote under the desktop's id before (the trial, an earlier build's) stays on it.
    await report(service, chainOf(service.deviceId, 3));
    expect(service.chainDeviceIdFor(database)).toBe(service.deviceId);
    // The account's chain is this desktop's own: main records it from its first event, judges it
    // as its own, and takes no vouched point for it from a pull.
    const events = chainOf(chainId, 12);
    const answer = await service.recordHead({
      deviceId: chainId,
      database: account,
      fromSeq: 1,
      prevHash: genesisHash,
      hashes: events.map((event) => event.hash),
    });
    expect(answer).toEqual({ status: 'recorded', mainSeq: 12 });
    await service.notePulled(
      account,
      events.map(({ deviceId, seq, hash }) => ({ deviceId, seq, hash })),
    );
    const checked = await service.checkChain({
      database: account,
      chains: [{ deviceId: chainId, head: { seq: 12, hash: events[11]?.hash ?? '' }, probes: [] }],
    });
    expect(checked).toMatchObject({ status: 'done', verdict: 'intact' });
    // Another database's chain id is not this database's own.
    const elsewhere = await service.recordHead({
      deviceId: service.chainDeviceIdFor('hocba-u-89abcdef0123456701234567'),
      database: account,
      fromSeq: 1,
      prevHash: genesisHash,
      hashes: [events[0]?.hash ?? ''],
    });
    expect(elsewhere.status).toBe('unknownChain');
  });

  describe('other desktops’ chains that sync brought', () => {
    const other = 'device-0b5e7a1c-1111-4222-8333-944455556666';
    const stranger = 'device-7c1d2e3f-2222-4333-8444-955566667777';
    const pulled = (events: readonly AuditEvent[]) =>
      events.map(({ deviceId, seq, hash }) => ({ deviceId, seq, hash }));

    it('vouches for what main’s own pulls carried, on a desktop whose identity is new', async () => {
      const fresh = await open();
      const events = chainOf(other, 120);
      // Two pulls, the second with an event of the first again (a repeated page).
      await fresh.notePulled(database, pulled(events.slice(0, 60)));
      await fresh.notePulled(database, pulled(events.slice(59)));
      const answer = await check(fresh, [[], events], [fresh.deviceId, other]);
      expect(answer.verdict).toBe('vouched');
      expect(problems(answer)).toEqual([]);
      const shortId = `${other.slice('device-'.length, 'device-'.length + 8)}…`;
      expect(answer.findings).toContainEqual({
        kind: 'vouched',
        severity: 'notice',
        message: `Lịch sử của máy ${shortId} khớp với bản máy này nhận từ máy chủ của Sở: từ sự kiện 1 đến sự kiện 120.`,
        deviceId: other,
      });
      expect(answer.anomalyCount).toBe(0);
      // Kept across a restart of main.
      const again = await open();
      expect((await check(again, [[], events], [again.deviceId, other])).verdict).toBe('vouched');
    });

    it('finds what sync did not bring: a rewrite, a cut, events added, a chain gone, a chain never pulled', async () => {
      await open();
      const service = await open(); // an identity of some standing: not new this run
      const events = chainOf(other, 120);
      await service.notePulled(database, pulled(events));
      const withOwn = (chain: readonly AuditEvent[]) =>
        check(service, [[], chain], [service.deviceId, other]);

      const rewritten = await withOwn(chainOf(other, 120, { seq: 5, value: 'x' }));
      expect(rewritten.verdict).toBe('rewritten');
      expect(rewritten.findings.map((finding) => finding.kind)).toContain('differsFromServer');
      // Rewritten and then extended past the point: the point is probed, not the head.
      expect((await withOwn(chainOf(other, 130, { seq: 5, value: 'x' }))).verdict).toBe('rewritten');

      const cut = await withOwn(events.slice(0, 100));
      expect(cut.verdict).toBe('truncated');
      expect(problems(cut)).toEqual([
        expect.stringContaining('đến sự kiện 120, cơ sở dữ liệu chỉ còn đến 100'),
      ]);

      const added = await withOwn(chainOf(other, 125));
      expect(added.verdict).toBe('unknownDevice');
      expect(problems(added)).toEqual([expect.stringContaining('Có 5 sự kiện của máy')]);

      const gone = await check(service, [[]], [service.deviceId]);
      expect(gone.verdict).toBe('truncated');

      const strange = chainOf(stranger, 10);
      const neverPulled = await check(service, [[], events, strange], [service.deviceId, other, stranger]);
      expect(neverPulled.verdict).toBe('unknownDevice');
      expect(neverPulled.chains.find((chain) => chain.deviceId === other)?.verdict).toBe('vouched');
      expect(neverPulled.chains.find((chain) => chain.deviceId === stranger)?.verdict).toBe('unknownDevice');
    });

    it('still reports a lost identity: its old chain never came by sync', async () => {
      const first = await open();
      const own = chainOf(first.deviceId, 40);
      await report(first, own);
      const events = chainOf(other, 30);
      await first.notePulled(database, pulled(events));
      await rm(join(dataDir, 'device.json'));
      await rm(join(dataDir, 'audit'), { recursive: true });
      const second = await open();
      // The record with its points is gone too; a pull after the loss vouches for the other desktop.
      await second.notePulled(database, pulled(events));
      const answer = await check(second, [[], own, events], [second.deviceId, first.deviceId, other]);
      expect(answer.verdict).toBe('restarted');
      expect(answer.chains.find((chain) => chain.deviceId === other)?.verdict).toBe('vouched');
    });

    it('takes points only from well-formed events of other desktops, never back, and for one database', async () => {
      await open();
      const service = await open();
      const events = chainOf(other, 50);
      await service.notePulled(database, [
        ...pulled(events),
        ...pulled(chainOf(service.deviceId, 9)),
        { deviceId: 'dev-x', seq: 3, hash: events[2]?.hash ?? '' },
        { deviceId: stranger, seq: 3, hash: 'zz' },
        { deviceId: stranger, seq: 0, hash: events[0]?.hash ?? '' },
      ]);
      await service.notePulled(database, pulled(events.slice(0, 20)));
      await service.notePulled('../x', pulled(chainOf(stranger, 5)));
      await service.notePulled('hocba-u-other', pulled(chainOf(stranger, 5)));
      const body = (await readStore()) as StoreFile & {
        body: { vouched?: { deviceId: string; seq: number }[] };
      };
      expect(body.body.vouched?.map(({ deviceId, seq }) => ({ deviceId, seq }))).toEqual([
        { deviceId: other, seq: 50 },
        { deviceId: stranger, seq: 5 },
      ]);
      // The other database's point vouches for nothing here.
      const strange = chainOf(stranger, 5);
      const answer = await check(service, [[], events, strange], [service.deviceId, other, stranger]);
      expect(answer.verdict).toBe('unknownDevice');
      expect(answer.chains.map((chain) => chain.verdict)).toEqual(['intact', 'vouched', 'unknownDevice']);
    });
  });

  it('logs no hashes, values or ids', async () => {
    const service = await open();
    const events = chainOf(service.deviceId, 10);
    await report(service, events);
    await check(service, [events.slice(0, 4)]);
    const log = logLines.join('\n');
    expect(log).toContain('audit.chain-anomaly');
    expect(log).not.toContain(service.deviceId);
    expect(log).not.toContain(events[0]?.hash ?? '-');
  });
});
