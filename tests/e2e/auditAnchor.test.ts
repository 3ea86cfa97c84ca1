import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { databaseKeyOf } from '../../renderer/data/storage/fieldSeal';
import { openedRows, sealedRows } from '../support/sealedRows';
import { sessionChannelContract } from '../../shared/ipc/sessionChannels';
import { genesisHash, sealAuditEvent, type AuditEvent } from '../../shared/audit/auditChain';
import { startBridge, type RunningBridge } from '../../main/bridge/bridgeServer';
import { createMainRuntime, type MainRuntime } from '../../main/mainRuntime';
import { createLogger, memoryLogSink } from '../../main/services/logger';
import { appActions, screenshotOnFailure } from '../support/appActions';
import { openBrowser, type BrowserSession } from '../support/browser';
import { artifactsDir, requireBuiltRenderer } from '../support/paths';
import { startSampleTrialIn } from '../support/sampleTrial';

/**
 * The audit chain anchored in main, tried as an attacker would: the sample school's events are
 * deleted or rewritten (and re-hashed) straight in Chromium's IndexedDB, main's device.json and
 * head store are deleted between runs, and the app, reloaded, must say what changed. Main runs
 * with a data folder and port that survive its restarts, so the page keeps its origin (and its
 * IndexedDB).
 */

type Row = AuditEvent & { id: string } & Record<string, unknown>;

