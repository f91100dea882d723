import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anniversary, dayNumber, daysBetween, fullYearsElapsed, isIsoDate } from './dates.ts';

describe('anniversary', () => {
  it('is the same month and day n years later', () => {
    expect(anniversary('2020-03-01', 1)).toBe('2021-03-01');
    expect(anniversary('2023-12-31', 2)).toBe('2025-12-31');
  });
  it('moves 2 月 29 日 to the month end, 2 月 28 日, in a common year (民法典 第二百零二条)', () => {
    expect(anniversary('2020-02-29', 1)).toBe('2021-02-28');
    expect(anniversary('2020-02-29', 2)).toBe('2022-02-28');
    expect(anniversary('2020-02-29', 4)).toBe('2024-02-29');
  });
  it('rejects fractional years', () => {
    expect(() => anniversary('2020-01-01', 1.5)).toThrow('非负整数');
  });
});

describe('fullYearsElapsed (满几年, asOf read as the end of that day)', () => {
  it('counts the year as full on the anniversary itself', () => {
    expect(fullYearsElapsed('2020-03-01', '2021-03-01')).toBe(1);
  });
  it('one day short of the anniversary is not a full year', () => {
    expect(fullYearsElapsed('2020-03-01', '2021-02-28')).toBe(0);
  });
  it('counts calendar years, not 365 days: 365 days after 2019-03-01 is 2020-02-29, one day short', () => {
    expect(daysBetween('2019-03-01', '2020-02-29')).toBe(365);
    expect(fullYearsElapsed('2019-03-01', '2020-02-29')).toBe(0);
    expect(fullYearsElapsed('2019-03-01', '2020-03-01')).toBe(1);
  });
  it('a start date of 2020-02-29 is one full year past at the end of 2021-02-28, not 2021-03-01', () => {
    expect(fullYearsElapsed('2020-02-29', '2021-02-27')).toBe(0);
    expect(fullYearsElapsed('2020-02-29', '2021-02-28')).toBe(1);
    expect(fullYearsElapsed('2020-02-29', '2022-02-28')).toBe(2);
    expect(fullYearsElapsed('2020-02-29', '2024-02-28')).toBe(3);
    expect(fullYearsElapsed('2020-02-29', '2024-02-29')).toBe(4);
  });
  it('a start date of 2019-02-28 is a full year on 2020-02-28, though 2020 has a 29th', () => {
    expect(fullYearsElapsed('2019-02-28', '2020-02-27')).toBe(0);
    expect(fullYearsElapsed('2019-02-28', '2020-02-28')).toBe(1);
  });
  it('is 0 before the start date', () => {
    expect(fullYearsElapsed('2025-06-01', '2020-01-01')).toBe(0);
  });
  it('never decreases as asOf moves later', () => {
    const day = fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2060-12-31') });
    fc.assert(
      fc.property(day, day, fc.nat(2000), (from, asOf, later) => {
        const iso = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
        return fullYearsElapsed(iso(from), iso(asOf + later)) >= fullYearsElapsed(iso(from), iso(asOf));
      }),
    );
  });
});

describe('dayNumber', () => {
  it('agrees with the calendar (checked against Date.UTC)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        return dayNumber(iso) === n;
      }),
    );
  });
  it.each(['2021-02-29', '2021-13-01', '2021-2-3', '20210203', ''])('rejects %j', (bad) => {
    expect(isIsoDate(bad)).toBe(false);
    expect(() => dayNumber(bad)).toThrow(bad === '' ? '格式' : /日期“/);
  });
});
