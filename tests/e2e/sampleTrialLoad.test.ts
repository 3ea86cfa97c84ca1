import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/audit/auditChain';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../shared/sample/generateYearResults';
import { readDeviceFile } from '../../main/services/deviceIdentity';
import { sampleResultsSeed, sampleTrialRequest } from '../../renderer/features/signin/sampleTrialRequest';
import { screenshotOnFailure } from '../support/appActions';
import { startAppBridge, type AppBridge } from '../support/appBridge';
import { auditedDocument, chainProblems } from '../support/auditedValues';
import { openBrowser, type BrowserSession } from '../support/browser';
import { storedCollections } from '../support/gradebookState';
import { artifactsDir } from '../support/paths';
import { clickSampleTrial, sampleTrialLoaded } from '../support/sampleTrial';

const students = 300;
const metaFields = new Set(['updatedAt', 'updatedBy', 'rev', '_rev', '_meta', '_attachments', '_deleted']);
const content = (doc: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(doc).filter(([key]) => !metaFields.has(key)));

/**
 * The sample trial in two stages: the home screen with the classes first, then the students and
 * their year of results behind a progress bar, while the app is usable. A reload in the middle
 * of the load resumes it: every document ends up stored once, equal to what the sample generator
 * makes and to what its audit events say, and the chain is whole.
 */
describe('the sample trial loads behind the home screen and resumes after a reload', () => {
  const school = generateSampleSchool({ seed: sampleTrialRequest.seed, students });
  const results = generateYearResults(defaultCompiledCatalogue(), school, sampleResultsSeed);
  let app: AppBridge;
  let browser: BrowserSession;

  beforeAll(async () => {
    await mkdir(artifactsDir, { recursive: true });
    app = await startAppBridge();
    browser = await openBrowser({ viewport: { width: 1024, height: 768 } });
    browser.page.setDefaultTimeout(30_000);
  });

  afterEach(async (context) => {
    await screenshotOnFailure(browser.page, 'sample-trial-load', context);
  });

  afterAll(async () => {
    await browser.close();
    await app.close();
  });

  /** Holds the device's audit lock in the page until it reloads: the load waits at its next slice. */
  const holdAuditLock = async () => {
    const device = await readDeviceFile(app.dataDir);
    if (device.kind !== 'ok') throw new Error('main wrote no device identity');
    await browser.page.evaluate(
      (name) =>
        new Promise<void>((held) => {
          void navigator.locks.request(name, () => {
            held();
            return new Promise<void>(() => undefined);
          });
        }),
      `hocba-audit:${device.deviceId}`,
    );
  };

  it('shows the classes first and the load behind a progress bar; a reload stops it midway', async () => {
    const { page } = browser;
    await page.goto(app.bridge.pageUrl);
    await clickSampleTrial(page, { students, withResults: true });
    await page.getByRole('heading', { name: school.school.name }).waitFor();
    const bar = page.getByRole('progressbar', { name: 'Tiến độ nạp dữ liệu mẫu' });
    await bar.waitFor();
    // The classes are there before their students.
    await expect(page.locator('.class-chip').count()).resolves.toBe(school.classes.length);
    await page.getByText(/Đang nạp kết quả đánh giá mẫu: [1-9]/).waitFor();
    // The load stalls at its next slice, so the reload below lands in the middle of it for sure.
    await holdAuditLock();
    await page.screenshot({ path: join(artifactsDir, 'sample-trial-loading.png') });
    const value = Number(await bar.getAttribute('value'));
    expect(value).toBeGreaterThan(0.5);
    expect(value).toBeLessThan(1);
    const people = await storedCollections(page, 'hocba-dung-thu', ['people', 'subjectResults']);
    expect(people.people?.length).toBe(students);
    expect(people.subjectResults?.length).toBeLessThan(results.subjectResults.length);
    await page.reload();
  });

  it('resumes after the reload and stores every document once, as audited', async () => {
    const { page } = browser;
    await sampleTrialLoaded(page);
    await page.screenshot({ path: join(artifactsDir, 'sample-trial-loaded.png') });
    await expect(page.getByRole('progressbar').count()).resolves.toBe(0);

    const stored = await storedCollections(page, 'hocba-dung-thu', [
      'people',
      'subjectResults',
      'characterResults',
      'auditEvents',
    ]);
    const events = (stored.auditEvents ?? []) as unknown as AuditEvent[];
    expect(chainProblems(events)).toEqual([]);
    const people = stored.people ?? [];
    expect(people.map((doc) => doc.id).sort()).toEqual(school.students.map((student) => student.id).sort());

    const check = (collection: string, expected: readonly { readonly id: string }[]) => {
      const docs = stored[collection] ?? [];
      const byId = new Map(docs.map((doc) => [String(doc.id), doc]));
      expect(docs.length).toBe(expected.length);
      for (const wanted of expected) {
        const doc = byId.get(wanted.id);
        expect(doc && content(doc)).toEqual(expect.objectContaining(wanted));
        expect(auditedDocument(events, collection, wanted.id)).toEqual(doc && content(doc));
      }
    };
    check('subjectResults', results.subjectResults);
    check('characterResults', results.characterResults);
  });

  it('does not start again once loaded', async () => {
    const { page } = browser;
    await page.reload();
    await page.getByRole('heading', { name: school.school.name }).waitFor();
    await page.locator('.class-chip').first().waitFor();
    await expect(page.getByRole('progressbar').count()).resolves.toBe(0);
    await expect(page.getByRole('status').filter({ hasText: 'Đã nạp xong' }).count()).resolves.toBe(0);
    expect(browser.problems).toEqual([]);
  });
});
