import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A local RFC 3161 timestamp authority for tests: an HTTP server on 127.0.0.1 (random port) that
 * answers each `application/timestamp-query` by running `openssl ts -reply` with a TSA
 * certificate a test CA issued (extendedKeyUsage timeStamping, critical, as RFC 3161 §2.3
 * requires). Its `mode` makes it misbehave the ways a real network does.
 */

const run = promisify(execFile);

export type TsaMode =
  /** Answers with a fresh token. */
  | 'normal'
  /** Answers every query with the first token it issued (a replay: wrong imprint and nonce). */
  | 'replay'
  /** Accepts the connection and never answers. */
  | 'hang'
  /** Answers 200 with a megabyte of zeros. */
  | 'huge'
  /** Answers with a TimeStampResp whose status is "rejection". */
  | 'reject';

export type TestTsa = {
  readonly url: string;
  readonly certificatePath: string;
  readonly certificateDer: Uint8Array;
  /** Queries received so far. */
  readonly requests: () => number;
  mode: TsaMode;
  readonly close: () => Promise<void>;
};

type TsaState = { url: string; mode: TsaMode };

export type TsaIssuer = { readonly certPath: string; readonly keyPath: string };

const extensions = `
[ tsa ]
basicConstraints       = critical, CA:false
keyUsage               = critical, digitalSignature, nonRepudiation
extendedKeyUsage       = critical, timeStamping
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
`;

const tsaConfig = (dir: string) => `
[ tsa ]
default_tsa = tsa_config

[ tsa_config ]
dir               = ${dir}
serial            = ${dir}/tsaserial
crypto_device     = builtin
signer_digest     = sha256
default_policy    = 1.3.6.1.4.1.99999.2.1
digests           = sha256, sha384, sha512
accuracy          = secs:1
ordering          = no
tsa_name          = yes
ess_cert_id_chain = no
ess_cert_id_alg   = sha256
`;

/** Issues a TSA certificate from a test CA (its certificate and key as PEM files) into `dir`. */
export function issueTsaCertificate(dir: string, issuer: TsaIssuer, commonName: string) {
  const keyPath = join(dir, 'tsa.key.pem');
  const csrPath = join(dir, 'tsa.csr.pem');
  const certPath = join(dir, 'tsa.cert.pem');
  const extPath = join(dir, 'tsa.ext');
  writeFileSync(extPath, extensions);
  const openssl = (args: readonly string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', keyPath]);
  openssl(['req', '-new', '-key', keyPath, '-utf8', '-subj', `/C=VN/CN=${commonName}`, '-out', csrPath]);
  openssl([
    'x509', '-req', '-in', csrPath, '-CA', issuer.certPath, '-CAkey', issuer.keyPath,
    '-set_serial', `0x${randomBytes(8).toString('hex')}`, '-days', '825', '-sha256',
    '-extfile', extPath, '-extensions', 'tsa', '-out', certPath,
  ]); // prettier-ignore
  const der = new Uint8Array(openssl(['x509', '-in', certPath, '-outform', 'DER']));
  return { certPath, keyPath, der };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * Starts the TSA. `issuer` is the CA that issues its certificate; `chainPath` (PEM) holds the
 * certificates the token carries besides the TSA's own (e.g. the intermediate CA).
 */
export async function startTestTsa(options: {
  readonly issuer: TsaIssuer;
  readonly chainPath?: string;
  readonly commonName?: string;
}): Promise<TestTsa> {
  const dir = mkdtempSync(join(tmpdir(), 'hocba-tsa-'));
  writeFileSync(join(dir, 'tsaserial'), '01\n');
  writeFileSync(join(dir, 'tsa.cnf'), tsaConfig(dir));
  const certificate = issueTsaCertificate(
    dir,
    options.issuer,
    options.commonName ?? 'Máy chủ dấu thời gian Sở GD&ĐT',
  );
  let requests = 0;
  let first: Buffer | undefined;
  // openssl ts keeps its serial in a file: one reply at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const reply = (query: Buffer): Promise<Buffer> => {
    const next = queue.then(async () => {
      const id = randomBytes(6).toString('hex');
      const queryPath = join(dir, `${id}.tsq`);
      const replyPath = join(dir, `${id}.tsr`);
      writeFileSync(queryPath, query);
      await run('openssl', [
        'ts', '-reply', '-config', join(dir, 'tsa.cnf'), '-queryfile', queryPath,
        '-inkey', certificate.keyPath, '-signer', certificate.certPath,
        ...(options.chainPath ? ['-chain', options.chainPath] : []), '-out', replyPath,
      ]); // prettier-ignore
      return readFileSync(replyPath);
    });
    queue = next.catch(() => undefined);
    return next;
  };

  const tsa: TsaState = { url: '', mode: 'normal' };
  const sockets = new Set<Socket>();
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    requests += 1;
    void (async () => {
      const query = await readBody(request);
      if (tsa.mode === 'hang') return;
      if (tsa.mode === 'huge') {
        response.writeHead(200, { 'content-type': 'application/timestamp-reply' });
        response.end(Buffer.alloc(1024 * 1024));
        return;
      }
      if (tsa.mode === 'reject') {
        response.writeHead(200, { 'content-type': 'application/timestamp-reply' });
        response.end(Buffer.from([0x30, 0x05, 0x30, 0x03, 0x02, 0x01, 0x02]));
        return;
      }
      try {
        const answer = tsa.mode === 'replay' && first ? first : await reply(query);
        first ??= answer;
        response.writeHead(200, { 'content-type': 'application/timestamp-reply' });
        response.end(answer);
      } catch {
        response.writeHead(500);
        response.end();
      }
    })();
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  tsa.url = `http://127.0.0.1:${port}/tsa`;
  return {
    url: tsa.url,
    certificatePath: certificate.certPath,
    certificateDer: certificate.der,
    requests: () => requests,
    get mode() {
      return tsa.mode;
    },
    set mode(mode: TsaMode) {
      tsa.mode = mode;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A URL on 127.0.0.1 where nothing listens: a port taken from the OS and released. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/tsa`;
}
