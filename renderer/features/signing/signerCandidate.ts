import type { CertificateIdentity } from '../../../shared/signing/certificateIdentity';
import type { CertificateIdentityView, TokenCertificateView } from '../../../shared/ipc/tokenChannels';
import type { SignerRole } from '../../../shared/domain/signerRole';
import type { CertificatePin, StaffMember } from '../../../shared/domain/staff';
import { judgeCandidate, type SigningCandidate } from '../../../shared/record/signingOrder';
import type { RecordSigners } from '../../../shared/record/studyRecord';
import type { SchoolDoc } from '../../data/collections/schools/schoolsCollection';

/** A token certificate's identity as the matching rules take it. */
export function identityOfView(view: CertificateIdentityView): CertificateIdentity {
  return { ...view, commonName: view.commonName };
}

const pinned = (pin: CertificatePin | null | undefined) =>
  pin ? { issuer: pin.issuer, serialNumberHex: pin.serialNumberHex } : null;

/**
 * The signed-in person in every person's box, and the school in the seal's, as a record made
 * from setup would name them: what the screen judges a token's certificates against to offer
 * the person's own first.
 */
export function selfAsSigners(school: SchoolDoc, member: StaffMember | undefined): RecordSigners {
  const person = {
    name: member?.fullName ?? '',
    personalId: member?.personalId ?? null,
    formerIdNumber: member?.formerIdNumber ?? null,
    pinnedCertificate: pinned(member?.certificate),
  };
  return {
    homeroomTeacher: person,
    principal: person,
    schoolSeal: {
      name: school.name,
      taxCode: school.taxCode ?? null,
      budgetCode: school.budgetCode ?? null,
      pinnedCertificate: pinned(school.sealCertificate),
    },
  };
}

/** Whether a listed certificate is the signer's own by the rules main applies (names folded, IDs, pin). */
export function isOwnCertificate(
  certificate: TokenCertificateView,
  role: SignerRole,
  self: RecordSigners,
): boolean {
  return judgeCandidate(self, role, { certificate: identityOfView(certificate.identity) }).ok;
}

/** Who is about to sign, for counting what is ready: the chosen certificate, else the person's name. */
export function candidateOf(
  certificate: TokenCertificateView | undefined,
  role: SignerRole,
  self: RecordSigners,
): SigningCandidate {
  if (certificate) return { certificate: identityOfView(certificate.identity) };
  return { personName: role === 'schoolSeal' ? self.schoolSeal.name : self[role].name };
}
