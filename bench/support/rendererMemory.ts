import { readdir, readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

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

type ProcessInfo = {
  readonly pid: number;
  readonly ppid: number;
  readonly cmdline: string;
  readonly cpuSeconds: number;
};

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const ticksPerSecond = 100;

async function readProcess(pid: number): Promise<ProcessInfo | undefined> {
  try {
    const [stat, cmdline] = await Promise.all([
      readFile(`/proc/${pid}/stat`, 'utf8'),
      readFile(`/proc/${pid}/cmdline`, 'utf8'),
    ]);
    // `pid (comm) state ppid … utime stime …`; comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      pid,
      ppid: Number(fields[1]),
      cmdline: cmdline.replaceAll('\0', ' '),
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond,
    };
  } catch {
    return undefined; // the process ended while we looked
  }
}

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
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const processes = (await Promise.all(pids.map(readProcess))).filter(
    (info): info is ProcessInfo => info !== undefined,
  );
  const children = new Map<number, ProcessInfo[]>();
  for (const info of processes) children.set(info.ppid, [...(children.get(info.ppid) ?? []), info]);
  const renderers: RendererProcess[] = [];
  const queue = [process.pid];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    for (const child of children.get(pid) ?? []) {
      if (child.cmdline.includes('--type=renderer'))
        renderers.push({
          pid: child.pid,
          ...(await residentMb(child.pid)),
          browserUi: child.cmdline.includes('--top-chrome-webui'),
          cpuSeconds: child.cpuSeconds,
        });
      queue.push(child.pid);
    }
  }
  return renderers;
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
