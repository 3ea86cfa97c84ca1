import { describe, expect, it } from 'vitest';
import { tokenFlags } from './pkcs11Codes';
import { pinStateFromFlags } from './pinState';
import { tokenStrings } from './strings';

// SoftHSM only ever sets COUNT_LOW (tests/integration/token.test.ts); this table covers what real CA tokens report.
const base =
  tokenFlags.CKF_TOKEN_INITIALIZED | tokenFlags.CKF_LOGIN_REQUIRED | tokenFlags.CKF_USER_PIN_INITIALIZED;

describe('pinStateFromFlags', () => {
  it('is quiet for a healthy token', () => {
    expect(pinStateFromFlags(base)).toEqual({ status: 'ok', warning: undefined, mustChange: false });
  });

  it('warns at count low', () => {
    const state = pinStateFromFlags(base | tokenFlags.CKF_USER_PIN_COUNT_LOW);
    expect(state.status).toBe('count-low');
    expect(state.warning).toBe(tokenStrings.pinCountLow);
    expect(state.warning?.startsWith('Bạn đã nhập sai mã PIN; còn ít lần thử')).toBe(true);
  });

  it('warns harder at the final try, even with count low set too', () => {
    const state = pinStateFromFlags(
      base | tokenFlags.CKF_USER_PIN_COUNT_LOW | tokenFlags.CKF_USER_PIN_FINAL_TRY,
    );
    expect(state.status).toBe('final-try');
    expect(state.warning?.startsWith('Đây là lần thử cuối cùng')).toBe(true);
  });

  it('reports locked above everything else', () => {
    const all =
      base |
      tokenFlags.CKF_USER_PIN_COUNT_LOW |
      tokenFlags.CKF_USER_PIN_FINAL_TRY |
      tokenFlags.CKF_USER_PIN_LOCKED;
    expect(pinStateFromFlags(all)).toEqual({
      status: 'locked',
      warning: tokenStrings.pinLocked,
      mustChange: false,
    });
  });

  it('passes on a PIN the CA wants changed', () => {
    expect(pinStateFromFlags(base | tokenFlags.CKF_USER_PIN_TO_BE_CHANGED).mustChange).toBe(true);
  });

  it('ignores the security officer PIN bits', () => {
    const soCountLow = 0x100000;
    const soFinalTry = 0x200000;
    const soLocked = 0x400000;
    expect(pinStateFromFlags(base | soCountLow | soFinalTry | soLocked).status).toBe('ok');
  });
});
