import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SoftHsm } from './softhsm';
import type { TestIdentity } from './testPki';

export type ExtraTokenObject = {
  /** CKA_ID in hex, shared by the key and its certificate. */
  readonly idHex: string;
  readonly label: string;
  readonly identity: TestIdentity;
};

export type ExtraToken = {
  readonly label: string;
  readonly userPin: string;
  readonly directory: string;
  readonly objects: readonly ExtraTokenObject[];
};

/**
 * Adds one more SoftHSM token holding these keys and certificates (e.g. real-style Vietnamese
 * certificates from `TestPki.issueSigner`), beside the three `createSoftHsm` makes. SoftHSM reads
 * its token folder at C_Initialize: call this before main first loads the library.
 */
export function addSoftHsmToken(
  hsm: SoftHsm,
  label: string,
  userPin: string,
  objects: readonly ExtraTokenObject[],
): ExtraToken {
  const env = { ...process.env, SOFTHSM2_CONF: hsm.confPath };
  const run = (command: string, args: readonly string[]) =>
    execFileSync(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const before = new Set(readdirSync(hsm.tokenDir));
  const soPin = '87654321';
  run('softhsm2-util', ['--init-token', '--free', '--label', label, '--so-pin', soPin, '--pin', userPin]);
  const directory = readdirSync(hsm.tokenDir).find((entry) => !before.has(entry));
  if (directory === undefined) throw new Error(`softhsm2-util created no folder for ${label}`);
  for (const object of objects) {
    run('softhsm2-util', [
      '--import', object.identity.keyPemPath, '--token', label, '--pin', userPin,
      '--id', object.idHex, '--label', object.label,
    ]); // prettier-ignore
    run('pkcs11-tool', [
      '--module', hsm.modulePath, '--token-label', label, '--login', '--pin', userPin,
      '--write-object', object.identity.certDerPath, '--type', 'cert', '--id', object.idHex, '--label', object.label,
    ]); // prettier-ignore
  }
  return { label, userPin, directory: join(hsm.tokenDir, directory), objects };
}
