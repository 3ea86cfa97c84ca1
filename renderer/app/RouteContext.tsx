import { createContext, useContext, type ReactNode } from 'react';
import type { Route } from './hashRoute';

type RouteState = { readonly route: Route; readonly navigate: (route: Route) => void };

const RouteContext = createContext<RouteState | undefined>(undefined);

export function RouteProvider({ value, children }: { value: RouteState; children: ReactNode }) {
  return <RouteContext.Provider value={value}>{children}</RouteContext.Provider>;
}

/** The current place in the app and a way to go elsewhere (the hash route). */
export function useRouteState(): RouteState {
  const state = useContext(RouteContext);
  if (!state) throw new Error('useRouteState outside RouteProvider');
  return state;
}

/** Reads and writes one query parameter of the current area (`class`, `row`, `period`, `student`). */
export function useRouteParam(name: string): [string | undefined, (value: string | undefined) => void] {
  const { route, navigate } = useRouteState();
  const set = (value: string | undefined): void => {
    const others = Object.entries(route.params).filter(([key]) => key !== name);
    const params = Object.fromEntries(value === undefined ? others : [...others, [name, value]]);
    navigate({ area: route.area, params });
  };
  return [route.params[name], set];
}
