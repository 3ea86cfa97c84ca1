import { createHash } from 'node:crypto';

/**
 * How a person appears in the server's logs: the first 16 hex digits of the SHA-256 of their user
 * id. Stable, so one person's requests can be followed; it does not show the login (user ids are
 * `user:<login>`), which is personal data.
 */
export function logPseudonymOf(userId: string): string {
  return createHash('sha256').update(userId, 'utf8').digest('hex').slice(0, 16);
}
