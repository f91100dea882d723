/**
 * Panels that first paint does without, each in a chunk of its own: the parcel detail (until a
 * parcel is opened) and the lists behind the tabs other than 评价结果, the tab the panel opens on.
 * Together ~40 kB of the ~1.4 MB first chunk (most of it maplibre-gl). Fetched once the page is
 * idle, so a first click rarely waits on the network.
 */
import { lazy } from 'react';

const loadDetail = () => import('../features/parcel-detail/ParcelDetailPanel.tsx');
const loadCandidates = () => import('../features/candidates/CandidatePanel.tsx');
const loadCompare = () => import('../features/compare/ComparePanel.tsx');
const loadRegions = () => import('../features/regions/RegionRanking.tsx');

export const ParcelDetailPanel = lazy(() => loadDetail().then((m) => ({ default: m.ParcelDetailPanel })));
export const CandidatePanel = lazy(() => loadCandidates().then((m) => ({ default: m.CandidatePanel })));
export const ComparePanel = lazy(() => loadCompare().then((m) => ({ default: m.ComparePanel })));
export const RegionRanking = lazy(() => loadRegions().then((m) => ({ default: m.RegionRanking })));

/** Fetches every chunk above (the browser keeps one copy of each module). */
export function preloadPanels(): void {
  for (const load of [loadDetail, loadCandidates, loadCompare, loadRegions]) {
    load().catch(() => {
      // Offline for now: the panel fetches again, and says so, when it is opened.
    });
  }
}
