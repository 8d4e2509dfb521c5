import { describe, expect, it } from 'vitest';
import { drawSample, hashSeed, latestAdultBirthDate, seededRandom } from './survey-sampling.js';

const ids = Array.from({ length: 200 }, (_, i) => `p${String(i).padStart(4, '0')}`);

describe('drawSample', () => {
  it('draws the same people with the same seed, whatever order the registry listed them in', () => {
    const first = drawSample(ids, 30, '2026H2', 'village-1');
    const shuffled = [...ids].reverse();
    expect(drawSample(shuffled, 30, '2026H2', 'village-1')).toEqual(first);
  });

  it('draws other people with another seed, and in another village', () => {
    const first = drawSample(ids, 30, '2026H2', 'village-1');
    expect(drawSample(ids, 30, '2026H2-b', 'village-1')).not.toEqual(first);
    expect(drawSample(ids, 30, '2026H2', 'village-2')).not.toEqual(first);
  });

  it('draws without replacement, only from the candidates', () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      const sample = drawSample(ids, 150, seed, 'v');
      expect(new Set(sample).size).toBe(150);
      expect(sample.every((id) => ids.includes(id))).toBe(true);
    }
    expect(new Set(drawSample(ids, 200, 'all', 'v'))).toEqual(new Set(ids));
  });

  it('refuses a sample larger than the candidates', () => {
    expect(() => drawSample(ids.slice(0, 5), 6, 's', 'v')).toThrow(RangeError);
  });

  it('gives every candidate about the same chance', () => {
    // 2000 draws of 10 from 40: each is drawn about 500 times.
    const candidates = ids.slice(0, 40);
    const counts = new Map<string, number>();
    for (let round = 0; round < 2000; round += 1) {
      for (const id of drawSample(candidates, 10, `seed-${round}`, 'v')) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const id of candidates) expect(Math.abs((counts.get(id) ?? 0) - 500)).toBeLessThan(110);
  });
});

describe('seededRandom', () => {
  it('is a stable stream in [0, 1)', () => {
    const a = seededRandom('x');
    const b = seededRandom('x');
    const values = Array.from({ length: 100 }, () => a());
    expect(values).toEqual(Array.from({ length: 100 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(hashSeed('')).toBe(0x811c9dc5);
  });
});

describe('latestAdultBirthDate', () => {
  it('is the day 18 years before', () => {
    expect(latestAdultBirthDate('2026-07-01')).toBe('2008-07-01');
    // Born on 29 February 2008: not yet 18 on 28 February 2026, 18 on 1 March.
    expect('2008-02-29' <= latestAdultBirthDate('2026-02-28')).toBe(false);
    expect('2008-02-29' <= latestAdultBirthDate('2026-03-01')).toBe(true);
  });
});
