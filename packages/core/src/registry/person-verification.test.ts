import { describe, expect, it } from 'vitest';
import { isKeyPerson, percentOf, reverifyCutoffs } from './person-verification.js';

describe('verification of the registry', () => {
  it('puts tagged people, the floating population and people overseas in the key groups', () => {
    expect(isKeyPerson({ tags: [], residenceStatus: 'registered' })).toBe(false);
    expect(isKeyPerson({ tags: ['elderly_alone'], residenceStatus: 'registered' })).toBe(true);
    expect(isKeyPerson({ tags: [], residenceStatus: 'floating' })).toBe(true);
    expect(isKeyPerson({ tags: [], residenceStatus: 'overseas' })).toBe(true);
  });

  it('makes a key group due after its shorter interval', () => {
    expect(reverifyCutoffs(Date.parse('2026-11-25T00:00:00Z'), { normalDays: 365, keyDays: 90 })).toEqual({ normal: '2025-11-25T00:00:00.000Z', key: '2026-08-27T00:00:00.000Z' });
  });

  it('measures shares to one decimal, and nothing when there is nothing to measure', () => {
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(5, 5)).toBe(100);
    expect(percentOf(0, 0)).toBeNull();
  });
});
