import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../calendar/working-calendar.js';
import { datesOfMonth, rota, workdaysPerMonth } from './duty-roster.js';

describe('the duty roster rules', () => {
  it('cycles the accounts over the working days of a rota', () => {
    expect(rota(['2026-11-23', '2026-11-24', '2026-11-25'], ['a', 'b'])).toEqual([
      { date: '2026-11-23', accountId: 'a' },
      { date: '2026-11-24', accountId: 'b' },
      { date: '2026-11-25', accountId: 'a' },
    ]);
    expect(rota(['2026-11-23'], [])).toEqual([]);
  });

  it('counts the working days of each month under the calendar', () => {
    expect(datesOfMonth('2026-02')).toHaveLength(28);
    const october = workingCalendar([
      ...['01', '02', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday' as const })),
      { date: '2026-10-10', kind: 'workday' as const },
    ]);
    // October 2026 has 22 weekdays; five are 国庆 holidays and Saturday the 10th is worked.
    expect(workdaysPerMonth(2026, october)[9]).toEqual({ month: '2026-10', workdays: 18, restDays: 13 });
  });
});
