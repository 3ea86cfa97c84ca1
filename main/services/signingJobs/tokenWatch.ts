import { basename } from 'node:path';
import type { TokenPresence } from '../../../shared/ipc/tokenChannels';
import type { Logger } from '../logger';
import { createHotPlugPoller, type TokenService, type TokenSummary } from '../token';
import type { ResolvedLibrary, TokenLibraryCatalogue } from './tokenLibraries';

/**
 * Main's hot-plug watch (token:watch): the hot-plug poller runs over the libraries main may load
 * while a screen waits for news, and each wait is answered as soon as a token is plugged in or
 * pulled out. Plain request and answer, so Electron's IPC and the local bridge carry it alike
 * with no channel from main to the page.
 */
export type TokenWatch = {
  /**
   * The tokens present, as soon as they differ from generation `since` (at once when they already
   * do, or without `since`), else after `maxWaitMs` with the same generation.
   */
  readonly wait: (since?: number) => Promise<TokenPresence>;
  /** Stops polling and answers every wait (on quit). */
  readonly close: () => void;
};

export type TokenWatchOptions = {
  readonly tokens: Pick<TokenService, 'listTokens' | 'rescan'>;
  readonly libraries: Pick<TokenLibraryCatalogue, 'list'>;
  readonly logger?: Logger;
  readonly intervalMs?: number;
  /** The longest a wait is held before it is answered unchanged (under any HTTP or IPC limit). */
  readonly maxWaitMs?: number;
  /** The poller stops when nobody has waited for this long (the signing screen was left). */
  readonly idleStopMs?: number;
  /**
   * How often, at most, a library that shows no token is loaded afresh: SoftHSM and some CA
   * drivers only find tokens at C_Initialize, so a token plugged in would never appear otherwise.
   * A library showing a token, or with a session open, is left alone.
   */
  readonly rescanMs?: number;
  /**
   * Waits held at once. A new one beyond it answers the oldest, unchanged (most likely from a
   * screen that has closed and stopped listening), so a page cannot pile them up.
   */
  readonly maxWaiters?: number;
};

type Waiter = { readonly resolve: (presence: TokenPresence) => void; readonly timer: NodeJS.Timeout };

export function createTokenWatch(options: TokenWatchOptions): TokenWatch {
  const { tokens, logger } = options;
  const maxWaitMs = options.maxWaitMs ?? 25_000;
  const idleStopMs = options.idleStopMs ?? 10_000;
  const rescanMs = options.rescanMs ?? 6_000;
  const maxWaiters = options.maxWaiters ?? 8;
  let watched: readonly ResolvedLibrary[] = [];
  /** How many tokens each library showed at the last poll, and when it was last loaded afresh. */
  const counts = new Map<string, number>();
  const rescanned = new Map<string, number>();
  const waiters = new Set<Waiter>();
  let generation = 0;
  let changed = false;
  let idleTimer: NodeJS.Timeout | undefined;
  let closed = false;

  const listAll = (): TokenSummary[] => {
    const found: TokenSummary[] = [];
    for (const library of watched) {
      const now = Date.now();
      try {
        if (counts.get(library.path) === 0 && now - (rescanned.get(library.path) ?? 0) >= rescanMs) {
          if (tokens.rescan(library.path)) rescanned.set(library.path, now);
        }
        const listed = tokens.listTokens(library.path);
        counts.set(library.path, listed.length);
        found.push(...listed);
      } catch (error) {
        // A library that fails shows no token; token:list tells the user why.
        counts.set(library.path, 0);
        logger?.debug('token.watch.listFailed', {
          library: basename(library.path),
          error: error instanceof Error ? error.name : typeof error,
        });
      }
    }
    return found;
  };

  const presence = (): TokenPresence => {
    const idOf = new Map(watched.map((library) => [library.path, library.id]));
    return {
      generation,
      tokens: poller.current().flatMap((token) => {
        const libraryId = idOf.get(token.libraryPath);
        return libraryId === undefined
          ? []
          : [{ libraryId, slotId: token.slotId, serialNumber: token.serialNumber, label: token.label }];
      }),
    };
  };

  const answerAll = () => {
    const answer = presence();
    for (const waiter of waiters) {
      clearTimeout(waiter.timer);
      waiter.resolve(answer);
    }
    waiters.clear();
    idleSoon();
  };

  /** One new generation per poll that changed something, however many tokens it saw come and go. */
  const settle = () => {
    if (!changed) return;
    changed = false;
    generation += 1;
    answerAll();
  };

  const poller = createHotPlugPoller({
    listTokens: listAll,
    intervalMs: options.intervalMs ?? 2_000,
    onEvent: (event) => {
      // The library only: a token's label and serial may name its holder.
      logger?.info(`token.watch.${event.type}`, { library: basename(event.token.libraryPath) });
      changed = true;
      queueMicrotask(settle);
    },
  });

  function idleSoon(): void {
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimer = undefined;
      if (waiters.size === 0) poller.stop();
    }, idleStopMs);
    idleTimer.unref();
  }

  const refreshLibraries = async () => {
    try {
      watched = (await options.libraries.list()).libraries;
    } catch {
      // The listing stays as it was; token:list reports what is wrong with it.
    }
  };

  return {
    wait: async (since) => {
      await refreshLibraries();
      // Closed meanwhile (on quit): answer without starting the poller again.
      if (closed) return presence();
      if (idleTimer !== undefined) clearTimeout(idleTimer);
      idleTimer = undefined;
      if (!poller.isRunning()) poller.start();
      settle();
      if (since !== generation) {
        if (waiters.size === 0) idleSoon();
        return presence();
      }
      const [oldest] = waiters;
      if (oldest !== undefined && waiters.size >= maxWaiters) {
        clearTimeout(oldest.timer);
        waiters.delete(oldest);
        oldest.resolve(presence());
      }
      return new Promise<TokenPresence>((resolve) => {
        const waiter: Waiter = {
          resolve,
          timer: setTimeout(() => {
            waiters.delete(waiter);
            if (waiters.size === 0) idleSoon();
            resolve(presence());
          }, maxWaitMs),
        };
        waiter.timer.unref();
        waiters.add(waiter);
      });
    },
    close: () => {
      closed = true;
      poller.stop();
      answerAll();
      if (idleTimer !== undefined) clearTimeout(idleTimer);
      idleTimer = undefined;
    },
  };
}
