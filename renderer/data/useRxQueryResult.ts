import { useEffect, useState } from 'react';
import type { Observable, Subscription } from 'rxjs';
import { journalsSettled } from './journal/writeJournal';

/**
 * Subscribes to an observable (an RxDB query's `$`; memoise it with useMemo) and re-renders on
 * every emission. `undefined` until the current source has emitted, so a stale result of an
 * earlier source (another class, another school) is never shown. Saves still waiting in a write
 * journal are applied first, so a screen that opens shows what was just saved.
 */
export function useObservable<T>(source: Observable<T>): T | undefined {
  const [latest, setLatest] = useState<{ source: Observable<T>; value: T } | undefined>(undefined);
  useEffect(() => {
    let subscription: Subscription | undefined;
    let live = true;
    const subscribe = () => {
      if (live) subscription = source.subscribe((value) => setLatest({ source, value }));
    };
    const settled = journalsSettled();
    if (settled) settled.then(subscribe, subscribe);
    else subscribe();
    return () => {
      live = false;
      subscription?.unsubscribe();
    };
  }, [source]);
  return latest?.source === source ? latest.value : undefined;
}
