import type { Page } from 'playwright-core';
import { sampleDatabaseName } from '../../renderer/app/session';
import { openBrowser } from '../../tests/support/browser';
import type { LongTask, ProbeWindow, RawBulkResult, StoredSchool } from './pageProbeTypes';
import { measureRendererMemory, type RendererMemory } from './rendererMemory';
import { percentile } from './stats';
import { levelsToType } from './typedLevels';

export type SchoolRunOptions = {
  readonly pageUrl: string;
  readonly probeScript: string;
  readonly students: number;
  /** Edits typed without pause, and edits typed one every `paceMs`. */
  readonly edits: number;
  readonly pacedEdits: number;
  readonly paceMs: number;
  /** Pairs per transaction in the raw bulk write. */
  readonly rawBatch: number;
  readonly log: (line: string) => void;
};

export type TypingRun = {
  /** `hocba:edit`: keystroke → value stored (with its audit event), ms. */
  readonly stored: number[];
  /** `hocba:edit-paint`: keystroke → the frame showing the value, ms (empty: not emitted). */
  readonly paint: number[];
  readonly longTasks: LongTask[];
};

export type SchoolRun = {
  readonly students: number;
  readonly chromium: string;
  /** `hocba:seed`: documents written (each with its audit event) and how long it took. */
  readonly seedDocuments: number;
  readonly seedMs: number;
  /** Click on the trial button → end of `hocba:seed` (or of `hocba:trial-home`, if later). */
  readonly trialTotalMs: number;
  /** `hocba:trial-home` (click → home screen with the classes), if the app emits it. */
  readonly trialHomeMs: number | undefined;
  readonly trialLongTasks: LongTask[];
  readonly longTasksSupported: boolean;
  readonly gradebookSize: number;
  readonly opens: number[];
  readonly fast: TypingRun;
  readonly paced: TypingRun;
  readonly memory: RendererMemory;
  readonly stored: StoredSchool;
  readonly rawBulk: RawBulkResult;
  readonly rawPaced: number[];
  readonly rawFast: number[];
  readonly rawDropped: boolean;
  readonly problems: string[];
};

type Measure = { readonly startTime: number; readonly duration: number; readonly detail: unknown };

const trialButton = 'Dùng thử với dữ liệu mẫu';

const measures = (page: Page, name: string): Promise<Measure[]> =>
  page.evaluate(
    (entryName) =>
      performance.getEntriesByName(entryName).map((entry) => ({
        startTime: entry.startTime,
        duration: entry.duration,
        detail: (entry as PerformanceMeasure).detail as unknown,
      })),
    name,
  );

const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

const longTasksBetween = (page: Page, start: number, end: number): Promise<LongTask[]> =>
  page.evaluate(
    ({ from, to }) => {
      const probe = (window as ProbeWindow).__hocbaBench;
      if (!probe) throw new Error('the bench probe is not installed');
      return probe.longTasksBetween(from, to);
    },
    { from: start, to: end },
  );

/** Clicks the trial button and waits for the whole school to be written. */
async function startTrial(page: Page, students: number, log: (line: string) => void) {
  await page.getByLabel('Số học sinh của trường mẫu').selectOption(String(students));
  await page.getByLabel('Có sẵn kết quả đánh giá cả năm').check();
  // The click's own time, stamped in the page by a capturing listener (before the app sees it).
  await page.evaluate((label) => {
    document.addEventListener(
      'click',
      (event) => {
        const button = event.target instanceof Element ? event.target.closest('button') : null;
        if (
          button?.textContent.includes(label) &&
          performance.getEntriesByName('bench:trial-click').length === 0
        )
          performance.mark('bench:trial-click');
      },
      { capture: true },
    );
  }, trialButton);
  await page.getByRole('button', { name: trialButton }).click();
  await page.locator('.school-header h1').waitFor({ timeout: 900_000 });
  log('  home screen shown; waiting for the whole school to be written…');
  await page.waitForFunction(() => performance.getEntriesByName('hocba:seed').length > 0, undefined, {
    timeout: 900_000,
    polling: 250,
  });
  const [click] = await measures(page, 'bench:trial-click');
  const [seed] = await measures(page, 'hocba:seed');
  const [home] = await measures(page, 'hocba:trial-home');
  if (!click || !seed) throw new Error('the trial click or the hocba:seed measure is missing');
  const end = Math.max(seed.startTime + seed.duration, home ? home.startTime + home.duration : 0);
  return {
    seedDocuments: (seed.detail as { documents?: number } | null)?.documents ?? 0,
    seedMs: seed.duration,
    trialTotalMs: end - click.startTime,
    trialHomeMs: home?.duration,
    trialLongTasks: await longTasksBetween(page, click.startTime, end),
  };
}

/** Opens the largest class's grade book as its homeroom teacher, four times (one per period). */
async function openGradebook(page: Page) {
  const target = await page.evaluate(
    () =>
      [...document.querySelectorAll('.class-chip')]
        .map((button) => ({
          text: button.textContent,
          size: Number(/\((\d+)\)/.exec(button.textContent)?.[1] ?? 0),
        }))
        .sort((a, b) => b.size - a.size)[0],
  );
  if (!target) throw new Error('no class found');
  await page.locator('.class-chip', { hasText: target.text }).click();
  const homeroom =
    (await page.locator('.roster-heading .muted').textContent())?.replace('Giáo viên chủ nhiệm: ', '') ?? '';
  await page.getByLabel('Đổi người dùng (dùng thử)').selectOption({ label: `${homeroom} — Giáo viên` });
  const opens: number[] = [];
  for (const period of ['GK1', 'CK1', 'GK2', 'CN']) {
    await page.evaluate(() => performance.clearMeasures('hocba:gradebook-open'));
    const classParam = /class=([^&]+)/.exec(new URL(page.url()).hash)?.[1] ?? '';
    await page.evaluate(
      ({ cls, per }) => (window.location.hash = `#/gradebook?class=${cls}&row=toan&period=${per}`),
      { cls: classParam, per: period },
    );
    await page.getByRole('grid').waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('hocba:gradebook-open').length > 0);
    opens.push((await measures(page, 'hocba:gradebook-open'))[0]?.duration ?? Number.NaN);
  }
  return { size: target.size, opens };
}

