/**
 * The map stays put on the page when a panel opens or closes beside it. MapLibre keeps the centre
 * on a resize, so opening the 420 px detail panel on the right used to slide the parcel just
 * clicked 210 px to the left (and off the map, if it was near the panel). Here the part of the
 * map that stays on screen keeps its place on the page: the content moves back by the mean shift
 * of the container's edges.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';

export interface PageRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The pan, in CSS pixels (MapLibre `panBy` sense), that keeps what was drawn at each page position
 * there after the container went from `before` to `after`.
 *
 * MapLibre keeps the centre: a point `p` from the old left edge lands at `after.left + p - w/2 + w'/2`
 * on the page, i.e. shifted by the mean of the edges' moves. Panning by that mean moves it back.
 */
export function anchorPan(before: PageRect, after: PageRect): [number, number] {
  return [
    (after.left - before.left + (after.right - before.right)) / 2,
    (after.top - before.top + (after.bottom - before.bottom)) / 2,
  ];
}

const rectOf = (el: HTMLElement): PageRect => {
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
};

export interface ResizeAnchor {
  /**
   * Brings the map to its container's current size at once (before a camera move that depends on
   * it, e.g. fitting a parcel as the detail panel opens), without the anchoring pan.
   */
  sync(): void;
  remove(): void;
}

/** Watches the map's container and keeps the content in place across its resizes. */
export function anchorOnResize(map: MaplibreMap): ResizeAnchor {
  const container = map.getContainer();
  let last = rectOf(container);
  const observer = new ResizeObserver(() => {
    const now = rectOf(container);
    const [dx, dy] = anchorPan(last, now);
    last = now;
    map.resize();
    // A flight under way keeps its target; a zero move is no move.
    if (map.isMoving() || (Math.abs(dx) < 0.5 && Math.abs(dy) < 0.5)) return;
    map.panBy([dx, dy], { animate: false });
  });
  observer.observe(container);
  return {
    sync() {
      last = rectOf(container);
      map.resize();
    },
    remove() {
      observer.disconnect();
    },
  };
}
