import { z } from 'zod';

/**
 * The IPC contract of the USB token (token:*): which tokens and certificates main sees, and the
 * PKCS#11 library to load. The page names a library by id only, never by path: main decides which
 * native code it loads (the known libraries found on the machine, the file picked in main's own
 * dialog, or the bridge's startup option). Batch signing with a token is in signingChannels.ts.
 */

/**
 * `known:<provider>:<n>` (a known library's n-th usual path on this platform), `user:<hash>` (the
 * file picked in main's dialog), `configured:<hash>` (the bridge's `--pkcs11-library`); the hash
 * is of the canonical path, so a library chosen again under another file gets another id.
 */
export const tokenLibraryIdSchema = z
  .string()
  .max(64)
  .regex(/^(?:known:[a-z0-9-]{1,40}:\d{1,2}|(?:user|configured):[0-9a-f]{16})$/);

export const tokenLibrarySchema = z.object({
  id: tokenLibraryIdSchema,
  /** The CA or driver (`known`), or the file's name. */
  provider: z.string(),
  /** The canonical path main loads: shown to the user as text, never accepted back. */
  path: z.string(),
  /** `user`: picked in main's file dialog; `configured`: set when the bridge was started. */
  source: z.enum(['known', 'user', 'configured']),
});
export type TokenLibraryView = z.output<typeof tokenLibrarySchema>;

/**
 * Who a token's certificate names, as `certificateIdentity` reads it (the CN, the CCCD/CMND of a
 * person, the MST/MNS of an organisation, the issuer and serial a pin names): what the screen
 * needs to offer the signed-in person's certificate first and to say why another one is refused.
 * Certificates are public (every signature carries its own), but the screen shows the numbers masked.
 */
export const certificateIdentityViewSchema = z.object({
  commonName: z.string().optional(),
  citizenIds: z.array(z.string()),
  formerIds: z.array(z.string()),
  taxCodes: z.array(z.string()),
  budgetCodes: z.array(z.string()),
  issuer: z.string(),
  serialNumberHex: z.string(),
});
export type CertificateIdentityView = z.output<typeof certificateIdentityViewSchema>;

export const tokenCertificateSchema = z.object({
  keyIdHex: z.string(),
  subjectCommonName: z.string().optional(),
  issuerCommonName: z.string().optional(),
  serialNumberHex: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** Now: `valid`, `expired` or `not-yet-valid`. */
  validity: z.enum(['valid', 'expired', 'not-yet-valid']),
  canSign: z.boolean(),
  keyAlgorithm: z.string(),
  identity: certificateIdentityViewSchema,
});
export type TokenCertificateView = z.output<typeof tokenCertificateSchema>;

export const tokenViewSchema = z.object({
  libraryId: tokenLibraryIdSchema,
  slotId: z.string(),
  label: z.string(),
  serialNumber: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  /** The Vietnamese warning to show before asking for the PIN (few tries left, last try, locked). */
  pinWarning: z.string().optional(),
  pinLocked: z.boolean(),
  /** The PIN counters the token reports: after `final-try` one more wrong PIN locks it. */
  pinStatus: z.enum(['ok', 'count-low', 'final-try', 'locked']),
  certificates: z.array(tokenCertificateSchema),
});
export type TokenView = z.output<typeof tokenViewSchema>;

export const tokenListResponseSchema = z.object({
  libraries: z.array(tokenLibrarySchema),
  tokens: z.array(tokenViewSchema),
  /** Libraries that failed to load or were refused, with the reason in Vietnamese. */
  problems: z.array(z.object({ libraryId: tokenLibraryIdSchema.optional(), message: z.string() })),
  /** The library chosen earlier cannot be used (gone, or the saved setting is damaged): choose again. */
  chooseAgain: z.string().optional(),
});
export type TokenList = z.output<typeof tokenListResponseSchema>;

export const chooseLibraryResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('chosen'), library: tokenLibrarySchema }),
  z.object({ outcome: z.literal('cancelled') }),
  /** No file dialog here (the local bridge): the custom library is set when the bridge starts. */
  z.object({ outcome: z.literal('unavailable') }),
]);
export type ChooseLibraryResult = z.output<typeof chooseLibraryResultSchema>;

/**
 * What token:watch answers: the tokens plugged in now, by main's hot-plug poller, and a
 * generation that changes whenever one is plugged in or pulled out.
 */
export const tokenPresenceSchema = z.object({
  /** Sent back to wait for the next change. */
  generation: z.number().int().min(0),
  /** The tokens present (token:list gives their certificates and PIN state). */
  tokens: z.array(
    z.object({
      libraryId: tokenLibraryIdSchema,
      slotId: z.string(),
      serialNumber: z.string(),
      label: z.string(),
    }),
  ),
});
export type TokenPresence = z.output<typeof tokenPresenceSchema>;

export const tokenChannelContract = {
  'token:list': {
    request: z.object({}).strict(),
    response: tokenListResponseSchema,
  },
  /** Opens main's own file dialog to pick a PKCS#11 library; main keeps the choice. */
  'token:chooseLibrary': { request: z.object({}).strict(), response: chooseLibraryResultSchema },
  /**
   * Main's hot-plug notice over plain request and answer: answers as soon as the tokens plugged in
   * differ from generation `since` (at once without it), else after about 25 s with the same
   * generation; the screen that shows tokens asks again each time, and main polls the tokens only
   * while someone asks.
   */
  'token:watch': {
    request: z.object({ since: z.number().int().min(0).optional() }).strict(),
    response: tokenPresenceSchema,
  },
} as const;
