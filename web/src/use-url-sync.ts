/**
 * Keeps the address bar in step with the view (see url-state.ts). replaceState, not pushState:
 * Back should leave the app, not replay every pan.
 */
import { useEffect } from 'react';
import { encodeUrlState, type UrlState } from './url-state.ts';

export function useUrlSync(state: UrlState): void {
  const search = encodeUrlState(state, window.location.search);
  useEffect(() => {
    if (search !== window.location.search) {
      window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
    }
  }, [search]);
}
