import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SignerName, TestIdentity, TestPki } from './testPki';

/**
 * SoftHSM2 tokens made fresh per test run, standing in for the USB tokens of Vietnamese CAs.
 *
 * What SoftHSM 2.6 really does (checked by hand and by tests/integration/token.test.ts):
 * - a wrong user PIN returns CKR_PIN_INCORRECT and sets CKF_USER_PIN_COUNT_LOW, which the next
 *   correct login clears; it never sets CKF_USER_PIN_FINAL_TRY or CKF_USER_PIN_LOCKED and never
 *   locks the PIN (20 wrong tries in a row still leave the correct PIN working);
 * - it reads its token folder at C_Initialize only: a token created later is not seen until the
 *   module is finalised and initialised again; a deleted token folder makes C_GetTokenInfo fail
 *   with CKR_GENERAL_ERROR and object handles fail with CKR_OBJECT_HANDLE_INVALID;
 * - it rereads the token's flags from `token.object` on every C_GetTokenInfo, which is how
 *   `setUserPinFlags` simulates the final-try and locked states a real token would report.
 */

export const softhsmModulePath = '/usr/lib/softhsm/libsofthsm2.so';

export type TokenName = 'teacher' | 'principal' | 'seal';

export type TokenObject = {
  /** CKA_ID in hex, shared by the private key and its certificate. */
  readonly idHex: string;
  readonly label: string;
  readonly signer: SignerName;
  readonly identity: TestIdentity;
};

export type TestToken = {
  readonly name: TokenName;
  readonly label: string;
  readonly soPin: string;
  readonly userPin: string;
  /** The token's folder under the token dir; delete it to "pull the token out". */
  readonly directory: string;
  readonly objects: readonly TokenObject[];
};

export type SoftHsm = {
  readonly dir: string;
  readonly confPath: string;
  readonly tokenDir: string;
  readonly modulePath: string;
  readonly tokens: Readonly<Record<TokenName, TestToken>>;
  /** Simulates pulling the token out: deletes its folder while the module stays loaded. */
  readonly removeToken: (name: TokenName) => void;
  /**
   * Rewrites the user-PIN bits of the token's flags in its `token.object` (SoftHSM never sets
   * FINAL_TRY or LOCKED itself). Real tokens report these through C_GetTokenInfo, as this does.
   */
  readonly setUserPinFlags: (name: TokenName, flags: UserPinFlags) => void;
  readonly cleanup: () => void;
};

export type UserPinFlags = {
  readonly countLow: boolean;
  readonly finalTry: boolean;
  readonly locked: boolean;
};

type TokenPlan = {
  readonly name: TokenName;
  readonly label: string;
  readonly userPin: string;
  readonly objects: readonly {
    readonly idHex: string;
    readonly label: string;
    readonly signer: SignerName;
  }[];
};

const soPin = '87654321';

/** Which signer sits on which token; the teacher's token carries an RSA and an EC key, as some CA tokens do. */
const tokenPlans: readonly TokenPlan[] = [
  {
    name: 'teacher',
    label: 'GVCN Nguyen Thi Thu Ha',
    userPin: '246810',
    objects: [
      { idHex: '01', label: 'Chứng thư GVCN', signer: 'homeroomTeacher' },
      { idHex: '02', label: 'Chứng thư GVCN (ECDSA)', signer: 'homeroomTeacherEc' },
    ],
  },
  {
    name: 'principal',
    label: 'Hieu truong Tran Van Binh',
    userPin: '135790',
    objects: [{ idHex: 'a1b2', label: 'Chứng thư Hiệu trưởng', signer: 'principal' }],
  },
  {
    name: 'seal',
    label: 'Con dau Truong Kim Lien',
    userPin: '112233',
    objects: [
      { idHex: '5e', label: 'Chứng thư tổ chức', signer: 'schoolSeal' },
      { idHex: '6e', label: 'Chứng thư hết hạn', signer: 'expired' },
      { idHex: '7e', label: 'Chứng thư không ký số', signer: 'noDigitalSignature' },
      { idHex: '8e', label: 'Chứng thư CA lạ', signer: 'untrusted' },
    ],
  },
];

// SoftHSM's own vendor attribute for the token flags inside token.object (src/lib/object_store/OSAttributes.h).
const osTokenFlagsAttribute = 0x8000534bn;
const userPinBits = { countLow: 0x10000n, finalTry: 0x20000n, locked: 0x40000n } as const;

