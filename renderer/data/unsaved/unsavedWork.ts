/**
 * Everything the teacher typed that is not stored yet: queued grade-book edits, a comment being
 * written. Each holder registers here, so closing or reloading the window can wait for all of it
 * instead of throwing it away (issue 10, point 1).
 */
export type UnsavedWorkHolder = {
  /** True while something shown to the teacher is not stored (or not yet refused). */
  readonly hasUnsaved: () => boolean;
  /** Starts storing now (a comment's pause is not waited for); settles when stored or refused. */
  readonly flush: () => Promise<void>;
};

const holders = new Set<UnsavedWorkHolder>();

/**
 * Registers a holder; the returned function (a component's unmount) flushes it and lets it go
 * only once it is stored, so work still in flight when a screen closes keeps holding the window.
 */
export function registerUnsavedWork(holder: UnsavedWorkHolder): () => void {
  holders.add(holder);
  return () => {
    void holder
      .flush()
      .catch(() => undefined)
      .finally(() => holders.delete(holder));
  };
}

export function hasUnsavedWork(): boolean {
  for (const holder of holders) if (holder.hasUnsaved()) return true;
  return false;
}

/**
 * Stores everything pending, again and again until nothing is: a flush can leave new work behind
 * (a comment's save queued behind the grid's). A holder whose save fails still settles, so this
 * ends; what was refused stays on screen with its reason.
 */
export async function flushUnsavedWork(): Promise<void> {
  for (let round = 0; hasUnsavedWork(); round += 1) {
    const pending = [...holders].filter((holder) => holder.hasUnsaved());
    await Promise.all(pending.map((holder) => holder.flush().catch(() => undefined)));
    // A holder that stays unsaved after settling (refused and kept for the teacher) must not
    // hold the window forever.
    if (round > 20) return;
  }
}
