import { useSyncExternalStore } from 'react';

/**
 * Routes live in the URL hash (#/ worklist, #/plan/<planId> review) so a reload keeps the screen, and the query
 * string (?token=…, the browser host's secret) is never touched by navigation.
 */
export type Route = { name: 'worklist' } | { name: 'plan'; planId: string } | { name: 'committee' };

export function parseRoute(hash: string): Route {
  const match = /^#\/plan\/([^/?#]+)/.exec(hash);
  if (match) return { name: 'plan', planId: decodeURIComponent(match[1]) };
  if (/^#\/committee\b/.test(hash)) return { name: 'committee' };
  return { name: 'worklist' };
}

export function routeHash(route: Route): string {
  if (route.name === 'plan') return `#/plan/${encodeURIComponent(route.planId)}`;
  return route.name === 'committee' ? '#/committee' : '#/';
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
