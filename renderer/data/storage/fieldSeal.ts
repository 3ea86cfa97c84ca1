import { gcm } from '@noble/ciphers/aes.js';

/**
 * Sealing JSON values under a database key with AES-256-GCM: a fresh 96-bit nonce per seal, and
 * additional data that binds the sealed text to where it belongs (a document of one collection of
 * one database, a journal entry), so sealed text copied onto another document fails to open
 * instead of showing someone else's data. docs/decisions.md, "Children's data is sealed in the
 * local database". Synchronous (noble's audited AES-GCM, not WebCrypto's promises), because the
 * write journal seals and opens inside one IndexedDB transaction, which ends at the first await.
 */

/** The key of one local database, as the page holds it (in memory only, never stored). */
export type DatabaseKey = {
  readonly bytes: Uint8Array;
};

/** The stored form's version prefix: `hs1.` then base64 of nonce ‖ ciphertext ‖ tag. */
const sealPrefix = 'hs1.';
const nonceBytes = 12;
const tagBytes = 16;

/** The raw 32-byte key main hands over. */
export function databaseKeyOf(raw: Uint8Array): DatabaseKey {
  if (raw.length !== 32) throw new Error('a database key is 32 bytes');
  return Object.freeze({ bytes: Uint8Array.from(raw) });
}

/** Sealed text that does not open: a wrong key, another place, a changed byte. */
export class SealBroken extends Error {
  constructor(binding: string) {
    super(`sealed data at ${binding} does not open with this database's key`);
    this.name = 'SealBroken';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let start = 0; start < bytes.length; start += chunk)
    binary += String.fromCharCode(...bytes.subarray(start, start + chunk));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** `value` as JSON, sealed; `binding` names where the sealed text may be opened. */
export function sealJson(key: DatabaseKey, value: unknown, binding: string): string {
  const nonce = crypto.getRandomValues(new Uint8Array(nonceBytes));
  const sealed = gcm(key.bytes, nonce, encoder.encode(binding)).encrypt(
    encoder.encode(JSON.stringify(value)),
  );
  const out = new Uint8Array(nonceBytes + sealed.length);
  out.set(nonce, 0);
  out.set(sealed, nonceBytes);
  return sealPrefix + toBase64(out);
}

/** The value `sealJson` sealed at `binding`; throws `SealBroken` when it does not open. */
export function openJson(key: DatabaseKey, sealed: string, binding: string): unknown {
  if (!sealed.startsWith(sealPrefix)) throw new SealBroken(binding);
  let plain: Uint8Array;
  try {
    const bytes = fromBase64(sealed.slice(sealPrefix.length));
    if (bytes.length < nonceBytes + tagBytes) throw new SealBroken(binding);
    plain = gcm(key.bytes, bytes.subarray(0, nonceBytes), encoder.encode(binding)).decrypt(
      bytes.subarray(nonceBytes),
    );
  } catch {
    throw new SealBroken(binding);
  }
  return JSON.parse(decoder.decode(plain)) as unknown;
}
