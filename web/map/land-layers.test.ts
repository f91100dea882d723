import { describe, expect, it } from 'vitest';
import {
  EXIT_LAYER,
  EXIT_PATH_CLASSES,
  FOOTPRINT_LINE_LAYER,
  NO_LAND,
  STATUS_HATCH_LAYER,
  STATUS_IDLE_LAYER,
  STATUS_SUPPLY_LAYER,
  exitColorExpression,
  landPatches,
  type LandTheme,
} from './land-layers.ts';
import { FLAGS_ATTRIBUTE, STATUS_CLASSES, flagsInclude, hasAnyFlag, statusClassesOf } from './land-status.ts';
import { css, evaluate, evaluateColor, passes } from './test-expressions.ts';
import { tileParcels } from './test-fixtures.ts';

const all: LandTheme = {
  overlays: ['status', 'exit', 'consolidation'],
  statusAvailable: true,
  exitParcels: [
    { code: 'P1', path: '引导退还' },
    { code: 'P3', path: '依规回收' },
    { code: 'P1', path: '倒逼退出' },
  ],
};

describe('land status classes', () => {
  it('put every server flag in exactly one class', () => {
    const flags = STATUS_CLASSES.flatMap((c) => c.flags);
    expect(new Set(flags).size).toBe(flags.length);
    expect(flags).toHaveLength(13);
  });

  it('test a comma-joined flag attribute the same way on the map and in JS, whole flags only', () => {
    const cases = ['idle', 'idle_halted,low_far', 'supplied_not_used', '', 'not_idle', undefined];
    for (const raw of cases) {
      for (const c of STATUS_CLASSES) {
        expect(evaluate(hasAnyFlag(FLAGS_ATTRIBUTE, c.flags), 'boolean', { flags: raw }), `${raw} ${c.id}`).toBe(flagsInclude(raw, c.flags));
      }
    }
    expect(statusClassesOf('low_far,idle')).toEqual(['idle', 'low']);
    expect(statusClassesOf('not_idle')).toEqual([]);
  });
});

describe('land layers', () => {
  it('stay hidden until switched on, and status waits for the tiles to carry flags', () => {
    const off = landPatches(NO_LAND);
    for (const id of [STATUS_HATCH_LAYER, EXIT_LAYER, FOOTPRINT_LINE_LAYER]) expect(off[id]!.layout).toEqual({ visibility: 'none' });
    const noFlags = landPatches({ ...all, statusAvailable: false });
    expect(noFlags[STATUS_IDLE_LAYER]!.layout).toEqual({ visibility: 'none' });
    expect(noFlags[EXIT_LAYER]!.layout).toEqual({ visibility: 'visible' });
  });

  it('hatch low efficiency, dash idle and outline the 五未 parcels, each from its own flags', () => {
    const p = landPatches(all);
    const kept = (id: string) => tileParcels.filter((x) => passes(p[id]!.filter, x)).map((x) => x.code);
    expect(kept(STATUS_HATCH_LAYER)).toEqual(['P2', 'P7']);
    expect(kept(STATUS_IDLE_LAYER)).toEqual(['P3', 'P7']);
    expect(kept(STATUS_SUPPLY_LAYER)).toEqual(['P3', 'P5']);
  });

  it('outline exit parcels in the colour of their path, the first path in policy order for a parcel on two', () => {
    const p = landPatches(all);
    expect(tileParcels.filter((x) => passes(p[EXIT_LAYER]!.filter, x)).map((x) => x.code)).toEqual(['P1', 'P3']);
    const color = p[EXIT_LAYER]!.paint!['line-color'];
    const of = (path: string) => css(EXIT_PATH_CLASSES.find((c) => c.path === path)!.color);
    expect(evaluateColor(color, { code: 'P3' })).toBe(of('依规回收'));
    expect(evaluateColor(color, { code: 'P1' })).toBe(of('倒逼退出'));
    expect(evaluateColor(exitColorExpression([]), { code: 'P1' })).toBe('rgba(0,0,0,0)');
  });
});
