import type { Certificate } from 'pkijs';
import { certificateIdentity, foldedName, type CertificateIdentity } from '../signing/certificateIdentity';
import type { SignerRole } from '../domain/signerRole';
import type { RecordSignerPerson, RecordSignerSchool, RecordSigners } from './studyRecord';
import { signerIdentityStrings as text } from './signerIdentityStrings';

export type IdentityMatch = { readonly ok: true } | { readonly ok: false; readonly message: string };

const matched: IdentityMatch = { ok: true };

function pinnedMismatch(
  identity: CertificateIdentity,
  pinned: RecordSignerPerson['pinnedCertificate'],
  name: string,
): IdentityMatch | undefined {
  if (pinned === null) return undefined;
  const same =
    identity.issuer === pinned.issuer &&
    identity.serialNumberHex === pinned.serialNumberHex.replace(/^(00)+(?=..)/, '');
  return same
    ? undefined
    : { ok: false, message: text.notPinned(name, pinned.serialNumberHex, identity.serialNumberHex) };
}

/**
 * Whether a certificate belongs to the person the record names: names equal once case,
 * diacritics (Đ/đ) and spacing are folded, since Vietnamese CAs often write "NGUYEN THI HA";
 * where the certificate carries a CCCD or CMND number, that number must be the person's own from
 * setup (a namesake's certificate carries another one), and a person whose certificate setup
 * pinned signs only with that one.
 */
export function matchPerson(identity: CertificateIdentity, person: RecordSignerPerson): IdentityMatch {
  const holder = identity.commonName ?? '';
  if (foldedName(holder) !== foldedName(person.name))
    return { ok: false, message: text.otherName(holder, person.name) };
  const pinned = pinnedMismatch(identity, person.pinnedCertificate, person.name);
  if (pinned) return pinned;
  const carried = [...identity.citizenIds, ...identity.formerIds];
  if (carried.length === 0) return matched;
  const own = [person.personalId, person.formerIdNumber].filter((value): value is string => value !== null);
  if (own.length === 0) return { ok: false, message: text.personalIdUnknown(person.name) };
  return carried.some((number) => own.includes(number))
    ? matched
    : { ok: false, message: text.otherPersonalId(person.name) };
}

/** Whether a seal certificate is the school's: its name, and its tax and budget codes where it carries them. */
export function matchSchool(identity: CertificateIdentity, school: RecordSignerSchool): IdentityMatch {
  const holder = identity.commonName ?? '';
  if (foldedName(holder) !== foldedName(school.name))
    return { ok: false, message: text.otherSchool(holder, school.name) };
  const pinned = pinnedMismatch(identity, school.pinnedCertificate, school.name);
  if (pinned) return pinned;
  if (identity.taxCodes.length > 0) {
    if (school.taxCode === null) return { ok: false, message: text.taxCodeUnknown(school.name) };
    if (!identity.taxCodes.includes(school.taxCode))
      return { ok: false, message: text.otherTaxCode(school.name) };
  }
  if (identity.budgetCodes.length > 0) {
    if (school.budgetCode === null) return { ok: false, message: text.budgetCodeUnknown(school.name) };
    if (!identity.budgetCodes.includes(school.budgetCode))
      return { ok: false, message: text.otherBudgetCode(school.name) };
  }
  return matched;
}

/** Whether `certificate` may sign in `role`'s box of a record that names `signers`. */
export function matchSigner(
  certificate: Certificate,
  role: SignerRole,
  signers: RecordSigners,
): IdentityMatch {
  const identity = certificateIdentity(certificate);
  return role === 'schoolSeal'
    ? matchSchool(identity, signers.schoolSeal)
    : matchPerson(identity, signers[role]);
}
