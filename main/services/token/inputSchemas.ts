import { z } from 'zod';
import { libraryPathSchema } from './knownLibraries';
import { TokenError } from './tokenError';

/** Runtime checks for what reaches the token service from outside (IPC, CLI, settings). */

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** PKCS#11 PINs are bytes; CA tokens use 4 to 16 characters in practice, so 64 is generous. */
export const pinSchema = z
  .string()
  .min(4)
  .max(64)
  .refine((pin) => !hasControlCharacter(pin), 'no control characters');

const hexSchema = z.string().regex(/^(?:[0-9a-f]{2})+$/i);

export const tokenRefSchema = z.object({
  libraryPath: libraryPathSchema,
  /** The slot handle as hex, as listTokens returned it. */
  slotId: hexSchema.max(32),
  /** When set, the token in the slot must have this serial number (guards against a swapped token). */
  expectedSerial: z.string().min(1).max(64).optional(),
});
export type TokenRef = z.infer<typeof tokenRefSchema>;

export const signMechanismSchema = z.enum(['sha256-rsa-pkcs', 'ecdsa-sha256']);
export type SignMechanism = z.infer<typeof signMechanismSchema>;

export const signRequestSchema = z.object({
  keyIdHex: hexSchema.max(256),
  data: z.instanceof(Uint8Array),
  mechanism: signMechanismSchema.optional(),
});
export type SignRequest = z.infer<typeof signRequestSchema>;

/** Parses or throws TokenError('invalid-input'); the zod issues never echo the value (it may be a PIN). */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new TokenError('invalid-input', {
      code: result.error.issues.map((issue) => issue.path.join('.')).join(','),
    });
  }
  return result.data;
}
