// A small router over the History API: the console's pages live under
// /console/<page>; the gateway answers every such path with the console.
import { useSyncExternalStore } from 'react';

export const BASE = '/console/';
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', notify);

/** The page part of the address: '' for /console/, 'desk' for /console/desk?x=1. */
export function currentPath(): string {
  const path = window.location.pathname;
  return path.startsWith(BASE) ? path.slice(BASE.length).replace(/\/$/, '') : '';
}

export function usePath(): string {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, currentPath);
}

/** Goes to a console page, keeping ?lang= so the language stays as chosen. */
export function navigate(page: string): void {
  const lang = new URLSearchParams(window.location.search).get('lang');
  window.history.pushState(null, '', `${BASE}${page}${lang ? `?lang=${lang}` : ''}`);
  notify();
}

export function hrefOf(page: string): string {
  const lang = new URLSearchParams(window.location.search).get('lang');
  return `${BASE}${page}${lang ? `?lang=${lang}` : ''}`;
}
