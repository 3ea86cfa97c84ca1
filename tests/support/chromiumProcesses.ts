import { readdir, readFile } from 'node:fs/promises';

/** One process as /proc shows it (Linux). */
export type ProcessEntry = {
  readonly pid: number;
  readonly ppid: number;
  /** Arguments joined by spaces. */
  readonly cmdline: string;
  /** CPU time used so far (user + system), in clock ticks. */
  readonly cpuTicks: number;
};

async function readEntry(pid: number): Promise<ProcessEntry | undefined> {
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
      cpuTicks: Number(fields[11]) + Number(fields[12]),
    };
  } catch {
    return undefined; // ended while we looked
  }
}

async function allProcesses(): Promise<ProcessEntry[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  return (await Promise.all(pids.map(readEntry))).filter((entry) => entry !== undefined);
}

/** Every live process below `pid` (children, their children…), parents before children. */
export async function descendantsOf(pid: number): Promise<ProcessEntry[]> {
  const processes = await allProcesses();
  const children = new Map<number, ProcessEntry[]>();
  for (const entry of processes) children.set(entry.ppid, [...(children.get(entry.ppid) ?? []), entry]);
  const found: ProcessEntry[] = [];
  const queue = [pid];
  for (let next = queue.shift(); next !== undefined; next = queue.shift())
    for (const child of children.get(next) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  return found;
}

/**
 * Every live process of a Chromium profile: the browser's descendants now, and any process whose
 * command line names the profile (a child the browser started after an earlier look, or one left
 * behind by an earlier browser on the same profile, reparented when that browser died). Such a
 * leftover holds the profile's storage (the StorageService owns IndexedDB's files) while the next
 * browser opens it.
 */
export async function processesOfProfile(browserPid: number, profileDir: string): Promise<ProcessEntry[]> {
  const found = new Map((await descendantsOf(browserPid)).map((entry) => [entry.pid, entry]));
  for (const entry of await allProcesses())
    if (entry.pid !== browserPid && entry.cmdline.includes(`--user-data-dir=${profileDir}`))
      found.set(entry.pid, entry);
  return [...found.values()];
}

/**
 * The browser process of the Chromium this Node process launched on `profileDir`: our descendant
 * whose command line names that user-data-dir and is no child process type (`--type=`).
 */
export async function browserProcessOf(profileDir: string): Promise<ProcessEntry> {
  const browsers = (await descendantsOf(process.pid)).filter(
    (entry) => entry.cmdline.includes(`--user-data-dir=${profileDir}`) && !entry.cmdline.includes('--type='),
  );
  const [browser, ...others] = browsers;
  if (!browser || others.length > 0)
    throw new Error(`expected one Chromium browser process on ${profileDir}, found ${browsers.length}`);
  return browser;
}

/**
 * The renderer process of the browser's only web page: of its web-page renderers (not the
 * browser's own WebUI, `--top-chrome-webui`), the one that has used the most CPU, since the other
 * one is a spare renderer that has run nothing. Whoever kills it confirms the guess by the page's
 * `crash` event.
 */
export async function pageRendererOf(browserPid: number): Promise<ProcessEntry> {
  const renderers = (await descendantsOf(browserPid)).filter(
    (entry) => entry.cmdline.includes('--type=renderer') && !entry.cmdline.includes('--top-chrome-webui'),
  );
  const [busiest] = renderers.sort((a, b) => b.cpuTicks - a.cpuTicks);
  if (!busiest) throw new Error(`Chromium ${browserPid} has no web-page renderer`);
  return busiest;
}

/** SIGKILL to `pid`; a process already gone is fine. */
export function killHard(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/**
 * Resolves once `pid` has ended: gone from /proc, or (`zombieIsEnded`, for a child of a dead
 * parent that nobody reaps) a zombie. Polled: the kernel offers no signal for another's process.
 */
export async function ended(pid: number, zombieIsEnded: boolean): Promise<void> {
  for (;;) {
    let state: string | undefined;
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    } catch {
      return;
    }
    if (zombieIsEnded && state === 'Z') return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
