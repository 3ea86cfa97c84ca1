import type { Certificate, RelativeDistinguishedNames } from 'pkijs';

/**
 * Who a certificate names, as Vietnamese CAs write it (../shared/docs/domain.md, "Certificates as Vietnamese CAs
 * issue them"): the holder's name in CN, with or without diacritics, in any case; identifiers in
 * the subject's UID attributes (0.9.2342.19200300.100.1.1), one per attribute, as `CCCD:<12
 * digits>`, `CMND:<9 or 12 digits>`, `MST:<tax code>[-<branch>]`, `MNS:<budget code>`; some put
 * the same in the subject's serialNumber (2.5.4.5), with or without the prefix.
 */
export type CertificateIdentity = {
  readonly commonName: string | undefined;
  /** Citizen identity card numbers (CCCD), which are the personal identification numbers. */
  readonly citizenIds: readonly string[];
  /** Older identity card numbers (CMND). */
  readonly formerIds: readonly string[];
  /** Tax codes (MST), with the branch suffix when present. */
  readonly taxCodes: readonly string[];
  /** Budget relation codes (MNS / QHNS) of state bodies such as public schools. */
  readonly budgetCodes: readonly string[];
  /** The issuer's distinguished name in a canonical text form (for pinned certificates). */
  readonly issuer: string;
  /** Lower-case hex, without leading zero bytes beyond one. */
  readonly serialNumberHex: string;
};

const oids = {
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  uid: '0.9.2342.19200300.100.1.1',
} as const;

const shortNames: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.2.840.113549.1.9.1': 'E',
};

function valueText(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || !('valueBlock' in value)) return undefined;
  const block: unknown = value.valueBlock;
  if (block === null || typeof block !== 'object' || !('value' in block)) return undefined;
  const text: unknown = block.value;
  return typeof text === 'string' ? text.normalize('NFC') : undefined;
}

function attributes(names: RelativeDistinguishedNames, oid: string): string[] {
  return names.typesAndValues.flatMap((entry) => {
    if (entry.type !== oid) return [];
    const text = valueText(entry.value);
    return text === undefined ? [] : [text.trim()];
  });
}

/** `CN=…, O=…, C=VN` in the certificate's own order: how setup pins an issuer and how it is compared. */
export function canonicalName(names: RelativeDistinguishedNames): string {
  return names.typesAndValues
    .map((entry) => `${shortNames[entry.type] ?? entry.type}=${(valueText(entry.value) ?? '').trim()}`)
    .join(', ');
}

type Identifier = { readonly kind: 'CCCD' | 'CMND' | 'MST' | 'MNS'; readonly value: string };

const prefixed = /^(CCCD|CMND|MST|MNS|QHNS)\s*[:\-.]?\s*(\S*)$/i;

/**
 * The identifiers one UID or serialNumber value carries. The usual forms are read as such
 * (`CCCD:…`, `CMND:…`, `MST:…`, `MNS:…`, a bare 12- or 9-digit serialNumber), and a malformed one
 * is kept as it is written. Any other value holding a run of nine or more digits (spaces, dots or
 * dashes between them aside: `Số CCCD: 0792 0300 1234`, `ID:…`, `HC:…`, a look-alike letter in
 * "CCCD") counts as a personal identifier too: it then has to be the person's own, so a
 * certificate cannot escape the check by writing its number in a form we did not foresee.
 */
function identifiersOf(text: string, fromSerialNumber: boolean): Identifier[] {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  const match = prefixed.exec(trimmed);
  if (match) {
    const kind = (match[1] ?? '').toUpperCase();
    const value = match[2] ?? '';
    if (kind === 'CCCD' || kind === 'CMND' || kind === 'MST') return [{ kind, value }];
    return [{ kind: 'MNS', value }];
  }
  if (fromSerialNumber && /^\d{12}$/.test(trimmed)) return [{ kind: 'CCCD', value: trimmed }];
  if (fromSerialNumber && /^\d{9}$/.test(trimmed)) return [{ kind: 'CMND', value: trimmed }];
  const runs = trimmed.match(/\d(?:[\d\s.-]*\d)?/g) ?? [];
  return runs
    .map((run) => run.replace(/[\s.-]/g, ''))
    .filter((digits) => digits.length >= 9)
    .map((digits) => ({ kind: digits.length === 9 ? 'CMND' : 'CCCD', value: digits }));
}

export function certificateIdentity(certificate: Certificate): CertificateIdentity {
  const { subject } = certificate;
  const found = [
    ...attributes(subject, oids.uid).flatMap((text) => identifiersOf(text, false)),
    ...attributes(subject, oids.serialNumber).flatMap((text) => identifiersOf(text, true)),
  ];
  const of = (kind: Identifier['kind']) => [
    ...new Set(found.filter((id) => id.kind === kind).map((id) => id.value)),
  ];
  const serial = Array.from(certificate.serialNumber.valueBlock.valueHexView, (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
  return {
    commonName: attributes(subject, oids.commonName)[0],
    citizenIds: of('CCCD'),
    formerIds: of('CMND'),
    taxCodes: of('MST'),
    budgetCodes: of('MNS'),
    issuer: canonicalName(certificate.issuer),
    serialNumberHex: serial.replace(/^(00)+(?=..)/, ''),
  };
}

/**
 * A name folded for comparison: Unicode form, letter case, diacritics (Đ/đ included) and spacing
 * aside, so "NGUYEN THI GIAO VIEN" on a certificate names "Nguyễn Thị Giáo Viên" in setup.
 */
export function foldedName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ĐđÐ]/g, (letter) => (letter === 'đ' ? 'd' : 'D'))
    .toLocaleLowerCase('en')
    .replace(/\s+/g, ' ')
    .trim();
}
