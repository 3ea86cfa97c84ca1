import pkcs11js from 'pkcs11js';
import { describe, expect, it } from 'vitest';
import { ckr, ckrName, slotFlags, tokenFlags } from './pkcs11Codes';
import { tokenStrings } from './strings';
import { TokenError, tokenErrorKindForCkr, toTokenError } from './tokenError';

describe('PKCS#11 numbers', () => {
  it('match the constants pkcs11js exports', () => {
    const exported = pkcs11js as unknown as Record<string, unknown>;
    for (const [name, value] of Object.entries({ ...ckr, ...tokenFlags, ...slotFlags })) {
      expect(exported[name], name).toBe(value);
    }
  });

  it('name codes for the log', () => {
    expect(ckrName(0xa0)).toBe('CKR_PIN_INCORRECT');
    expect(ckrName(0x12345)).toBe('CKR_0x12345');
  });
});

describe('tokenErrorKindForCkr', () => {
  it.each([
    ['CKR_PIN_INCORRECT', 'pin-incorrect'],
    ['CKR_PIN_LOCKED', 'pin-locked'],
    ['CKR_PIN_LEN_RANGE', 'pin-invalid'],
    ['CKR_PIN_EXPIRED', 'pin-expired'],
    ['CKR_TOKEN_NOT_PRESENT', 'token-removed'],
    ['CKR_DEVICE_REMOVED', 'token-removed'],
    ['CKR_SESSION_HANDLE_INVALID', 'token-removed'],
    ['CKR_SESSION_CLOSED', 'token-removed'],
    ['CKR_CRYPTOKI_NOT_INITIALIZED', 'token-removed'],
    ['CKR_TOKEN_NOT_RECOGNIZED', 'token-not-recognized'],
    ['CKR_KEY_HANDLE_INVALID', 'key-not-found'],
    ['CKR_MECHANISM_INVALID', 'mechanism-unsupported'],
    ['CKR_USER_NOT_LOGGED_IN', 'not-logged-in'],
    ['CKR_DEVICE_ERROR', 'device-error'],
    ['CKR_FUNCTION_CANCELED', 'cancelled'],
    ['CKR_HOST_MEMORY', 'unknown'],
  ] as const)('%s → %s', (name, kind) => {
    expect(tokenErrorKindForCkr(ckr[name])).toBe(kind);
  });
});

describe('TokenError', () => {
  it('carries a Vietnamese message, the technical code and whether the work can resume', () => {
    const error = toTokenError(new pkcs11js.Pkcs11Error('CKR_DEVICE_REMOVED:50', 0x32, 'C_Sign'));
    expect(error).toBeInstanceOf(TokenError);
    expect(error.kind).toBe('token-removed');
    expect(error.code).toBe('CKR_DEVICE_REMOVED');
    expect(error.message).toBe(tokenStrings.tokenRemoved);
    expect(error.resumable).toBe(true);
    expect(new TokenError('pin-locked').resumable).toBe(false);
  });

  it('reads the code from a pkcs11js message when the number is missing', () => {
    expect(toTokenError(new Error('CKR_PIN_INCORRECT')).kind).toBe('pin-incorrect');
  });

  it('keeps a TokenError as it is and wraps anything else as unknown', () => {
    const original = new TokenError('wrong-token');
    expect(toTokenError(original)).toBe(original);
    expect(toTokenError(new Error('boom')).kind).toBe('unknown');
    expect(toTokenError('boom', 'library-load-failed').kind).toBe('library-load-failed');
  });

  it('has a message with Vietnamese diacritics for every kind', () => {
    for (const message of Object.values(tokenStrings)) {
      expect(message).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i);
      expect(message.normalize('NFC')).toBe(message);
    }
  });
});
