import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { base64OfBytes, bytesOfBase64 } from '../../encoding/base64';

/**
 * Sealing JSON values under a database key with XChaCha20-Poly1305 (an AEAD: a changed byte fails
 * to open): a fresh random 192-bit nonce per seal, and additional data that binds the sealed text
 * to where it belongs (a document of one collection of one database, a journal entry), so sealed
 * text copied onto another document fails to open instead of showing someone else's data.
 * docs/decisions.md, "Children's data is sealed in the local database".
 *
 * Synchronous (noble's audited implementation), because the write journal seals and opens inside
 * one IndexedDB transaction, which ends at the first await. Why not AES-GCM: in JavaScript it
 * costs about 3× as much per document (its key tables are rebuilt per call), and WebCrypto's
 * AES-GCM is asynchronous and, at about 45 µs per call in Chromium here, no faster per document
 * (bench:sealed-database).
 */

/** The key of one local database, as the page holds it (in memory only, never stored). */
export type DatabaseKey = {
  readonly bytes: Uint8Array;
};

/** The stored form's version prefix: `hs1.` then base64 of nonce ‖ ciphertext ‖ tag. */
const sealPrefix = 'hs1.';
const nonceBytes = 24;
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

/** Random bytes drawn a page at a time (each call to the system's generator costs ~10 µs); no byte is used twice. */
const noncePool = new Uint8Array(24 * 256);
let noncePoolUsed = noncePool.length;
function freshNonce(): Uint8Array {
  if (noncePoolUsed + nonceBytes > noncePool.length) {
    crypto.getRandomValues(noncePool);
    noncePoolUsed = 0;
  }
  const nonce = noncePool.slice(noncePoolUsed, noncePoolUsed + nonceBytes);
  noncePoolUsed += nonceBytes;
  return nonce;
}

/** `value` as JSON, sealed; `binding` names where the sealed text may be opened. */
export function sealJson(key: DatabaseKey, value: unknown, binding: string): string {
  const nonce = freshNonce();
  const sealed = xchacha20poly1305(key.bytes, nonce, encoder.encode(binding)).encrypt(
    encoder.encode(JSON.stringify(value)),
  );
  const out = new Uint8Array(nonceBytes + sealed.length);
  out.set(nonce, 0);
  out.set(sealed, nonceBytes);
  return sealPrefix + base64OfBytes(out);
}

/** The value `sealJson` sealed at `binding`; throws `SealBroken` when it does not open. */
export function openJson(key: DatabaseKey, sealed: string, binding: string): unknown {
  if (!sealed.startsWith(sealPrefix)) throw new SealBroken(binding);
  let plain: Uint8Array;
  try {
    const bytes = bytesOfBase64(sealed.slice(sealPrefix.length));
    if (bytes.length < nonceBytes + tagBytes) throw new SealBroken(binding);
    plain = xchacha20poly1305(key.bytes, bytes.subarray(0, nonceBytes), encoder.encode(binding)).decrypt(
      bytes.subarray(nonceBytes),
    );
  } catch {
    throw new SealBroken(binding);
  }
  return JSON.parse(decoder.decode(plain)) as unknown;
}
