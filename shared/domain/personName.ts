/**
 * Vietnamese personal names: family name first, given name last ("Nguyễn Văn An": họ Nguyễn,
 * tên đệm Văn, tên An). Class lists are sorted by given name, then middle names, then family name.
 */
const collator = new Intl.Collator('vi', { sensitivity: 'accent', numeric: true });

export function givenNameOf(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  return parts[parts.length - 1] ?? '';
}

function sortKeyParts(fullName: string): string[] {
  const parts = fullName.normalize('NFC').trim().split(/\s+/);
  const given = parts.pop() ?? '';
  const family = parts.shift() ?? '';
  return [given, parts.join(' '), family];
}

/** Orders two names the way a Vietnamese class register does. */
export function compareVietnameseNames(a: string, b: string): number {
  const left = sortKeyParts(a);
  const right = sortKeyParts(b);
  for (let i = 0; i < left.length; i += 1) {
    const order = collator.compare(left[i] ?? '', right[i] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * Whether two spellings name the same person (or school): Unicode form, spacing and letter case
 * aside — a certificate's holder against an account, a record's signer against the one signing.
 */
export function samePersonName(a: string, b: string): boolean {
  const normalise = (text: string) =>
    text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return normalise(a) === normalise(b);
}