describe('the audit chain anchored in main, in Chromium through the bridge', () => {
  let dataDir: string;
  let runtime: MainRuntime;
  let bridge: RunningBridge;
  let port = 0;
  let browser: BrowserSession;
  let page: Page;
  const logLines: string[] = [];

  async function startMain() {
    const logger = createLogger(memoryLogSink(logLines), 'debug');
    runtime = await createMainRuntime(
      { name: 'Học bạ số', version: '0.0.0-test', platform: process.platform, dataDir, runtime: 'bridge' },
      logger,
    );
    bridge = await startBridge({
      rendererDir: requireBuiltRenderer(),
      dispatch: runtime.dispatch,
      logger,
      port,
    });
    port = Number(new URL(bridge.origin).port);
  }

  /** Leaves the app first, so no report is on its way when main goes down. */
  async function restartMain(between: () => Promise<void>) {
    await page.goto('about:blank');
    await bridge.close();
    runtime.close();
    await between();
    await startMain();
    await page.goto(bridge.pageUrl);
  }

  /** The audit events as IndexedDB holds them (RxDB's Dexie storage: one database per collection). */
  const rawEvents = () =>
    page.evaluate(async () => {
      const name = (await indexedDB.databases())
        .map((info) => info.name ?? '')
        .find((candidate) => candidate.toLowerCase().endsWith('--auditevents'));
      if (!name) throw new Error('no audit events database');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error('open failed'));
      });
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction('docs').objectStore('docs').getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(new Error('read failed'));
      });
      db.close();
      return { name, rows };
    });

  /** Writes (`put`) and deletes rows of the audit events store, as someone with the profile folder could. */
  /** The trial database's key, as main gives it to the page: the rows are sealed at rest. */
  const trialKey = async () => {
    const answer = await runtime.dispatch('session:databaseKey', { databaseName: 'hocba-dung-thu' });
    if (!answer.ok) throw new Error(answer.error.message);
    const { key } = sessionChannelContract['session:databaseKey'].response.parse(answer.value);
    return databaseKeyOf(new Uint8Array(Buffer.from(key, 'base64')));
  };

  /** Someone with the profile folder and the key (the signed-in person) changing rows underneath the app. */
  const tamper = async (name: string, put: readonly Row[], remove: readonly string[]) =>
    tamperRaw(name, sealedRows(await trialKey(), 'hocba-dung-thu', 'auditEvents', put), remove);

  const tamperRaw = (name: string, put: readonly Record<string, unknown>[], remove: readonly string[]) =>
    page.evaluate(
      async ({ name: dbName, put: rows, remove: ids }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(dbName);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(new Error('open failed'));
        });
        await new Promise<void>((resolve, reject) => {
          const transaction = db.transaction('docs', 'readwrite');
          const store = transaction.objectStore('docs');
          for (const row of rows) store.put(row);
          for (const id of ids) store.delete(id);
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(new Error('write failed'));
        });
        db.close();
      },
      { name, put, remove },
    );

  const chainRows = async () => {
    const { name, rows } = await rawEvents();
    const opened = openedRows(
      await trialKey(),
      'hocba-dung-thu',
      'auditEvents',
      rows as Record<string, unknown>[],
    );
    const events = (opened as Row[]).sort((a, b) => a.seq - b.seq);
    return { name, events };
  };

  /** Main's head for the sample database, from its record on disk. */
  const mainHead = async () => {
    const store = JSON.parse(await readFile(join(dataDir, 'audit', 'heads.json'), 'utf8')) as {
      body: { chains: { database: string; seq: number }[] };
    };
    return store.body.chains.find((chain) => chain.database === 'hocba-dung-thu')?.seq ?? 0;
  };

  const deviceIdOnDisk = async () =>
    (JSON.parse(await readFile(join(dataDir, 'device.json'), 'utf8')) as { deviceId: string }).deviceId;

  const banner = () =>
    page.getByRole('alert').filter({ hasText: 'lịch sử thay đổi trên máy này có dấu hiệu bị can thiệp' });

  beforeAll(async () => {
    await mkdir(artifactsDir, { recursive: true });
    dataDir = await mkdtemp(join(tmpdir(), 'hocba-audit-e2e-'));
    await startMain();
    browser = await openBrowser();
    page = browser.page;
    page.setDefaultTimeout(20_000);
    await page.goto(bridge.pageUrl);
    await startSampleTrialIn(page, { students: 300, withResults: false });
  });

  afterEach(async (context) => {
    await screenshotOnFailure(page, 'audit-anchor', context);
  });

  afterAll(async () => {
    await browser.close();
    await bridge.close();
    runtime.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('tells main every event of the sample school as it is written, and both checks agree', async () => {
    const { events } = await chainRows();
    expect(events.length).toBeGreaterThan(300);
    // Reports are sent after the writes, not waited for: wait for main's record to reach the head.
    await expect.poll(mainHead, { timeout: 30_000 }).toBe(events.length);
    await appActions(page).goTo('Lịch sử thay đổi');
    await page.getByRole('button', { name: 'Kiểm tra tính toàn vẹn của lịch sử trên máy này' }).click();
    await page.getByText(/^Lịch sử nguyên vẹn: [\d.]+ sự kiện/).waitFor();
    await page.getByText(/^Lịch sử khớp với sổ ghi của máy: từ sự kiện 1 đến sự kiện [\d.]+\./).waitFor();
    expect(await banner().count()).toBe(0);
  });

  it('reports the last events deleted from IndexedDB at start, with both sequence numbers', async () => {
    const { name, events } = await chainRows();
    const head = events.length;
    await tamper(
      name,
      [],
      events.slice(-4).map((event) => event.id),
    );
    await page.reload();
    await banner().waitFor();
    const format = (value: number) => value.toLocaleString('vi-VN');
    await expect(banner().textContent()).resolves.toContain(
      `Lịch sử đã bị xóa bớt: máy ghi nhận đến sự kiện ${format(head)}, cơ sở dữ liệu chỉ còn đến ${format(head - 4)}.`,
    );
    await page.screenshot({ path: join(artifactsDir, 'audit-truncated-banner.png') });
    await page.getByRole('button', { name: 'Đã hiểu, ẩn cảnh báo' }).click();
    expect(await banner().count()).toBe(0);
  });

  it('finds a value rewritten with every later event re-hashed, and keeps it in the record the History check shows', async () => {
    const { name, events } = await chainRows();
    const target = 57;
    let prevHash = genesisHash;
    const rewritten: Row[] = [];
    for (const row of events) {
      const { id: _id, hash: _hash, ...rest } = row;
      const sealed = sealAuditEvent({
        deviceId: row.deviceId,
        seq: row.seq,
        prevHash,
        actor: row.actor,
        at: row.at,
        collectionName: row.collectionName,
        docId: row.docId,
        field: row.field,
        old: row.old,
        new: row.seq === target ? JSON.stringify({ fullName: 'Người Khác' }) : row.new,
        studentId: row.studentId,
        classId: row.classId,
        amendmentId: row.amendmentId,
      });
      prevHash = sealed.hash;
      if (row.seq >= target) rewritten.push({ ...rest, ...sealed, id: row.id });
    }
    await tamper(name, rewritten, []);
    await page.reload();
    await banner().waitFor();
    await expect(banner().textContent()).resolves.toContain(
      'Sự kiện 57 đã bị ghi lại khác với lúc máy ghi nhận.',
    );

    await page.setViewportSize({ width: 1024, height: 768 });
    await appActions(page).goTo('Lịch sử thay đổi');
    await page.getByRole('button', { name: 'Kiểm tra tính toàn vẹn của lịch sử trên máy này' }).click();
    // The database agrees with itself (it was re-hashed); main's record keeps what it found.
    await page.getByText(/^Lịch sử nguyên vẹn: [\d.]+ sự kiện/).waitFor();
    const record = page.locator('details').filter({ hasText: 'Sổ ghi của máy đã ghi nhận 2 lần bất thường' });
    await record.locator('summary').click();
    await expect(record.textContent()).resolves.toContain(
      'Sự kiện 57 đã bị ghi lại khác với lúc máy ghi nhận.',
    );
    await expect(record.textContent()).resolves.toContain('Lịch sử đã bị xóa bớt');
    await page.screenshot({ path: join(artifactsDir, 'audit-history-1024x768.png') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await page.setViewportSize({ width: 1366, height: 860 });
  });

  it('restores the same device id when device.json is deleted, and says that it was missing', async () => {
    const before = await deviceIdOnDisk();
    const { events } = await chainRows();
    await expect.poll(mainHead, { timeout: 30_000 }).toBe(events.length);
    await restartMain(() => rm(join(dataDir, 'device.json')));
    await banner().waitFor();
    await expect(banner().textContent()).resolves.toContain('Tệp định danh máy (device.json) đã bị xóa');
    expect(await deviceIdOnDisk()).toBe(before);
  });

  it('reports the chain as unconfirmed when device.json and the head store are both gone', async () => {
    const before = await deviceIdOnDisk();
    const { events } = await chainRows();
    await restartMain(async () => {
      await rm(join(dataDir, 'device.json'));
      await rm(join(dataDir, 'audit'), { recursive: true });
    });
    await banner().waitFor();
    const text = (await banner().textContent()) ?? '';
    expect(await deviceIdOnDisk()).not.toBe(before);
    expect(text).toContain('Máy đã mất định danh');
    const shortId = `${before.slice('device-'.length, 'device-'.length + 8)}…`;
    expect(text).toContain(
      `Chuỗi lịch sử của máy ${shortId} (${events.length.toLocaleString('vi-VN')} sự kiện) không được xác nhận`,
    );
    await page.screenshot({ path: join(artifactsDir, 'audit-unknown-device-banner.png') });
    expect(browser.problems).toEqual([]);
  });
});
