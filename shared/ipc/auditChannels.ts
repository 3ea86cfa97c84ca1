import { z } from 'zod';
import { maxChainProbes } from '../audit/chainJudge';

/**
 * The IPC contract of the audit chain's anchor (audit:*). After every audited write the renderer
 * tells main the hashes of the events it just appended; main keeps them, authenticated with a key
 * only main holds, and judges the renderer's chain against them at start and in the History
 * screen's integrity check. Main answers in Vietnamese; the renderer shows the messages as they are.
 */

export const auditDeviceIdSchema = z.string().regex(/^device-[0-9a-f-]{36}$/);
/** The renderer's local database the chain lives in (one per user on a desktop). */
export const auditDatabaseNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);
export const auditHashSchema = z.string().regex(/^[0-9a-f]{64}$/);
const seqSchema = z.number().int().min(0).max(1_000_000_000_000);

/** One report carries at most this many event hashes (130 KB of JSON); a bulk import sends several. */
export const maxHashesPerReport = 2000;
/**
 * Chains one check may carry: this device's, earlier identities' of this desktop, and, in a synced
 * school's database, every other desktop's of the school that sync brought here.
 */
export const maxChainsPerCheck = 256;

const chainPointSchema = z.object({ seq: seqSchema, hash: auditHashSchema }).strict();

export const auditRecordHeadRequestSchema = z
  .object({
    deviceId: auditDeviceIdSchema,
    database: auditDatabaseNameSchema,
    /** The sequence of the first hash in `hashes`; the last one is the chain's new head. */
    fromSeq: seqSchema.min(1),
    /** The hash of event `fromSeq - 1` (genesis for the first event), so main sees the report continues its record. */
    prevHash: auditHashSchema,
    hashes: z.array(auditHashSchema).min(1).max(maxHashesPerReport),
  })
  .strict();
export type AuditRecordHeadRequest = z.output<typeof auditRecordHeadRequestSchema>;

export const auditRecordHeadResponseSchema = z.object({
  /**
   * `recorded`: main's head moved forward; `duplicate`: main knew these already (a retry);
   * `gap`: main's head is `mainSeq`, report from `mainSeq + 1` first (a lost report);
   * `conflict`: the report contradicts what main recorded: refused, kept as an anomaly;
   * `unknownChain`: main has no record of this chain (the integrity check takes it up);
   * `unavailable`: main cannot open its key this time, nothing was recorded.
   */
  status: z.enum(['recorded', 'duplicate', 'gap', 'conflict', 'unknownChain', 'unavailable']),
  mainSeq: seqSchema,
});
export type AuditRecordHeadResponse = z.output<typeof auditRecordHeadResponseSchema>;

export const auditChainClaimSchema = z
  .object({
    deviceId: auditDeviceIdSchema,
    head: chainPointSchema,
    /** The renderer's hashes at the sequences main asked about (needProbe). */
    probes: z.array(chainPointSchema).max(maxChainProbes),
  })
  .strict();
export type AuditChainClaim = z.output<typeof auditChainClaimSchema>;

export const auditCheckChainRequestSchema = z
  .object({
    database: auditDatabaseNameSchema,
    chains: z.array(auditChainClaimSchema).max(maxChainsPerCheck),
  })
  .strict();
export type AuditCheckChainRequest = z.output<typeof auditCheckChainRequestSchema>;

export const auditVerdictSchema = z.enum([
  'intact',
  /** Another desktop's chain, as the province server gave it to this desktop's sync. */
  'vouched',
  'ahead',
  'truncated',
  'rewritten',
  'restarted',
  'unknownDevice',
  'unavailable',
]);
export type AuditVerdict = z.output<typeof auditVerdictSchema>;

export const auditFindingKindSchema = z.enum([
  'intact',
  'ahead',
  'truncated',
  'rewritten',
  'restarted',
  'unknownDevice',
  'unavailable',
  'deviceFileMissing',
  'deviceFileChanged',
  'storeMissing',
  'storeRejected',
  'keyLost',
  'conflictingReport',
  'vouched',
  'differsFromServer',
  'notFromServer',
]);
export type AuditFindingKind = z.output<typeof auditFindingKindSchema>;

export const auditFindingSchema = z.object({
  kind: auditFindingKindSchema,
  /** `problem`: someone should look (the start banner shows it); `notice`: for the record. */
  severity: z.enum(['problem', 'notice']),
  message: z.string(),
  deviceId: z.string().optional(),
});
export type AuditFinding = z.output<typeof auditFindingSchema>;

/** One anomaly in main's record: what, when first and last seen, how often. */
export const auditAnomalySchema = z.object({
  kind: auditFindingKindSchema,
  message: z.string(),
  at: z.string(),
  lastAt: z.string(),
  count: z.number().int().min(1),
});
export type AuditAnomaly = z.output<typeof auditAnomalySchema>;

export const auditChainVerdictSchema = z.object({
  deviceId: z.string(),
  verdict: auditVerdictSchema,
  /** Main's head for this chain after the check; the renderer reports what follows it. */
  mainSeq: seqSchema,
  databaseSeq: seqSchema,
});
export type AuditChainVerdict = z.output<typeof auditChainVerdictSchema>;

export const auditCheckChainResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('needProbe'), deviceId: z.string(), seq: seqSchema }),
  z.object({
    status: z.literal('done'),
    /** The worst verdict over the database's chains. */
    verdict: auditVerdictSchema,
    chains: z.array(auditChainVerdictSchema),
    /** What this check found, and what main found about its own files when it started. */
    findings: z.array(auditFindingSchema),
    /** Main's record of anomalies, newest first (at most 50), and how many it holds in all. */
    anomalies: z.array(auditAnomalySchema),
    anomalyCount: z.number().int().min(0),
  }),
]);
export type AuditCheckChainResponse = z.output<typeof auditCheckChainResponseSchema>;

export const auditChannelContract = {
  'audit:recordHead': { request: auditRecordHeadRequestSchema, response: auditRecordHeadResponseSchema },
  'audit:checkChain': { request: auditCheckChainRequestSchema, response: auditCheckChainResponseSchema },
} as const;
