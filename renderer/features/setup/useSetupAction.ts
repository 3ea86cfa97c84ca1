import { useState } from 'react';
import { WriteRefused } from '../../data/writes/writeContext';
import { setupStrings } from './strings';

/** What the last action of a section said: done, or why not. */
export type Feedback = { readonly kind: 'ok' | 'error'; readonly text: string };

/**
 * Runs one setup write at a time for a section and keeps its outcome: a refusal shows its own
 * Vietnamese reason; anything else a general message (no technical details on screen).
 */
export function useSetupAction() {
  const [feedback, setFeedback] = useState<Feedback | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>, success: string): Promise<boolean> => {
    setBusy(true);
    setFeedback(undefined);
    try {
      await action();
      setFeedback({ kind: 'ok', text: success });
      return true;
    } catch (error) {
      setFeedback({
        kind: 'error',
        text: error instanceof WriteRefused ? error.message : setupStrings.failed,
      });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { feedback, busy, run };
}
