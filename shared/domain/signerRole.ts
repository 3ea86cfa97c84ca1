/**
 * Who signs a học bạ, in signing order (architecture.md): the homeroom teacher, then the
 * principal, then the school's seal. The one name for a signer's role everywhere: records, IPC,
 * PDFs, the screens. (A PDF's `HocbaSignatureBoxes` marker spells the seal's box `seal`, as files
 * already signed keep it; recordPdfMarkers.ts maps that spelling when it reads and writes it.)
 */
export const signerRoles = ['homeroomTeacher', 'principal', 'schoolSeal'] as const;
export type SignerRole = (typeof signerRoles)[number];
