import type { CommittedWrite, JournalDocumentState, StoredChainHead } from './journalStore';

/**
 * What this page believes its journal holds: the device's chain head and the states it saved that
 * RxDB does not have yet. It lets a save be computed before its transaction and written in one
 * round trip; the transaction checks the belief and falls back to reading when another window
 * changed the journal. Only a hint: never trusted without that check.
 */
export class JournalBelief {
  head: StoredChainHead | undefined;
  /** The journal's `forgotten` mark as this page last knew it (undefined: not known). */
  forgotten: number | undefined;
  private readonly entries = new Map<
    string,
    { readonly entryId: number; readonly state: JournalDocumentState }
  >();

  statesOf(keys: readonly string[]): Map<string, JournalDocumentState> {
    const states = new Map<string, JournalDocumentState>();
    for (const key of keys) {
      const known = this.entries.get(key);
      if (known) states.set(key, known.state);
    }
    return states;
  }

  entryIdsOf(keys: readonly string[]): Map<string, number | undefined> {
    return new Map(keys.map((key) => [key, this.entries.get(key)?.entryId]));
  }

  noteCommitted({ write, entryId }: CommittedWrite): void {
    this.head = write.head;
    for (const document of write.documents)
      this.entries.set(`${document.collectionName}/${document.docId}`, { entryId, state: document.state });
  }

  /** The journal dropped entries up to `lastEntryId` (they are in RxDB now). */
  forgetUpTo(lastEntryId: number): void {
    for (const [key, known] of this.entries) if (known.entryId <= lastEntryId) this.entries.delete(key);
  }
}
