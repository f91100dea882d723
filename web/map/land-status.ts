/**
 * Land-status classes as the map shows them: the server's flags (闲置土地, “五未”土地, 低效用地, …)
 * grouped into three that can be drawn together over the grade colours, and tests on the parcel
 * tiles' flag attribute. The server adds the attribute as `flags`, the year's flag codes joined
 * with commas (see PARCEL_TILE_ATTRIBUTES in server/db/queries/tiles.ts).
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { FlagCode } from '../api/land-types.ts';

/** The tile attribute holding the latest year's flag codes, comma-joined. */
export const FLAGS_ATTRIBUTE = 'flags';

export type StatusClassId = 'idle' | 'supply' | 'low';

export interface StatusClass {
  id: StatusClassId;
  label: string;
  /** The flags that put a parcel in the class. */
  flags: readonly FlagCode[];
  color: string;
  glyph: 'dashed' | 'outline' | 'hatch';
}

export const STATUS_CLASSES: readonly StatusClass[] = Object.freeze([
  { id: 'idle', label: '闲置土地', flags: ['idle', 'idle_halted'], color: '#1c1917', glyph: 'dashed' },
  {
    id: 'supply',
    label: '“五未”·未履约',
    flags: ['approved_not_supplied', 'supplied_not_used', 'used_not_fully', 'built_not_producing', 'producing_below_target', 'standard_land_failed'],
    color: '#3f3a36',
    glyph: 'outline',
  },
  { id: 'low', label: '低效用地', flags: ['low_tax_per_mu', 'low_tax_vs_industry', 'low_far', 'vacant_floor_share', 'vacant_floor_area'], color: '#2a2420', glyph: 'hatch' },
] satisfies StatusClass[]);

/** A boolean expression: the parcel's flags (a comma-joined attribute) include one of `flags`. */
export function hasAnyFlag(attribute: string, flags: readonly string[]): ExpressionSpecification {
  const joined: ExpressionSpecification = ['concat', ',', ['coalesce', ['get', attribute], ''], ','];
  return ['any', ...flags.map((f): ExpressionSpecification => ['>=', ['index-of', `,${f},`, joined], 0])];
}

/** The JS twin of `hasAnyFlag`. */
export function flagsInclude(raw: string | null | undefined, flags: readonly string[]): boolean {
  const have = (raw ?? '').split(',');
  return flags.some((f) => have.includes(f));
}

/** The status class ids of a comma-joined flag list, in STATUS_CLASSES order. */
export function statusClassesOf(raw: string | null | undefined): StatusClassId[] {
  return STATUS_CLASSES.filter((c) => flagsInclude(raw, c.flags)).map((c) => c.id);
}

export function statusClass(id: StatusClassId): StatusClass {
  return STATUS_CLASSES.find((c) => c.id === id)!;
}

