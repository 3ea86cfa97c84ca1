import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bridgeLauncher, type BridgeLauncher, type BridgeProcess } from './bridgeProcess';
import { openBrowser, type BrowserSession } from './browser';
import { browserProcessOf, ended, killHard, pageRendererOf, processesOfProfile } from './chromiumProcesses';

/**
 * The app as Electron runs it, in pieces a test can kill: the bridge process is main's services,
 * Chromium's browser process is what owns IndexedDB (in Electron, main), and the page's renderer
 * process is the renderer. Both keep their folders across restarts: main's data folder, and
 * Chromium's user-data-dir with the page's IndexedDB (the bridge comes back on the same port, so
 * the page's origin, and with it its databases, stays the same).
 */
export class CrashableApp {
  /** Killed and not started again: nothing left to close. */
  private mainKilled = false;

  private constructor(
    private readonly launcher: BridgeLauncher,
    readonly dataDir: string,
    readonly profileDir: string,
    private bridgeProcess: BridgeProcess,
    private browserSession: BrowserSession,
  ) {}

  static async start(): Promise<CrashableApp> {
    const launcher = await bridgeLauncher();
    const dataDir = await mkdtemp(join(tmpdir(), 'hocba-data-'));
    const profileDir = await mkdtemp(join(tmpdir(), 'hocba-chromium-'));
    const bridge = await launcher.start({ dataDir });
    const browser = await openBrowser({ profileDir });
    return new CrashableApp(launcher, dataDir, profileDir, bridge, browser);
  }

  get page(): Page {
    return this.browserSession.page;
  }

  /** The page to open, with the running bridge's secret. */
  get pageUrl(): string {
    return this.bridgeProcess.pageUrl;
  }

  /**
   * Finds the page's renderer process now, and returns what kills it: SIGKILL, then resolves when
   * Chromium reports the page crashed (the proof that the process killed was the page's). Main
   * and the browser go on. Found ahead, so the kill itself is one system call.
   */
  async armRendererKill(): Promise<() => Promise<void>> {
    const { page } = this;
    const renderer = await pageRendererOf((await browserProcessOf(this.profileDir)).pid);
    return async () => {
      const crashed = new Promise<'crashed'>((resolve) => page.once('crash', () => resolve('crashed')));
      killHard(renderer.pid);
      await ended(renderer.pid, true);
      // A page that still answers once that process is gone was served by another one.
      const answer = page.evaluate(() => 'alive' as const).catch(() => 'crashed' as const);
      if ((await Promise.race([crashed, answer])) === 'alive')
        throw new Error(`renderer ${renderer.pid} was killed, but it was not the page's: the page answers`);
      await crashed;
    };
  }

  /**
   * A new page in the same browser (the crashed one closed) on the app, as a user opens it again:
   * Chromium does not reload a page whose renderer died.
   */
  async openNewPage(): Promise<Page> {
    const crashed = this.page;
    const page = await this.browserSession.context.newPage();
    this.browserSession = { ...this.browserSession, page };
    await crashed.close();
    await page.goto(this.pageUrl);
    return page;
  }

  /**
   * Finds main's processes now, and returns what kills them: SIGKILL to the bridge process and
   * Chromium's browser process at the same moment, then to every process of the profile as it is at
   * that moment (the browser's children, and any that names the profile: Chromium starts helpers
   * after launch); resolves when all have ended (the browser reaped, so its profile lock names a
   * dead process, and no helper still holds the profile's storage when the next browser opens it).
   */
  async armMainKill(): Promise<() => Promise<void>> {
    const browser = await browserProcessOf(this.profileDir);
    const { context } = this.browserSession;
    const bridge = this.bridgeProcess;
    const profileDir = this.profileDir;
    return async () => {
      // Looked up at the kill, not when armed: a helper started meanwhile goes too.
      const helpers = await processesOfProfile(browser.pid, profileDir);
      const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
      killHard(browser.pid);
      const bridgeGone = bridge.kill();
      for (const helper of helpers) killHard(helper.pid);
      this.mainKilled = true;
      await Promise.all([
        closed,
        bridgeGone,
        ended(browser.pid, false),
        ...helpers.map((helper) => ended(helper.pid, true)),
      ]);
      // One that escaped the look above (started in the instant between) is gone before a restart.
      const left = await processesOfProfile(browser.pid, profileDir);
      for (const helper of left) killHard(helper.pid);
      await Promise.all(left.map((helper) => ended(helper.pid, true)));
    };
  }

  /** Main started again on the same folders and port, and a browser on the same profile, on the app. */
  async restartMain(): Promise<Page> {
    // Both at once, as Electron's main and its Chromium come up together.
    const [bridge, browser] = await Promise.all([
      this.launcher.start({ dataDir: this.dataDir, port: this.bridgeProcess.port }),
      openBrowser({ profileDir: this.profileDir }),
    ]);
    this.bridgeProcess = bridge;
    this.browserSession = browser;
    this.mainKilled = false;
    await this.page.goto(this.pageUrl);
    return this.page;
  }

  /** Closes the browser and main as a user would (nothing killed), and opens them again. */
  async restartGracefully(): Promise<Page> {
    await this.browserSession.close();
    await this.bridgeProcess.stop();
    return await this.restartMain();
  }

  /** Ends everything and removes both folders. */
  async close(): Promise<void> {
    if (!this.mainKilled) {
      await this.browserSession.close();
      await this.bridgeProcess.stop();
    }
    await this.launcher.dispose();
    await rm(this.dataDir, { recursive: true, force: true });
    await rm(this.profileDir, { recursive: true, force: true });
  }
}
