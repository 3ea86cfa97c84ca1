import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from '@cantoo/pdf-lib';
import { signatureFieldNames } from '../../../shared/signing/signingTypes';
import type { SignerRole } from '../../../shared/domain/signerRole';

const roles = Object.keys(signatureFieldNames) as SignerRole[];

/** The roles whose signature field holds a signature value, read from the AcroForm of the last revision. */
export function signedRolesOf(doc: PDFDocument): SignerRole[] {
  const fields = doc.catalog.getAcroForm()?.dict.lookup(PDFName.of('Fields'));
  if (!(fields instanceof PDFArray)) return [];
  const signed = new Set<string>();
  for (let i = 0; i < fields.size(); i += 1) {
    const field = fields.lookup(i);
    if (!(field instanceof PDFDict)) continue;
    const name = field.lookup(PDFName.of('T'));
    const value = field.lookup(PDFName.of('V'));
    if ((name instanceof PDFString || name instanceof PDFHexString) && value instanceof PDFDict)
      signed.add(name.decodeText());
  }
  return roles.filter((role) => signed.has(signatureFieldNames[role]));
}

export async function readSignedRoles(pdf: Uint8Array): Promise<SignerRole[]> {
  return signedRolesOf(await PDFDocument.load(pdf, { updateMetadata: false }));
}
