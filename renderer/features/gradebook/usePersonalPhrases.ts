import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { cleanText } from '../../../shared/domain/text';
import { useDatabase } from '../../data/DatabaseContext';

const phrasesSchema = z.object({ phrases: z.array(z.string().max(2000)).max(200) });

/**
 * A teacher's own comment phrases, kept on this desktop only (an RxDB local document: never
 * synced, per user).
 */
export function usePersonalPhrases(userId: string): {
  phrases: readonly string[];
  add: (phrase: string) => Promise<void>;
} {
  const database = useDatabase();
  const [phrases, setPhrases] = useState<readonly string[]>([]);
  const id = `commentPhrases:${userId}`;
  useEffect(() => {
    const subscription = database.getLocal$(id).subscribe((doc) => {
      const parsed = phrasesSchema.safeParse(doc?.toJSON().data);
      setPhrases(parsed.success ? parsed.data.phrases : []);
    });
    return () => subscription.unsubscribe();
  }, [database, id]);
  const add = useCallback(
    async (phrase: string) => {
      const clean = cleanText(phrase);
      if (!clean || phrases.includes(clean)) return;
      await database.upsertLocal(id, { phrases: [clean, ...phrases].slice(0, 200) });
    },
    [database, id, phrases],
  );
  return { phrases, add };
}
