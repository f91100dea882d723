/**
 * 不动产单元代码 numbering: 地籍区 = the zone (片区), a new 地籍子区 for each cluster and again
 * every ~180 parcels at a block boundary, and 宗地顺序号 counting up within the 地籍子区 with the
 * occasional gap (numbers retired by past splits and mergers, as in real registries).
 */
import { landUnitCode } from './identifiers.ts';
import type { Rng } from './random.ts';

const PARCELS_PER_SUBDISTRICT = 180;

interface ZoneNumbering {
  subdistrict: number;
  inSubdistrict: number;
  seq: number;
}

export class CadastreNumbering {
  private readonly zones = new Map<number, ZoneNumbering>();
  private lastBlock = -1;

  constructor(private readonly county: string) {}

  /** Call at the start of each cluster: it opens a new 地籍子区. */
  startCluster(zoneIndex: number): void {
    const zone = this.zones.get(zoneIndex) ?? { subdistrict: 0, inSubdistrict: 0, seq: 0 };
    zone.subdistrict += 1;
    zone.inSubdistrict = 0;
    zone.seq = 0;
    this.zones.set(zoneIndex, zone);
    this.lastBlock = -1;
  }

  next(rng: Rng, zoneIndex: number, blockIndex: number): string {
    const zone = this.zones.get(zoneIndex);
    if (!zone) throw new Error('startCluster must be called first');
    if (blockIndex !== this.lastBlock && zone.inSubdistrict >= PARCELS_PER_SUBDISTRICT) {
      zone.subdistrict += 1;
      zone.inSubdistrict = 0;
      zone.seq = 0;
    }
    this.lastBlock = blockIndex;
    zone.seq += 1 + (rng.chance(0.08) ? rng.int(1, 4) : 0);
    zone.inSubdistrict += 1;
    return landUnitCode(this.county, zoneIndex + 1, zone.subdistrict, zone.seq);
  }
}
