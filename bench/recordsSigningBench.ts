/**
 * The signing half of `npm run bench:records`: records rendered to files, then signed in batches
 * with SoftHSM2 tokens (teacher, principal, seal) through the real PKCS#11 module, exactly as the
 * app signs. Prints per-record milliseconds and the share of time spent outside the token's own
 * sign call (aim: under 20 ms per record outside the token).
 */
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordFontBytes } from '../main/services/recordFonts';
import { createTokenSigner, signRecordBatch, type BatchResult } from '../main/services/signing';
import { createTokenService, sharedModuleRegistry } from '../main/services/token';
import type { SignerRole } from '../shared/domain/signerRole';
import { renderStudyRecordPdf } from '../shared/record/render/renderStudyRecordPdf';
import type { StudyRecord } from '../shared/record/studyRecord';
import { createSoftHsm, type TokenName } from '../tests/support/softhsm';
import { namingSigners } from '../tests/support/recordSigners';
import { createTestPki, testPkiSignerNames } from '../tests/support/testPki';

type SigningBenchInput = {
  readonly records: readonly StudyRecord[];
  readonly fonts: RecordFontBytes;
  readonly classSize: number;
  readonly firstPdf: Uint8Array;
};

const roles: readonly { role: SignerRole; token: TokenName; keyIdHex: string }[] = [
  { role: 'homeroomTeacher', token: 'teacher', keyIdHex: '01' },
  { role: 'principal', token: 'principal', keyIdHex: 'a1b2' },
  { role: 'schoolSeal', token: 'seal', keyIdHex: '5e' },
];

export async function benchSigning({ records, fonts, classSize }: SigningBenchInput): Promise<void> {
  const schoolCount = Number(process.env.BENCH_SIGN_STUDENTS ?? records.length);
  const pki = createTestPki();
  const hsm = createSoftHsm(pki);
  const service = createTokenService({ registry: sharedModuleRegistry() });
  const work = await mkdtemp(join(tmpdir(), 'hocba-bench-records-'));
  try {
    const writeFiles = async (name: string, list: readonly StudyRecord[]): Promise<string[]> => {
      const dir = join(work, name);
      await mkdir(dir);
      return Promise.all(
        list.map(async (record, index) => {
          const file = join(dir, `hoc-ba-${String(index + 1).padStart(4, '0')}.pdf`);
          // The records name the test certificates' holders, as a school's records name its staff.
          const named = namingSigners(record, testPkiSignerNames);
          await writeFile(file, (await renderStudyRecordPdf({ record: named, fonts })).pdf);
          return file;
        }),
      );
    };
    const signAll = async (label: string, files: readonly string[]): Promise<void> => {
      for (const { role, token, keyIdHex } of roles) {
        const slot = service.listTokens(hsm.modulePath).find((t) => t.label === hsm.tokens[token].label);
        if (!slot) throw new Error(`token ${token} missing`);
        const session = await service.login(
          { libraryPath: hsm.modulePath, slotId: slot.slotId },
          hsm.tokens[token].userPin,
        );
        const signer = createTokenSigner({ session, keyIdHex, intermediates: [pki.intermediateCa.certDer] });
        const result: BatchResult = await signRecordBatch({
          files,
          role,
          signer,
          fontBytes: fonts.regular,
          trustAnchors: [pki.rootCa.certDer],
        });
        session.close();
        if (result.outcome !== 'completed' || result.signed !== files.length)
          throw new Error(`${label} ${role}: ${result.message ?? result.outcome}`);
        const perRecord = result.totalMs / result.signed;
        const outside = (result.totalMs - result.tokenMs) / result.signed;
        console.log(
          `sign ${label} as ${role}: ${result.signed} records in ${(result.totalMs / 1000).toFixed(1)} s → ${perRecord.toFixed(1)} ms per record, of which ${outside.toFixed(1)} ms outside the token's sign call (${((100 * (result.totalMs - result.tokenMs)) / result.totalMs).toFixed(0)} %; aim < 20 ms)`,
        );
      }
    };
    await signAll('one record', await writeFiles('one', records.slice(0, 1)));
    await signAll(`a ${classSize}-student class`, await writeFiles('class', records.slice(0, classSize)));
    const schoolFiles = await writeFiles('school', records.slice(0, schoolCount));
    const sizes = async () => Promise.all(schoolFiles.map(async (file) => (await stat(file)).size));
    const before = await sizes();
    await signAll(`a ${schoolCount}-student school`, schoolFiles);
    const after = await sizes();
    const kb = (values: readonly number[]) => (Math.max(...values) / 1024).toFixed(1);
    console.log(
      `signed files: at most ${kb(after)} KB with three signatures (${kb(before)} KB unsigned; each signature reserves 32 KB of /Contents)`,
    );
  } finally {
    service.close();
    await rm(work, { recursive: true, force: true });
    hsm.cleanup();
    pki.cleanup();
  }
}
