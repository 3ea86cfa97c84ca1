import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { timestampFunctionFor } from '../timestamp';
import { createTrustStore } from './trustStore';

let root: string;
let shipped: string;
let data: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hocba-trust-'));
  shipped = join(root, 'resources-trust');
  data = join(root, 'data-trust');
  await mkdir(join(shipped, 'crl'), { recursive: true });
  await mkdir(join(data, 'crl'), { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const pem = (bytes: Uint8Array) =>
  `-----BEGIN X509 CRL-----\n${Buffer.from(bytes).toString('base64')}\n-----END X509 CRL-----\n`;

describe('the trust store', () => {
  it('reads CRLs from every trust folder’s crl/, DER or PEM, and nothing else', async () => {
    await writeFile(join(shipped, 'crl', 'a.crl'), Uint8Array.of(0x30, 1, 2));
    await writeFile(
      join(data, 'crl', 'b.pem'),
      pem(Uint8Array.of(0x30, 3, 4)) + pem(Uint8Array.of(0x30, 5, 6)),
    );
    await writeFile(join(data, 'crl', 'notes.txt'), 'không phải CRL');
    const crls = await createTrustStore([shipped, data]).crls();
    expect(crls.map((crl) => Array.from(crl))).toEqual([
      [0x30, 1, 2],
      [0x30, 3, 4],
      [0x30, 5, 6],
    ]);
    expect(await createTrustStore([join(root, 'absent')]).crls()).toEqual([]);
  });

  it('bounds CRLs in count, per-file size and total size', async () => {
    for (const name of ['1.crl', '2.crl', '3.crl', '4.crl'])
      await writeFile(join(data, 'crl', name), new Uint8Array(100));
    await writeFile(join(data, 'crl', '0-huge.crl'), new Uint8Array(1000));
    const limits = { maxFiles: 3, maxFileBytes: 500, maxTotalBytes: 250 };
    const crls = await createTrustStore([data], limits).crls();
    // The huge file is skipped, the total stops at two files, the count never passes three.
    expect(crls).toHaveLength(2);
    expect((await createTrustStore([data], { ...limits, maxTotalBytes: 10_000 }).crls()).length).toBe(3);
  });

  it('takes the TSA from timestamp.json, the data folder over the shipped one', async () => {
    expect(await createTrustStore([shipped, data]).timestamp()).toEqual({ url: undefined, problems: [] });
    await writeFile(join(shipped, 'timestamp.json'), JSON.stringify({ url: 'https://tsa.bo.vn/' }));
    expect((await createTrustStore([shipped, data]).timestamp()).url).toBe('https://tsa.bo.vn/');
    await writeFile(join(data, 'timestamp.json'), JSON.stringify({ url: 'http://tsa.sogd.vn/tsa' }));
    expect((await createTrustStore([shipped, data]).timestamp()).url).toBe('http://tsa.sogd.vn/tsa');
  });

  it('gives the batch a timestamp function only when a TSA is configured', async () => {
    expect(await timestampFunctionFor(createTrustStore([shipped, data]))).toBeUndefined();
    await writeFile(join(data, 'timestamp.json'), JSON.stringify({ url: 'http://tsa.sogd.vn/tsa' }));
    expect(typeof (await timestampFunctionFor(createTrustStore([shipped, data])))).toBe('function');
  });

  it('reports a bad timestamp.json and goes on without it', async () => {
    await writeFile(join(shipped, 'timestamp.json'), JSON.stringify({ url: 'https://tsa.bo.vn/' }));
    for (const bad of [
      '{',
      JSON.stringify({ url: 'file:///etc/passwd' }),
      JSON.stringify({ url: 'https://a/', x: 1 }),
    ]) {
      await writeFile(join(data, 'timestamp.json'), bad);
      const settings = await createTrustStore([shipped, data]).timestamp();
      expect(settings.url).toBe('https://tsa.bo.vn/');
      expect(settings.problems).toHaveLength(1);
      expect(settings.problems[0]).toContain('không hợp lệ');
    }
  });
});