/**
 * Creates the token dir, writes `softhsm2.conf`, points SOFTHSM2_CONF at it in this process
 * (SoftHSM reads it at C_Initialize, so call this before loading the module; a module already
 * initialised in this process keeps its old folder until it is reset), and initialises and fills
 * the three tokens. Call `cleanup()` in afterAll, after finalising the module.
 */
export function createSoftHsm(pki: TestPki, parentDir: string = tmpdir()): SoftHsm {
  const dir = mkdtempSync(join(parentDir, 'hocba-softhsm-'));
  const tokenDir = join(dir, 'tokens');
  mkdirSync(tokenDir);
  const confPath = join(dir, 'softhsm2.conf');
  writeFileSync(
    confPath,
    [`directories.tokendir = ${tokenDir}`, 'objectstore.backend = file', 'log.level = ERROR', ''].join('\n'),
  );
  process.env.SOFTHSM2_CONF = confPath;
  const env = { ...process.env, SOFTHSM2_CONF: confPath };
  const run = (command: string, args: readonly string[]): void => {
    execFileSync(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  };

  const tokens = {} as Record<TokenName, TestToken>;
  for (const plan of tokenPlans) {
    const before = new Set(readdirSync(tokenDir));
    run('softhsm2-util', [
      '--init-token',
      '--free',
      '--label',
      plan.label,
      '--so-pin',
      soPin,
      '--pin',
      plan.userPin,
    ]);
    const directory = readdirSync(tokenDir).find((entry) => !before.has(entry));
    if (directory === undefined) throw new Error(`softhsm2-util created no folder for ${plan.label}`);
    const objects = plan.objects.map((object): TokenObject => {
      const identity = pki.signers[object.signer];
      run('softhsm2-util', [
        '--import', identity.keyPemPath, '--token', plan.label, '--pin', plan.userPin,
        '--id', object.idHex, '--label', object.label,
      ]); // prettier-ignore
      run('pkcs11-tool', [
        '--module', softhsmModulePath, '--token-label', plan.label, '--login', '--pin', plan.userPin,
        '--write-object', identity.certDerPath, '--type', 'cert', '--id', object.idHex, '--label', object.label,
      ]); // prettier-ignore
      return { ...object, identity };
    });
    tokens[plan.name] = {
      name: plan.name,
      label: plan.label,
      soPin,
      userPin: plan.userPin,
      directory: join(tokenDir, directory),
      objects,
    };
  }

  return {
    dir,
    confPath,
    tokenDir,
    modulePath: softhsmModulePath,
    tokens,
    removeToken: (name) => rmSync(tokens[name].directory, { recursive: true, force: true }),
    setUserPinFlags: (name, flags) => {
      rewriteTokenFlags(join(tokens[name].directory, 'token.object'), flags);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * token.object is a generation counter (u64) then attributes: type (u64), kind (u64: 1 bool,
 * 2 ulong, 3 bytes, ...), then the value (bool: 1 byte; ulong: u64; bytes: u64 length + data).
 * SoftHSM rereads the file when the generation changes, so bump it.
 */
function rewriteTokenFlags(path: string, flags: UserPinFlags): void {
  if (!existsSync(path)) throw new Error(`No token object at ${path}`);
  const bytes = readFileSync(path);
  let offset = 8;
  let patched = false;
  while (offset + 16 <= bytes.length) {
    const type = bytes.readBigUInt64BE(offset);
    const kind = bytes.readBigUInt64BE(offset + 8);
    const valueOffset = offset + 16;
    let valueLength: number;
    if (kind === 1n) valueLength = 1;
    else if (kind === 2n) valueLength = 8;
    else if (kind === 3n) valueLength = 8 + Number(bytes.readBigUInt64BE(valueOffset));
    else throw new Error(`Unexpected attribute kind ${kind.toString()} in ${path}`);
    if (type === osTokenFlagsAttribute && kind === 2n) {
      let value = bytes.readBigUInt64BE(valueOffset);
      value &= ~(userPinBits.countLow | userPinBits.finalTry | userPinBits.locked);
      if (flags.countLow) value |= userPinBits.countLow;
      if (flags.finalTry) value |= userPinBits.finalTry;
      if (flags.locked) value |= userPinBits.locked;
      bytes.writeBigUInt64BE(value, valueOffset);
      patched = true;
    }
    offset = valueOffset + valueLength;
  }
  if (!patched) throw new Error(`No token flags attribute in ${path}`);
  bytes.writeBigUInt64BE(bytes.readBigUInt64BE(0) + 1n, 0);
  writeFileSync(path, bytes);
}
