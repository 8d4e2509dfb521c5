import { describe, expect, it } from 'vitest';
import { isKeyPerson, percentOf } from './person-verification.js';

describe('verification of the registry', () => {
  it('puts tagged people, the floating population and people overseas in the key groups', () => {
    expect(isKeyPerson({ tags: [], residenceStatus: 'registered' })).toBe(false);
    expect(isKeyPerson({ tags: ['elderly_alone'], residenceStatus: 'registered' })).toBe(true);
    expect(isKeyPerson({ tags: [], residenceStatus: 'floating' })).toBe(true);
    expect(isKeyPerson({ tags: [], residenceStatus: 'overseas' })).toBe(true);
  });

  it('measures shares to one decimal, and nothing when there is nothing to measure', () => {
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(5, 5)).toBe(100);
    expect(percentOf(0, 0)).toBeNull();
  });
});
