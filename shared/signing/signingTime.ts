import type { Certificate } from 'pkijs';
import { formatInstant } from '../domain/dates';
import { displayName } from './certificateInfo';
import { signingTimeStrings as text } from './timeStrings';

/**
 * Clocks of school desktops and of the province's servers disagree by a few minutes; a claimed
 * time is not refused for less than this.
 */
export const clockSkewMs = 5 * 60_000;

export type SigningTimeRefusalCode =
  | 'missing'
  | 'future'
  | 'before-certificate'
  | 'after-certificate'
  | 'before-school-year'
  | 'before-year-result'
  | 'out-of-order'
  | 'claimed-after-timestamp';

export type SigningTimeRefusal = { readonly code: SigningTimeRefusalCode; readonly message: string };

/** An earlier signature of the same file, with the time it was judged at. */
export type EarlierSignatureTime = {
  readonly when: Date;
  readonly proven: boolean;
  /** Who signed it, as the report names the box: "Giáo viên chủ nhiệm". */
  readonly label: string;
};

export type JudgeSigningTimeOptions = {
  /** The signature dictionary's /M: the time the signer's machine claims. */
  readonly claimed: Date | undefined;
  /** A timestamp that `verifyTimestampToken` accepted for this signature. */
  readonly timestamp?: { readonly genTime: Date; readonly tsaName: string };
  /** The signer's certificate. */
  readonly certificate: Certificate;
  /** When the homeroom teacher confirmed the year's result (the record's `year.resultConfirmedAt`, ISO). */
  readonly yearResultConfirmedAt?: string;
  /** The record's school year (`2025-2026`): nothing of it can be signed before it began. */
  readonly schoolYear?: string;
  /** The earlier signatures in signing order (teacher, then principal): this one must not predate them. */
  readonly earlier: readonly EarlierSignatureTime[];
  readonly now: Date;
};

export type SigningTimeJudgement = {
  readonly ok: boolean;
  /** The time to judge the certificate (path, validity, revocation) at; undefined when there is none. */
  readonly when: Date | undefined;
  /** `timestamp`: proven by a verified RFC 3161 token; `claimed`: only the signer's /M. */
  readonly basis: 'timestamp' | 'claimed' | 'none';
  readonly proven: boolean;
  /** What the report says of the time, refused or not. */
  readonly message: string;
  readonly refusals: readonly SigningTimeRefusal[];
};

const show = (date: Date) => formatInstant(date.toISOString());

/**
 * The start of a school year (`2025-2026`): 1 August of its first year, Viet Nam time. Years
 * start in early September; August leaves room for schools that open early.
 */
export function schoolYearStart(schoolYear: string): Date | undefined {
  const match = /^(\d{4})-(\d{4})$/.exec(schoolYear);
  if (!match) return undefined;
  return new Date(`${match[1] ?? ''}-08-01T00:00:00+07:00`);
}

/**
 * Judges the time a signature was made: the timestamp's genTime when a verified one is there
 * (proven), else the claimed /M (claimed, and said so). Refuses a time in the future, outside the
 * certificate's validity, before the school year began or the year's result was confirmed, before
 * an earlier signature of the file, and a /M later than the timestamp (a timestamp is asked for
 * right after signing, so a later /M is a lie). Comparisons involving a claimed time allow
 * `clockSkewMs`.
 */
export function judgeSigningTime(options: JudgeSigningTimeOptions): SigningTimeJudgement {
  const { claimed, timestamp, certificate, now } = options;
  const proven = timestamp !== undefined;
  const when = timestamp?.genTime ?? claimed;
  if (when === undefined) {
    const message = text.missing;
    return { ok: false, when, basis: 'none', proven, message, refusals: [{ code: 'missing', message }] };
  }
  const refusals: SigningTimeRefusal[] = [];
  const refuse = (code: SigningTimeRefusalCode, message: string) => refusals.push({ code, message });
  const name = displayName(certificate.subject);

  if (timestamp && claimed && claimed.getTime() > timestamp.genTime.getTime() + clockSkewMs)
    refuse('claimed-after-timestamp', text.claimedAfterTimestamp(show(claimed), show(timestamp.genTime)));
  if (when.getTime() > now.getTime() + clockSkewMs) refuse('future', text.future(show(when), show(now)));

  const notBefore = certificate.notBefore.value;
  const notAfter = certificate.notAfter.value;
  if (when.getTime() < notBefore.getTime())
    refuse('before-certificate', text.beforeCertificate(show(when), name, show(notBefore)));
  if (when.getTime() > notAfter.getTime())
    refuse('after-certificate', text.afterCertificate(show(when), name, show(notAfter)));

  const yearStart = options.schoolYear === undefined ? undefined : schoolYearStart(options.schoolYear);
  if (yearStart && options.schoolYear && when.getTime() < yearStart.getTime())
    refuse('before-school-year', text.beforeSchoolYear(show(when), options.schoolYear));
  const confirmedAt =
    options.yearResultConfirmedAt === undefined ? undefined : new Date(options.yearResultConfirmedAt);
  if (confirmedAt && !Number.isNaN(confirmedAt.getTime())) {
    // The confirmation's instant comes from a school desktop's clock, so skew is allowed either way.
    if (when.getTime() < confirmedAt.getTime() - clockSkewMs)
      refuse('before-year-result', text.beforeYearResult(show(when), show(confirmedAt)));
  }

  for (const earlier of options.earlier) {
    const allowed = earlier.proven && proven ? 0 : clockSkewMs;
    if (when.getTime() < earlier.when.getTime() - allowed)
      refuse('out-of-order', text.outOfOrder(show(when), earlier.label, show(earlier.when)));
  }

  const message = timestamp ? text.proven(show(when), timestamp.tsaName) : text.claimed(show(when));
  return {
    ok: refusals.length === 0,
    when,
    basis: timestamp ? 'timestamp' : 'claimed',
    proven,
    message,
    refusals,
  };
}
