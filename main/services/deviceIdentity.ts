import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomicWrite';

const deviceFileSchema = z.object({
  deviceId: z.string().regex(/^device-[0-9a-f-]{36}$/),
  createdAt: z.string(),
});

export const deviceFileName = 'device.json';

/**
 * What `device.json` holds. It is a plain copy of this desktop's identity for the audit chain;
 * the authenticated copy is in main's head store (services/audit), which restores this file when
 * it is deleted or replaced.
 */
export type DeviceFile =
  | { readonly kind: 'ok'; readonly deviceId: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable' };

export async function readDeviceFile(dataDir: string): Promise<DeviceFile> {
  let text: string;
  try {
    text = await readFile(join(dataDir, deviceFileName), 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable' };
  }
  try {
    const parsed = deviceFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? { kind: 'ok', deviceId: parsed.data.deviceId } : { kind: 'unreadable' };
  } catch {
    return { kind: 'unreadable' };
  }
}

export function newDeviceId(): string {
  return `device-${randomUUID()}`;
}

export async function writeDeviceFile(dataDir: string, deviceId: string, now: Date): Promise<void> {
  await writeFileAtomic(
    join(dataDir, deviceFileName),
    `${JSON.stringify({ deviceId, createdAt: now.toISOString() }, null, 2)}\n`,
  );
}

/**
 * This desktop's identity for the audit chain from `device.json` alone, created when missing.
 * The app opens it through the audit head service instead, which also restores a lost file.
 */
export async function loadOrCreateDeviceId(
  dataDir: string,
  now: () => Date = () => new Date(),
): Promise<string> {
  const found = await readDeviceFile(dataDir);
  if (found.kind === 'ok') return found.deviceId;
  const deviceId = newDeviceId();
  await writeDeviceFile(dataDir, deviceId, now());
  return deviceId;
}
