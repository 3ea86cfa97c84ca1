import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A test CA run with the openssl CLI the way a CA runs it: `openssl ca` keeps a database of what
 * it issued, `-revoke` marks a certificate revoked, `-gencrl` signs a CRL from that database, and
 * `openssl ocsp` answers OCSP requests from it offline (`-reqout`, then `-index … -respout`).
 * Two CAs: a root and an issuing CA under it; a third, "fake", has the issuing CA's very name but
 * another key, for forged CRLs.
 */

export type CaName = 'root' | 'issuing' | 'fake';

export type Issued = {
  readonly name: string;
  readonly certPath: string;
  readonly keyPath: string;
  readonly der: Uint8Array;
};

export type RevocationReasonName =
  | 'unspecified'
  | 'keyCompromise'
  | 'CACompromise'
  | 'affiliationChanged'
  | 'superseded'
  | 'cessationOfOperation'
  | 'certificateHold';

export type RevocationPki = {
  readonly dir: string;
  readonly cas: Readonly<Record<CaName, Issued>>;
  /** Issues an end-entity certificate (`signer`, `ocsp` responder, or `other` with no OCSP purpose). */
  readonly issue: (name: string, commonName: string, by: CaName, profile?: 'signer' | 'ocsp') => Issued;
  /** Revokes in the CA's database; `at` rewrites the revocation time (openssl only records now). */
  readonly revoke: (certificate: Issued, by: CaName, reason: RevocationReasonName, at?: Date) => void;
  /** A DER CRL signed by the CA from its database now; `indirect` marks it an indirect CRL. */
  readonly crl: (by: CaName, options?: { readonly indirect?: boolean }) => Uint8Array;
  /** A DER OCSP response about `certificate`, from `by`'s database, signed by `signer` (the CA by default). */
  readonly ocsp: (certificate: Issued, by: CaName, signer?: Issued) => Uint8Array;
  readonly cleanup: () => void;
};

const caSection = (name: string) => `
[ ${name} ]
dir              = ./${name}
database         = ./${name}/index.txt
new_certs_dir    = ./${name}/issued
crlnumber        = ./${name}/crlnumber
default_md       = sha256
default_crl_days = 7
policy           = policy_anything
unique_subject   = no
rand_serial      = yes
copy_extensions  = none
`;

const config = `
${caSection('root')}
${caSection('issuing')}
${caSection('fake')}

[ policy_anything ]
organizationName = optional
commonName       = supplied

[ req ]
distinguished_name = req_dn
string_mask        = utf8only
utf8               = yes
prompt             = no

[ req_dn ]
CN = placeholder

[ v3_ca ]
basicConstraints       = critical, CA:true
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ v3_signer ]
basicConstraints       = critical, CA:false
keyUsage               = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ crl_indirect ]
authorityKeyIdentifier    = keyid:always
issuingDistributionPoint  = critical, @idp_indirect

[ idp_indirect ]
indirectCRL = TRUE

[ v3_ocsp ]
basicConstraints       = critical, CA:false
keyUsage               = critical, digitalSignature
extendedKeyUsage       = critical, OCSPSigning
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
`;

const caSubjects: Readonly<Record<CaName, string>> = {
  root: 'CA Gốc Thử Nghiệm Thu Hồi',
  issuing: 'CA Cấp Chứng Thư Thử Nghiệm',
  // The issuing CA's own name, another key: what a forger of its CRLs would make.
  fake: 'CA Cấp Chứng Thư Thử Nghiệm',
};

/** openssl's index.txt time: YYMMDDHHMMSSZ. */
function indexTime(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
}

