import { sha256 } from '@noble/hashes/sha2.js';
import { loadRecordFonts, type RecordFontBytes } from '../../main/services/recordFonts';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import {
  renderStudyRecordPdf,
  type RenderedStudyRecord,
} from '../../shared/record/render/renderStudyRecordPdf';
import { sampleStudyRecords } from '../../shared/record/sampleStudyRecords';
import type { StudyRecord } from '../../shared/record/studyRecord';
import { namingSigners } from './recordSigners';
import { verifyRecordPdf, type RecordVerificationReport } from '../../shared/record/verifyRecordPdf';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../shared/sample/generateYearResults';
import { signPdf, type SignPdfOptions } from '../../shared/signing/signPdf';
import type { Signer } from '../../shared/signing/signingTypes';
import type { SignerRole } from '../../shared/domain/signerRole';
import {
  generateKeys,
  issueCertificate,
  testCryptoEngine,
  webCryptoSigner,
  type IssuedCertificate,
  type IssueOptions,
  createTestCa,
} from './pkijsCertificates';

/**
 * A small PKI and a rendered học bạ naming its certificate holders, made in-process (pkijs over
 * WebCrypto): what the verifier tests sign, forge and tamper with.
 */
export type RecordPki = {
  readonly root: IssuedCertificate;
  readonly intermediate: IssuedCertificate;
  readonly teacher: IssuedCertificate;
  readonly principal: IssuedCertificate;
  readonly seal: IssuedCertificate;
  readonly names: { readonly teacher: string; readonly principal: string; readonly school: string };
  /** Issues a leaf under the intermediate (or `issuer`), valid now, with the shared leaf key. */
  readonly issue: (
    subject: IssueOptions['subject'],
    extra?: Partial<IssueOptions>,
  ) => Promise<IssuedCertificate>;
};

const day = 86_400_000;

export async function createRecordPki(
  names = { teacher: 'Nguyễn Thị Hoa', principal: 'Trần Văn Bình', school: 'Trường Tiểu học Kim Đồng' },
): Promise<RecordPki> {
  const now = Date.now();
  const notBefore = new Date(now - 400 * day);
  const notAfter = new Date(now + 400 * day);
  const { root, intermediate } = await createTestCa(notBefore, notAfter);
  const leafKeys = await generateKeys();
  const issue = (subject: IssueOptions['subject'], extra: Partial<IssueOptions> = {}) =>
    issueCertificate({ subject, issuer: intermediate, notBefore, notAfter, keys: leafKeys, ...extra });
  return {
    root,
    intermediate,
    teacher: await issue(names.teacher),
    principal: await issue(names.principal),
    seal: await issue(names.school),
    names,
    issue,
  };
}

/** A final sample record whose boxes name the PKI's holders (a school year already confirmed). */
export function recordNaming(pki: RecordPki, seed = 5): StudyRecord {
  const compiled = defaultCompiledCatalogue();
  const school = generateSampleSchool({ seed, students: 40 });
  const [sample] = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, seed), 1);
  if (sample?.status !== 'final') throw new Error('the sample record should be final');
  return namingSigners(sample, pki.names);
}

export type RecordSigning = {
  readonly rendered: RenderedStudyRecord;
  readonly fonts: RecordFontBytes;
  /** Signs `pdf` in `role`'s reserved box. */
  readonly sign: (
    pdf: Uint8Array,
    role: SignerRole,
    signer: Signer,
    extra?: Partial<SignPdfOptions>,
  ) => Promise<Uint8Array>;
  readonly verify: (pdf: Uint8Array) => Promise<RecordVerificationReport>;
};

export async function recordSigning(pki: RecordPki, record: StudyRecord): Promise<RecordSigning> {
  const fonts = await loadRecordFonts();
  const rendered = await renderStudyRecordPdf({ record, fonts });
  return {
    rendered,
    fonts,
    sign: (pdf, role, signer, extra = {}) => {
      const box = rendered.signatureBoxes[role];
      return signPdf({
        pdf,
        signer,
        sha256,
        role,
        pageIndex: box.pageIndex,
        rect: { x: box.x, y: box.y, width: box.width, height: box.height },
        fontBytes: fonts.regular,
        signingTime: new Date(),
        ...extra,
      });
    },
    verify: (pdf) =>
      verifyRecordPdf({ pdf, trustAnchors: [pki.root.der], sha256, cryptoEngine: testCryptoEngine }),
  };
}

/** The three genuine signers, each carrying the intermediate CA. */
export function genuineSigners(pki: RecordPki): Readonly<Record<SignerRole, Signer>> {
  return {
    homeroomTeacher: webCryptoSigner(pki.teacher, [pki.intermediate]),
    principal: webCryptoSigner(pki.principal, [pki.intermediate]),
    schoolSeal: webCryptoSigner(pki.seal, [pki.intermediate]),
  };
}

/** The record signed box by box: the homeroom teacher's, then the principal's, then the seal (complete). */
export async function signedStages(
  pki: RecordPki,
  signing: RecordSigning,
): Promise<{
  readonly teacherSigned: Uint8Array;
  readonly principalSigned: Uint8Array;
  readonly complete: Uint8Array;
}> {
  const signers = genuineSigners(pki);
  const teacherSigned = await signing.sign(signing.rendered.pdf, 'homeroomTeacher', signers.homeroomTeacher);
  const principalSigned = await signing.sign(teacherSigned, 'principal', signers.principal);
  const complete = await signing.sign(principalSigned, 'schoolSeal', signers.schoolSeal);
  return { teacherSigned, principalSigned, complete };
}
