/** Hash routes: '#/portfolio', '#/customers/<id>'. Hash routing keeps app:// and the browser host alike. */
import { useSyncExternalStore } from 'react';

export const SCREENS = [
  'portfolio',
  'customers',
  'renewals',
  'time',
  'imports',
  'reports',
  'settings',
  'lifecycle',
] as const;
export type Screen = (typeof SCREENS)[number];

export interface Route {
  screen: Screen;
  id: string | null;
  /** What of it: a customer's tab ('devices'), then what the tab shows first (a serial number). */
  path: string[];
}

export function parseRoute(hash: string): Route {
  const [screen = '', id = null, ...path] = hash.replace(/^#\/?/, '').split('/');
  const known = (SCREENS as readonly string[]).includes(screen) ? (screen as Screen) : 'portfolio';
  return {
    screen: known,
    id: id ? decodeURIComponent(id) : null,
    path: path.filter(Boolean).map(decodeURIComponent),
  };
}

export function hrefOf(screen: Screen, id?: string, ...path: string[]): string {
  return [`#/${screen}`, ...(id ? [id, ...path] : []).map(encodeURIComponent)].join('/');
}

/** Goes to a screen; each step is a history entry, so Back returns to where the user was. */
export function navigate(screen: Screen, id?: string, ...path: string[]): void {
  window.location.hash = hrefOf(screen, id, ...path);
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
