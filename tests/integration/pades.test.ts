import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { sha256 } from '@noble/hashes/sha2.js';
import { CryptoEngine } from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedSharedSubsetFont, vietnameseCharacters } from '../../shared/pdf/cachedFontkit';
import { readSignatureDictionaries } from '../../shared/signing/signatureDictionaries';
import { PdfSigningError } from '../../shared/signing/pdfSigningError';
import { signPdf, type SignPdfOptions } from '../../shared/signing/signPdf';
import type { SignatureRect } from '../../shared/signing/signingTypes';
import type { SignerRole } from '../../shared/domain/signerRole';
import { verifyPdfSignatures, type VerificationReport } from '../../shared/signing/verifyPdfSignatures';
import { repoRoot } from '../support/paths';
import {
  createTestPki,
  softwareSigner,
  testPkiSignerNames,
  type TestIdentity,
  type TestPki,
} from '../support/testPki';

const run = promisify(execFile);
const fontPath = join(
  repoRoot,
  'node_modules/@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
);
const cryptoEngine = new CryptoEngine({ name: 'node', crypto: globalThis.crypto });
const boxes: Readonly<Record<SignerRole, SignatureRect>> = {
  homeroomTeacher: { x: 40, y: 80, width: 165, height: 60 },
  principal: { x: 215, y: 80, width: 165, height: 60 },
  schoolSeal: { x: 390, y: 80, width: 165, height: 60 },
};

let dir = '';
let pki: TestPki;
let fontBytes: Uint8Array;
let original: Uint8Array;
const revisions: Uint8Array[] = [];

async function makeRecordPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await embedSharedSubsetFont(doc, fontBytes, vietnameseCharacters().join(''));
  const page = doc.addPage([595.28, 841.89]);
  const lines = [
    'HỌC BẠ TIỂU HỌC',
    `${testPkiSignerNames.school} — năm học 2025-2026`,
    'Học sinh: Nguyễn Ngọc Ánh, lớp 5A',
    'Nhận xét: Chăm chỉ, tiến bộ rõ rệt về đọc hiểu.',
  ];
  lines.forEach((line, index) => {
    page.drawText(line.normalize('NFC'), { x: 60, y: 760 - index * 24, size: 14, font });
  });
  // Default save: object streams and a cross-reference stream, as the record renderer writes.
  return doc.save();
}

function signOptions(pdf: Uint8Array, role: SignerRole, identity: TestIdentity): SignPdfOptions {
  return {
    pdf,
    signer: softwareSigner(identity, [pki.intermediateCa]),
    sha256,
    role,
    pageIndex: 0,
    rect: boxes[role],
    fontBytes,
    signingTime: new Date(),
  };
}

function verify(
  pdf: Uint8Array,
  anchors: readonly Uint8Array[] = [pki.rootCa.certDer],
): Promise<VerificationReport> {
  return verifyPdfSignatures({ pdf, trustAnchors: anchors, sha256, cryptoEngine });
}

type PdfsigSignature = { readonly field: string; readonly lines: readonly string[] };

async function pdfsig(pdf: Uint8Array, name: string): Promise<PdfsigSignature[]> {
  const file = join(dir, name);
  await writeFile(file, pdf);
  // pdfsig exits 0 even when a digest does not match: the verdict is in its text.
  const { stdout } = await run('pdfsig', [file]).catch((error: unknown) => {
    const failure = error as { stdout?: string };
    return { stdout: failure.stdout ?? '' };
  });
  return stdout
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => {
      const lines = block
        .split('\n')
        .map((line) => line.trim().replace(/^- /, ''))
        .filter(Boolean);
      const field = lines.find((line) => line.startsWith('Signature Field Name:')) ?? '';
      return { field: field.replace('Signature Field Name:', '').trim(), lines };
    });
}

/** The length of a DER value from its header (the /Contents hex is padded with zeros). */
function derLength(bytes: Uint8Array): number {
  const first = bytes[1] ?? 0;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  let length = 0;
  for (let i = 0; i < count; i += 1) length = length * 256 + (bytes[2 + i] ?? 0);
  return 2 + count + length;
}

