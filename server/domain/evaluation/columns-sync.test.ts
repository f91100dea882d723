import { describe, expect, it } from 'vitest';
import { METRIC_KEYS as IMPORT_METRIC_KEYS } from '../../import/columns.ts';
import { METRIC_KEYS } from './types.ts';

describe('metric keys', () => {
  it('are the importer’s metric columns, in the same order', () => {
    expect([...METRIC_KEYS]).toEqual([...IMPORT_METRIC_KEYS]);
  });
});
