import { afterEach, describe, expect, it } from 'vitest';
import { installCloseGuard } from './closeGuard';
import { registerUnsavedWork, hasUnsavedWork } from './unsavedWork';

/** A holder whose save finishes when the test says so: the state "typed, not stored yet". */
function heldSave() {
  let unsaved = true;
  let finish: () => void = () => undefined;
  const stored = new Promise<void>((resolve) => {
    finish = () => {
      unsaved = false;
      resolve();
    };
  });
  const unregister = registerUnsavedWork({ hasUnsaved: () => unsaved, flush: () => stored });
  return { finish, unregister, stored };
}

const beforeUnload = () => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event;
};

describe('the close guard (Chromium)', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('lets the window go when nothing typed is waiting', () => {
    let closed = 0;
    cleanups.push(installCloseGuard(window, () => (closed += 1)));
    expect(beforeUnload().defaultPrevented).toBe(false);
    expect(closed).toBe(0);
  });

  it('refuses to unload while a save is on its way, and closes the window once it is stored', async () => {
    let closes = 0;
    const closed = new Promise<void>((resolve) =>
      cleanups.push(
        installCloseGuard(window, () => {
          closes += 1;
          resolve();
        }),
      ),
    );
    const save = heldSave();
    cleanups.push(save.unregister);

    expect(beforeUnload().defaultPrevented).toBe(true);
    // A second attempt meanwhile is refused too, and does not start a second close.
    expect(beforeUnload().defaultPrevented).toBe(true);
    await Promise.resolve();
    expect(closes).toBe(0);

    save.finish();
    await closed;
    expect(closes).toBe(1);
    expect(hasUnsavedWork()).toBe(false);
    expect(beforeUnload().defaultPrevented).toBe(false);
  });

  it('keeps holding after the screen that made the edit closed, until its save is stored', async () => {
    const closed = new Promise<void>((resolve) => cleanups.push(installCloseGuard(window, resolve)));
    const save = heldSave();
    save.unregister();
    expect(hasUnsavedWork()).toBe(true);
    expect(beforeUnload().defaultPrevented).toBe(true);
    save.finish();
    await closed;
    expect(hasUnsavedWork()).toBe(false);
  });
});
