export {
  allowsDigitalSignature,
  type CertificateInfo,
  type KeyUsageName,
  parseCertificate,
  validityAt,
  type ValidityStatus,
} from './certificateInfo';
export { ecdsaRawToDer } from './ecdsaSignature';
export {
  createHotPlugPoller,
  diffTokens,
  type HotPlugPoller,
  type HotPlugPollerOptions,
  type TokenPresenceEvent,
} from './hotPlugPoller';
export { pinSchema, type SignMechanism, type TokenRef, tokenRefSchema } from './inputSchemas';
export {
  findTokenLibraries,
  type KnownTokenLibrary,
  knownTokenLibraries,
  type LibraryCandidate,
  libraryPathSchema,
  type TokenPlatform,
} from './knownLibraries';
export { createModuleRegistry, type LoadedModule, type ModuleRegistry } from './moduleRegistry';
export { type PinState, pinStateFromFlags, type PinStatus } from './pinState';
export type { SigningSession } from './signingSession';
export { tokenStrings } from './strings';
export { TokenError, type TokenErrorKind, tokenErrorKindForCkr } from './tokenError';
export type { TokenCertificate } from './tokenObjects';
export {
  createTokenService,
  type LoginOptions,
  sharedModuleRegistry,
  type TokenService,
  type TokenServiceOptions,
} from './tokenService';
export type { SlotSummary, TokenSummary } from './tokenSummary';
