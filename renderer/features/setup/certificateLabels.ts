import { formatDate } from '../../../shared/domain/dates';
import type { CertificatePin } from '../../../shared/domain/staff';
import { setupStrings } from './strings';

const strings = setupStrings.identities;

/** The issuer's CN out of its canonical name (`CN=…, O=…, C=VN`), or the whole name when it has none. */
export function issuerShortName(issuer: string): string {
  return /(?:^|, )CN=([^,]+)/.exec(issuer)?.[1] ?? issuer;
}

const day = (instant: string) => formatDate(instant.slice(0, 10));

/** A pinned or picked certificate in one line: holder, CA, validity. */
export function certificateLine(
  pin: Pick<CertificatePin, 'holderName' | 'issuer' | 'notBefore' | 'notAfter'>,
) {
  return strings.pinned(pin.holderName, issuerShortName(pin.issuer), day(pin.notBefore), day(pin.notAfter));
}