export function createRevocationPki(): RevocationPki {
  const dir = mkdtempSync(join(tmpdir(), 'hocba-revocation-'));
  const configPath = join(dir, 'openssl.cnf');
  writeFileSync(configPath, config);
  const openssl = (args: readonly string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const read = (name: string, certPath: string, keyPath: string): Issued => {
    const derPath = `${certPath}.der`;
    openssl(['x509', '-in', certPath, '-outform', 'DER', '-out', derPath]);
    return { name, certPath, keyPath, der: new Uint8Array(readFileSync(derPath)) };
  };
  const newKey = (name: string) => {
    const keyPath = join(dir, `${name}.key.pem`);
    openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', keyPath]);
    return keyPath;
  };
  for (const name of ['root', 'issuing', 'fake'] as const) {
    mkdirSync(join(dir, name, 'issued'), { recursive: true });
    writeFileSync(join(dir, name, 'index.txt'), '');
    writeFileSync(join(dir, name, 'crlnumber'), '1000\n');
  }

  const selfSigned = (name: CaName): Issued => {
    const keyPath = newKey(name);
    const certPath = join(dir, `${name}.cert.pem`);
    openssl([
      'req', '-x509', '-new', '-config', configPath, '-key', keyPath, '-utf8',
      '-subj', `/CN=${caSubjects[name]}`, '-days', '3650', '-extensions', 'v3_ca', '-out', certPath,
    ]); // prettier-ignore
    return read(name, certPath, keyPath);
  };

  const cas: Record<CaName, Issued> = {} as Record<CaName, Issued>;
  const issueWith = (name: string, commonName: string, by: CaName, extensions: string): Issued => {
    const keyPath = newKey(name);
    const csrPath = join(dir, `${name}.csr.pem`);
    const certPath = join(dir, `${name}.cert.pem`);
    openssl([
      'req',
      '-new',
      '-config',
      configPath,
      '-key',
      keyPath,
      '-utf8',
      '-subj',
      `/CN=${commonName}`,
      '-out',
      csrPath,
    ]);
    const ca = cas[by];
    openssl([
      'ca', '-batch', '-config', configPath, '-name', by, '-utf8', '-notext', '-in', csrPath, '-out', certPath,
      '-cert', ca.certPath, '-keyfile', ca.keyPath, '-extensions', extensions, '-days', '825',
    ]); // prettier-ignore
    return read(name, certPath, keyPath);
  };

  cas.root = selfSigned('root');
  cas.issuing = issueWith('issuing', caSubjects.issuing, 'root', 'v3_ca');
  cas.fake = selfSigned('fake');

  const runCa = (by: CaName, args: readonly string[]) => {
    const ca = cas[by];
    openssl([
      'ca',
      '-config',
      configPath,
      '-name',
      by,
      '-cert',
      ca.certPath,
      '-keyfile',
      ca.keyPath,
      ...args,
    ]);
  };

  return {
    dir,
    cas,
    issue: (name, commonName, by, profile = 'signer') =>
      issueWith(name, commonName, by, profile === 'ocsp' ? 'v3_ocsp' : 'v3_signer'),
    revoke: (certificate, by, reason, at) => {
      runCa(by, ['-revoke', certificate.certPath, '-crl_reason', reason]);
      if (at === undefined) return;
      const index = join(dir, by, 'index.txt');
      const lines = readFileSync(index, 'utf8').split('\n');
      const serial = openssl(['x509', '-in', certificate.certPath, '-noout', '-serial'])
        .toString()
        .trim()
        .replace(/^serial=/, '');
      const rewritten = lines.map((line) => {
        const fields = line.split('\t');
        if (fields[0] !== 'R' || fields[3]?.toUpperCase() !== serial.toUpperCase()) return line;
        const [, suffix = ''] = (fields[2] ?? '').split(/(?=,)/);
        fields[2] = `${indexTime(at)}${suffix}`;
        return fields.join('\t');
      });
      writeFileSync(index, rewritten.join('\n'));
    },
    crl: (by, options = {}) => {
      const pem = join(dir, `${by}-${Date.now()}.crl.pem`);
      runCa(by, ['-gencrl', '-out', pem, ...(options.indirect === true ? ['-crlexts', 'crl_indirect'] : [])]);
      return new Uint8Array(openssl(['crl', '-in', pem, '-outform', 'DER']));
    },
    ocsp: (certificate, by, signer) => {
      const ca = cas[by];
      const request = join(dir, `${certificate.name}.ocsp-req.der`);
      const response = join(dir, `${certificate.name}.ocsp-resp.der`);
      openssl([
        'ocsp',
        '-issuer',
        ca.certPath,
        '-cert',
        certificate.certPath,
        '-no_nonce',
        '-reqout',
        request,
      ]);
      const responder = signer ?? ca;
      openssl([
        'ocsp', '-index', join(dir, by, 'index.txt'), '-CA', ca.certPath, '-rsigner', responder.certPath,
        '-rkey', responder.keyPath, '-reqin', request, '-respout', response, '-ndays', '7',
      ]); // prettier-ignore
      return new Uint8Array(readFileSync(response));
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
