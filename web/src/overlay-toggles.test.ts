import { describe, expect, it } from 'vitest';
import { overlayToggles } from './overlay-toggles.ts';

const IN = { loading: false, error: null };
const byId = (list: ReturnType<typeof overlayToggles>) => Object.fromEntries(list.map((o) => [o.id, o]));

describe('overlay switches', () => {
  it('say an overlay is loading only while it is on and its data is not in', () => {
    const loading = byId(overlayToggles(['exit'], true, { truncated: false, loading: true, error: null }, { loading: true, error: null }));
    expect(loading.exit).toMatchObject({ on: true, loading: true });
    expect(loading.consolidation).toMatchObject({ on: false, loading: false });
    const loaded = byId(overlayToggles(['exit', 'consolidation'], true, { truncated: false, loading: false, error: null }, IN));
    expect(loaded.exit!.loading).toBe(false);
    expect(loaded.consolidation!.loading).toBe(false);
  });

  it('keep land status off, and say why, when the tiles carry no flags', () => {
    const t = byId(overlayToggles(['status'], false, { truncated: false, loading: false, error: null }, IN));
    expect(t.status!.on).toBe(false);
    expect(t.status!.unavailable).toContain('flags');
  });

  it('add a key line when the exit parcels were cut short', () => {
    const t = byId(overlayToggles(['exit'], true, { truncated: true, loading: false, error: null }, IN));
    expect(t.exit!.keys.map((k) => k.id)).toContain('exit-more');
  });

  it('say what failed instead of loading, when an overlay that is on could not be fetched', () => {
    const t = byId(overlayToggles(['exit', 'consolidation'], true, { truncated: false, loading: false, error: '服务器返回 500' }, { loading: false, error: '无法连接服务器' }));
    expect(t.exit).toMatchObject({ on: true, loading: false, failed: '退出候选加载失败：服务器返回 500' });
    expect(t.consolidation).toMatchObject({ on: true, loading: false, failed: '连片开发加载失败：无法连接服务器' });
    expect(t.status!.failed).toBeNull();
  });

  it('say nothing of a failure once the overlay is off', () => {
    const t = byId(overlayToggles([], true, { truncated: false, loading: false, error: '服务器返回 500' }, { loading: false, error: '服务器返回 500' }));
    expect(t.exit).toMatchObject({ on: false, loading: false, failed: null });
    expect(t.consolidation).toMatchObject({ on: false, loading: false, failed: null });
  });
});
