import { describe, expect, it } from 'vitest';
import { Rng } from './random.ts';

describe('Rng', () => {
  it('repeats the same sequence for the same seed and labels', () => {
    const a = new Rng(20251, 'cluster', 3);
    const b = new Rng(20251, 'cluster', 3);
    const seqA = Array.from({ length: 50 }, () => a.next());
    const seqB = Array.from({ length: 50 }, () => b.next());
    expect(seqA).toEqual(seqB);
  });

  it('gives independent streams for different labels', () => {
    const a = new Rng(20251, 'cluster', 3);
    const b = new Rng(20251, 'cluster', 4);
    expect(Array.from({ length: 5 }, () => a.next())).not.toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it('draws normals with mean ≈ 0 and sd ≈ 1', () => {
    const rng = new Rng(1);
    const xs = Array.from({ length: 20000 }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });

  it('draws log-normals around their median', () => {
    const rng = new Rng(2);
    const xs = Array.from({ length: 20001 }, () => rng.lognormal(20, 0.8)).sort((a, b) => a - b);
    expect(xs[10000]!).toBeGreaterThan(19);
    expect(xs[10000]!).toBeLessThan(21);
  });

  it('picks weighted items in proportion', () => {
    const rng = new Rng(3);
    let heavy = 0;
    for (let i = 0; i < 10000; i++) if (rng.weighted([['a', 1], ['b', 3]] as const) === 'b') heavy++;
    expect(heavy / 10000).toBeGreaterThan(0.72);
    expect(heavy / 10000).toBeLessThan(0.78);
  });

  it('keeps integers within inclusive bounds', () => {
    const rng = new Rng(4);
    const seen = new Set(Array.from({ length: 1000 }, () => rng.int(2, 4)));
    expect([...seen].sort()).toEqual([2, 3, 4]);
  });
});
