/**
 * GCJ-02, the offset coordinate system that Amap, Tencent and other web basemaps in mainland China
 * draw in (see ../shared/DOMAIN.md, coordinates): WGS 84 / CGCS2000 lon/lat shifted by a published,
 * deliberately irregular function of position, several hundred metres in China and none outside it.
 * We store and compute in WGS 84 and shift only for display over such a basemap. Pure.
 *
 * The forward function is the one every open implementation uses (Krasovsky ellipsoid, offsets
 * from polynomials and sines of lon − 105°, lat − 35°); the inverse is found by fixed-point
 * iteration, good to about 1e-9° (0.1 mm).
 */

const A = 6378245.0; // Krasovsky 1940 semi-major axis, m
const EE = 0.00669342162296594323; // its first eccentricity squared

/** Outside this box (roughly mainland China) GCJ-02 equals WGS 84. */
export function outOfChina(lng: number, lat: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function offsetLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** The GCJ-02 shift at a WGS 84 point, [Δlng, Δlat] in degrees ([0, 0] outside China). */
export function gcj02Offset(lng: number, lat: number): [number, number] {
  if (outOfChina(lng, lat)) return [0, 0];
  const radLat = (lat / 180) * Math.PI;
  const s = Math.sin(radLat);
  const magic = 1 - EE * s * s;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (offsetLat(lng - 105, lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (offsetLng(lng - 105, lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [dLng, dLat];
}

export function wgs84ToGcj02(lng: number, lat: number): [number, number] {
  const [dLng, dLat] = gcj02Offset(lng, lat);
  return [lng + dLng, lat + dLat];
}

/** The WGS 84 point that GCJ-02 puts at (lng, lat). */
export function gcj02ToWgs84(lng: number, lat: number): [number, number] {
  let [x, y] = [lng, lat];
  for (let i = 0; i < 30; i++) {
    const [gx, gy] = wgs84ToGcj02(x, y);
    const [ex, ey] = [gx - lng, gy - lat];
    x -= ex;
    y -= ey;
    if (Math.abs(ex) < 1e-10 && Math.abs(ey) < 1e-10) break;
  }
  return [x, y];
}

type Position = number[];
type Coordinates = Position | Coordinates[];

function shiftCoordinates(c: Coordinates): Coordinates {
  if (typeof c[0] === 'number') {
    const [lng, lat, ...rest] = c as Position;
    return [...wgs84ToGcj02(lng!, lat!), ...rest];
  }
  return (c as Coordinates[]).map(shiftCoordinates);
}

/** A GeoJSON geometry with every vertex shifted to GCJ-02 (a new object; null stays null). */
export function geometryToGcj02<G extends { type: string } | null>(geometry: G): G {
  if (geometry === null) return geometry;
  const g = geometry as unknown as { type: string; coordinates?: Coordinates; geometries?: { type: string }[] };
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries!.map((x) => geometryToGcj02(x)) } as unknown as G;
  return { ...g, coordinates: shiftCoordinates(g.coordinates!) } as unknown as G;
}