/** Types `count` values into the grade book, one every `paceMs` (0: without pause). */
async function typeEdits(page: Page, size: number, count: number, paceMs: number): Promise<TypingRun> {
  await page.evaluate(() => {
    performance.clearMeasures('hocba:edit');
    performance.clearMeasures('hocba:edit-paint');
  });
  const shown = await page
    .locator('[role="gridcell"][data-column="level"]')
    .evaluateAll((cells) => cells.map((cell) => cell.textContent.trim()));
  if (shown.length !== size) throw new Error(`the grade book shows ${shown.length} rows, expected ${size}`);
  const keys = levelsToType(shown, count);
  await page.keyboard.press('Control+Home');
  const start = await pageNow(page);
  for (const [i, key] of keys.entries()) {
    if (i % size === 0 && i > 0) await page.keyboard.press('Control+Home');
    await page.keyboard.press(key);
    if (paceMs > 0) await page.waitForTimeout(paceMs);
  }
  await page.waitForFunction((n) => performance.getEntriesByName('hocba:edit').length >= n, count, {
    timeout: 120_000,
  });
  const end = await pageNow(page);
  // The paint measure lands one frame after the key at most; wait for it only if the app emits it.
  const painted = await page.evaluate(() => performance.getEntriesByName('hocba:edit-paint').length);
  if (painted > 0 && painted < count)
    await page
      .waitForFunction((n) => performance.getEntriesByName('hocba:edit-paint').length >= n, count, {
        timeout: 5_000,
      })
      .catch(() => undefined);
  return {
    stored: (await measures(page, 'hocba:edit')).map((entry) => entry.duration),
    paint: (await measures(page, 'hocba:edit-paint')).map((entry) => entry.duration),
    longTasks: await longTasksBetween(page, start, end),
  };
}

/** The raw IndexedDB limit on the documents the app stored, in the same page. */
async function measureRawLimit(page: Page, options: SchoolRunOptions) {
  const stored = await page.evaluate((name) => {
    const probe = (window as ProbeWindow).__hocbaBench;
    if (!probe) throw new Error('the bench probe is not installed');
    return probe.readStoredSchool(name);
  }, sampleDatabaseName);
  options.log(
    `  raw limit: read ${stored.documents.toLocaleString('en-US')} documents and ${stored.auditEvents.toLocaleString('en-US')} audit events back from ${stored.databases} IndexedDB databases`,
  );
  const rawBulk = await page.evaluate((batch) => {
    const probe = (window as ProbeWindow).__hocbaBench;
    if (!probe) throw new Error('the bench probe is not installed');
    return probe.rawBulk(batch);
  }, options.rawBatch);
  const singles = (count: number, paceMs: number, round: string) =>
    page.evaluate(
      (args) => {
        const probe = (window as ProbeWindow).__hocbaBench;
        if (!probe) throw new Error('the bench probe is not installed');
        return probe.rawSingles(args);
      },
      { count, paceMs, round },
    );
  const rawFast = await singles(options.edits, 0, 'fast');
  const rawPaced = await singles(options.pacedEdits, options.paceMs, 'paced');
  const rawDropped = await page.evaluate(() => {
    const probe = (window as ProbeWindow).__hocbaBench;
    if (!probe) throw new Error('the bench probe is not installed');
    return probe.dropRaw();
  });
  return { stored, rawBulk, rawFast, rawPaced, rawDropped };
}

/**
 * One school in a fresh browser profile (the trial's database name is fixed): the trial, the
 * grade book typed into, the renderer's memory with the school open, then the raw limit.
 */
export async function runSchool(options: SchoolRunOptions): Promise<SchoolRun> {
  const browser = await openBrowser();
  const { page } = browser;
  page.setDefaultTimeout(120_000);
  try {
    await browser.context.addInitScript({ content: options.probeScript });
    await page.goto(options.pageUrl);
    const longTasksSupported = await page.evaluate(
      () => (window as ProbeWindow).__hocbaBench?.longTasksSupported ?? false,
    );
    options.log(`${options.students} students: starting the sample trial…`);
    const trial = await startTrial(page, options.students, options.log);
    options.log(
      `  seeded ${trial.seedDocuments.toLocaleString('en-US')} documents in ${(trial.seedMs / 1000).toFixed(1)} s; opening the grade book…`,
    );
    const gradebook = await openGradebook(page);
    await page.getByRole('grid').click();
    options.log(`  typing ${options.edits} edits without pause…`);
    const fast = await typeEdits(page, gradebook.size, options.edits, 0);
    options.log(`  typing ${options.pacedEdits} edits, one every ${options.paceMs} ms…`);
    const paced = await typeEdits(page, gradebook.size, options.pacedEdits, options.paceMs);
    options.log(
      `  key → stored p95: ${percentile(paced.stored, 95).toFixed(1)} ms paced; measuring memory and the raw limit…`,
    );
    const memory = await measureRendererMemory(page);
    const raw = await measureRawLimit(page, options);
    return {
      students: options.students,
      chromium: browser.context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent)),
      ...trial,
      longTasksSupported,
      gradebookSize: gradebook.size,
      opens: gradebook.opens,
      fast,
      paced,
      memory,
      ...raw,
      problems: browser.problems,
    };
  } finally {
    await browser.close();
  }
}
