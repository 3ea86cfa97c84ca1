import { flushUnsavedWork, hasUnsavedWork } from './unsavedWork';

/**
 * Holds the window while anything typed is not stored: `beforeunload` is refused (Electron then
 * keeps the window open without a prompt; a browser asks "Leave site?"), everything is flushed,
 * and the window is closed again once it is stored. Main's window glue lets the user close
 * anyway on a second attempt, so a save that cannot finish never traps them.
 */
export function installCloseGuard(target: Window, closeAgain: () => void): () => void {
  let flushing: Promise<void> | undefined;
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!hasUnsavedWork()) return;
    event.preventDefault();
    flushing ??= flushUnsavedWork().finally(() => {
      flushing = undefined;
      closeAgain();
    });
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}
