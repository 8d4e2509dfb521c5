// Permit reminders and the monthly trend, counted in Shanghai calendar days and months.
import { describe, expect, it } from 'vitest';
import { daysAfter, isPermitExpiring, permitReminderWindow, trendMonths } from './floating-calendar.js';

describe('the floating population calendar', () => {
  it('reminds of permits expiring from today to 30 days ahead, across a month and a year end', () => {
    expect(permitReminderWindow('2026-11-24', 30)).toEqual({ from: '2026-11-24', until: '2026-12-24' });
    expect(permitReminderWindow('2026-12-15', 30).until).toBe('2027-01-14');
    expect(daysAfter('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysAfter('2026-03-01', -1)).toBe('2026-02-28');
    expect(() => daysAfter('2026-13-01', 1)).toThrow(RangeError);
  });

  it('calls a permit expiring within the days asked, or already expired, expiring; none without a permit', () => {
    expect(isPermitExpiring('2026-12-20', '2026-11-24', 30)).toBe(true);
    expect(isPermitExpiring('2026-11-01', '2026-11-24', 30)).toBe(true);
    expect(isPermitExpiring('2027-01-20', '2026-11-24', 30)).toBe(false);
    expect(isPermitExpiring(null, '2026-11-24', 30)).toBe(false);
  });

  it('lists the last twelve months oldest first, this month last', () => {
    const months = trendMonths('2026-11-24', 12);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2025-12');
    expect(months.at(-1)).toBe('2026-11');
    expect(trendMonths('2026-01-05', 3)).toEqual(['2025-11', '2025-12', '2026-01']);
  });
});
