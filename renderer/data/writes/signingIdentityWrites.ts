import type { UserId } from '../../../shared/domain/ids';
import { formatInstant } from '../../../shared/domain/dates';
import type { PickedCertificate } from '../../../shared/domain/certificateFile';
import { schoolBudgetCodeSchema, schoolTaxCodeSchema } from '../../../shared/domain/school';
import {
  formerIdNumberSchema,
  staffPersonalIdSchema,
  type CertificatePin,
  type StaffMember,
} from '../../../shared/domain/staff';
import { matchPerson, matchSchool } from '../../../shared/record/signerIdentity';
import type { SchoolDoc } from '../collections/schools/schoolsCollection';
import type { HocbaDatabase } from '../database';
import type { WriteResult } from './auditedWrite';
import { requireLeadership, writeSchool } from './setupWrites';
import { signingIdentityWriteStrings as strings } from './signingIdentityStrings';
import { WriteRefused, type WriteContext } from './writeContext';

/** What the principal types for a person: '' for "not recorded". Spaces and dots are ignored. */
export type StaffIdentityInput = { readonly personalId: string; readonly formerIdNumber: string };
export type SchoolCodesInput = { readonly taxCode: string; readonly budgetCode: string };

/** "0012 3456 7890" → "001234567890"; '' → null. Only digits (and the tax code's dash) remain. */
function cleanNumber(text: string): string | null {
  const clean = text.replace(/[\s.]/g, '');
  return clean === '' ? null : clean;
}

function checked(
  text: string,
  schema: { safeParse: (value: string) => { success: boolean } },
  refusal: string,
) {
  const value = cleanNumber(text);
  if (value !== null && !schema.safeParse(value).success) throw new WriteRefused(refusal);
  return value;
}

function memberOf(school: SchoolDoc, userId: UserId): StaffMember {
  const member = school.staff.find((candidate) => candidate.userId === userId);
  if (!member) throw new WriteRefused(strings.staffNotFound);
  return member;
}

function withMember(school: SchoolDoc, member: StaffMember): SchoolDoc {
  return {
    ...school,
    staff: school.staff.map((candidate) => (candidate.userId === member.userId ? member : candidate)),
  };
}

/** Records a staff member's personal ID (CCCD, 12 digits) and older CMND number; '' clears one. */
export async function setStaffIdentity(
  database: HocbaDatabase,
  context: WriteContext,
  userId: UserId,
  input: StaffIdentityInput,
): Promise<WriteResult> {
  requireLeadership(context);
  const personalId = checked(input.personalId, staffPersonalIdSchema, strings.badPersonalId);
  const formerIdNumber = checked(input.formerIdNumber, formerIdNumberSchema, strings.badFormerId);
  return await writeSchool(database, context, (current) => {
    const member = memberOf(current, userId);
    const holder = current.staff.find(
      (other) =>
        other.userId !== userId &&
        personalId !== null &&
        (other.personalId === personalId || other.formerIdNumber === personalId),
    );
    if (holder) throw new WriteRefused(strings.duplicatePersonalId(holder.fullName));
    return withMember(current, { ...member, personalId, formerIdNumber });
  });
}

function pinOf(picked: PickedCertificate): CertificatePin {
  return {
    issuer: picked.identity.issuer,
    serialNumberHex: picked.identity.serialNumberHex,
    holderName: picked.identity.commonName ?? '',
    notBefore: picked.notBefore,
    notAfter: picked.notAfter,
  };
}

const samePin = (pin: CertificatePin | null | undefined, other: CertificatePin) =>
  pin?.issuer === other.issuer && pin.serialNumberHex === other.serialNumberHex;

/** A certificate past its end cannot sign: pinning it would only lock its holder out. */
function refuseExpired(picked: PickedCertificate, now: Date): void {
  if (Date.parse(picked.notAfter) < now.getTime())
    throw new WriteRefused(strings.expired(formatInstant(picked.notAfter)));
}

/**
 * Pins a staff member's certificate (issuer and serial), so they sign only with it; null unpins.
 * The certificate must be theirs by the same rule the signer and the verifier apply (folded name,
 * and the CCCD/CMND it carries against the ones recorded here).
 */
export async function pinStaffCertificate(
  database: HocbaDatabase,
  context: WriteContext,
  userId: UserId,
  picked: PickedCertificate | null,
): Promise<WriteResult> {
  requireLeadership(context);
  if (picked) refuseExpired(picked, context.now());
  return await writeSchool(database, context, (current) => {
    const member = memberOf(current, userId);
    if (picked === null) return withMember(current, { ...member, certificate: null });
    const person = {
      name: member.fullName,
      personalId: member.personalId ?? null,
      formerIdNumber: member.formerIdNumber ?? null,
      pinnedCertificate: null,
    };
    const carriesIds = picked.identity.citizenIds.length + picked.identity.formerIds.length > 0;
    if (carriesIds && person.personalId === null && person.formerIdNumber === null)
      throw new WriteRefused(strings.personIdsFirst(member.fullName));
    const match = matchPerson(picked.identity, person);
    if (!match.ok) throw new WriteRefused(match.message);
    const pin = pinOf(picked);
    const other = current.staff.find(
      (candidate) => candidate.userId !== userId && samePin(candidate.certificate, pin),
    );
    if (other) throw new WriteRefused(strings.pinnedByOther(other.fullName));
    return withMember(current, { ...member, certificate: pin });
  });
}

/** Records the school's tax code (MST) and budget relation code (MNS); '' clears one. */
export async function setSchoolCodes(
  database: HocbaDatabase,
  context: WriteContext,
  input: SchoolCodesInput,
): Promise<WriteResult> {
  requireLeadership(context);
  const taxCode = checked(input.taxCode, schoolTaxCodeSchema, strings.badTaxCode);
  const budgetCode = checked(input.budgetCode, schoolBudgetCodeSchema, strings.badBudgetCode);
  return await writeSchool(database, context, (current) => ({ ...current, taxCode, budgetCode }));
}

/**
 * Pins the school's seal certificate; null unpins. It must name the school and carry its codes
 * where it carries any (as the verifier judges the seal).
 */
export async function pinSealCertificate(
  database: HocbaDatabase,
  context: WriteContext,
  picked: PickedCertificate | null,
): Promise<WriteResult> {
  requireLeadership(context);
  if (picked) refuseExpired(picked, context.now());
  return await writeSchool(database, context, (current) => {
    if (picked === null) return { ...current, sealCertificate: null };
    const school = {
      name: current.name,
      taxCode: current.taxCode ?? null,
      budgetCode: current.budgetCode ?? null,
      pinnedCertificate: null,
    };
    const { taxCodes, budgetCodes } = picked.identity;
    if (
      (taxCodes.length > 0 && school.taxCode === null) ||
      (budgetCodes.length > 0 && school.budgetCode === null)
    )
      throw new WriteRefused(strings.schoolCodesFirst);
    const match = matchSchool(picked.identity, school);
    if (!match.ok) throw new WriteRefused(match.message);
    return { ...current, sealCertificate: pinOf(picked) };
  });
}
