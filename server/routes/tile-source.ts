/**
 * Encoded tiles for the tile routes: read through an in-process LRU keyed by layer, data version and
 * z/x/y, with one database read per tile however many requests ask for it at once.
 */
import type { Database } from '../db/database.ts';
import { dataVersion } from '../db/queries/data-version.ts';
import { parcelCellTile, parcelTile, regionTile, tileBounds, type EncodedTile, type TileCrs } from '../db/queries/tiles.ts';
import { ByteLru } from '../tiles/byte-lru.ts';
import { tilesCovering, type TileAddress } from '../tiles/tile-grid.ts';
import { MAX_TILE_BYTES, parcelTilePlan, simplifyToleranceM, TILE_MINZOOM } from '../tiles/zoom-plan.ts';

export type TileSetName = 'parcels' | 'regions';

export interface TileSourceOptions {
  /** Bound of the tile cache, in bytes; 64 MB when absent. */
  cacheBytes?: number;
  /**
   * How long the current data version is trusted before it is read again, in ms (1000 when absent).
   * A tile is always labelled with the version it was read at; this only delays noticing an import.
   */
  versionTtlMs?: number;
  /**
   * Render the district's parcel tiles from TILE_MINZOOM up to this zoom ahead of any request, each
   * time the data version changes (absent: never). The shallowest tiles sum the most parcels (two
   * seconds apiece over a million) and are the fewest: the first view of a large district is quick.
   */
  warmToZoom?: number;
}

export class TileSource {
  private readonly cache: ByteLru;
  private readonly inflight = new Map<string, Promise<EncodedTile>>();
  private readonly versionTtlMs: number;
  private version: { value: string; readAt: number } | null = null;
  private versionRead: Promise<string> | null = null;
  private readonly warmToZoom: number | null;
  /** The warm-up under way, if any (tests wait on it). */
  warming: Promise<void> | null = null;

  constructor(private readonly db: Database, options: TileSourceOptions = {}) {
    this.cache = new ByteLru(options.cacheBytes ?? 64 * 1024 * 1024);
    this.versionTtlMs = options.versionTtlMs ?? 1000;
    this.warmToZoom = options.warmToZoom ?? null;
  }

  /**
   * The data version tiles are served at now. A client asking for another version (`requested`, the
   * `v` of its tile URL) has seen a newer one than the trusted value, or an older: it is read again at
   * once, so a map that has just learnt of new data is never sent the tiles it replaces.
   */
  async currentVersion(requested?: string): Promise<string> {
    const fresh = this.version && performance.now() - this.version.readAt < this.versionTtlMs;
    if (fresh && (requested === undefined || requested === this.version!.value)) return this.version!.value;
    this.versionRead ??= dataVersion(this.db)
      .then((value) => {
        const changed = this.version?.value !== value;
        this.version = { value, readAt: performance.now() };
        if (changed && this.warmToZoom !== null) this.warming = this.warm(value, this.warmToZoom);
        return value;
      })
      .finally(() => (this.versionRead = null));
    return this.versionRead;
  }

  /** The tile at `version` if cached, else read now (and labelled with the version it was read at). */
  async tile(set: TileSetName, tile: TileAddress, version: string, crs: TileCrs = 'wgs84'): Promise<EncodedTile> {
    const key = cacheKey(set, crs, version, tile);
    const cached = this.cache.get(key);
    if (cached) return { version, mvt: cached };
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.read(set, tile, crs).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    const read = await pending;
    this.cache.set(cacheKey(set, crs, read.version, tile), read.mvt);
    if (read.version !== version) this.version = { value: read.version, readAt: performance.now() };
    return read;
  }

  get cachedBytes(): number {
    return this.cache.sizeBytes;
  }

  get cachedTiles(): number {
    return this.cache.count;
  }

  /** Renders the shallow parcel tiles at `version`, one at a time; stops when the version moves on. */
  private async warm(version: string, toZoom: number): Promise<void> {
    try {
      const bounds = await tileBounds(this.db);
      if (!bounds) return;
      for (let z = TILE_MINZOOM; z <= toZoom; z++) {
        for (const tile of tilesCovering(bounds, z)) {
          if (this.version?.value !== version) return;
          await this.tile('parcels', tile, version);
        }
      }
    } catch (err) {
      console.warn(`[mujun] tile warm-up at ${version} stopped: ${(err as Error).message}`);
    }
  }

  private read(set: TileSetName, tile: TileAddress, crs: TileCrs): Promise<EncodedTile> {
    return set === 'regions' ? regionTile(this.db, tile, simplifyToleranceM(tile.z), crs) : this.readParcels(tile, crs);
  }

  /** Parcels or cells by zoom; should a tile pass the byte budget, it keeps fewer (the largest) parcels. */
  private async readParcels(tile: TileAddress, crs: TileCrs): Promise<EncodedTile> {
    const plan = parcelTilePlan(tile.z);
    if (plan.kind === 'cells') return parcelCellTile(this.db, tile, plan.cellsPerSide, crs);
    let maxParcels = plan.maxParcels;
    for (;;) {
      const read = await parcelTile(this.db, tile, { simplifyM: plan.simplifyM, maxParcels, crs });
      if (read.mvt.byteLength <= MAX_TILE_BYTES || maxParcels <= 1) return read;
      maxParcels = Math.floor(maxParcels / 2);
    }
  }
}

function cacheKey(set: TileSetName, crs: TileCrs, version: string, { z, x, y }: TileAddress): string {
  return `${set}/${crs}/${version}/${z}/${x}/${y}`;
}
