import { describe, expect, it } from 'vitest';
import { ByteLru } from './byte-lru.ts';

const bytes = (n: number) => new Uint8Array(n);

describe('ByteLru', () => {
  it('evicts the least recently used entries once the byte bound is passed', () => {
    const lru = new ByteLru(3 * (1000 + 2 + 128));
    lru.set('a', bytes(1000));
    lru.set('b', bytes(1000));
    lru.set('c', bytes(1000));
    expect(lru.get('a')).toBeDefined(); // a is now the most recent
    lru.set('d', bytes(1000));
    expect(lru.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => lru.get(k)?.byteLength)).toEqual([1000, 1000, 1000]);
    expect(lru.count).toBe(3);
    expect(lru.sizeBytes).toBeLessThanOrEqual(lru.maxBytes);
  });

  it('replaces a key without counting it twice, and keeps nothing larger than itself', () => {
    const lru = new ByteLru(2000);
    lru.set('a', bytes(500));
    lru.set('a', bytes(700));
    expect(lru.sizeBytes).toBe(700 + 2 + 128);
    lru.set('huge', bytes(5000));
    expect(lru.get('huge')).toBeUndefined();
    expect(lru.get('a')?.byteLength).toBe(700);
  });

  it('counts empty values, so a flood of empty tiles is bounded too', () => {
    const lru = new ByteLru(10_000);
    for (let i = 0; i < 1000; i++) lru.set(`k${i}`, bytes(0));
    expect(lru.count).toBeLessThan(100);
    expect(lru.get('k999')).toBeDefined();
  });
});
