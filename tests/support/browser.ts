import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium';

export type BrowserSession = {
  readonly context: BrowserContext;
  /** The user-data-dir: the profile, with its IndexedDB. */
  readonly profileDir: string;
  readonly page: Page;
  /** Console errors, page errors and CSP violations seen so far. */
  readonly problems: string[];
  readonly close: () => Promise<void>;
};

export type OpenBrowserOptions = {
  /**
   * An existing user-data-dir to open again (a browser restarted on the same IndexedDB); it is
   * the caller's, so `close` leaves it in place. Without it, a fresh profile removed by `close`.
   */
  readonly profileDir?: string;
  /** The window's size; 1366×860 unless given (a teacher's small screen is 1024×768). */
  readonly viewport?: { readonly width: number; readonly height: number };
};

/** Debian's Chromium with a fresh profile (a fresh IndexedDB), driven by playwright-core. */
export async function openBrowser(options: OpenBrowserOptions = {}): Promise<BrowserSession> {
  const profile = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'hocba-chromium-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
    viewport: options.viewport ?? { width: 1366, height: 860 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return {
    context,
    profileDir: profile,
    page,
    problems,
    close: async () => {
      await context.close();
      if (options.profileDir === undefined) await rm(profile, { recursive: true, force: true });
    },
  };
}
