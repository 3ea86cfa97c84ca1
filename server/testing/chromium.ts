/**
 * Debian's Chromium, launched the way this machine requires: headless, no sandbox (root), and no
 * background networking (the closed network would refuse those connections at every start). The
 * server's page tests and the desktop's tests (tests/support/chromium.ts) launch it alike.
 */
export const chromiumPath = process.env.HOCBA_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs: string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
