/**
 * Keeps the address bar in step with the view (see url-state.ts). replaceState, not pushState:
 * Back should leave the app, not replay every pan.
 */
import { useEffect } from 'react';
import { encodeUrlState, type UrlState } from './url-state.ts';

export function useUrlSync(state: UrlState): void {
  const { center, zoom, colorMode, grades, group, parcel, view3d } = state;
  const lng = center?.[0] ?? null;
  const lat = center?.[1] ?? null;
  const gradeKey = grades.join(',');
  useEffect(() => {
    const search = encodeUrlState(
      {
        center: lng === null || lat === null ? null : [lng, lat],
        zoom,
        colorMode,
        grades: gradeKey ? (gradeKey.split(',') as UrlState['grades']) : [],
        group,
        parcel,
        view3d,
      },
      window.location.search,
    );
    if (search !== window.location.search) {
      window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
    }
  }, [lng, lat, zoom, colorMode, gradeKey, group, parcel, view3d]);
}