describe('PAdES signatures as incremental updates', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hocba-pades-'));
    pki = createTestPki();
    fontBytes = new Uint8Array(await readFile(fontPath));
    original = await makeRecordPdf();
    let current = original;
    const signers: [SignerRole, TestIdentity][] = [
      ['homeroomTeacher', pki.signers.homeroomTeacher],
      ['principal', pki.signers.principal],
      ['schoolSeal', pki.signers.schoolSeal],
    ];
    for (const [role, identity] of signers) {
      current = await signPdf(signOptions(current, role, identity));
      revisions.push(current);
    }
    await writeFile(join(dir, 'signed.pdf'), current);
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    pki.cleanup();
  });

  it('keeps every earlier revision byte-identical at the start of the next one', () => {
    const chain = [original, ...revisions];
    for (let i = 1; i < chain.length; i += 1) {
      const before = chain[i - 1] ?? new Uint8Array();
      const after = chain[i] ?? new Uint8Array();
      expect(after.length).toBeGreaterThan(before.length);
      expect(Buffer.from(after.subarray(0, before.length)).equals(Buffer.from(before))).toBe(true);
    }
  });

  it('is valid in our verifier: three signers, in order, the last covering the whole file', async () => {
    const signed = revisions[2] ?? new Uint8Array();
    const report = await verify(signed);
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    expect(report.signatures.map((signature) => signature.signerName)).toEqual([
      testPkiSignerNames.teacher,
      testPkiSignerNames.principal,
      testPkiSignerNames.school,
    ]);
    expect(report.signatures.map((signature) => signature.reason)).toEqual([
      'Giáo viên chủ nhiệm',
      'Hiệu trưởng',
      'Con dấu nhà trường',
    ]);
    for (const signature of report.signatures) {
      expect(signature.checks.filter((check) => !check.ok)).toEqual([]);
      expect(signature.valid).toBe(true);
    }
    expect(report.signatures.map((signature) => signature.coversWholeFile)).toEqual([false, false, true]);
    expect(report.valid).toBe(true);
    expect(report.verdict).toContain('hợp lệ');
  });

  it('is valid in pdfsig: three signatures, only the last covering the whole document', async () => {
    const signatures = await pdfsig(revisions[2] ?? new Uint8Array(), 'pdfsig-signed.pdf');
    expect(signatures.map((signature) => signature.field)).toEqual([
      'Sig_gvcn',
      'Sig_hieutruong',
      'Sig_truong',
    ]);
    signatures.forEach((signature, index) => {
      expect(signature.lines).toContain('Signature Validation: Signature is Valid.');
      expect(signature.lines).toContain('Signature Type: ETSI.CAdES.detached');
      expect(signature.lines.includes('Total document signed')).toBe(index === 2);
    });
  });

  it('passes openssl cms -verify for each extracted signature against root + intermediate', async () => {
    const signed = revisions[2] ?? new Uint8Array();
    const found = readSignatureDictionaries(signed);
    expect(found).toHaveLength(3);
    for (const [index, signature] of found.entries()) {
      const range = signature.byteRange;
      const contents = signature.contents;
      if (!range) throw new Error('signature without byte range');
      const covered = Buffer.concat([
        signed.subarray(range[0], range[0] + range[1]),
        signed.subarray(range[2], range[2] + range[3]),
      ]);
      const cmsFile = join(dir, `sig-${index}.der`);
      const contentFile = join(dir, `covered-${index}.bin`);
      await writeFile(cmsFile, contents.subarray(0, derLength(contents)));
      await writeFile(contentFile, covered);
      const { stderr } = await run('openssl', [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        cmsFile,
        '-content',
        contentFile,
        '-CAfile',
        pki.chainPemPath,
        '-out',
        join(dir, `out-${index}.bin`),
      ]);
      expect(stderr).toContain('Verification successful');
    }
  });

  it('shows the signer, the role and the date in Vietnamese in the visible appearance', async () => {
    const file = join(dir, 'appearance.pdf');
    await writeFile(file, revisions[2] ?? new Uint8Array());
    const { stdout } = await run('pdftotext', ['-layout', file, '-']);
    expect(stdout.normalize('NFC')).toContain(testPkiSignerNames.teacher);
    expect(stdout.normalize('NFC')).toContain('Hiệu trưởng');
    expect(stdout.normalize('NFC')).toContain('Ngày ký:');
  });

  it('detects one changed byte inside a signed range, as pdfsig does', async () => {
    const tampered = new Uint8Array(revisions[2] ?? new Uint8Array());
    const text = Buffer.from(original).toString('latin1');
    // A byte inside the page's content stream of the first revision: covered by all three ranges.
    const inStream = text.indexOf('stream\n', text.indexOf('/Length')) + 'stream\n'.length + 5;
    const firstRange = readSignatureDictionaries(tampered)[0]?.byteRange;
    expect(firstRange && inStream < firstRange[1]).toBe(true);
    tampered[inStream] = (tampered[inStream] ?? 0) ^ 0x01;
    const report = await verify(tampered);
    expect(report.valid).toBe(false);
    for (const signature of report.signatures) {
      expect(signature.checks.find((check) => check.check === 'digest')).toMatchObject({
        ok: false,
        message: 'Nội dung tệp đã bị thay đổi sau khi ký (mã băm không khớp).',
      });
    }
    const signatures = await pdfsig(tampered, 'pdfsig-tampered.pdf');
    expect(signatures).toHaveLength(3);
    for (const signature of signatures) {
      expect(signature.lines).not.toContain('Signature Validation: Signature is Valid.');
      expect(signature.lines.join('\n')).toMatch(/Digest Mismatch/);
    }
  });

  it('detects an unsigned incremental revision appended after the last signature', async () => {
    const signed = revisions[2] ?? new Uint8Array();
    const doc = await PDFDocument.load(signed, { forIncrementalUpdate: true, updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.getPages()[0]?.drawText('Xep loai: Hoan thanh xuat sac', { x: 60, y: 600, size: 14, font });
    const altered = await doc.save();
    expect(Buffer.from(altered.subarray(0, signed.length)).equals(Buffer.from(signed))).toBe(true);

    const report = await verify(altered);
    expect(report.valid).toBe(false);
    // The update is refused for what it changed: the page it draws on.
    expect(report.checks.filter((check) => !check.ok).map((check) => check.message)).toEqual([
      'Phiên bản 5 của tệp đã sửa trang 1 (mục /Resources), trong khi sau khi ký chỉ được phép thêm chữ ký.',
      'Phiên bản 5 của tệp đã sửa trang 1 (mục /Contents), trong khi sau khi ký chỉ được phép thêm chữ ký.',
    ]);
    // Each signature on its own is still intact; the file as a whole is not.
    expect(
      report.signatures.every((signature) => signature.checks.find((c) => c.check === 'digest')?.ok),
    ).toBe(true);
    const signatures = await pdfsig(altered, 'pdfsig-appended.pdf');
    expect(signatures).toHaveLength(3);
    expect(signatures.some((signature) => signature.lines.includes('Total document signed'))).toBe(false);
    expect(signatures[2]?.lines).toContain('Not total document signed');
  });

  it('detects an unsigned revision slipped in between two signatures', async () => {
    const teacherSigned = revisions[0] ?? new Uint8Array();
    const doc = await PDFDocument.load(teacherSigned, { forIncrementalUpdate: true, updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.getPages()[0]?.drawText('Diem: 10', { x: 60, y: 560, size: 14, font });
    const altered = await doc.save();
    const resigned = await signPdf(signOptions(altered, 'principal', pki.signers.principal));

    const report = await verify(resigned);
    expect(report.valid).toBe(false);
    expect(report.checks.filter((check) => !check.ok).map((check) => check.message)).toContain(
      'Phiên bản 3 của tệp đã sửa trang 1 (mục /Contents), trong khi sau khi ký chỉ được phép thêm chữ ký.',
    );
    // Each signature on its own is intact: it is what happened between them that is refused.
    expect(report.signatures.map((signature) => signature.valid)).toEqual([true, true]);
  });

  it('fails the chain check against a root it was not issued under', async () => {
    const report = await verify(revisions[2] ?? new Uint8Array(), [pki.untrustedRootCa.certDer]);
    expect(report.valid).toBe(false);
    for (const signature of report.signatures) {
      const chain = signature.checks.find((check) => check.check === 'chain');
      expect(chain?.ok).toBe(false);
      expect(chain?.message).toContain('không dẫn tới chứng thư gốc tin cậy');
      expect(signature.checks.find((check) => check.check === 'signature')?.ok).toBe(true);
    }
  });

  it('refuses to sign with an expired certificate, one without signing usage, or the wrong holder', async () => {
    const refusal = async (options: SignPdfOptions): Promise<PdfSigningError> => {
      const error: unknown = await signPdf(options).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      if (!(error instanceof PdfSigningError)) throw new Error('expected a PdfSigningError');
      return error;
    };
    const expired = await refusal(signOptions(original, 'homeroomTeacher', pki.signers.expired));
    expect(expired.code).toBe('expired');
    expect(expired.message).toMatch(/^Chứng thư số đã hết hạn từ \d{2}\/\d{2}\/\d{4}/);

    const encipher = await refusal(signOptions(original, 'homeroomTeacher', pki.signers.noDigitalSignature));
    expect(encipher.code).toBe('no-signing-usage');

    const wrongHolder = await refusal({
      ...signOptions(original, 'homeroomTeacher', pki.signers.homeroomTeacher),
      expectedSignerName: testPkiSignerNames.principal,
    });
    expect(wrongHolder.code).toBe('wrong-holder');
    expect(wrongHolder.message).toContain(testPkiSignerNames.teacher);

    const twice = await refusal(
      signOptions(revisions[0] ?? original, 'homeroomTeacher', pki.signers.homeroomTeacher),
    );
    expect(twice.code).toBe('already-signed');
    expect(twice.message).toBe('Học bạ đã có chữ ký của Giáo viên chủ nhiệm.');
  });

  it('builds its test PKI with openssl (sanity: the chain verifies with openssl verify)', async () => {
    const { stdout } = await run('openssl', [
      'verify',
      '-CAfile',
      pki.rootCa.certPemPath,
      '-untrusted',
      pki.intermediateCa.certPemPath,
      pki.signers.schoolSeal.certPemPath,
    ]);
    expect(stdout).toContain(': OK');
  });
});
