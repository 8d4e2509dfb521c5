import { describe, expect, it } from 'vitest';
import { calendarExceptionProblem } from '../calendar/working-calendar.js';
import { HOLIDAY_NOTICES } from './china-holidays.js';

// Loading a notice replaces the county's whole year, so only complete notices may be offered.
const FESTIVALS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];

describe('the State Council’s holiday notices', () => {
  it('offers only years whose notice is complete: every festival, each day a valid exception of that year', () => {
    const years = Object.entries(HOLIDAY_NOTICES);
    expect(years.length).toBeGreaterThan(0);
    for (const [year, days] of years) {
      const festivals = new Set(days.filter((day) => day.kind === 'holiday').map((day) => day.name));
      expect({ year, festivals: [...festivals].sort() }).toEqual({ year, festivals: [...FESTIVALS].sort() });
      for (const day of days) {
        expect({ date: day.date, problem: calendarExceptionProblem(day.date, day.kind) }).toEqual({ date: day.date, problem: null });
        expect(day.date.startsWith(`${year}-`)).toBe(true);
      }
    }
  });
});
