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
] as const;
export type Screen = (typeof SCREENS)[number];

export interface Route {
  screen: Screen;
  id: string | null;
}

export function parseRoute(hash: string): Route {
  const [screen = '', id = null] = hash.replace(/^#\/?/, '').split('/');
  const known = (SCREENS as readonly string[]).includes(screen) ? (screen as Screen) : 'portfolio';
  return { screen: known, id: id ? decodeURIComponent(id) : null };
}

export function hrefOf(screen: Screen, id?: string): string {
  return id ? `#/${screen}/${encodeURIComponent(id)}` : `#/${screen}`;
}

export function navigate(screen: Screen, id?: string): void {
  window.location.hash = hrefOf(screen, id);
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
