import { useEffect, useRef } from 'react';
import { useIpc } from '../../ipc/IpcContext';

/** After a failed wait (main busy or restarting), the next one after this pause. */
const retryMs = 3000;

/**
 * Hot-plug: while the screen that shows tokens is open, it waits on main's token:watch, which
 * answers when a USB token is plugged in or pulled out (main's poller looks every few seconds,
 * and only while someone waits); `onChange` runs for each answer that brings news, the first
 * one included (something may have changed since the tokens were last listed).
 */
export function useTokenChanges(onChange: () => void): void {
  const ipc = useIpc();
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  useEffect(() => {
    // Leaving the screen closes the held request: over the bridge it would otherwise keep one of
    // the browser's few connections to main busy until main answers.
    const stop = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    let since: number | undefined;
    const wait = () => {
      void ipc.invoke('token:watch', since === undefined ? {} : { since }, stop.signal).then((result) => {
        if (stop.signal.aborted) return;
        if (!result.ok) {
          retry = setTimeout(wait, retryMs);
          return;
        }
        if (result.value.generation !== since) changed.current();
        since = result.value.generation;
        wait();
      });
    };
    wait();
    return () => {
      stop.abort();
      if (retry !== undefined) clearTimeout(retry);
    };
  }, [ipc]);
}
