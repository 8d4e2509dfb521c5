import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VISIT_CHECK_SETTINGS,
  distanceFromAddress,
  haversineMeters,
  isFarFromAddress,
  isImpossibleSuccession,
  visitFlags,
} from './visit-checks.js';

const house = { lon: 103.95, lat: 29.65 };

describe('far from the person’s known address', () => {
  it('measures the great-circle distance: 0.01° of latitude is about 1.1 km', () => {
    expect(haversineMeters(house, { lon: 103.95, lat: 29.66 })).toBeGreaterThan(1100);
    expect(haversineMeters(house, { lon: 103.95, lat: 29.66 })).toBeLessThan(1115);
    expect(haversineMeters(house, house)).toBe(0);
  });

  it('flags a visit 1.1 km away with the default 500 m, not one 300 m away', () => {
    expect(
      isFarFromAddress(distanceFromAddress({ lon: 103.95, lat: 29.66 }, house), DEFAULT_VISIT_CHECK_SETTINGS),
    ).toBe(true);
    expect(
      isFarFromAddress(
        distanceFromAddress({ lon: 103.95, lat: 29.6527 }, house),
        DEFAULT_VISIT_CHECK_SETTINGS,
      ),
    ).toBe(false);
  });

  it('says nothing when the address or the visit has no location', () => {
    expect(distanceFromAddress(null, house)).toBeNull();
    expect(distanceFromAddress(house, null)).toBeNull();
    expect(isFarFromAddress(null, DEFAULT_VISIT_CHECK_SETTINGS)).toBe(false);
  });
});

describe('impossible succession', () => {
  const previous = { at: '2026-11-24T01:00:00.000Z', location: house };

  it('flags 11 km in 5 minutes (132 km/h) above 120 km/h', () => {
    expect(
      isImpossibleSuccession(
        previous,
        { at: '2026-11-24T01:05:00.000Z', location: { lon: 103.95, lat: 29.75 } },
        DEFAULT_VISIT_CHECK_SETTINGS,
      ),
    ).toBe(true);
  });

  it('accepts 11 km in 30 minutes', () => {
    expect(
      isImpossibleSuccession(
        previous,
        { at: '2026-11-24T01:30:00.000Z', location: { lon: 103.95, lat: 29.75 } },
        DEFAULT_VISIT_CHECK_SETTINGS,
      ),
    ).toBe(false);
  });

  it('flags two places at the same instant, not the same place; ignores visits without a location', () => {
    expect(
      isImpossibleSuccession(
        previous,
        { at: previous.at, location: { lon: 103.96, lat: 29.65 } },
        DEFAULT_VISIT_CHECK_SETTINGS,
      ),
    ).toBe(true);
    expect(
      isImpossibleSuccession(previous, { at: previous.at, location: house }, DEFAULT_VISIT_CHECK_SETTINGS),
    ).toBe(false);
    expect(
      isImpossibleSuccession(null, { at: previous.at, location: house }, DEFAULT_VISIT_CHECK_SETTINGS),
    ).toBe(false);
    expect(
      isImpossibleSuccession(previous, { at: previous.at, location: null }, DEFAULT_VISIT_CHECK_SETTINGS),
    ).toBe(false);
  });

  it('lists both flags when both hold', () => {
    expect(
      visitFlags(
        1200,
        previous,
        { at: '2026-11-24T01:01:00.000Z', location: { lon: 104.05, lat: 29.65 } },
        DEFAULT_VISIT_CHECK_SETTINGS,
      ),
    ).toEqual(['far_from_address', 'impossible_succession']);
    expect(visitFlags(null, null, { at: previous.at, location: null }, DEFAULT_VISIT_CHECK_SETTINGS)).toEqual(
      [],
    );
  });
});
