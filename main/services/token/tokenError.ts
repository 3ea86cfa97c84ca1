import { ckr, ckrName } from './pkcs11Codes';
import type { PinState } from './pinState';
import { tokenStrings } from './strings';

export type TokenErrorKind =
  | 'pin-incorrect'
  | 'pin-final-try'
  | 'pin-locked'
  | 'pin-invalid'
  | 'pin-expired'
  | 'pin-not-initialized'
  | 'token-removed'
  | 'token-not-recognized'
  | 'slot-not-found'
  | 'wrong-token'
  | 'key-not-found'
  | 'mechanism-unsupported'
  | 'not-logged-in'
  | 'device-error'
  | 'library-load-failed'
  | 'session-closed'
  | 'token-busy'
  | 'cancelled'
  | 'invalid-input'
  | 'unknown';

const messages: Readonly<Record<TokenErrorKind, string>> = {
  'pin-incorrect': tokenStrings.pinIncorrect,
  'pin-final-try': tokenStrings.pinFinalTry,
  'pin-locked': tokenStrings.pinLocked,
  'pin-invalid': tokenStrings.pinInvalid,
  'pin-expired': tokenStrings.pinExpired,
  'pin-not-initialized': tokenStrings.pinNotInitialized,
  'token-removed': tokenStrings.tokenRemoved,
  'token-not-recognized': tokenStrings.tokenNotRecognized,
  'slot-not-found': tokenStrings.slotNotFound,
  'wrong-token': tokenStrings.wrongToken,
  'key-not-found': tokenStrings.keyNotFound,
  'mechanism-unsupported': tokenStrings.mechanismUnsupported,
  'not-logged-in': tokenStrings.notLoggedIn,
  'device-error': tokenStrings.deviceError,
  'library-load-failed': tokenStrings.libraryLoadFailed,
  'session-closed': tokenStrings.sessionClosed,
  'token-busy': tokenStrings.tokenBusy,
  cancelled: tokenStrings.cancelled,
  'invalid-input': tokenStrings.invalidInput,
  unknown: tokenStrings.unknown,
};

/** Kinds after which the same work can be retried once the user has plugged the token back in and logged in again. */
const resumableKinds: ReadonlySet<TokenErrorKind> = new Set([
  'token-removed',
  'session-closed',
  'device-error',
]);

/**
 * A token failure the user can act on: `message` is the Vietnamese sentence to show, `code` the
 * technical PKCS#11 name to log (it carries no personal data), `pinState` the PIN counters read
 * right after a failed login, so the UI can say how careful to be on the next try.
 */
export class TokenError extends Error {
  override readonly name = 'TokenError';
  readonly kind: TokenErrorKind;
  readonly code: string | undefined;
  readonly pinState: PinState | undefined;
  readonly resumable: boolean;

  constructor(
    kind: TokenErrorKind,
    details: { readonly code?: string; readonly pinState?: PinState; readonly cause?: unknown } = {},
  ) {
    super(messages[kind], details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.code = details.code;
    this.pinState = details.pinState;
    this.resumable = resumableKinds.has(kind);
  }
}

/** The user-facing kind for a PKCS#11 return value. Pure: the table the whole service relies on. */
export function tokenErrorKindForCkr(code: number): TokenErrorKind {
  switch (code) {
    case ckr.CKR_PIN_INCORRECT:
      return 'pin-incorrect';
    case ckr.CKR_PIN_LOCKED:
      return 'pin-locked';
    case ckr.CKR_PIN_INVALID:
    case ckr.CKR_PIN_LEN_RANGE:
      return 'pin-invalid';
    case ckr.CKR_PIN_EXPIRED:
      return 'pin-expired';
    case ckr.CKR_USER_PIN_NOT_INITIALIZED:
      return 'pin-not-initialized';
    case ckr.CKR_TOKEN_NOT_PRESENT:
    case ckr.CKR_DEVICE_REMOVED:
    case ckr.CKR_SESSION_HANDLE_INVALID:
    case ckr.CKR_SESSION_CLOSED:
    case ckr.CKR_CRYPTOKI_NOT_INITIALIZED:
      // A finalised module looks the same to the user as a pulled token: reconnect, log in again.
      return 'token-removed';
    case ckr.CKR_TOKEN_NOT_RECOGNIZED:
      return 'token-not-recognized';
    case ckr.CKR_SLOT_ID_INVALID:
      return 'slot-not-found';
    case ckr.CKR_KEY_HANDLE_INVALID:
    case ckr.CKR_OBJECT_HANDLE_INVALID:
      return 'key-not-found';
    case ckr.CKR_MECHANISM_INVALID:
    case ckr.CKR_MECHANISM_PARAM_INVALID:
    case ckr.CKR_KEY_TYPE_INCONSISTENT:
    case ckr.CKR_KEY_FUNCTION_NOT_PERMITTED:
      return 'mechanism-unsupported';
    case ckr.CKR_USER_NOT_LOGGED_IN:
      return 'not-logged-in';
    case ckr.CKR_DEVICE_ERROR:
    case ckr.CKR_DEVICE_MEMORY:
    case ckr.CKR_GENERAL_ERROR:
    case ckr.CKR_FUNCTION_FAILED:
      return 'device-error';
    case ckr.CKR_CANCEL:
    case ckr.CKR_FUNCTION_CANCELED:
      return 'cancelled';
    default:
      return 'unknown';
  }
}

/** The PKCS#11 return value inside an error thrown by pkcs11js (its Pkcs11Error has a numeric `code`). */
export function ckrOf(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = 'code' in error ? error.code : undefined;
  if (typeof code === 'number' && code > 0) return code;
  // pkcs11js keeps the name in the message ("CKR_PIN_INCORRECT") when its parser missed the number.
  const name = /^(CKR_[A-Z_]+)/.exec(error.message)?.[1];
  if (name !== undefined && name in ckr) return ckr[name as keyof typeof ckr];
  return undefined;
}

/** Wraps anything thrown by pkcs11js (or already a TokenError) into a TokenError. */
export function toTokenError(error: unknown, fallback: TokenErrorKind = 'unknown'): TokenError {
  if (error instanceof TokenError) return error;
  const code = ckrOf(error);
  if (code === undefined) return new TokenError(fallback, { cause: error });
  return new TokenError(tokenErrorKindForCkr(code), { code: ckrName(code), cause: error });
}
