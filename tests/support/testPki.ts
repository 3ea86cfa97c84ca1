import { execFileSync } from 'node:child_process';
import { sign } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Signer } from '../../shared/signing/signingTypes';

/**
 * A throw-away PKI made fresh per test run with the `openssl` CLI: a root CA, an intermediate CA,
 * the three signers of a học bạ (homeroom teacher, principal, school seal), a few faulty
 * certificates, and a second root that no trust list contains. Subjects are Vietnamese and
 * encoded as UTF8String (`string_mask = utf8only`), as real Vietnamese CAs issue them. The signing
 * tests' one PKI: the SoftHSM tokens hold its keys, and `softwareSigner` signs with them directly
 * where no token is needed (PAdES, record verification). Revocation tests run their own CA
 * database (revocationPki.ts).
 */

export type KeyAlgorithm = 'rsa-2048' | 'ecdsa-p256';

export type TestCertificate = {
  /** Subject common name, NFC. */
  readonly commonName: string;
  readonly certPemPath: string;
  readonly certDerPath: string;
  readonly certDer: Buffer;
  readonly certPem: string;
};

export type TestIdentity = TestCertificate & {
  readonly keyAlgorithm: KeyAlgorithm;
  /** PKCS#8, PEM and DER. */
  readonly keyPemPath: string;
  readonly keyDerPath: string;
  readonly keyPem: string;
};

export type SignerName =
  | 'homeroomTeacher'
  | 'homeroomTeacherEc'
  | 'principal'
  | 'schoolSeal'
  | 'expired'
  | 'noDigitalSignature'
  | 'untrusted';

export type TestPki = {
  readonly dir: string;
  readonly rootCa: TestIdentity;
  readonly intermediateCa: TestIdentity;
  readonly untrustedRootCa: TestIdentity;
  readonly signers: Readonly<Record<SignerName, TestIdentity>>;
  /** PEM of the intermediate then the root: the chain a signature carries. */
  readonly chainPemPath: string;
  /**
   * Issues one more signer under the intermediate CA, with a subject as Vietnamese CAs write it
   * (the name with or without diacritics, CCCD/CMND/MST/MNS in UID attributes or serialNumber).
   * `name` names its files; each call makes a new key and a new serial.
   */
  readonly issueSigner: (name: string, subject: Subject) => TestIdentity;
  readonly cleanup: () => void;
};

export type CreateTestPkiOptions = {
  /** Parent folder for the PKI's temp dir; the OS temp dir by default. */
  readonly parentDir?: string;
};

const opensslConfig = `
[ ca ]
default_ca = test_ca

[ test_ca ]
dir              = .
database         = ./index.txt
new_certs_dir    = ./issued
default_md       = sha256
policy           = policy_anything
unique_subject   = no
rand_serial      = yes
copy_extensions  = none
email_in_dn      = no

[ policy_anything ]
countryName             = optional
stateOrProvinceName     = optional
localityName            = optional
organizationName        = optional
organizationalUnitName  = optional
commonName              = supplied
title                   = optional
UID                     = optional
serialNumber            = optional

[ req ]
distinguished_name = req_dn
string_mask        = utf8only
utf8               = yes
prompt             = no

[ req_dn ]
CN = placeholder

[ v3_root ]
basicConstraints       = critical, CA:true
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash

[ v3_intermediate ]
basicConstraints       = critical, CA:true, pathlen:0
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ v3_signer ]
basicConstraints       = critical, CA:false
keyUsage               = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ v3_no_digital_signature ]
basicConstraints       = critical, CA:false
keyUsage               = critical, keyEncipherment, dataEncipherment
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
`;

export type Subject = {
  readonly commonName: string;
  readonly organization?: string;
  readonly title?: string;
  /** UID attributes after the CN, one per identifier: `CCCD:001190012345`, `MST:0101234567`. */
  readonly uids?: readonly string[];
  /** The subject's serialNumber (a PrintableString): `CMND:012345678`, or a bare CCCD number. */
  readonly serialNumber?: string;
};

