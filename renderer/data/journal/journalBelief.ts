import type {
  CommittedWrite,
  JournalDocumentState,
  KnownJournal,
  StoredChainHead,
  VersionMove,
} from './journalStore';

/**
 * What this page believes its journal holds at one version: every device head and every state
 * not yet in RxDB. It lets a save be computed before its transaction and written without reading
 * (`JournalStore.commitAssuming`), which the journal refuses when its version moved on meanwhile.
 * The belief follows only the changes this page made itself, each from the version it knew; any
 * other change (another window, a bulk writer) leaves it unknown until the next save reads the
 * journal again. Only a hint: never trusted without the version check.
 */
export class JournalBelief {
  /** The journal's version this belief describes (undefined: not known). */
  private known: number | undefined;
  private readonly heads = new Map<string, StoredChainHead>();
  private readonly entries = new Map<
    string,
    { readonly entryId: number; readonly state: JournalDocumentState }
  >();

  /** The version a save may assume, if the belief is known and holds the device's head. */
  versionFor(deviceId: string): number | undefined {
    return this.heads.has(deviceId) ? this.known : undefined;
  }

  headOf(deviceId: string): StoredChainHead | undefined {
    return this.heads.get(deviceId);
  }

  statesOf(keys: readonly string[]): Map<string, JournalDocumentState> {
    const states = new Map<string, JournalDocumentState>();
    for (const key of keys) {
      const known = this.entries.get(key);
      if (known) states.set(key, known.state);
    }
    return states;
  }

  /** All the journal holds, as a save that read it found it. */
  learn(journal: KnownJournal): void {
    this.known = journal.version;
    this.heads.clear();
    for (const head of journal.heads) this.heads.set(head.deviceId, head);
    this.entries.clear();
    for (const document of journal.documents)
      this.entries.set(document.key, { entryId: document.entryId, state: document.state });
  }

  /** This page's save, assumed or read, is in the journal. */
  noteCommitted({ write, entryId, from }: CommittedWrite): void {
    if (!this.follows({ from })) return;
    this.heads.set(write.head.deviceId, write.head);
    for (const document of write.documents)
      this.entries.set(`${document.collectionName}/${document.docId}`, { entryId, state: document.state });
  }

  /** This page moved the device's head (events placed again after RxDB's chain). */
  noteHead(move: VersionMove, head: StoredChainHead): void {
    if (this.follows(move)) this.heads.set(head.deviceId, head);
  }

  /** This page dropped entries up to `lastEntryId` (they are in RxDB now). */
  noteForgotten(move: VersionMove, lastEntryId: number): void {
    if (!this.follows(move)) return;
    for (const [key, known] of this.entries) if (known.entryId <= lastEntryId) this.entries.delete(key);
  }

  /** The journal changed in a way this page cannot follow (a bulk writer, an error): read it again. */
  forget(): void {
    this.known = undefined;
  }

  /** Moves the belief to the next version if it described the one the change started from. */
  private follows({ from }: VersionMove): boolean {
    if (this.known !== from) {
      this.known = undefined;
      return false;
    }
    this.known = from + 1;
    return true;
  }
}
