import { describe, expect, it } from 'vitest';
import { landUseName } from './land-use.ts';

describe('land-use names', () => {
  it('name the GB/T 21010 codes of the ledger, falling back to the class, then the code', () => {
    expect(landUseName('0601')).toBe('工业用地');
    expect(landUseName('0699')).toBe('工矿仓储用地');
    expect(landUseName('9999')).toBe('9999');
    expect(landUseName(undefined)).toBe('');
  });
});
