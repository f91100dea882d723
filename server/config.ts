/** Settings from the environment, parsed in one place (index.ts passes process.env in). */
import { isAbsolute, join } from 'node:path';

export interface Config {
  /** postgres:// URL of a PostGIS server; absent → embedded PostGIS in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  /** A MapLibre style URL to draw under the parcels where the network allows; null → offline style. */
  basemapStyleUrl: string | null;
  /** Coordinates that basemap is drawn in: gcj02 (Amap, Tencent) shifts our layers for display. */
  basemapCrs: 'wgs84' | 'gcj02';
  /** Delivery loaded into an empty database on start; null → none. */
  sampleDir: string | null;
  webDist: string;
}

export function readConfig(env: Record<string, string | undefined>, root: string): Config {
  const at = (p: string) => (isAbsolute(p) ? p : join(root, p));
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效：${env.PORT}`);
  const sample = env.MUJUN_SAMPLE ?? 'data/sample';
  const crs = (env.MUJUN_BASEMAP_CRS || 'wgs84').toLowerCase();
  if (crs !== 'wgs84' && crs !== 'gcj02') throw new Error(`MUJUN_BASEMAP_CRS 应为 wgs84 或 gcj02，实为“${env.MUJUN_BASEMAP_CRS}”`);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.MUJUN_DATA_DIR?.startsWith('memory://') ? env.MUJUN_DATA_DIR : at(env.MUJUN_DATA_DIR || '.data/db'),
    host: env.HOST || '127.0.0.1',
    port,
    basemapStyleUrl: env.MUJUN_BASEMAP_STYLE_URL || null,
    basemapCrs: crs,
    sampleDir: sample === 'off' ? null : at(sample),
    webDist: at('web/dist'),
  };
}
