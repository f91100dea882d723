import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARCELS, DEFAULT_SEED, generateDistrict } from './district.ts';
import { MANIFEST_FILES } from './write-delivery.ts';

const SAMPLE = join(import.meta.dirname, '../../data/sample');
const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mujun-gen-'));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const deliveryFiles = ['manifest.json', ...MANIFEST_FILES.map((f) => f.path)];

describe('generateDistrict', () => {
  it('writes byte-identical files for the same seed', () => {
    const a = tempDir();
    const b = tempDir();
    generateDistrict({ out: a, parcels: 300, seed: 7 });
    generateDistrict({ out: b, parcels: 300, seed: 7 });
    expect(readdirSync(a).sort()).toEqual([...deliveryFiles].sort());
    for (const file of deliveryFiles) {
      expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), file).toBe(true);
    }
  });

  it('writes different districts for different seeds', () => {
    const a = tempDir();
    const b = tempDir();
    generateDistrict({ out: a, parcels: 300, seed: 7 });
    generateDistrict({ out: b, parcels: 300, seed: 8 });
    expect(readFileSync(join(a, 'parcels.geojson')).equals(readFileSync(join(b, 'parcels.geojson')))).toBe(false);
  });

  it('hits the requested parcel count', () => {
    for (const parcels of [300, 1234]) {
      const stats = generateDistrict({ out: tempDir(), parcels, seed: 3 });
      expect(Math.abs(stats.parcels - parcels) / parcels).toBeLessThanOrEqual(0.05);
    }
  });

  it('produced the committed data/sample (regenerate with `npm run generate` after changing the generator)', () => {
    const fresh = tempDir();
    generateDistrict({ out: fresh, parcels: DEFAULT_PARCELS, seed: DEFAULT_SEED });
    for (const file of deliveryFiles) {
      const same = readFileSync(join(fresh, file)).equals(readFileSync(join(SAMPLE, file)));
      expect(same, `data/sample/${file} is stale`).toBe(true);
    }
  });
});
