import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { canonicalJson } from '../../../shared/encoding/canonicalJson';
import { auditFindingKindSchema } from '../../../shared/ipc/auditChannels';
import { writePrivateFile } from './auditKey';

/**
 * `audit/heads.json`: main's record of every chain head it was told about, this desktop's device
 * id, and the anomalies it saw, as one body with an HMAC-SHA256 under main's key. A body whose
 * MAC does not verify is never read for its values.
 */

export const headStoreFileName = 'heads.json';
const macContext = 'hocba-audit-heads-v1\n';

const hexHash = z.string().regex(/^[0-9a-f]{64}$/);

export const chainRecordSchema = z
  .object({
    deviceId: z.string().regex(/^device-[0-9a-f-]{36}$/),
    database: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/),
    seq: z.number().int().min(0),
    hash: hexHash,
    /** SHA-256 of the chain log's first `seq` entries. */
    logDigest: hexHash,
    firstRecordedAt: z.string(),
    recordedAt: z.string(),
  })
  .strict();
export type ChainRecord = z.output<typeof chainRecordSchema>;

/**
 * How far main carried another desktop's chain from the province server into one database: the
 * last event of it a pull brought, by sequence and hash. The server took those events only as
 * appends to that desktop's chain, so the point vouches for every event up to it.
 */
export const vouchedPointSchema = z
  .object({
    deviceId: z.string().regex(/^device-[0-9a-f-]{36}$/),
    database: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/),
    seq: z.number().int().min(1),
    hash: hexHash,
    at: z.string(),
  })
  .strict();
export type VouchedPoint = z.output<typeof vouchedPointSchema>;

export const anomalyRecordSchema = z
  .object({
    kind: auditFindingKindSchema,
    /** Which chain (device and database) or file it concerns, so repeats are counted, not listed. */
    subject: z.string(),
    message: z.string(),
    at: z.string(),
    lastAt: z.string(),
    count: z.number().int().min(1),
  })
  .strict();
export type AnomalyRecord = z.output<typeof anomalyRecordSchema>;

export const headStoreBodySchema = z
  .object({
    format: z.literal(1),
    deviceId: z.string().regex(/^device-[0-9a-f-]{36}$/),
    createdAt: z.string(),
    chains: z.array(chainRecordSchema),
    /** Oldest first; the newest `maxKeptAnomalies` are kept, `anomalyCount` counts them all. */
    anomalies: z.array(anomalyRecordSchema),
    anomalyCount: z.number().int().min(0),
    /** Absent in records written before sync. */
    vouched: z.array(vouchedPointSchema).optional(),
  })
  .strict();
export type HeadStoreBody = z.output<typeof headStoreBodySchema>;

const headStoreFileSchema = z.object({ body: z.unknown(), mac: z.string().regex(/^[0-9a-f]{64}$/) }).strict();

export function macOf(key: Uint8Array, body: HeadStoreBody): string {
  return createHmac('sha256', key).update(macContext).update(canonicalJson(body)).digest('hex');
}

export type ReadHeadStore =
  | { readonly kind: 'missing' }
  /** Unreadable, malformed, or its MAC does not verify under our key. */
  | { readonly kind: 'rejected'; readonly reason: 'unreadable' | 'malformed' | 'mac' }
  | { readonly kind: 'ok'; readonly body: HeadStoreBody };

export async function readHeadStore(path: string, key: Uint8Array): Promise<ReadHeadStore> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? { kind: 'missing' }
      : { kind: 'rejected', reason: 'unreadable' };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'rejected', reason: 'malformed' };
  }
  const file = headStoreFileSchema.safeParse(raw);
  if (!file.success) return { kind: 'rejected', reason: 'malformed' };
  const body = headStoreBodySchema.safeParse(file.data.body);
  if (!body.success) return { kind: 'rejected', reason: 'malformed' };
  // The MAC is over the body as it is in the file; parsing drops nothing a strict schema accepts.
  const expected = Buffer.from(macOf(key, body.data), 'hex');
  const given = Buffer.from(file.data.mac, 'hex');
  if (!timingSafeEqual(expected, given)) return { kind: 'rejected', reason: 'mac' };
  return { kind: 'ok', body: body.data };
}

/**
 * The device id a store names, without trusting it: only used to keep the same identity when
 * main's key cannot be opened this time and device.json is gone too.
 */
export async function unverifiedDeviceIdOf(path: string): Promise<string | undefined> {
  try {
    const raw = JSON.parse(await readFile(path, 'utf8')) as unknown;
    const body = z.object({ body: z.object({ deviceId: z.string().regex(/^device-[0-9a-f-]{36}$/) }) });
    const parsed = body.safeParse(raw);
    return parsed.success ? parsed.data.body.deviceId : undefined;
  } catch {
    return undefined;
  }
}

export async function writeHeadStore(path: string, key: Uint8Array, body: HeadStoreBody): Promise<void> {
  await writePrivateFile(path, `${JSON.stringify({ body, mac: macOf(key, body) })}\n`);
}
