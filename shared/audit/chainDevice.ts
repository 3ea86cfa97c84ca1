import { sha256 } from '@noble/hashes/sha2.js';
import { toHex, utf8Encode } from '../encoding/utf8';

/**
 * The audit chain an account's database writes on one desktop. Each local database keeps its own
 * copy of a chain's events and numbers the next one from the highest it holds, so two accounts
 * writing on one shared school desktop under the desktop's one id would each continue the chain
 * from their own copy: two events 5, a fork the province server rightly refuses from there on.
 * One chain per desktop and database ends that: the id is derived from both (stable, so main and
 * the page agree without storing it), shaped as a device id (a UUID of version 8, RFC 9562's
 * custom kind), so everything that carries device ids carries it unchanged.
 */
export function accountChainDeviceId(desktopDeviceId: string, databaseName: string): string {
  const hex = toHex(sha256(utf8Encode(`hocba-audit-chain-v1\n${desktopDeviceId}\n${databaseName}`)));
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `device-${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
