import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/locale.js';
import { REVERIFY_KINDS, REVERIFY_KIND_LABELS, defaultReverifyDays, isReverifyDays, reverifyCutoffs, reverifyDaysWith } from './reverification.js';

const CJK = /[\u4e00-\u9fff]/u;

describe('re-verification intervals per kind', () => {
  const defaults = defaultReverifyDays({ normalDays: 365, keyDays: 90 });

  it('default to the configured days: key groups at the shorter interval, everything else at the normal one', () => {
    expect(defaults).toEqual({ person: 365, person_key: 90, household: 365, house: 365, organisation: 365, place: 365, facility: 365 });
  });

  it('makes a key group due after its shorter interval', () => {
    const cutoffs = reverifyCutoffs(Date.parse('2026-11-25T00:00:00Z'), defaults);
    expect(cutoffs.person).toBe('2025-11-25T00:00:00.000Z');
    expect(cutoffs.person_key).toBe('2026-08-27T00:00:00.000Z');
    expect(cutoffs.house).toBe('2025-11-25T00:00:00.000Z');
  });

  it('makes a facility due after 30 days while houses keep their year, once the county says so', () => {
    const days = reverifyDaysWith(defaults, { facility: 30 });
    const cutoffs = reverifyCutoffs(Date.parse('2026-11-24T01:00:00Z'), days);
    expect(cutoffs.facility).toBe('2026-10-25T01:00:00.000Z');
    expect(cutoffs.house).toBe('2025-11-24T01:00:00.000Z');
    expect(Object.keys(cutoffs).sort()).toEqual([...REVERIFY_KINDS].sort());
  });

  it('ignores a stored value that is not a whole number of days from 1 to 3650', () => {
    expect(reverifyDaysWith(defaults, { place: 0, house: 3651, household: 1.5, organisation: '30', facility: 3650, person: 1 })).toEqual({ ...defaults, facility: 3650, person: 1 });
    expect([1, 3650].every(isReverifyDays)).toBe(true);
    expect([0, 3651, 2.5, '7', null].some(isReverifyDays)).toBe(false);
  });

  it('names every kind in Chinese and in English', () => {
    for (const kind of REVERIFY_KINDS) {
      for (const locale of LOCALES) expect(REVERIFY_KIND_LABELS[kind][locale].trim()).not.toBe('');
      expect(REVERIFY_KIND_LABELS[kind]['zh-CN']).toMatch(CJK);
      expect(REVERIFY_KIND_LABELS[kind]['en-US']).not.toMatch(CJK);
    }
  });
});
