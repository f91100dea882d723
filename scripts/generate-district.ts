/**
 * Writes a synthetic, seeded sample district as a delivery folder (see data/README.md).
 *
 *   tsx scripts/generate-district.ts [--out data/sample] [--parcels 3000] [--seed 20251]
 *
 * Same seed and parcel count → byte-identical files. Large counts (--parcels 1000000) stream to
 * disk cluster by cluster; write them outside the repository.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_PARCELS, DEFAULT_SEED, generateDistrict } from './generate/district.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'data/sample' },
    parcels: { type: 'string', default: String(DEFAULT_PARCELS) },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
  },
});

const started = performance.now();
const stats = generateDistrict({ out: values.out, parcels: Number(values.parcels), seed: Number(values.seed) });
for (const line of stats.lines()) console.log(line);
console.log(`wrote ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
