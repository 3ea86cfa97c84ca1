/** Why the XML scanner stopped: a cap passed, a DTD, or XML that is not well-formed. */
export type XmlScanProblem = 'depth' | 'elements' | 'token' | 'doctype' | 'malformed';

export class XmlScanError extends Error {
  constructor(readonly problem: XmlScanProblem) {
    super(`XML refused: ${problem}`);
    this.name = 'XmlScanError';
  }
}
