export type RecordSigningErrorCode =
  | 'not-a-record'
  | 'draft'
  | 'no-signature-box'
  | 'already-signed'
  | 'not-named'
  | 'someone-else'
  | 'verification-failed'
  | 'no-certificate'
  | 'ambiguous-certificate'
  | 'unsupported-key'
  /** The stored file failed its seal's check (changed on disk, or another desktop's). */
  | 'file-unreadable';

/** A refusal about one record file or the chosen certificate, with a Vietnamese message. */
export class RecordSigningError extends Error {
  override readonly name = 'RecordSigningError';

  constructor(
    readonly code: RecordSigningErrorCode,
    message: string,
  ) {
    super(message);
  }
}
