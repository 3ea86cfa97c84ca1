import { useCallback, useEffect, useRef, useState } from 'react';
import { WriteRefused } from '../../data/writes/writeContext';
import { profilesStrings } from './strings';

export type FieldSaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved' }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * The save state of one field: runs a write, shows "Đang lưu…", then "Đã lưu" or why it was
 * refused. Resolves to whether the write succeeded, so the field can keep the typed text on failure.
 */
export function useFieldSave(): [
  FieldSaveState,
  (write: () => Promise<unknown>) => Promise<boolean>,
  (message: string) => void,
  /** Nothing to say any more: the text was put back to what is stored. */
  () => void,
] {
  const [state, setState] = useState<FieldSaveState>({ kind: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(async (write: () => Promise<unknown>): Promise<boolean> => {
    setState({ kind: 'saving' });
    try {
      await write();
      if (mounted.current) setState({ kind: 'saved' });
      return true;
    } catch (error) {
      const message = error instanceof WriteRefused ? error.message : profilesStrings.unexpected;
      if (mounted.current) setState({ kind: 'failed', message });
      return false;
    }
  }, []);
  const fail = useCallback((message: string) => setState({ kind: 'failed', message }), []);
  const clear = useCallback(() => setState({ kind: 'idle' }), []);
  return [state, run, fail, clear];
}
