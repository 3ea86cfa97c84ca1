/**
 * Web Locks (`navigator.locks`) for a desktop's page run in a Node worker thread, where Node 20
 * has none: exclusive locks by name, granted in request order, within this realm, which is all
 * one page's Web Locks coordinate when one window is open. Installed only where none exists.
 */
type LockCallback<T> = (lock: { readonly name: string; readonly mode: 'exclusive' }) => Promise<T> | T;

export function installInRealmLocks(): void {
  const holder = globalThis as { navigator?: { locks?: unknown } };
  if (holder.navigator?.locks !== undefined) return;
  const tails = new Map<string, Promise<unknown>>();
  const request = <T>(
    name: string,
    optionsOrCallback: unknown,
    maybeCallback?: LockCallback<T>,
  ): Promise<T> => {
    const callback = (
      typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback
    ) as LockCallback<T>;
    const before = tails.get(name) ?? Promise.resolve();
    const run = before.then(() => callback({ name, mode: 'exclusive' }));
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(name, tail);
    void tail.then(() => {
      if (tails.get(name) === tail) tails.delete(name);
    });
    return run;
  };
  const locks = { request };
  if (holder.navigator === undefined)
    Object.defineProperty(globalThis, 'navigator', { value: { locks }, configurable: true });
  else Object.defineProperty(holder.navigator, 'locks', { value: locks, configurable: true });
}
