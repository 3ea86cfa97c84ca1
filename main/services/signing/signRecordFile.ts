import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { PDFDocument } from '@cantoo/pdf-lib';
import { CryptoEngine, type ICryptoEngine } from 'pkijs';
import type { RecordPdfMarkers } from '../../../shared/record/render/recordPdfMarkers';
import { matchSigner } from '../../../shared/record/signerIdentity';
import { checkSignerCertificate, parseCertificate } from '../../../shared/signing/certificateInfo';
import { PdfSigningError } from '../../../shared/signing/pdfSigningError';
import { signPdf } from '../../../shared/signing/signPdf';
import { loadForSigning } from '../../../shared/signing/signaturePlaceholder';
import { roleLabels } from '../../../shared/signing/signingStrings';
import type { Sha256, Signer } from '../../../shared/signing/signingTypes';
import type { SignerRole } from '../../../shared/domain/signerRole';
import type { TimestampFunction } from '../../../shared/signing/timestampToken';
import { isSingleTlv } from '../../../shared/signing/timestampTokenView';
import {
  verifyPdfSignatures,
  type CheckName,
  type CheckResult,
  type VerificationReport,
} from '../../../shared/signing/verifyPdfSignatures';
import { RecordSigningError } from './recordSigningError';
import { recordPdfMarkersOf } from '../../../shared/record/render/recordPdfMarkers';
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
  readonly signingTime?: Date;
  readonly cryptoEngine?: ICryptoEngine;
  /**
   * The province TSA's client (PAdES B-T). When it gives no token (unreachable, refused) the
   * signature is made without one and `timestamped` says so; signing never fails for it.
   */
  readonly timestamp?: TimestampFunction;
  /**
   * Replaces the output atomically; a plain file by default. The desktop's record store seals the
   * file with the data key (files/sealedFiles.ts).
   */
  readonly replace?: (target: string, data: Uint8Array) => Promise<void>;
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
  /** Whether the signature carries a timestamp token (false without a TSA or when it did not answer). */
  readonly timestamped: boolean;
};

/**
 * A học bạ PDF parsed once for signing: what the batch and the refusals read, and the parsed
 * document the signature is then built into (so nothing parses the file a second time).
 */
export type ParsedRecordPdf = {
  readonly pdf: Uint8Array;
  readonly document: PDFDocument;
  readonly markers: RecordPdfMarkers;
  readonly signedRoles: readonly SignerRole[];
};

/** Parses a học bạ PDF once, refusing files that are not ours. */
export async function parseRecordPdf(pdf: Uint8Array): Promise<ParsedRecordPdf> {
  const document = await loadForSigning(pdf);
  const markers = recordPdfMarkersOf(document);
  if (markers === undefined) throw new RecordSigningError('not-a-record', strings.notARecord);
  return { pdf, document, markers, signedRoles: signedRolesOf(document) };
}

/** Markers and signed roles of a học bạ PDF, refusing files that are not ours. */
export async function inspectRecordPdf(pdf: Uint8Array): Promise<RecordFileState> {
  const { markers, signedRoles } = await parseRecordPdf(pdf);
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
const staleTempPattern = /^\.(.+)\.[0-9a-f]{12}(?:\.signing)?\.tmp$/;
const tempName = (target: string) => `.${basename(target)}.${randomBytes(6).toString('hex')}${tempSuffix}`;

/**
 * Removes temp files a crashed run left beside `target` (written, never renamed). They were never
 * the target, so deleting them loses nothing; the batch calls this before it looks at a file.
 */
export async function removeStaleTemps(target: string): Promise<number> {
  return removeStaleTempsOf([target]);
}

/**
 * `removeStaleTemps` for many files, reading each folder once: a batch of a school's records in
 * one folder would otherwise list that folder once per file.
 */
export async function removeStaleTempsOf(targets: readonly string[]): Promise<number> {
  const byFolder = new Map<string, Set<string>>();
  for (const target of targets) {
    const names = byFolder.get(dirname(target)) ?? new Set<string>();
    names.add(basename(target));
    byFolder.set(dirname(target), names);
  }
  let removed = 0;
  for (const [folder, names] of byFolder) {
    const stale = (await readdir(folder)).filter((name) => {
      // `.<target>.<12 hex digits>.signing.tmp` as tempName makes it, or `….tmp` as writeFileAtomic
      // makes it when the record store replaces its sealed files.
      const target = staleTempPattern.exec(name)?.[1];
      return target !== undefined && names.has(target);
    });
    await Promise.all(stale.map((name) => rm(join(folder, name), { force: true })));
    removed += stale.length;
  }
  return removed;
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
  const parsed = await parseRecordPdf(new Uint8Array(await readFile(options.input)));
  return signParsedRecord(parsed, options);
}

/**
 * `signRecordFile` for a file already read and parsed (the batch reads each file once, to skip
 * it when the role has signed it). `parsed.document` is used up.
 */
export async function signParsedRecord(
  parsed: ParsedRecordPdf,
  options: SignRecordFileOptions,
): Promise<SignedRecordFile> {
  const output = options.output ?? options.input;
  const { pdf, markers } = parsed;
  if (markers.status === 'draft') throw new RecordSigningError('draft', strings.draft);
  const box = markers.signatureBoxes?.[options.role];
  if (box === undefined) throw new RecordSigningError('no-signature-box', strings.noSignatureBox);
  const roleLabel = roleLabels[options.role];
  if (parsed.signedRoles.includes(options.role))
    throw new RecordSigningError('already-signed', strings.alreadySigned(roleLabel));
  const signingTime = options.signingTime ?? new Date();
  const [certificate] = options.signer.certificateChain;
  if (certificate === undefined) throw new RecordSigningError('no-certificate', strings.noCertificate);
  const check = checkSignerCertificate(certificate, signingTime);
  if (!check.ok) throw new PdfSigningError(check.code, check.message);
  // Every file names who signs each box: the certificate must be that person's (or the school's),
  // checked here for each file whatever the caller selected (the app, `hocba sign`).
  if (markers.signers === undefined) throw new RecordSigningError('not-named', strings.notNamed);
  const match = matchSigner(parseCertificate(certificate), options.role, markers.signers);
  if (!match.ok) throw new RecordSigningError('someone-else', match.message);
  const { timestamp } = options;
  let timestamped = false;
  const signed = await signPdf({
    pdf,
    document: parsed.document,
    signer: options.signer,
    sha256: nodeSha256,
    role: options.role,
    pageIndex: box.pageIndex,
    rect: { x: box.x, y: box.y, width: box.width, height: box.height },
    fontBytes: options.fontBytes,
    signingTime,
    timestamp:
      timestamp &&
      (async (signatureValue) => {
        const token = await timestamp(signatureValue);
        // The signer embeds only a token that is one DER value.
        timestamped = token !== undefined && isSingleTlv(token);
        return token;
      }),
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
  await (options.replace ?? replaceAtomically)(output, signed);
  return { output, recordId: markers.recordId, bytes: signed.length, report, timestamped };
}
