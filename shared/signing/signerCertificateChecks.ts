import type { Certificate, ICryptoEngine } from 'pkijs';
import { formatInstant } from '../domain/dates';
import { validateCertificatePath, type PathBudget } from './certificatePath';
import type { CmsView } from './cmsView';
import { checkRevocation } from './revocation';
import { judgeSigningTime, type EarlierSignatureTime } from './signingTime';
import { verificationMessages as text } from './signingStrings';
import type { Sha256 } from './signingTypes';
import { verifyTimestampToken } from './verifyTimestampToken';

export type SignerCheckName = 'timestamp' | 'signingTime' | 'chain' | 'revocation';
export type SignerCheck = { readonly check: SignerCheckName; readonly ok: boolean; readonly message: string };

/** What the report says of a signature's time: proven by a timestamp, or only claimed by the signer. */
export type SigningTimeReport = {
  readonly basis: 'timestamp' | 'claimed' | 'none';
  readonly proven: boolean;
  /** The time the certificate was judged at (ISO-8601 UTC). */
  readonly when: string | undefined;
  readonly message: string;
  /** The verified signature timestamp, when there is one. */
  readonly timestamp: { readonly genTime: string; readonly authority: string } | undefined;
};

export type SignerContext = {
  readonly anchors: readonly Certificate[];
  /** Untrusted certificates that may complete paths: the trust folders' intermediates and the file's DSS. */
  readonly pool: readonly Certificate[];
  /** CRLs from the trust folders and the DSS; OCSP responses from the DSS. */
  readonly crls: readonly Uint8Array[];
  readonly ocspResponses: readonly Uint8Array[];
  /** Bounds the record sets on any of its signatures' times. */
  readonly yearResultConfirmedAt: string | undefined;
  readonly schoolYear: string | undefined;
  readonly sha256: Sha256;
  readonly cryptoEngine: ICryptoEngine;
  readonly now: Date;
  /** What all the paths of the file may still spend (certificatePath.ts). */
  readonly pathBudget: PathBudget;
};

export type SignerChecks = {
  readonly checks: readonly SignerCheck[];
  readonly time: SigningTimeReport;
  /** For the next signatures' order check. */
  readonly judged: { readonly when: Date; readonly proven: boolean } | undefined;
};

/**
 * Judges the signer's certificate at the time the signature was made: the signature timestamp
 * when the file carries one (its imprint, the TSA's signature, chain and revocation), else the
 * time the signer claims, which must fit the certificate's validity, the record's confirmation
 * and the earlier signatures; the path from the signer's certificate to a trust anchor at that
 * time; and revocation (a certificate revoked before that time, or revoked at all when the time
 * is not proven, fails; missing revocation data is said, not failed).
 */
export async function checkSignerCertificate(
  cms: CmsView,
  claimed: Date | undefined,
  earlier: readonly EarlierSignatureTime[],
  context: SignerContext,
): Promise<SignerChecks> {
  const { cryptoEngine, now } = context;
  const checks: SignerCheck[] = [];
  let timestamp: { genTime: Date; tsaName: string } | undefined;
  if (cms.timestampToken) {
    const verified = await verifyTimestampToken({
      token: cms.timestampToken,
      signatureValue: cms.signatureValue,
      anchors: context.anchors,
      pool: context.pool,
      sha256: context.sha256,
      cryptoEngine,
      now,
      budget: context.pathBudget,
    });
    if (!verified.ok) checks.push({ check: 'timestamp', ok: false, message: verified.message });
    else {
      const revoked = await checkRevocation({
        path: verified.path,
        when: verified.genTime,
        proven: true,
        crls: context.crls,
        ocspResponses: context.ocspResponses,
        cryptoEngine,
        now,
      });
      if (!revoked.ok) checks.push({ check: 'timestamp', ok: false, message: revoked.message });
      else {
        timestamp = { genTime: verified.genTime, tsaName: verified.tsaName };
        checks.push({
          check: 'timestamp',
          ok: true,
          message: text.timestampOk(verified.tsaName, formatInstant(verified.genTime.toISOString())),
        });
      }
    }
  }

  const judgement = judgeSigningTime({
    claimed,
    ...(timestamp ? { timestamp } : {}),
    certificate: cms.signer,
    ...(context.yearResultConfirmedAt === undefined
      ? {}
      : { yearResultConfirmedAt: context.yearResultConfirmedAt }),
    ...(context.schoolYear === undefined ? {} : { schoolYear: context.schoolYear }),
    earlier,
    now,
  });
  const [refusal] = judgement.refusals;
  checks.push({ check: 'signingTime', ok: judgement.ok, message: refusal?.message ?? judgement.message });
  const time: SigningTimeReport = {
    basis: judgement.basis,
    proven: judgement.proven,
    when: judgement.when?.toISOString(),
    message: judgement.message,
    timestamp: timestamp
      ? { genTime: timestamp.genTime.toISOString(), authority: timestamp.tsaName }
      : undefined,
  };
  if (judgement.when === undefined) {
    checks.push({ check: 'chain', ok: false, message: text.signingTimeMissing });
    return { checks, time, judged: undefined };
  }

  // The signer's own certificate is the leaf; the CMS's other certificates, the trust folders'
  // intermediates and the DSS may only complete the path to a configured anchor.
  const path = await validateCertificatePath({
    leaf: cms.signer,
    pool: [...cms.certificates, ...context.pool],
    anchors: context.anchors,
    when: judgement.when,
    purpose: 'documentSigning',
    cryptoEngine,
    budget: context.pathBudget,
  });
  checks.push({ check: 'chain', ok: path.ok, message: path.ok ? text.chainOk : path.message });
  if (path.ok) {
    const revocation = await checkRevocation({
      path: path.path,
      when: judgement.when,
      proven: judgement.proven,
      crls: context.crls,
      ocspResponses: context.ocspResponses,
      cryptoEngine,
      now,
    });
    checks.push({ check: 'revocation', ok: revocation.ok, message: revocation.message });
  }
  return { checks, time, judged: { when: judgement.when, proven: judgement.proven } };
}
