import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, normaliseCode, orgCodeCheckChar, parseUnitCode, toHalfWidth, usccCheckChar } from './codes.ts';

describe('normaliseCode', () => {
  it('turns full-width letters, digits and brackets into half-width', () => {
    expect(toHalfWidth('ＧＢ（１２）')).toBe('GB(12)');
  });
  it('removes spaces and separators and upper-cases', () => {
    expect(normaliseCode(' 500106 001001 ｇｂ00002-w00000000 ')).toBe('500106001001GB00002W00000000');
  });
  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normaliseCode(normaliseCode(s)) === normaliseCode(s)));
  });
});

describe('parseUnitCode', () => {
  it('splits a land-only unit code into its GB/T 37346 segments', () => {
    const r = parseUnitCode('500106001001GB00002W00000000');
    expect(r).toEqual({
      ok: true,
      parts: {
        countyCode: '500106', cadastralDistrict: '001', cadastralSubdistrict: '001', parcelFeature: 'GB', parcelSeq: '00002',
        fixtureFeature: 'W', fixtureSeq: '00000000', parcelCode: '500106001001GB00002',
      },
    });
  });
  it.each([
    ['500106001001GB00002W0000000', '应为 28 位，实为 27 位'],
    ['50010A001001GB00002W00000000', '第 1–6 位'],
    ['500106001001XB00002W00000000', '第 13 位'],
    ['500106001001GB0000AW00000000', '第 15–19 位'],
    ['500106001001GB00002A00000000', '第 20 位'],
    ['500106001001GB00002W0000000X', '第 21–28 位'],
  ])('explains what is wrong with %s', (code, fragment) => {
    const r = parseUnitCode(code);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toContain(fragment);
  });
});

describe('统一社会信用代码', () => {
  // Published example codes with valid check digits.
  it.each(['91350100M000100Y43', '91500106MA5U1A2B9B'])('%s passes both checks', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true, warnings: [] });
  });
  it('a wrong check digit is a warning, not a rejection', () => {
    const r = checkUscc('91500106MA5U1A2B9C');
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings[0]).toContain('校验位应为 B');
  });
  it('rejects characters outside the charset (I O S V Z)', () => {
    const r = checkUscc('91500106MA5U1A2BOB');
    expect(r).toEqual({ ok: false, message: expect.stringContaining('第 17 位“O”') });
  });
  it('rejects wrong lengths', () => {
    expect(checkUscc('9150010').ok).toBe(false);
  });
  it('the check character always makes a code valid', () => {
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...charset), { minLength: 17, maxLength: 17 }), (chars) => {
        const first17 = chars.join('');
        const code = first17 + usccCheckChar(first17);
        const r = checkUscc(code);
        return r.ok && !r.warnings.some((w) => w.startsWith('统一社会信用代码校验位'));
      }),
    );
  });
  it('computes the 组织机构代码 check digit (10 → X)', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('MA5U1A2B')).toBe('9');
  });
});
