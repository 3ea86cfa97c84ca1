import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

/**
 * Subscribes to an observable (an RxDB query's `$`; memoise it with useMemo) and re-renders on
 * every emission. `undefined` until the current source has emitted, so a stale result of an
 * earlier source (another class, another school) is never shown.
 */
export function useObservable<T>(source: Observable<T>): T | undefined {
  const [latest, setLatest] = useState<{ source: Observable<T>; value: T } | undefined>(undefined);
  useEffect(() => {
    const subscription = source.subscribe((value) => setLatest({ source, value }));
    return () => subscription.unsubscribe();
  }, [source]);
  return latest?.source === source ? latest.value : undefined;
}
