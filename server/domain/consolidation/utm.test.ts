import { describe, expect, it } from 'vitest';
import { utmSrid } from './utm.ts';

describe('utmSrid', () => {
  it('picks the zone of the place, north or south', () => {
    expect(utmSrid([106.3, 29.6])).toBe(32648); // Chongqing: zone 48N
    expect(utmSrid([120.15, 30.28])).toBe(32651); // Hangzhou
    expect(utmSrid([108.0, 30.0])).toBe(32649); // a zone boundary belongs to the zone east of it
    expect(utmSrid([151.2, -33.9])).toBe(32756);
    expect(utmSrid([180, 0])).toBe(32660);
  });

  it('refuses what is not a place on the UTM grid', () => {
    expect(() => utmSrid([200, 30])).toThrow('经纬度超出 UTM 范围');
    expect(() => utmSrid([106, 89])).toThrow('经纬度超出 UTM 范围');
  });
});
