import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CryptoEngine } from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRecordFonts, type RecordFontBytes } from '../../main/services/recordFonts';
import { createTokenSigner, nodeSha256, signRecordFile } from '../../main/services/signing';
import { createTokenService, sharedModuleRegistry, type TokenService } from '../../main/services/token';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import { renderStudyRecordPdf } from '../../shared/record/render/renderStudyRecordPdf';
import { sampleStudyRecords } from '../../shared/record/sampleStudyRecords';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../shared/sample/generateYearResults';
import { oids, parseCades } from '../../shared/signing/cadesSignedData';
import { readSignatureDictionaries } from '../../shared/signing/signatureDictionaries';
import type { SignerRole } from '../../shared/domain/signerRole';
import { verifyPdfSignatures } from '../../shared/signing/verifyPdfSignatures';
import { createSoftHsm, type SoftHsm, type TokenName } from '../support/softhsm';
import { createTestPki, testPkiSignerNames, type TestPki } from '../support/testPki';
import { namingSigners } from '../support/recordSigners';

/**
 * A học bạ signed by the homeroom teacher with the EC P-256 key on her token (SoftHSM key 02:
 * CKM_ECDSA over a SHA-256 digest, ecdsa-with-SHA256 in the CMS), then by the principal with
 * RSA; checked by our verifier, by pdfsig and by `openssl cms -verify`.
 */

const run = promisify(execFile);
const cryptoEngine = new CryptoEngine({ name: 'node', crypto: globalThis.crypto });

let pki: TestPki;
let hsm: SoftHsm;
let service: TokenService;
let fonts: RecordFontBytes;
let work: string;
let file: string;

async function signAs(name: TokenName, keyIdHex: string, role: SignerRole): Promise<void> {
  const token = service
    .listTokens(hsm.modulePath)
    .find((candidate) => candidate.label === hsm.tokens[name].label);
  if (token === undefined) throw new Error(`token ${name} not listed`);
  const session = await service.login(
    { libraryPath: hsm.modulePath, slotId: token.slotId },
    hsm.tokens[name].userPin,
  );
  try {
    const signer = createTokenSigner({ session, keyIdHex, intermediates: [pki.intermediateCa.certDer] });
    await signRecordFile({
      input: file,
      role,
      signer,
      fontBytes: fonts.regular,
      trustAnchors: [pki.rootCa.certDer],
    });
  } finally {
    session.close();
  }
}

/** The length of a DER value from its header (the /Contents hex is padded with zeros). */
function derLength(bytes: Uint8Array): number {
  const first = bytes[1] ?? 0;
  if (first < 0x80) return 2 + first;
  let length = 0;
  for (let i = 0; i < (first & 0x7f); i += 1) length = length * 256 + (bytes[2 + i] ?? 0);
  return 2 + (first & 0x7f) + length;
}

beforeAll(async () => {
  pki = createTestPki();
  hsm = createSoftHsm(pki); // sets SOFTHSM2_CONF before the module is loaded
  service = createTokenService({ registry: sharedModuleRegistry() });
  fonts = await loadRecordFonts();
  work = await mkdtemp(join(tmpdir(), 'hocba-sign-ec-'));
  const compiled = defaultCompiledCatalogue();
  const school = generateSampleSchool({ seed: 23, students: 40 });
  const [sample] = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, 23), 1);
  if (!sample) throw new Error('no sample record');
  const record = namingSigners(sample, testPkiSignerNames);
  file = join(work, 'hoc-ba-ec.pdf');
  await writeFile(file, (await renderStudyRecordPdf({ record, fonts })).pdf);
  await signAs('teacher', '02', 'homeroomTeacher');
  await signAs('principal', 'a1b2', 'principal');
});

afterAll(async () => {
  service.close();
  sharedModuleRegistry().closeAll();
  hsm.cleanup();
  pki.cleanup();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a học bạ signed with an ECDSA key on the token', () => {
  it('carries an ecdsa-with-SHA256 signature by the EC certificate, then an RSA one', async () => {
    const signatures = readSignatureDictionaries(new Uint8Array(await readFile(file)));
    const parsed = signatures.map((signature) => parseCades(signature.contents));
    expect(parsed.map((cms) => cms?.signerInfo.signatureAlgorithm.algorithmId)).toEqual([
      oids.ecdsaWithSha256,
      oids.sha256WithRsa,
    ]);
    const [teacherCms] = parsed;
    const certificate = teacherCms?.signedData.certificates?.[0];
    const ecDer = new Uint8Array(pki.signers.homeroomTeacherEc.certDer);
    expect(
      certificate && 'toSchema' in certificate ? new Uint8Array(certificate.toSchema().toBER()) : undefined,
    ).toEqual(ecDer);
  });

  it('is valid in our verifier', async () => {
    const report = await verifyPdfSignatures({
      pdf: new Uint8Array(await readFile(file)),
      trustAnchors: [pki.rootCa.certDer],
      sha256: nodeSha256,
      cryptoEngine,
    });
    expect(report.signatures.flatMap((signature) => signature.checks.filter((check) => !check.ok))).toEqual(
      [],
    );
    expect(report.valid).toBe(true);
    expect(report.signatures.map((signature) => signature.certificate?.subjectName)).toEqual([
      'Nguyễn Thị Thu Hà',
      'Trần Văn Bình',
    ]);
  });

  it('is valid in pdfsig (its verdict is in the text: it exits 0 on failures)', async () => {
    const { stdout } = await run('pdfsig', [file]).catch((error: unknown) => ({
      stdout: (error as { stdout?: string }).stdout ?? '',
    }));
    // The seal's field is reserved in the record but not signed yet: pdfsig lists it as such.
    const [teacher, principal, seal] = stdout.split(/^Signature #\d+:$/m).slice(1);
    const blocks = [teacher, principal].map((block) => block ?? '');
    for (const block of blocks) expect(block).toContain('Signature Validation: Signature is Valid.');
    expect(seal).toContain('The signature form field is not signed.');
    expect(stdout).not.toMatch(/Signature is Invalid|Digest Mismatch/);
    expect(blocks[0]).toContain('Sig_gvcn');
    expect(blocks[0]).toMatch(/Signer full Distinguished Name: .*Nguyễn Thị Thu Hà/u);
  });

  it('passes openssl cms -verify against the test root and intermediate', async () => {
    const pdf = new Uint8Array(await readFile(file));
    const [teacher] = readSignatureDictionaries(pdf);
    const range = teacher?.byteRange;
    const contents = teacher?.contents;
    if (!range || !contents) throw new Error('the teacher signature has no byte range or contents');
    const cmsFile = join(work, 'teacher-ec.der');
    const contentFile = join(work, 'teacher-ec-covered.bin');
    await writeFile(cmsFile, contents.subarray(0, derLength(contents)));
    await writeFile(
      contentFile,
      Buffer.concat([
        pdf.subarray(range[0], range[0] + range[1]),
        pdf.subarray(range[2], range[2] + range[3]),
      ]),
    );
    const { stderr } = await run('openssl', [
      'cms', '-verify', '-binary', '-inform', 'DER', '-in', cmsFile, '-content', contentFile,
      '-CAfile', pki.chainPemPath, '-out', join(work, 'teacher-ec-out.bin'),
    ]); // prettier-ignore
    expect(stderr).toContain('Verification successful');
    const { stdout } = await run('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', cmsFile]);
    expect(stdout).toContain('ecdsa-with-SHA256');
  });
});
