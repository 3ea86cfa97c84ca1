import { useCallback, useSyncExternalStore } from 'react';
import type { AreaId } from './navigation';
import { areas } from './navigation';

/**
 * A place in the app, kept in the URL hash so a reload returns to it: `#/home?class=…`.
 * `unknownPath` is set when the hash names no screen (a mistyped or old link): the app says so
 * instead of silently showing the home screen.
 */
export type Route = {
  readonly area: AreaId;
  readonly params: Readonly<Record<string, string>>;
  readonly unknownPath?: string;
};

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = Object.fromEntries(new URLSearchParams(query));
  if (path === '') return { area: 'home', params };
  const area = areas.find((candidate) => candidate.id === path && candidate.available)?.id;
  return area ? { area, params } : { area: 'home', params, unknownPath: path };
}

/**
 * The desk's choices that stay when the teacher goes to another screen and back: the class, the
 * subject row and the period (issue 10, point 6).
 */
const carriedParams = ['class', 'row', 'period'] as const;

export function carriedOver(params: Readonly<Record<string, string>>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of carriedParams) {
    const value = params[name];
    if (value !== undefined) kept[name] = value;
  }
  return kept;
}

export function formatRoute(route: Route): string {
  const query = new URLSearchParams(route.params).toString();
  return `#/${route.area}${query ? `?${query}` : ''}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): [Route, (route: Route) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const navigate = useCallback((route: Route) => {
    window.location.hash = formatRoute(route);
  }, []);
  return [parseRoute(hash), navigate];
}
