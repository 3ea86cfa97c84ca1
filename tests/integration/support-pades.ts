import { createSign, X509Certificate } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Signer } from '../../shared/signing/signingTypes';

/**
 * A small test PKI made with the openssl CLI for the PAdES tests (kept apart from
 * tests/support/testPki.ts, which serves the token tests).
 */
const run = promisify(execFile);

export type TestIdentity = {
  readonly name: string;
  readonly keyPem: string;
  readonly certificatePem: string;
  readonly certificateDer: Uint8Array;
  readonly certificatePath: string;
};

export type PadesPki = {
  readonly dir: string;
  readonly root: TestIdentity;
  readonly intermediate: TestIdentity;
  readonly teacher: TestIdentity;
  readonly principal: TestIdentity;
  readonly seal: TestIdentity;
  readonly expired: TestIdentity;
  readonly encipherOnly: TestIdentity;
  /** A root nobody trusts, for chain failures. */
  readonly otherRoot: TestIdentity;
  /** root.pem + intermediate.pem, for `openssl cms -verify -CAfile`. */
  readonly caFile: string;
};

export async function openssl(args: readonly string[], cwd: string): Promise<string> {
  const { stdout } = await run('openssl', [...args], { cwd });
  return stdout;
}

function pemToDer(pem: string): Uint8Array {
  return new Uint8Array(new X509Certificate(pem).raw);
}

const extensions = `
[req]
distinguished_name = dn

[dn]

[ca]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[intermediate]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[signer]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[encipher]
basicConstraints = critical, CA:false
keyUsage = critical, keyEncipherment
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
`;

function caConfig(dir: string): string {
  return `
[ca]
default_ca = test_ca

[test_ca]
dir = ${dir}
database = ${dir}/index.txt
new_certs_dir = ${dir}/issued
serial = ${dir}/serial
default_md = sha256
policy = any_name
unique_subject = no
copy_extensions = none
email_in_dn = no

[any_name]
commonName = supplied
organizationName = optional
countryName = optional
`;
}

async function identity(dir: string, file: string, name: string): Promise<TestIdentity> {
  const certificatePath = join(dir, `${file}.pem`);
  const certificatePem = await readFile(certificatePath, 'utf8');
  return {
    name,
    keyPem: await readFile(join(dir, `${file}.key`), 'utf8'),
    certificatePem,
    certificateDer: pemToDer(certificatePem),
    certificatePath,
  };
}

async function selfSigned(dir: string, file: string, name: string): Promise<TestIdentity> {
  await openssl(['genrsa', '-out', `${file}.key`, '2048'], dir);
  await openssl(
    [
      'req',
      '-new',
      '-x509',
      '-utf8',
      '-days',
      '3650',
      '-sha256',
      '-key',
      `${file}.key`,
      '-subj',
      `/C=VN/O=Học bạ số thử nghiệm/CN=${name}`,
      '-extensions',
      'ca',
      '-config',
      'ext.cnf',
      '-out',
      `${file}.pem`,
    ],
    dir,
  );
  return identity(dir, file, name);
}

/** Issues a certificate from `issuer` with `openssl ca`, which lets the test pick the validity dates. */
async function issue(
  dir: string,
  issuer: string,
  file: string,
  name: string,
  section: string,
  dates: { readonly start: string; readonly end: string },
): Promise<TestIdentity> {
  await openssl(['genrsa', '-out', `${file}.key`, '2048'], dir);
  await openssl(
    ['req', '-new', '-utf8', '-key', `${file}.key`, '-subj', `/C=VN/CN=${name}`, '-out', `${file}.csr`],
    dir,
  );
  await openssl(
    [
      'ca',
      '-batch',
      '-utf8',
      '-notext',
      '-config',
      'ca.cnf',
      '-cert',
      `${issuer}.pem`,
      '-keyfile',
      `${issuer}.key`,
      '-in',
      `${file}.csr`,
      '-out',
      `${file}.pem`,
      '-startdate',
      dates.start,
      '-enddate',
      dates.end,
      '-extfile',
      'ext.cnf',
      '-extensions',
      section,
    ],
    dir,
  );
  return identity(dir, file, name);
}

function asn1Time(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

/** Root → intermediate → teacher, principal, seal (plus an expired one and an untrusted root). */
export async function createPadesPki(dir: string): Promise<PadesPki> {
  await mkdir(join(dir, 'issued'), { recursive: true });
  await writeFile(join(dir, 'ext.cnf'), extensions);
  await writeFile(join(dir, 'ca.cnf'), caConfig(dir));
  await writeFile(join(dir, 'index.txt'), '');
  await writeFile(join(dir, 'serial'), '1000\n');

  const now = Date.now();
  const day = 86_400_000;
  const current = { start: asn1Time(new Date(now - day)), end: asn1Time(new Date(now + 365 * day)) };
  const root = await selfSigned(dir, 'root', 'Test Root CA Học bạ');
  const intermediate = await issue(dir, 'root', 'intermediate', 'Test Sub CA Học bạ', 'intermediate', {
    start: asn1Time(new Date(now - 2 * day)),
    end: asn1Time(new Date(now + 3 * 365 * day)),
  });
  const teacher = await issue(dir, 'intermediate', 'teacher', 'Nguyễn Thị Hoa', 'signer', current);
  const principal = await issue(dir, 'intermediate', 'principal', 'Trần Văn Bình', 'signer', current);
  const seal = await issue(dir, 'intermediate', 'seal', 'Trường Tiểu học Kim Đồng', 'signer', current);
  const expired = await issue(dir, 'intermediate', 'expired', 'Lê Văn Cũ', 'signer', {
    start: asn1Time(new Date(now - 400 * day)),
    end: asn1Time(new Date(now - 30 * day)),
  });
  const encipherOnly = await issue(dir, 'intermediate', 'encipher', 'Phạm Thu Mã', 'encipher', current);
  const otherRoot = await selfSigned(dir, 'other-root', 'Untrusted Root CA');
  const caFile = join(dir, 'ca-bundle.pem');
  await writeFile(caFile, `${root.certificatePem}${intermediate.certificatePem}`);
  return { dir, root, intermediate, teacher, principal, seal, expired, encipherOnly, otherRoot, caFile };
}

/** A software signer: RSA PKCS#1 v1.5 over SHA-256, like CKM_SHA256_RSA_PKCS on a token. */
export function softwareSigner(identity: TestIdentity, chain: readonly TestIdentity[]): Signer {
  return {
    certificateChain: [identity.certificateDer, ...chain.map((issuer) => issuer.certificateDer)],
    sign: async (data) => {
      const signer = createSign('RSA-SHA256');
      signer.update(data);
      return new Uint8Array(signer.sign(identity.keyPem));
    },
  };
}
