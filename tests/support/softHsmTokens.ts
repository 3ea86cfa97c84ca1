import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SoftHsm, softhsmModulePath } from './softhsm';
import type { TestIdentity } from './testPki';

export type ExtraTokenObject = {
  /** CKA_ID in hex, shared by the key and its certificate. */
  readonly idHex: string;
  readonly label: string;
  readonly identity: TestIdentity;
};

/** A SoftHSM token folder and its configuration, with or without the three tokens. */
export type SoftHsmFolder = Pick<SoftHsm, 'dir' | 'confPath' | 'tokenDir' | 'modulePath' | 'cleanup'>;

/**
 * A SoftHSM with no token at all: a desk where no USB token is plugged in yet. Like
 * `createSoftHsm`, it points SOFTHSM2_CONF at itself in this process (call it before the module
 * is first loaded). Call `cleanup()` in afterAll.
 */
export function createEmptySoftHsm(parentDir: string = tmpdir()): SoftHsmFolder {
  const dir = mkdtempSync(join(parentDir, 'hocba-softhsm-'));
  const tokenDir = join(dir, 'tokens');
  mkdirSync(tokenDir);
  const confPath = join(dir, 'softhsm2.conf');
  writeFileSync(
    confPath,
    [`directories.tokendir = ${tokenDir}`, 'objectstore.backend = file', 'log.level = ERROR', ''].join('\n'),
  );
  process.env.SOFTHSM2_CONF = confPath;
  return {
    dir,
    confPath,
    tokenDir,
    modulePath: softhsmModulePath,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export type ExtraToken = {
  readonly label: string;
  readonly userPin: string;
  readonly directory: string;
  readonly objects: readonly ExtraTokenObject[];
};

/**
 * Adds one more SoftHSM token holding these keys and certificates (e.g. real-style Vietnamese
 * certificates from `TestPki.issueSigner`), beside the three `createSoftHsm` makes. SoftHSM reads
 * its token folder at C_Initialize: a module already loaded sees the token once it is loaded
 * afresh. Deleting `directory` pulls the token out.
 */
export function addSoftHsmToken(
  hsm: Pick<SoftHsmFolder, 'confPath' | 'tokenDir' | 'modulePath'>,
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
