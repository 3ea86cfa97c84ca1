export type PdfSigningErrorCode =
  | 'unreadable'
  | 'expired'
  | 'not-yet-valid'
  | 'no-signing-usage'
  | 'wrong-holder'
  | 'empty-chain'
  | 'page-missing'
  | 'already-signed'
  | 'signature-too-large'
  | 'placeholder-missing'
  | 'unsupported-key';

/** A refusal to sign, with a Vietnamese message the user can act on. */
export class PdfSigningError extends Error {
  constructor(
    readonly code: PdfSigningErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PdfSigningError';
  }
}
