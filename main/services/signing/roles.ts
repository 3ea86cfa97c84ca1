import type { SignatureRole } from '../../../shared/record/render/recordPdfMarkers';
import type { SignerRole } from '../../../shared/signing/signingTypes';

/** The renderer's box of each signer (its seal box is named `seal`). */
export const boxOfRole: Readonly<Record<SignerRole, SignatureRole>> = {
  homeroomTeacher: 'homeroomTeacher',
  principal: 'principal',
  schoolSeal: 'seal',
};
