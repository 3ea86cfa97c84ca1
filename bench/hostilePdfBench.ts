/**
 * `npm run bench:hostile-pdf`: the học bạ verifier (`verifyRecordPdf`, what "Kiểm tra" and
 * `hocba verify` run) on hostile PDFs of up to 5 MB and on genuine records, each file verified in
 * a fresh Node process so its time and peak memory (maxRSS) are its own. Aim (issue 8): every
 * hostile file refused in under 5 s and under 300 MB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '@noble/hashes/sha2.js';
import { CryptoEngine } from 'pkijs';
import { verifyRecordPdf } from '../shared/record/verifyRecordPdf';
import {
  attachmentBomb,
  byteRangeKeyFlood,
  contentBomb,
  deepNesting,
  emptyStringFlood,
  endlessNumber,
  nameTreeLoop,
  pdfOfObjects,
  sharedKidsFlood,
  signatureObjectFlood,
  withFirstContent,
  zlibBomb,
} from '../tests/support/hostilePdfs';
import {
  createRecordPki,
  genuineSigners,
  recordNaming,
  recordSigning,
} from '../tests/support/signedRecordFixture';

const megabyte = 1024 * 1024;

async function verifyOne(path: string, anchorPath: string): Promise<void> {
  const pdf = new Uint8Array(readFileSync(path));
  const started = performance.now();
  const report = await verifyRecordPdf({
    pdf,
    trustAnchors: [new Uint8Array(readFileSync(anchorPath))],
    sha256,
    cryptoEngine: new CryptoEngine({ name: 'node', crypto: globalThis.crypto }),
  });
  const ms = performance.now() - started;
  process.stdout.write(
    `${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, status: report.status, verdict: report.verdict })}\n`,
  );
}

type Result = { ms: number; maxRssMb: number; status: string; verdict: string };

function measure(script: string, path: string, anchorPath: string): Result {
  const child = spawnSync(process.execPath, [script, '--one', path, anchorPath], {
    encoding: 'utf8',
    maxBuffer: 16 * megabyte,
  });
  if (child.status !== 0) throw new Error(`verifying ${path} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Result;
}

/** The biggest well-formed file the reader's caps let through: 19,000 objects filling 5 MB. */
function fullOfObjects(): Uint8Array {
  const filler = `<< /Type /Annot /Subtype /Text /Contents (${'x'.repeat(170)}) >>`;
  return pdfOfObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [] /Count 0 >>',
    ...Array.from({ length: 19_000 }, () => filler),
  ]);
}

/** One 4.9 MB hex string: the longest a string may be is 1 MB. */
function giantString(): Uint8Array {
  return pdfOfObjects(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Big <${'41'.repeat(2_450_000)}> >>`]);
}

async function main(): Promise<void> {
  if (process.argv[2] === '--one') {
    await verifyOne(process.argv[3] ?? '', process.argv[4] ?? '');
    return;
  }
  const script = fileURLToPath(import.meta.url);
  const dir = mkdtempSync(join(tmpdir(), 'hocba-hostile-pdf-'));
  try {
    const pki = await createRecordPki();
    const signing = await recordSigning(pki, recordNaming(pki));
    const signers = genuineSigners(pki);
    let signed = await signing.sign(signing.rendered.pdf, 'homeroomTeacher', signers.homeroomTeacher);
    signed = await signing.sign(signed, 'principal', signers.principal);
    signed = await signing.sign(signed, 'schoolSeal', signers.schoolSeal);
    const gibibyteBomb = await zlibBomb(1024 * megabyte);
    const files: readonly [string, Uint8Array][] = [
      ['genuine record, three signatures', signed],
      ['genuine record, not signed yet', signing.rendered.pdf],
      ['10,000 /ByteRange keys in one dictionary', byteRangeKeyFlood(10_000)],
      ['5 MB of /ByteRange keys', byteRangeKeyFlood(150_000)],
      ['10,000 signature dictionaries', signatureObjectFlood(10_000)],
      ['5 MB of signature dictionaries (past the object cap)', signatureObjectFlood(55_000)],
      ['19,000 objects filling 5 MB (under every cap)', fullOfObjects()],
      ['attachment inflating to 1 GiB', await attachmentBomb(signing.rendered.pdf, gibibyteBomb)],
      ['page content inflating to 1 GiB', await contentBomb(signing.rendered.pdf, gibibyteBomb)],
      ['arrays nested 1,000,000 deep', deepNesting(1_000_000)],
      ['a 5,000,000-digit number', endlessNumber(5_000_000)],
      ['a 4.9 MB string', giantString()],
      ['2.4 million empty strings (4.8 MB)', emptyStringFlood(98, 24_500)],
      ['a name tree listing itself 1,000 times', nameTreeLoop(25_000, 10_000)],
      ['500 fields sharing 50,000 kids', sharedKidsFlood(500, 50_000)],
      [
        'a QR candidate of 300,000 rectangles',
        await withFirstContent(signing.rendered.pdf, `q 0 0 0 rg ${'0 0 1 1 re '.repeat(300_000)}f Q`),
      ],
      [
        '100,000 page-sized rectangles',
        await withFirstContent(
          signing.rendered.pdf,
          `q 0 0 0 rg 0 0 1 1 re ${'0 0 177 177 re '.repeat(100_000)}f Q`,
        ),
      ],
    ];
    const anchorPath = join(dir, 'root.der');
    writeFileSync(anchorPath, pki.root.der);
    console.log('Verifier on hostile and genuine PDFs (each in a fresh process; aim: < 5 s and < 300 MB)\n');
    console.log(
      `${'file'.padEnd(54)} ${'size'.padStart(9)} ${'time'.padStart(9)} ${'peak RSS'.padStart(9)}  verdict`,
    );
    let worstMs = 0;
    let worstMb = 0;
    for (const [name, pdf] of files) {
      const path = join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.pdf`);
      writeFileSync(path, pdf);
      const result = measure(script, path, anchorPath);
      if (!name.startsWith('genuine')) {
        worstMs = Math.max(worstMs, result.ms);
        worstMb = Math.max(worstMb, result.maxRssMb);
      }
      console.log(
        `${name.padEnd(54)} ${`${(pdf.length / megabyte).toFixed(2)} MB`.padStart(9)} ${`${result.ms.toFixed(0)} ms`.padStart(9)} ${`${result.maxRssMb.toFixed(0)} MB`.padStart(9)}  ${result.status}: ${result.verdict.slice(0, 90)}`,
      );
    }
    console.log(
      `\nWorst hostile file: ${worstMs.toFixed(0)} ms (aim < 5000 ms, ${(worstMs / 5000).toFixed(2)}× the aim), ` +
        `peak ${worstMb.toFixed(0)} MB (aim < 300 MB, ${(worstMb / 300).toFixed(2)}× the aim).`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
