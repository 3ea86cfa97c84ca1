import { PDFArray, PDFName, PDFString, type PDFDocument, type PDFPage, type PDFRef } from '@cantoo/pdf-lib';
import { signatureFieldNames } from '../../signing/signingTypes';
import { signerRoles } from '../../domain/signerRole';
import type { SignatureBoxes } from './recordPdfMarkers';

/**
 * Reserves the three signature fields in the rendered file, one per box, empty: each signer only
 * fills the field the record made for their role, so a verifier reads the role from the field
 * (which the first signature covers), never from what the signer wrote in /Reason, and any
 * signature field added later is refused.
 */
export function reserveSignatureFields(
  doc: PDFDocument,
  pages: readonly PDFPage[],
  boxes: SignatureBoxes,
): void {
  const fields: PDFRef[] = [];
  for (const role of signerRoles) {
    const box = boxes[role];
    const page = pages[box.pageIndex];
    if (!page) throw new RangeError(`no page ${box.pageIndex} for the ${role} signature box`);
    const widget = doc.context.register(
      doc.context.obj({
        Type: 'Annot',
        Subtype: 'Widget',
        FT: 'Sig',
        T: PDFString.of(signatureFieldNames[role]),
        Rect: [box.x, box.y, box.x + box.width, box.y + box.height],
        F: 4,
        P: page.ref,
      }),
    );
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (annots instanceof PDFArray) annots.push(widget);
    else page.node.set(PDFName.of('Annots'), doc.context.obj([widget]));
    fields.push(widget);
  }
  doc.catalog.set(PDFName.of('AcroForm'), doc.context.register(doc.context.obj({ Fields: fields })));
}
