/**
 * Classes of 亩均税收 (tax per mu, 万元/亩) for colouring parcels.
 *
 * One table drives the legend, `classOf` and the MapLibre expression, so they cannot disagree.
 * Lower bounds are inclusive: 5 万元/亩 is already "5–10", matching MapLibre's `step`, whose
 * output switches at a stop value, and DOMAIN.md's low-efficiency test "< 5 万元/亩".
 *
 * Palette: five steps of viridis (perceptually uniform, readable with the common colour-vision
 * deficiencies and in greyscale). Dark is high, so the 低效 class is the light, warm yellow that
 * stands out against the calm basemap; "no data" is a neutral grey outside the ramp.
 */
import type { ExpressionSpecification } from 'maplibre-gl';

export const LOW_EFFICIENCY_TAX_PER_MU_WAN = 5;

export interface TaxClass {
  id: 'none' | 'lt5' | '5-10' | '10-20' | '20-40' | 'ge40';
  /** Inclusive lower bound in 万元/亩; null for the "no data" class. */
  minWanPerMu: number | null;
  /** Exclusive upper bound in 万元/亩; null when unbounded or "no data". */
  maxWanPerMu: number | null;
  label: string;
  /** Short words for a planner, e.g. 低效. */
  note: string;
  color: string;
}

export const NO_DATA_CLASS: TaxClass = {
  id: 'none',
  minWanPerMu: null,
  maxWanPerMu: null,
  label: '无数据',
  note: '',
  color: '#c9c6bf',
};

/** Value classes in ascending order; the first starts at −∞ so negative figures (refunds) still classify. */
export const VALUE_CLASSES: readonly TaxClass[] = Object.freeze([
  { id: 'lt5', minWanPerMu: null, maxWanPerMu: 5, label: '< 5', note: '低效', color: '#fde725' },
  { id: '5-10', minWanPerMu: 5, maxWanPerMu: 10, label: '5 – 10', note: '', color: '#7ad151' },
  { id: '10-20', minWanPerMu: 10, maxWanPerMu: 20, label: '10 – 20', note: '', color: '#22a884' },
  { id: '20-40', minWanPerMu: 20, maxWanPerMu: 40, label: '20 – 40', note: '', color: '#2a788e' },
  { id: 'ge40', minWanPerMu: 40, maxWanPerMu: null, label: '≥ 40', note: '', color: '#414487' },
] satisfies TaxClass[]);

/** Legend order: no data first, then ascending. */
export const TAX_CLASSES: readonly TaxClass[] = Object.freeze([NO_DATA_CLASS, ...VALUE_CLASSES]);

export const TAX_UNIT = '万元/亩';

/** The break values (inclusive lower bounds) between consecutive value classes. */
export function taxBreaks(): number[] {
  return VALUE_CLASSES.slice(1).map((c) => {
    if (c.minWanPerMu === null) throw new Error(`tax class ${c.id} needs a lower bound`);
    return c.minWanPerMu;
  });
}

/** The class of a 亩均税收 value in 万元/亩; null, undefined and NaN are "no data". */
export function classOf(taxPerMuWan: number | null | undefined): TaxClass {
  if (taxPerMuWan === null || taxPerMuWan === undefined || !Number.isFinite(taxPerMuWan)) {
    return NO_DATA_CLASS;
  }
  let found = VALUE_CLASSES[0] as TaxClass;
  for (const c of VALUE_CLASSES) {
    if (c.minWanPerMu !== null && taxPerMuWan >= c.minWanPerMu) found = c;
  }
  return found;
}

/**
 * A MapLibre colour expression for a numeric property holding 亩均税收 in 万元/亩:
 * grey when the property is missing or not a number, else a `step` over the class breaks.
 */
export function taxColorExpression(property: string): ExpressionSpecification {
  const [first, ...rest] = VALUE_CLASSES as [TaxClass, ...TaxClass[]];
  const stops = rest.flatMap((c) => [c.minWanPerMu as number, c.color]);
  return [
    'case',
    ['==', ['typeof', ['get', property]], 'number'],
    ['step', ['get', property], first.color, ...stops] as unknown as ExpressionSpecification,
    NO_DATA_CLASS.color,
  ];
}
