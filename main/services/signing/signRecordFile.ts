import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { CryptoEngine, type ICryptoEngine } from 'pkijs';
import { readRecordPdfMarkers } from '../../../shared/record/render/recordPdfMarkers';
import { checkSignerCertificate } from '../../../shared/signing/certificateInfo';
import { PdfSigningError } from '../../../shared/signing/pdfSigningError';
import { signPdf } from '../../../shared/signing/signPdf';
import { roleLabels } from '../../../shared/signing/signingStrings';
import type { Sha256, Signer, SignerRole } from '../../../shared/signing/signingTypes';
import {
  verifyPdfSignatures,
  type CheckName,
  type CheckResult,
  type VerificationReport,
} from '../../../shared/signing/verifyPdfSignatures';
import { RecordSigningError } from './recordSigningError';
import { boxOfRole } from './roles';
import { signedRolesOf } from './signedRoles';
import { recordSigningStrings as strings } from './strings';

export const nodeSha256: Sha256 = (data) => new Uint8Array(createHash('sha256').update(data).digest());

let defaultEngine: ICryptoEngine | undefined;
function nodeCryptoEngine(): ICryptoEngine {
  defaultEngine ??= new CryptoEngine({ name: 'node', crypto: globalThis.crypto });
  return defaultEngine;
}

export type SignRecordFileOptions = {
  readonly input: string;
  /** Where the signed file goes; the input itself (replaced atomically) when left out. */
  readonly output?: string;
  readonly role: SignerRole;
  readonly signer: Signer;
  /** A TTF with full Vietnamese coverage for the visible signature (Be Vietnam Pro regular). */
  readonly fontBytes: Uint8Array;
  /**
   * DER roots the result is verified against. Empty: the chain to a trusted root is not checked
   * (integrity, signature, validity, usage and revisions still are).
   */
  readonly trustAnchors: readonly Uint8Array[];
  /** The signed-in account's name; refused when the certificate's holder differs. */
  readonly expectedSignerName?: string;
  readonly signingTime?: Date;
  readonly cryptoEngine?: ICryptoEngine;
};

export type RecordFileState = {
  readonly recordId: string;
  readonly status: 'draft' | 'final';
  readonly signedRoles: readonly SignerRole[];
};

export type SignedRecordFile = {
  readonly output: string;
  readonly recordId: string;
  readonly bytes: number;
  readonly report: VerificationReport;
};

/** Markers and signed roles of a học bạ PDF, refusing files that are not ours. */
export async function inspectRecordPdf(pdf: Uint8Array): Promise<RecordFileState> {
  const markers = await readRecordPdfMarkers(pdf);
  if (markers === undefined) throw new RecordSigningError('not-a-record', strings.notARecord);
  const signedRoles = signedRolesOf(await PDFDocument.load(pdf, { updateMetadata: false }));
  return { recordId: markers.recordId, status: markers.status, signedRoles };
}

function failures(checks: readonly CheckResult[], ignored: ReadonlySet<CheckName>): CheckResult[] {
  return checks.filter((check) => !check.ok && !ignored.has(check.check));
}

/** Throws unless the new (last) signature and the file's end pass. */
function requireValid(report: VerificationReport, withAnchors: boolean): void {
  const ignored: ReadonlySet<CheckName> = new Set(withAnchors ? [] : ['chain']);
  const newest = report.signatures.at(-1);
  const [failed] = [...failures(newest?.checks ?? [], ignored), ...failures(report.checks, ignored)];
  if (newest === undefined || failed !== undefined)
    throw new RecordSigningError('verification-failed', strings.verificationFailed(failed?.message ?? ''));
}

const tempSuffix = '.signing.tmp';
const tempName = (target: string) => `.${basename(target)}.${randomBytes(6).toString('hex')}${tempSuffix}`;

/**
 * Removes temp files a crashed run left beside `target` (written, never renamed). They were never
 * the target, so deleting them loses nothing; the batch calls this before it looks at a file.
 */
export async function removeStaleTemps(target: string): Promise<number> {
  const prefix = `.${basename(target)}.`;
  const stale = (await readdir(dirname(target))).filter(
    (name) => name.startsWith(prefix) && name.endsWith(tempSuffix),
  );
  await Promise.all(stale.map((name) => rm(join(dirname(target), name), { force: true })));
  return stale.length;
}

/** Writes beside the target, then renames over it: readers see the old file or the whole new one. */
async function replaceAtomically(target: string, data: Uint8Array): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temp = join(dirname(target), tempName(target));
  try {
    await writeFile(temp, data, { flush: true });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Adds `role`'s PAdES signature to one học bạ PDF in the role's own box. Refuses drafts, files
 * that are not học bạ, a role already signed and an unfit certificate; verifies the new
 * signature before it replaces anything, so the target is either untouched or fully signed.
 */
export async function signRecordFile(options: SignRecordFileOptions): Promise<SignedRecordFile> {
  const output = options.output ?? options.input;
  const pdf = new Uint8Array(await readFile(options.input));
  const markers = await readRecordPdfMarkers(pdf);
  if (markers === undefined) throw new RecordSigningError('not-a-record', strings.notARecord);
  if (markers.status === 'draft') throw new RecordSigningError('draft', strings.draft);
  const box = markers.signatureBoxes?.[boxOfRole[options.role]];
  if (box === undefined) throw new RecordSigningError('no-signature-box', strings.noSignatureBox);
  const roleLabel = roleLabels[options.role];
  if (signedRolesOf(await PDFDocument.load(pdf, { updateMetadata: false })).includes(options.role))
    throw new RecordSigningError('already-signed', strings.alreadySigned(roleLabel));

  const signingTime = options.signingTime ?? new Date();
  const [certificate] = options.signer.certificateChain;
  if (certificate === undefined) throw new RecordSigningError('no-certificate', strings.noCertificate);
  const check = checkSignerCertificate(certificate, signingTime, options.expectedSignerName);
  if (!check.ok) throw new PdfSigningError(check.code, check.message);

  const signed = await signPdf({
    pdf,
    signer: options.signer,
    sha256: nodeSha256,
    role: options.role,
    pageIndex: box.pageIndex,
    rect: { x: box.x, y: box.y, width: box.width, height: box.height },
    fontBytes: options.fontBytes,
    signingTime,
    expectedSignerName: options.expectedSignerName,
  });
  // signPdf keeps every earlier revision byte-identical (it refuses otherwise), so the earlier
  // signatures are exactly as they were: only the new one and the file's end need checking here.
  // Whole-file verification is `hocba verify` and the verification screen's job.
  const report = await verifyPdfSignatures({
    pdf: signed,
    trustAnchors: options.trustAnchors,
    sha256: nodeSha256,
    cryptoEngine: options.cryptoEngine ?? nodeCryptoEngine(),
    onlyLast: true,
  });
  requireValid(report, options.trustAnchors.length > 0);
  await replaceAtomically(output, signed);
  return { output, recordId: markers.recordId, bytes: signed.length, report };
}
