import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/** A value typed into a cell that the stored documents do not show yet. */
type PendingCell = {
  readonly text: string;
  readonly edit: number;
  /** Until its save is durable: the cell says it is not saved yet (aria-busy). */
  readonly saving: boolean;
  /** How many snapshots of the stored data arrived since the save was durable. */
  readonly seenSince: number;
};

/** How a save ended, per edit. */
export type EditOutcome = 'saved' | 'refused';

const normalised = (text: string) => text.normalize('NFC').trim();

function afterSnapshot(
  cells: ReadonlyMap<string, PendingCell>,
  storedText: (key: string) => string,
): ReadonlyMap<string, PendingCell> {
  const next = new Map<string, PendingCell>();
  for (const [key, cell] of cells) {
    if (cell.saving) next.set(key, cell);
    else if (normalised(storedText(key)) === normalised(cell.text) || cell.seenSince >= 2) continue;
    else next.set(key, { ...cell, seenSince: cell.seenSince + 1 });
  }
  return next;
}

/**
 * What the teacher typed, shown at once: each cell's new text is drawn in the frame after the
 * key, marked as not yet saved until its save is durable, and given back to the stored value as
 * soon as the stored documents show it (or a couple of snapshots later, when the save changed it,
 * e.g. trimmed a comment). A refused save gives the cell back at once. Each keyboard edit's
 * key → paint time is measured (`hocba:edit-paint`) for the grade book benchmark.
 */
export function usePendingCells(storedSnapshot: unknown, storedText: (key: string) => string) {
  const [cells, setCells] = useState<ReadonlyMap<string, PendingCell>>(new Map());
  const nextEdit = useRef(1);
  const paintStarts = useRef<number[]>([]);

  // A new snapshot of the stored data: drop what it now shows, age what it does not (adjusted
  // while rendering, React's pattern for state that follows a prop).
  const [seenSnapshot, setSeenSnapshot] = useState(storedSnapshot);
  if (seenSnapshot !== storedSnapshot) {
    setSeenSnapshot(storedSnapshot);
    if (cells.size > 0) setCells(afterSnapshot(cells, storedText));
  }

  // The frame that shows the typed text: measured from the key to that frame's start.
  useLayoutEffect(() => {
    const starts = paintStarts.current.splice(0);
    if (starts.length === 0) return;
    requestAnimationFrame(() => {
      const end = performance.now();
      for (const start of starts) performance.measure('hocba:edit-paint', { start, end });
    });
  }, [cells]);

  /** Shows `texts` (cell key → text) at once; returns the edit's number for `settle`. */
  const begin = useCallback((texts: ReadonlyMap<string, string>, keyAt?: number): number => {
    const edit = nextEdit.current;
    nextEdit.current += 1;
    if (keyAt !== undefined) paintStarts.current.push(keyAt);
    setCells((current) => {
      const next = new Map(current);
      for (const [key, text] of texts) next.set(key, { text, edit, saving: true, seenSince: 0 });
      return next;
    });
    return edit;
  }, []);

  /** The edit's save ended: durable (the cells stop saying "not saved"), or refused (given back). */
  const settle = useCallback((edit: number, outcome: EditOutcome) => {
    setCells((current) => {
      const next = new Map(current);
      for (const [key, cell] of current) {
        if (cell.edit !== edit) continue;
        if (outcome === 'refused') next.delete(key);
        else next.set(key, { ...cell, saving: false });
      }
      return next;
    });
  }, []);

  const text = (key: string): string | undefined => cells.get(key)?.text;
  const isSaving = (key: string): boolean => cells.get(key)?.saving === true;
  return { text, isSaving, begin, settle };
}
