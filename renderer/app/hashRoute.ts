import { useCallback, useSyncExternalStore } from 'react';
import type { AreaId } from './navigation';
import { areas } from './navigation';

/** A place in the app, kept in the URL hash so a reload returns to it: `#/home?class=…`. */
export type Route = { readonly area: AreaId; readonly params: Readonly<Record<string, string>> };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const area = areas.find((candidate) => candidate.id === path && candidate.available)?.id ?? 'home';
  return { area, params: Object.fromEntries(new URLSearchParams(query)) };
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
