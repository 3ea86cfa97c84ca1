import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { registerUnsavedWork } from '../../data/unsaved/unsavedWork';
import type { EditOutcome } from '../gradebook/usePendingCells';

/** How long typing must pause before the comment is stored (a save per pause, not per key). */
const pauseBeforeSave = 600;

export type DraftState = 'unchanged' | 'typing' | 'saving' | 'saved' | 'refused';

/**
 * A comment written in a text box, saved as the teacher types: after each pause, when the box
 * loses focus, when a suggestion is picked, when the teacher moves to another cell (unmount) and
 * before the window closes. Each save is one audited write of the whole text. A stored comment
 * that changes elsewhere replaces the text only while the teacher has nothing unsaved in it.
 */
export function useCommentDraft(stored: string, save: (text: string) => Promise<EditOutcome>) {
  const [text, setText] = useState(stored);
  const [state, setState] = useState<DraftState>('unchanged');
  const latest = useRef(stored);
  const handedOver = useRef(stored);
  const inFlight = useRef<Promise<void> | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  useLayoutEffect(() => {
    saveRef.current = save;
  }, [save]);

  // A stored comment that changed elsewhere replaces the text, before the frame is drawn, unless
  // the teacher has something of their own in the box.
  useLayoutEffect(() => {
    const idle = latest.current === handedOver.current && inFlight.current === undefined;
    if (!idle || latest.current === stored) return;
    latest.current = stored;
    handedOver.current = stored;
    setText(stored);
  }, [stored]);

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const value = latest.current;
    if (value === handedOver.current) return inFlight.current ?? Promise.resolve();
    handedOver.current = value;
    setState('saving');
    const run: Promise<void> = saveRef.current(value).then((outcome) => {
      if (inFlight.current === run) inFlight.current = undefined;
      if (latest.current === value) setState(outcome === 'saved' ? 'saved' : 'refused');
    });
    inFlight.current = run;
    return run;
  }, []);

  useEffect(
    () =>
      registerUnsavedWork({
        hasUnsaved: () => latest.current !== handedOver.current || inFlight.current !== undefined,
        flush,
      }),
    [flush],
  );

  const edit = useCallback(
    (value: string) => {
      latest.current = value;
      setText(value);
      setState(value === handedOver.current ? 'saved' : 'typing');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), pauseBeforeSave);
    },
    [flush],
  );

  /** Replaces the text (a picked suggestion) and stores it at once. */
  const replace = useCallback(
    (value: string) => {
      latest.current = value;
      setText(value);
      void flush();
    },
    [flush],
  );

  return { text, state, edit, replace, flush };
}
