import { z } from 'zod';
import type { UserId } from '../../shared/domain/ids';

/**
 * Who is using the app on this desktop. Real sign-in against the province server arrives with
 * sync; until then the only way in is the sample-data trial, which is its own user and database.
 */
const sessionSchema = z.object({
  userId: z
    .string()
    .regex(/^user:[a-z0-9._-]+$/)
    .transform((value) => value as UserId),
  displayName: z.string().min(1),
  role: z.enum(['principal', 'teacher']),
  mode: z.literal('sample'),
});
export type Session = z.output<typeof sessionSchema>;

const storageKey = 'hocba.session';

export function readSession(storage: Storage): Session | undefined {
  const raw = storage.getItem(storageKey);
  if (raw === null) return undefined;
  try {
    const parsed = sessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function writeSession(storage: Storage, session: Session): void {
  storage.setItem(storageKey, JSON.stringify(session));
}

export function clearSession(storage: Storage): void {
  storage.removeItem(storageKey);
}

export const sampleSession: Session = {
  userId: 'user:dung-thu' as UserId,
  displayName: 'Người dùng thử',
  role: 'principal',
  mode: 'sample',
};
