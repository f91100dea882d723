import { describe, expect, it } from 'vitest';
import { overlayToggles } from './overlay-toggles.ts';

const byId = (list: ReturnType<typeof overlayToggles>) => Object.fromEntries(list.map((o) => [o.id, o]));

describe('overlay switches', () => {
  it('say an overlay is loading only while it is on and its data is not in', () => {
    const loading = byId(overlayToggles(['exit'], true, { truncated: false, loading: true }, true));
    expect(loading.exit).toMatchObject({ on: true, loading: true });
    expect(loading.consolidation).toMatchObject({ on: false, loading: false });
    const loaded = byId(overlayToggles(['exit', 'consolidation'], true, { truncated: false, loading: false }, false));
    expect(loaded.exit!.loading).toBe(false);
    expect(loaded.consolidation!.loading).toBe(false);
  });

  it('keep land status off, and say why, when the tiles carry no flags', () => {
    const t = byId(overlayToggles(['status'], false, { truncated: false, loading: false }, false));
    expect(t.status!.on).toBe(false);
    expect(t.status!.unavailable).toContain('flags');
  });

  it('add a key line when the exit parcels were cut short', () => {
    const t = byId(overlayToggles(['exit'], true, { truncated: true, loading: false }, false));
    expect(t.exit!.keys.map((k) => k.id)).toContain('exit-more');
  });
});