const school = 'Trường Tiểu học Kim Liên';

function subjectArg(subject: Subject): string {
  // `/` and `\` would split or escape the DN in -subj syntax; our fixed names contain neither.
  const parts = [
    ['C', 'VN'],
    ['ST', 'Hà Nội'],
  ];
  if (subject.organization !== undefined) parts.push(['O', subject.organization]);
  if (subject.title !== undefined) parts.push(['title', subject.title]);
  parts.push(['CN', subject.commonName]);
  for (const uid of subject.uids ?? []) parts.push(['UID', uid]);
  if (subject.serialNumber !== undefined) parts.push(['serialNumber', subject.serialNumber]);
  return parts.map(([key, value]) => `/${key ?? ''}=${(value ?? '').normalize('NFC')}`).join('');
}

/** Creates the PKI. Takes a few seconds (RSA key generation). Call `cleanup()` in afterAll. */
export function createTestPki(options: CreateTestPkiOptions = {}): TestPki {
  const dir = mkdtempSync(join(options.parentDir ?? tmpdir(), 'hocba-pki-'));
  mkdirSync(join(dir, 'issued'));
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'openssl.cnf'), opensslConfig);
  const openssl = (args: readonly string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  };
  const config = join(dir, 'openssl.cnf');

  const makeKey = (name: string, algorithm: KeyAlgorithm): { pemPath: string; derPath: string } => {
    const pemPath = join(dir, `${name}.key.pem`);
    const derPath = join(dir, `${name}.key.der`);
    const keyArgs =
      algorithm === 'rsa-2048'
        ? ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']
        : ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];
    openssl(['genpkey', ...keyArgs, '-out', pemPath]);
    openssl(['pkey', '-in', pemPath, '-outform', 'DER', '-out', derPath]);
    return { pemPath, derPath };
  };

  const finish = (
    name: string,
    subject: Subject,
    algorithm: KeyAlgorithm,
    key: { pemPath: string; derPath: string },
    certPemPath: string,
  ): TestIdentity => {
    const certDerPath = join(dir, `${name}.cert.der`);
    openssl(['x509', '-in', certPemPath, '-outform', 'DER', '-out', certDerPath]);
    return {
      commonName: subject.commonName.normalize('NFC'),
      keyAlgorithm: algorithm,
      keyPemPath: key.pemPath,
      keyDerPath: key.derPath,
      keyPem: readFileSync(key.pemPath, 'utf8'),
      certPemPath,
      certDerPath,
      certDer: readFileSync(certDerPath),
      certPem: readFileSync(certPemPath, 'utf8'),
    };
  };

  const selfSigned = (name: string, subject: Subject): TestIdentity => {
    const key = makeKey(name, 'rsa-2048');
    const certPemPath = join(dir, `${name}.cert.pem`);
    openssl([
      'req', '-x509', '-new', '-config', config, '-key', key.pemPath, '-utf8', '-subj', subjectArg(subject),
      '-days', '3650', '-extensions', 'v3_root', '-sha256', '-out', certPemPath,
    ]); // prettier-ignore
    return finish(name, subject, 'rsa-2048', key, certPemPath);
  };

  type IssueOptions = {
    readonly algorithm?: KeyAlgorithm;
    readonly extensions?: 'v3_intermediate' | 'v3_signer' | 'v3_no_digital_signature';
    readonly validity?: { readonly start: string; readonly end: string };
  };
  const issue = (
    name: string,
    subject: Subject,
    issuer: TestIdentity,
    issueOptions: IssueOptions = {},
  ): TestIdentity => {
    const algorithm = issueOptions.algorithm ?? 'rsa-2048';
    const key = makeKey(name, algorithm);
    const csrPath = join(dir, `${name}.csr.pem`);
    const certPemPath = join(dir, `${name}.cert.pem`);
    openssl([
      'req',
      '-new',
      '-config',
      config,
      '-key',
      key.pemPath,
      '-utf8',
      '-subj',
      subjectArg(subject),
      '-out',
      csrPath,
    ]);
    const validity = issueOptions.validity
      ? ['-startdate', issueOptions.validity.start, '-enddate', issueOptions.validity.end]
      : ['-days', '825'];
    openssl([
      'ca', '-batch', '-config', config, '-utf8', '-preserveDN', '-notext', '-in', csrPath, '-out', certPemPath,
      '-cert', issuer.certPemPath, '-keyfile', issuer.keyPemPath,
      '-extensions', issueOptions.extensions ?? 'v3_signer', ...validity,
    ]); // prettier-ignore
    return finish(name, subject, algorithm, key, certPemPath);
  };

  const rootCa = selfSigned('root-ca', {
    commonName: 'CA Gốc Thử Nghiệm Học Bạ Số',
    organization: 'Bộ Giáo dục và Đào tạo (thử nghiệm)',
  });
  const intermediateCa = issue(
    'intermediate-ca',
    { commonName: 'CA Trung Gian Thử Nghiệm Học Bạ Số', organization: 'Bộ Giáo dục và Đào tạo (thử nghiệm)' },
    rootCa,
    { extensions: 'v3_intermediate' },
  );
  const untrustedRootCa = selfSigned('untrusted-root-ca', {
    commonName: 'CA Không Được Tin Cậy',
    organization: 'Tổ chức lạ',
  });

  const signers: Record<SignerName, TestIdentity> = {
    homeroomTeacher: issue(
      'homeroom-teacher',
      { commonName: 'Nguyễn Thị Thu Hà', organization: school, title: 'Giáo viên chủ nhiệm' },
      intermediateCa,
    ),
    homeroomTeacherEc: issue(
      'homeroom-teacher-ec',
      { commonName: 'Nguyễn Thị Thu Hà', organization: school, title: 'Giáo viên chủ nhiệm' },
      intermediateCa,
      { algorithm: 'ecdsa-p256' },
    ),
    principal: issue(
      'principal',
      { commonName: 'Trần Văn Bình', organization: school, title: 'Hiệu trưởng' },
      intermediateCa,
    ),
    schoolSeal: issue('school-seal', { commonName: school, organization: school }, intermediateCa),
    expired: issue(
      'expired',
      { commonName: 'Lê Văn Cường', organization: school, title: 'Giáo viên' },
      intermediateCa,
      {
        validity: { start: '20200101000000Z', end: '20210101000000Z' },
      },
    ),
    noDigitalSignature: issue(
      'no-digital-signature',
      { commonName: 'Phạm Thị Hồng Nhung', organization: school, title: 'Giáo viên' },
      intermediateCa,
      { extensions: 'v3_no_digital_signature' },
    ),
    untrusted: issue(
      'untrusted',
      { commonName: 'Hoàng Văn Giả', organization: 'Tổ chức lạ' },
      untrustedRootCa,
    ),
  };

  const chainPemPath = join(dir, 'chain.pem');
  writeFileSync(chainPemPath, intermediateCa.certPem + rootCa.certPem);

  return {
    dir,
    rootCa,
    intermediateCa,
    untrustedRootCa,
    signers,
    chainPemPath,
    issueSigner: (name, subject) => issue(name, subject, intermediateCa),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The people the test PKI's signer certificates name: records they sign must name them. */
export const testPkiSignerNames = {
  teacher: 'Nguyễn Thị Thu Hà',
  principal: 'Trần Văn Bình',
  school,
} as const;

/**
 * A signer with the identity's key in software, as a token would sign: for an RSA key PKCS#1 v1.5
 * over SHA-256 (like CKM_SHA256_RSA_PKCS), for an EC key the DER ECDSA-Sig-Value over SHA-256.
 * `chain` is the issuers the signature carries (usually the intermediate CA).
 */
export function softwareSigner(identity: TestIdentity, chain: readonly TestCertificate[]): Signer {
  return {
    certificateChain: [identity.certDer, ...chain.map((issuer) => issuer.certDer)],
    sign: async (data) => new Uint8Array(sign('sha256', data, { key: identity.keyPem, dsaEncoding: 'der' })),
  };
}
