// The batch clock must give exactly core's deadlines: random starts (midnights, rest days and
// holidays among them) and durations from none to weeks, over a calendar with a holiday week and an
// adjusted Sunday workday.
import { EVERY_DAY_WORKING, addWorkingTime, workingCalendar } from '@gridwork/core';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../demo/synthetic-people.js';
import { workingClock } from './working-clock.js';

const calendar = workingCalendar([
  ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map((date) => ({ date, kind: 'holiday' as const })),
  { date: '2026-10-11', kind: 'workday' as const },
]);

describe('the batch working clock', () => {
  it('gives core’s deadline for every start and duration', () => {
    const random = seededRandom(11);
    for (const cal of [calendar, EVERY_DAY_WORKING]) {
      const clock = workingClock(cal, '2026-09-20', 120);
      for (let i = 0; i < 3000; i += 1) {
        const dayOffset = Math.floor(random() * 40);
        const atMidnight = random() < 0.1;
        const start = new Date(Date.parse('2026-09-19T16:00:00.000Z') + dayOffset * 86_400_000 + (atMidnight ? 0 : Math.floor(random() * 86_400_000))).toISOString();
        const hours = [0, 2, 4, 24, 48, 72][i % 6]!;
        const duration = i % 7 === 0 ? Math.floor(random() * 15) * 86_400_000 : hours * 3_600_000;
        expect(clock.deadline(start, duration), `${start} + ${duration}`).toBe(addWorkingTime(start, duration, cal));
      }
    }
  });

  it('falls back to core outside its days', () => {
    const clock = workingClock(calendar, '2026-09-20', 10);
    for (const start of ['2026-09-01T03:00:00.000Z', '2026-09-28T03:00:00.000Z']) expect(clock.deadline(start, 7 * 86_400_000)).toBe(addWorkingTime(start, 7 * 86_400_000, calendar));
  });
});
