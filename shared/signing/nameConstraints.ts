import { RelativeDistinguishedNames, type Certificate, type GeneralSubtree } from 'pkijs';
import { isSelfIssued, nameConstraintsOf } from './certificateExtensions';

/** GeneralName tag of a directoryName (RFC 5280 §4.2.1.6). */
const directoryName = 4;

function isWithin(subject: RelativeDistinguishedNames, base: RelativeDistinguishedNames): boolean {
  const prefix = base.typesAndValues;
  const names = subject.typesAndValues;
  if (prefix.length > names.length) return false;
  return prefix.every((attribute, index) => {
    const other = names[index];
    return other !== undefined && attribute.isEqual(other);
  });
}

function directoryBases(subtrees: readonly GeneralSubtree[] | undefined): RelativeDistinguishedNames[] {
  return (subtrees ?? []).flatMap((subtree) => {
    const value: unknown = subtree.base.value;
    return subtree.base.type === directoryName && value instanceof RelativeDistinguishedNames ? [value] : [];
  });
}

/**
 * Applies the name constraints of `issuer` (a CA of the path) to the certificates below it
 * (`below`, leaf first): only directory names are understood, which is what a signing certificate
 * is named by; a constraint on any other form of name makes the path fail closed ('unsupported'),
 * since checking it partly would accept what the CA was not allowed to issue. Self-issued
 * intermediates are exempt (RFC 5280 §6.1.3), the leaf never is. Returns the first certificate
 * outside the permitted names, 'unsupported', or undefined.
 */
export function nameConstraintFailure(
  issuer: Certificate,
  below: readonly Certificate[],
): Certificate | 'unsupported' | undefined {
  const constraints = nameConstraintsOf(issuer);
  if (!constraints) return undefined;
  const all = [...(constraints.permittedSubtrees ?? []), ...(constraints.excludedSubtrees ?? [])];
  if (all.some((subtree) => subtree.base.type !== directoryName)) return 'unsupported';
  const permitted = directoryBases(constraints.permittedSubtrees);
  const excluded = directoryBases(constraints.excludedSubtrees);
  return below.find((certificate, index) => {
    if (index > 0 && isSelfIssued(certificate)) return false;
    const { subject } = certificate;
    if (permitted.length > 0 && !permitted.some((base) => isWithin(subject, base))) return true;
    return excluded.some((base) => isWithin(subject, base));
  });
}
