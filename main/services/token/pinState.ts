import { hasFlag, tokenFlags } from './pkcs11Codes';
import { tokenStrings } from './strings';

export type PinStatus = 'ok' | 'count-low' | 'final-try' | 'locked';

/**
 * What the token says about its user PIN before a login. `warning` is the Vietnamese sentence to
 * show beside the PIN box; `mustChange` means the CA wants a new PIN (CKF_USER_PIN_TO_BE_CHANGED).
 */
export type PinState = {
  readonly status: PinStatus;
  readonly warning: string | undefined;
  readonly mustChange: boolean;
};

/** Pure reading of CK_TOKEN_INFO.flags; the most severe state wins (locked, final try, count low). */
export function pinStateFromFlags(flags: number): PinState {
  const mustChange = hasFlag(flags, tokenFlags.CKF_USER_PIN_TO_BE_CHANGED);
  if (hasFlag(flags, tokenFlags.CKF_USER_PIN_LOCKED)) {
    return { status: 'locked', warning: tokenStrings.pinLocked, mustChange };
  }
  if (hasFlag(flags, tokenFlags.CKF_USER_PIN_FINAL_TRY)) {
    return { status: 'final-try', warning: tokenStrings.pinFinalTry, mustChange };
  }
  if (hasFlag(flags, tokenFlags.CKF_USER_PIN_COUNT_LOW)) {
    return { status: 'count-low', warning: tokenStrings.pinCountLow, mustChange };
  }
  return { status: 'ok', warning: undefined, mustChange };
}
