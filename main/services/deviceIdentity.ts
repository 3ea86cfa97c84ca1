import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomicWrite';

const deviceFileSchema = z.object({
  deviceId: z.string().regex(/^device-[0-9a-f-]{36}$/),
  createdAt: z.string(),
});

/**
 * This desktop's identity for the audit chain: created once, kept in the data folder. Every
 * change made on this machine is numbered in this device's own hash chain.
 */
export async function loadOrCreateDeviceId(
  dataDir: string,
  now: () => Date = () => new Date(),
): Promise<string> {
  const path = join(dataDir, 'device.json');
  try {
    const parsed = deviceFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (parsed.success) return parsed.data.deviceId;
  } catch {
    // Missing or unreadable: a new identity follows (a copied or damaged data folder gets its own chain).
  }
  const deviceId = `device-${randomUUID()}`;
  await writeFileAtomic(path, `${JSON.stringify({ deviceId, createdAt: now().toISOString() }, null, 2)}\n`);
  return deviceId;
}
