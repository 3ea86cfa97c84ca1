import { useCallback, useEffect, useRef, useState } from 'react';
import { registerUnsavedWork } from '../../data/unsaved/unsavedWork';
import { WriteRefused } from '../../data/writes/writeContext';
import type { EditOutcome } from './usePendingCells';

export type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly at: Date }
  | { readonly kind: 'failed'; readonly message: string };

const unexpected = 'Lỗi không mong muốn khi ghi vào máy. Hãy thử lại.';
const undoDepth = 100;

/** One edit waiting to be saved: its cells, their values before (for undo), and when it was made. */
type PendingEdit<W> = {
  readonly cells: readonly W[];
  readonly previous: readonly W[] | undefined;
  readonly startedAt: number;
  readonly done: (outcome: EditOutcome) => void;
};

/**
 * Saves edits in the order they were made, shows whether they are saved, and keeps the previous
 * values of each edit so Ctrl+Z can write them back. Edits made while a save is running are saved
 * together in the next one (one lock, one transaction per collection), so fast typing or a long
 * paste never builds a queue; if that combined save is refused, each edit is retried on its own,
 * so one refused cell does not take its neighbours down with it. Each edit is timed
 * (`hocba:edit`, from the keystroke to the value stored) for the grade book benchmark.
 */
/**
 * Shows cells an undo is about to write back (the screen's pending display); returns what to
 * call when that write settles.
 */
export type ShowUndo<W> = (cells: readonly W[]) => (outcome: EditOutcome) => void;

export function useQueuedWrites<W>(write: (cells: readonly W[]) => Promise<unknown>, showUndo?: ShowUndo<W>) {
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const pending = useRef<PendingEdit<W>[]>([]);
  const running = useRef<Promise<void> | undefined>(undefined);
  const undoStack = useRef<(readonly W[])[]>([]);
  const writeRef = useRef(write);
  const showUndoRef = useRef(showUndo);
  useEffect(() => {
    writeRef.current = write;
    showUndoRef.current = showUndo;
  }, [write, showUndo]);

  const settle = useCallback((edits: readonly PendingEdit<W>[]) => {
    const end = performance.now();
    for (const edit of edits) {
      performance.measure('hocba:edit', {
        start: edit.startedAt,
        end,
        detail: { cells: edit.cells.length, batched: edits.length },
      });
      if (edit.previous) {
        undoStack.current.push(edit.previous);
        if (undoStack.current.length > undoDepth) undoStack.current.shift();
      }
      edit.done('saved');
    }
  }, []);

  const drainAll = useCallback(async () => {
    // No yield before the first write: its lock request leaves during the key's own handler, so
    // the wait for it overlaps React drawing the typed value. (`running` is set before this
    // finishes: the write always awaits the lock.)
    let failure: string | undefined;
    try {
      while (pending.current.length > 0) {
        const batch = pending.current.splice(0, pending.current.length);
        try {
          await writeRef.current(batch.flatMap((edit) => edit.cells));
          settle(batch);
        } catch (error) {
          if (batch.length === 1) {
            failure = error instanceof WriteRefused ? error.message : unexpected;
            batch[0]?.done('refused');
            continue;
          }
          for (const edit of batch) {
            try {
              await writeRef.current(edit.cells);
              settle([edit]);
            } catch (single) {
              failure = single instanceof WriteRefused ? single.message : unexpected;
              edit.done('refused');
            }
          }
        }
      }
    } finally {
      running.current = undefined;
    }
    setSaveState(
      failure === undefined ? { kind: 'saved', at: new Date() } : { kind: 'failed', message: failure },
    );
  }, [settle]);

  /** Starts saving unless a save is running (it picks up what is pending when it is done). */
  const drain = useCallback(() => {
    running.current ??= drainAll();
  }, [drainAll]);

  const enqueue = useCallback(
    (cells: readonly W[], previous: readonly W[] | undefined, startedAt: number) =>
      new Promise<EditOutcome>((resolve) => {
        setSaveState({ kind: 'saving' });
        pending.current.push({ cells, previous, startedAt, done: resolve });
        drain();
      }),
    [drain],
  );

  /**
   * Saves `cells`; `previous` are the same cells' values before, for undo. Resolves once settled:
   * `saved` when durable, `refused` when not stored. `keyAt` is when the key was pressed.
   */
  const save = useCallback(
    (cells: readonly W[], previous: readonly W[], keyAt: number = performance.now()) =>
      enqueue(cells, previous, keyAt),
    [enqueue],
  );

  // Closing the window waits for queued edits (see closeGuard.ts); a screen that closes keeps
  // holding it until its last edit is stored.
  useEffect(
    () =>
      registerUnsavedWork({
        hasUnsaved: () => pending.current.length > 0 || running.current !== undefined,
        flush: async () => {
          while (running.current) await running.current;
        },
      }),
    [],
  );

  /** Writes back the values before the last saved edit; false when there is nothing to undo. */
  const undo = useCallback(async (): Promise<boolean> => {
    while (running.current) await running.current;
    const previous = undoStack.current.pop();
    if (!previous) return false;
    // The values written back are shown at once, like typed ones: the screen may still be
    // showing the undone value it drew while that was saved.
    const settle = showUndoRef.current?.(previous);
    const outcome = await enqueue(previous, undefined, performance.now());
    settle?.(outcome);
    return true;
  }, [enqueue]);

  return { saveState, save, undo };
}
