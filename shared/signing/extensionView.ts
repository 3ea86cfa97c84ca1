import { childrenOf, type Tlv } from './der';
import { children, must, oidOf, valueOf } from './derValues';

export type ExtensionView = {
  readonly oid: string;
  readonly critical: boolean;
  /** The extnValue OCTET STRING's content: the extension's own DER. */
  readonly value: Uint8Array;
};

/** Extensions ::= SEQUENCE OF Extension { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } */
export function readExtensions(bytes: Uint8Array, sequence: Tlv): ExtensionView[] {
  return childrenOf(bytes, must(sequence, 0x30)).map((extension) => {
    const [oid, second, third] = children(bytes, extension, 0x30);
    const critical = second?.tag === 0x01 && valueOf(bytes, second)[0] === 0xff;
    const value = second?.tag === 0x01 ? third : second;
    return { oid: oidOf(bytes, oid), critical, value: valueOf(bytes, must(value, 0x04)) };
  });
}
