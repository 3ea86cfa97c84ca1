import { describe, expect, it } from 'vitest';
import { parseInput, pinSchema, tokenRefSchema } from './inputSchemas';
import { TokenError } from './tokenError';

describe('input schemas', () => {
  it('accept the PINs CA tokens use and refuse short, long or control-character ones', () => {
    for (const pin of ['1234', '12345678', 'Abc@2025', 'mã-pin-dài'])
      expect(pinSchema.safeParse(pin).success).toBe(true);
    for (const pin of ['', '123', 'x'.repeat(65), '1234\n', '12\u000034']) {
      expect(pinSchema.safeParse(pin).success).toBe(false);
    }
  });

  it('check a token reference', () => {
    expect(
      tokenRefSchema.safeParse({ libraryPath: '/usr/lib/libtoken.so', slotId: '0100000000000000' }).success,
    ).toBe(true);
    expect(tokenRefSchema.safeParse({ libraryPath: '/usr/lib/libtoken.so', slotId: '1' }).success).toBe(
      false,
    );
  });

  it('throws a TokenError that does not echo the refused value', () => {
    const secret = '98';
    let thrown: unknown;
    try {
      parseInput(pinSchema, secret);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TokenError);
    const error = thrown as TokenError;
    expect(error.kind).toBe('invalid-input');
    expect(`${error.message} ${error.code ?? ''} ${String(error.cause)}`).not.toContain(secret);
  });
});
