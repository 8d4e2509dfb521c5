import { describe, expect, it } from 'vitest';
import { isInspectionStale } from './station-items.js';
import { monthDays } from '../publicity/publicity-kinds.js';

describe('station inspections growing old', () => {
  it('is stale only when older than the configured days', () => {
    expect(isInspectionStale('2026-06-05', '2026-12-02', 180)).toBe(false);
    expect(isInspectionStale('2026-06-04', '2026-12-02', 180)).toBe(true);
    expect(isInspectionStale('2026-12-02', '2026-12-02', 0)).toBe(false);
  });
});

describe('months of publicity', () => {
  it('spans the month’s first and last days, leap years included', () => {
    expect(monthDays('2026-11')).toEqual({ first: '2026-11-01', last: '2026-11-30' });
    expect(monthDays('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(monthDays('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
  });
});
