/** Builders for the land-status tests: the default rules, a blank parcel, deep freezing. */
import doc from '../../../data/rules/land-status-default.json' with { type: 'json' };
import { muToM2 } from '../units.ts';
import type { IndustryMedians, OccupantYear, ParcelInput, SupplyFacts } from './model.ts';
import type { LandRules } from './rules.ts';
import { validateLandRules } from './validate-rules.ts';

export const DEFAULT_DOC: unknown = doc;

function load(): LandRules {
  const result = validateLandRules(doc);
  if (!result.ok) throw new Error(`默认规则文档无效：${JSON.stringify(result.errors)}`);
  return result.rules;
}

export const RULES: LandRules = load();

/** The default document with one change at a dotted path (`undefined` deletes the field). */
export function changed(path: string, value: unknown): unknown {
  const doc = structuredClone(DEFAULT_DOC) as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let node = doc;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return doc;
}

export const NO_MEDIANS: IndustryMedians = { grouping: 'division', byIndustry: {} };

export const BLANK_SUPPLY: SupplyFacts = {
  approvalDate: null,
  supplyDate: null,
  supplyMethod: null,
  startDeadline: null,
  actualStartDate: null,
  completionDate: null,
  landPriceWan: null,
  devStatus: null,
  developedAreaM2: null,
  investedWan: null,
  haltedDate: null,
};

type ParcelOverrides = Partial<Omit<ParcelInput, 'supply'>> & { supply?: Partial<SupplyFacts> };

/** A 15-亩 parcel (10,000 m²) with nothing known, as of 2025-12-31, changed by `o`. */
export function parcel(o: ParcelOverrides = {}): ParcelInput {
  return {
    unitCode: '500106001001GB00001W00000000',
    areaM2: 10000,
    far: null,
    floorAreaM2: null,
    holderUscc: null,
    buildings: [],
    standardLand: null,
    industryCode: 'C3489',
    occupants: [],
    asOfDate: '2025-12-31',
    industryMedians: NO_MEDIANS,
    ...o,
    supply: { ...BLANK_SUPPLY, ...o.supply },
  };
}

/** A producing parcel of `areaMu` 亩 whose only enterprise (all its land here) paid `taxWan`. */
export function producing(areaMu: number, taxWan: number | null, o: ParcelOverrides = {}): ParcelInput {
  const areaM2 = muToM2(areaMu);
  return parcel({
    areaM2,
    occupants: [owner('91500106MA5U1A2B9B', '重庆甲精密机械有限公司', areaM2, { taxWan })],
    ...o,
    supply: { supplyDate: '2015-06-01', startDeadline: '2015-12-01', actualStartDate: '2015-11-20', completionDate: '2016-12-30', devStatus: '已投产', ...o.supply },
  });
}

export function owner(uscc: string, name: string, areaM2: number, figures: OccupantYear['figures'], totalAreaUsedM2 = areaM2): OccupantYear {
  return { uscc, name, role: 'owner', areaUsedM2: areaM2, totalAreaUsedM2, figures };
}

export function codes(p: { flags: { code: string }[] }): string[] {
  return p.flags.map((f) => f.code);
}


/** Freezes every nested object and array, so any mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
