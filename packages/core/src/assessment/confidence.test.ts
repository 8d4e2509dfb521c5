import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './confidence.js';

describe('wilsonInterval', () => {
  it('matches the textbook figures', () => {
    // 81 of 263: 0.2553 to 0.3662 (Wilson 1927 as tabulated by Newcombe 1998).
    const interval = wilsonInterval(81, 263)!;
    expect(interval.low).toBeCloseTo(0.2553, 3);
    expect(interval.high).toBeCloseTo(0.3662, 3);
  });

  it('stays inside [0, 1] when every answer agrees', () => {
    const all = wilsonInterval(30, 30)!;
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(0.8865, 3);
    const none = wilsonInterval(0, 30)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.1135, 3);
  });

  it('has no interval without answers or with impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(5, 4)).toBeNull();
  });
});
