import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAP_LOCALE_ZH } from './locale.ts';

/** The keys of MapLibre's default locale, read from the installed build. */
function maplibreLocaleKeys(): string[] {
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('maplibre-gl'));
  const source = readFileSync(join(dist, 'maplibre-gl.js'), 'utf8');
  return [...new Set([...source.matchAll(/"([A-Z][A-Za-z]*\.[A-Z][A-Za-z]*)":"/g)].map((m) => m[1]!))].sort();
}

describe('MapLibre in Chinese', () => {
  it('translates every key of the installed MapLibre default locale', () => {
    const keys = maplibreLocaleKeys();
    expect(keys.length).toBeGreaterThanOrEqual(20);
    expect(keys.filter((k) => !(k in MAP_LOCALE_ZH))).toEqual([]);
  });

  it('has no English left in it', () => {
    for (const [key, text] of Object.entries(MAP_LOCALE_ZH)) expect(text, key).toMatch(/[\u4e00-\u9fff]/);
  });
});
