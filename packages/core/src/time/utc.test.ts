// Times are stored as fixed-width UTC text so that SQLite and PostgreSQL sort them alike, and are
// shown to township staff in Beijing time (UTC+8).
import { describe, expect, it } from 'vitest';
import { DISPLAY_TIME_ZONE, isUtcTimestamp, nowUtc, toShanghaiIso, toUtcTimestamp } from './utc.js';

describe('toUtcTimestamp', () => {
  it('writes an instant as ISO-8601 UTC with milliseconds', () => {
    expect(toUtcTimestamp(new Date(Date.UTC(2026, 10, 24, 1, 30)))).toBe('2026-11-24T01:30:00.000Z');
  });

  it('always writes 24 characters ending in Z, whatever the instant', () => {
    const dates = [
      new Date(0),
      new Date(Date.UTC(2026, 0, 1)),
      new Date(Date.UTC(2026, 11, 31, 23, 59, 59, 999)),
      new Date(Date.UTC(2026, 5, 15, 4, 5, 6, 7)),
      new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999)),
    ];
    for (const date of dates) {
      const text = toUtcTimestamp(date);
      expect(text).toHaveLength(24);
      expect(text.endsWith('Z')).toBe(true);
      expect(isUtcTimestamp(text)).toBe(true);
    }
  });

  it('keeps the instant: reading the text back gives the same time', () => {
    const date = new Date(Date.UTC(2026, 2, 8, 16, 0, 0, 123));
    expect(new Date(toUtcTimestamp(date)).getTime()).toBe(date.getTime());
  });

  it('sorts as text in the same order as the instants it writes', () => {
    const instants = [
      Date.UTC(2026, 10, 24, 18, 30),
      Date.UTC(1999, 11, 31, 23, 59, 59, 999),
      Date.UTC(2000, 0, 1),
      Date.UTC(2026, 10, 24, 18, 30, 0, 1),
      Date.UTC(2026, 10, 24, 9, 5),
      Date.UTC(2026, 1, 3),
      Date.UTC(2026, 0, 10),
      0,
      Date.UTC(2030, 5, 1),
    ];
    const byTime = [...instants].sort((a, b) => a - b).map((ms) => toUtcTimestamp(new Date(ms)));
    const byText = instants.map((ms) => toUtcTimestamp(new Date(ms))).sort();
    expect(byText).toEqual(byTime);
  });

  it('refuses an invalid Date rather than storing garbage', () => {
    expect(() => toUtcTimestamp(new Date('not a date'))).toThrow(RangeError);
    expect(() => toUtcTimestamp(new Date(Number.NaN))).toThrow('invalid date');
  });
});

describe('nowUtc', () => {
  it('reads the injected clock', () => {
    expect(nowUtc(() => Date.UTC(2026, 10, 24, 1, 30))).toBe('2026-11-24T01:30:00.000Z');
  });

  it('reads the real clock by default', () => {
    const before = Date.now();
    const now = nowUtc();
    const after = Date.now();
    expect(isUtcTimestamp(now)).toBe(true);
    expect(Date.parse(now)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(now)).toBeLessThanOrEqual(after);
  });
});

describe('isUtcTimestamp', () => {
  it('accepts the stored form', () => {
    expect(isUtcTimestamp('2026-11-24T01:30:00.000Z')).toBe(true);
    expect(isUtcTimestamp('2028-02-29T23:59:59.999Z')).toBe(true);
  });

  it.each([
    ['an offset instead of Z', '2026-11-24T09:30:00.000+08:00'],
    ['no milliseconds', '2026-11-24T01:30:00Z'],
    ['microseconds', '2026-11-24T01:30:00.000000Z'],
    ['no zone at all', '2026-11-24T01:30:00.000'],
    ['a lower-case z', '2026-11-24T01:30:00.000z'],
    ['a space instead of T', '2026-11-24 01:30:00.000Z'],
    ['a date alone', '2026-11-24'],
    ['a thirteenth month', '2026-13-01T00:00:00.000Z'],
    ['a sixtieth minute', '2026-11-24T01:60:00.000Z'],
    ['an expanded year', '+010000-01-01T00:00:00.000Z'],
    ['surrounding spaces', ' 2026-11-24T01:30:00.000Z '],
    ['an empty string', ''],
  ])('refuses %s (%j)', (_label, value) => {
    expect(isUtcTimestamp(value)).toBe(false);
  });

  // Date.parse rolls impossible days over (2026-02-30 → 2026-03-02) instead of returning NaN.
  it.each(['2026-02-30T00:00:00.000Z', '2026-04-31T12:00:00.000Z', '2025-02-29T00:00:00.000Z'])(
    'refuses %s, a day that does not exist',
    (value) => {
      expect(isUtcTimestamp(value)).toBe(false);
    },
  );

  // 24:00 is the same instant as 00:00 of the next day but sorts before it as text, which would
  // break "text order equals time order".
  it('refuses 24:00, which toISOString never writes', () => {
    expect(isUtcTimestamp('2026-01-01T24:00:00.000Z')).toBe(false);
  });
});

describe('toShanghaiIso', () => {
  it('shows times in Asia/Shanghai', () => {
    expect(DISPLAY_TIME_ZONE).toBe('Asia/Shanghai');
  });

  it('adds eight hours and writes the +08:00 offset', () => {
    expect(toShanghaiIso('2026-11-24T01:30:00.000Z')).toBe('2026-11-24T09:30:00+08:00');
  });

  it('moves to the next day when it is already tomorrow in Beijing', () => {
    expect(toShanghaiIso('2026-11-24T18:30:00.000Z')).toBe('2026-11-25T02:30:00+08:00');
    expect(toShanghaiIso('2026-11-24T16:00:00.000Z')).toBe('2026-11-25T00:00:00+08:00');
  });

  it('stays on the same day one millisecond before Beijing midnight', () => {
    expect(toShanghaiIso('2026-11-24T15:59:59.999Z')).toBe('2026-11-24T23:59:59+08:00');
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(toShanghaiIso('2026-11-30T20:00:00.000Z')).toBe('2026-12-01T04:00:00+08:00');
    expect(toShanghaiIso('2026-12-31T16:00:00.000Z')).toBe('2027-01-01T00:00:00+08:00');
    expect(toShanghaiIso('2028-02-28T16:00:00.000Z')).toBe('2028-02-29T00:00:00+08:00');
  });

  it('names the same instant, down to the second', () => {
    const utc = '2026-07-01T21:45:17.000Z';
    expect(Date.parse(toShanghaiIso(utc))).toBe(Date.parse(utc));
  });
});
