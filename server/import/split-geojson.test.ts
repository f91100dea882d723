import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitFeatureCollection } from './split-geojson.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const split = (s: string) => splitFeatureCollection(utf8(s));

describe('splitFeatureCollection', () => {
  it.each(['data/sample/parcels.geojson', 'data/sample/regions.geojson', 'server/import/fixtures/tiny/parcels.geojson'])(
    'gives the same features as JSON.parse on %s', (path) => {
      const bytes = readFileSync(path);
      const result = splitFeatureCollection(bytes);
      expect(result.ok).toBe(true);
      expect(result.ok && result.features).toEqual(JSON.parse(bytes.toString('utf8')).features);
    });

  it('reads strings holding braces, brackets, quotes, backslashes and CJK, with a BOM and odd spacing', () => {
    const features = [
      { type: 'Feature', properties: { name: '重庆"甲"}{][ 精密\\机械', note: '\u2028,' }, geometry: null },
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [106.3, 29.6] } },
    ];
    const text = `\ufeff \n{ "features" :\n[ ${features.map((f) => JSON.stringify(f, null, 3)).join(' ,\n')} ] , "name":"x",\t"type" : "FeatureCollection" }\n`;
    expect(split(text)).toEqual({ ok: true, features });
    expect(split('{"type":"FeatureCollection","features":[]}')).toEqual({ ok: true, features: [] });
  });

  it('agrees with JSON.parse on any features, pretty or compact', () => {
    const feature = fc.record({ type: fc.constant('Feature'), properties: fc.dictionary(fc.string(), fc.jsonValue()), geometry: fc.constant(null) });
    fc.assert(fc.property(fc.array(feature, { maxLength: 6 }), fc.constantFrom(0, 1, 2), (features, indent) => {
      const text = JSON.stringify({ type: 'FeatureCollection', features }, null, indent);
      expect(split(text)).toEqual({ ok: true, features: JSON.parse(text).features });
    }));
  });

  it.each([
    ['{"type":"FeatureCollection","features":[{"type":"Feature"}', 'features 数组没有结束'],
    ['{"type":"FeatureCollection","features":[{"type":"Feature"} {"type":"Feature"}]}', '第 1 个要素之后应为逗号或 ]'],
    ['{"type":"FeatureCollection","features":[{"type":"Feature"},{"type":Feature}]}', '第 2 个要素'],
    ['{"type":"FeatureCollection","features":[{"type":"Feature"},]}', '第 2 个要素'],
    ['{"type":"FeatureCollection","features":[]} x', '之后还有内容'],
    ['{"type":"Feature","features":[]}', '应为 GeoJSON FeatureCollection'],
    ['{"type":"FeatureCollection","features":{}}', '应为 GeoJSON FeatureCollection'],
    ['{"type":"FeatureCollection" "features":[]}', '应为逗号或 }'],
    ['[]', '文件不以 { 开头'],
    ['{"type":"FeatureCollection","features":[{"name":"没有结束}]}', '没有结束'],
  ])('refuses %s, saying why', (text, message) => {
    const result = split(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });
});
