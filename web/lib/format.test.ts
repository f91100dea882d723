import { describe, expect, it } from 'vitest';
import { MISSING, formatMeasure, formatMu, formatMuFromM2, formatNumber, formatDateTime, formatPct, formatSigned, muFromM2, perMu, withUnit } from './format.ts';

describe('format', () => {
  it('converts square metres to 亩 at 10000/15 m² per 亩', () => {
    expect(muFromM2(10000)).toBeCloseTo(15, 10);
    expect(muFromM2(666.67)).toBeCloseTo(1, 4);
  });

  it('shows areas in 亩 with two decimals', () => {
    expect(formatMuFromM2(10000)).toBe('15.00 亩');
    expect(formatMu(1234.5)).toBe('1,234.50 亩');
  });

  it('shows a missing value as a dash without a unit, and zero as zero', () => {
    expect(formatMu(null)).toBe(MISSING);
    expect(withUnit(undefined, '万元')).toBe(MISSING);
    expect(withUnit(0, '万元')).toBe('0.00 万元');
    expect(formatNumber(Number.NaN)).toBe(MISSING);
  });

  it('computes a per-亩 figure only with a tax figure and a positive area', () => {
    expect(perMu(100, 20)).toBe(5);
    expect(perMu(null, 20)).toBeNull();
    expect(perMu(100, 0)).toBeNull();
    expect(perMu(0, 10)).toBe(0);
  });

  it('shows measured figures with the decimals they need', () => {
    expect(formatMeasure(1105.0599)).toBe('1,105.1');
    expect(formatMeasure(55.7806)).toBe('55.78');
    expect(formatMeasure(0)).toBe('0.00');
    expect(formatMeasure(0.025412)).toBe('0.0254');
    expect(formatMeasure(-0.5)).toBe('-0.5');
    expect(formatMeasure(null)).toBe(MISSING);
  });

  it('shows ratios as whole percentages', () => {
    expect(formatPct(0.5482)).toBe('55%');
    expect(formatPct(2.3356)).toBe('234%');
    expect(formatPct(null)).toBe(MISSING);
  });
});

describe('signed changes', () => {
  it('puts + or a true minus before the magnitude, and no sign on what rounds to zero', () => {
    expect(formatSigned(6580.9, 0)).toBe('+6,581');
    expect(formatSigned(-8954.2, 0)).toBe('−8,954');
    expect(formatSigned(-0.004, 2)).toBe('0.00');
    expect(formatSigned(0, 1)).toBe('0.0');
    expect(formatSigned(null)).toBe(MISSING);
  });
});

describe('date and time', () => {
  it('is local, to the minute, zero-padded', () => {
    expect(formatDateTime(new Date(2026, 0, 5, 8, 3, 59))).toBe('2026-01-05 08:03');
  });
});
