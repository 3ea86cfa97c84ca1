/** What the in-page probe (`pageProbe.ts`) offers the benchmark, as `window.__hocbaBench`. */

export type LongTask = { readonly start: number; readonly duration: number };

/** The app's stored school as read back raw from its IndexedDB databases. */
export type StoredSchool = {
  /** IndexedDB databases of the app's RxDB database (one per collection), RxDB's own included. */
  readonly databases: number;
  /** Live documents per collection (audit events aside). */
  readonly collections: Readonly<Record<string, number>>;
  /** Document+event pairs the raw writes use. */
  readonly documents: number;
  readonly auditEvents: number;
  /** Documents without their creation event (paired with another event so each pair has one). */
  readonly unpaired: number;
};

export type RawBulkResult = {
  readonly pairs: number;
  /** Pairs a transaction. */
  readonly batchSize: number;
  readonly milliseconds: number;
  /** The transactions' durability as the browser reports it (the default, not asked for). */
  readonly durability: string;
};

export type RawSingleOptions = {
  readonly count: number;
  /** Pause after each transaction (0: back to back). */
  readonly paceMs: number;
  /** Distinguishes the audit event keys of successive runs. */
  readonly round: string;
};

export type PageProbe = {
  readonly longTasksSupported: boolean;
  /** Long tasks (page clock) overlapping [start, end). */
  readonly longTasksBetween: (start: number, end: number) => LongTask[];
  /** Reads every document and audit event of the RxDB database `databaseName`, raw. */
  readonly readStoredSchool: (databaseName: string) => Promise<StoredSchool>;
  /** Writes the pairs read into a fresh throwaway database, `batchSize` pairs a transaction. */
  readonly rawBulk: (batchSize: number) => Promise<RawBulkResult>;
  /** One transaction per document+event pair on the filled throwaway database; milliseconds each. */
  readonly rawSingles: (options: RawSingleOptions) => Promise<number[]>;
  /** Deletes the throwaway database and forgets the pairs; true when it is gone. */
  readonly dropRaw: () => Promise<boolean>;
};

/** The page's window with the probe installed. */
export type ProbeWindow = Window & { __hocbaBench?: PageProbe };
