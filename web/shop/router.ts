// The shop's pages live under /shop/<slug>/ and keep stable addresses; links change the page without
// a reload (history API).
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'programme' }
  | { page: 'performance'; id: string }
  | { page: 'pack'; id: string }
  | { page: 'stream'; id: string }
  | { page: 'basket' }
  | { page: 'details' }
  | { page: 'pay' }
  | { page: 'return'; token: string | null }
  | { page: 'order'; token: string }
  | { page: 'missing' };

export interface Location { slug: string; route: Route }

export function parse(pathname: string, search: string): Location {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const slug = parts[0] === 'shop' ? parts[1] ?? '' : '';
  const [a, b] = parts.slice(2);
  const route: Route = !a ? { page: 'programme' }
    : a === 'performances' && b ? { page: 'performance', id: b }
    : a === 'packs' && b ? { page: 'pack', id: b }
    : a === 'streams' && b ? { page: 'stream', id: b }
    : a === 'basket' ? { page: 'basket' }
    : a === 'details' ? { page: 'details' }
    : a === 'pay' ? { page: 'pay' }
    : a === 'return' ? { page: 'return', token: new URLSearchParams(search).get('basket') }
    : a === 'order' && b ? { page: 'order', token: b }
    : { page: 'missing' };
  return { slug, route };
}

export const href = (slug: string, path = ''): string => `/shop/${encodeURIComponent(slug)}/${path}`;

const listeners = new Set<() => void>();

/** Goes to a page of the shop (keeping ?embed when the shop is in a frame). */
export function navigate(to: string, replace = false): void {
  const embed = new URLSearchParams(location.search).get('embed');
  const url = embed && !to.includes('?') ? `${to}?embed=${embed}` : to;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.scrollTo(0, 0);
  listeners.forEach((l) => l());
}

export function useLocation(): Location {
  const [loc, setLoc] = useState(() => parse(location.pathname, location.search));
  useEffect(() => {
    const update = () => setLoc(parse(location.pathname, location.search));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => { listeners.delete(update); window.removeEventListener('popstate', update); };
  }, []);
  return loc;
}

/** A link inside the shop: a real <a href> (opens in a new tab too), handled without a reload. */
export function onLink(e: { preventDefault(): void; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; button: number }, to: string): void {
  if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  navigate(to);
}
