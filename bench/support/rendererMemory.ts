import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { descendantsOf } from '../../tests/support/chromiumProcesses';

export type RendererProcess = {
  readonly pid: number;
  /** VmRSS, MB. */
  readonly rssMb: number;
  /** Of which private anonymous memory (RssAnon: heaps, not the mapped Chromium binary), MB. */
  readonly anonMb: number;
  /** The browser's own WebUI (tab strip of the new headless mode), not a web page's renderer. */
  readonly browserUi: boolean;
  /** CPU time used so far (user + system), seconds. */
  readonly cpuSeconds: number;
};

export type RendererMemory = {
  /** The page's renderer: of this browser's web-page renderers, the one that has used the most CPU. */
  readonly page: RendererProcess | undefined;
  /** Every renderer process of this browser. */
  readonly renderers: readonly RendererProcess[];
  /** The page's main-thread V8 heap (CDP `Runtime.getHeapUsage`), MB, before and after a GC. */
  readonly jsHeapUsedMb: number;
  readonly jsHeapTotalMb: number;
  readonly jsHeapUsedAfterGcMb: number;
};

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const ticksPerSecond = 100;

async function residentMb(pid: number): Promise<{ rssMb: number; anonMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const mb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) / 1024;
  return { rssMb: mb('VmRSS'), anonMb: mb('RssAnon') };
}

/**
 * Chromium's renderer processes started by this Node process (Playwright launches Chromium as our
 * child; renderers descend from it through the zygote), so other sessions' browsers never count.
 */
async function ourRenderers(): Promise<RendererProcess[]> {
  const renderers = (await descendantsOf(process.pid)).filter((entry) =>
    entry.cmdline.includes('--type=renderer'),
  );
  return Promise.all(
    renderers.map(async (entry) => ({
      pid: entry.pid,
      ...(await residentMb(entry.pid)),
      browserUi: entry.cmdline.includes('--top-chrome-webui'),
      cpuSeconds: entry.cpuTicks / ticksPerSecond,
    })),
  );
}

/**
 * The renderer's resident memory from /proc (VmRSS, Linux only; it counts shared pages such as the
 * Chromium binary's, so renderers' figures do not add up), and the page's JS heap from CDP. The
 * page's renderer is the one that did the app's work: of the renderers that are not the browser's
 * own WebUI (`--top-chrome-webui`), by far the most CPU time (the other is a spare renderer).
 */
export async function measureRendererMemory(page: Page): Promise<RendererMemory> {
  const session = await page.context().newCDPSession(page);
  try {
    // Resident memory as the teacher's machine holds it: before the forced GC below.
    const renderers = await ourRenderers();
    const before = await session.send('Runtime.getHeapUsage');
    await session.send('HeapProfiler.collectGarbage');
    const after = await session.send('Runtime.getHeapUsage');
    const mb = (bytes: number) => bytes / 1024 / 1024;
    return {
      page: renderers
        .filter((renderer) => !renderer.browserUi)
        .sort((a, b) => b.cpuSeconds - a.cpuSeconds)[0],
      renderers,
      jsHeapUsedMb: mb(before.usedSize),
      jsHeapTotalMb: mb(before.totalSize),
      jsHeapUsedAfterGcMb: mb(after.usedSize),
    };
  } finally {
    await session.detach();
  }
}
