import { describe, expect, it } from 'vitest';
import { EVERY_DAY_WORKING, addCalendarDays, addWorkingTime, calendarExceptionProblem, isCalendarDate, isWeekend, nextWorkday, workdaysBetween, workingCalendar, workingTimeBetween } from './working-calendar.js';

const HOUR = 3_600_000;
// 国庆 2026: 1–7 October off, Saturday 10 October worked (调休).
const national = workingCalendar([
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday' as const })),
  { date: '2026-10-10', kind: 'workday' as const },
]);

describe('the working calendar', () => {
  it('rests on weekends and public holidays, and works on adjusted workdays', () => {
    expect(national.isWorkday('2026-09-30')).toBe(true); // Wednesday
    expect(national.isWorkday('2026-10-05')).toBe(false); // Monday, holiday
    expect(national.isWorkday('2026-10-10')).toBe(true); // Saturday, 调休
    expect(national.isWorkday('2026-10-11')).toBe(false); // Sunday
    expect(workingCalendar([]).isWorkday('2026-12-05')).toBe(false); // Saturday
  });

  it('lists working days and finds the next one', () => {
    expect(workdaysBetween('2026-09-29', '2026-10-12', national)).toEqual(['2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12']);
    expect(nextWorkday('2026-10-01', national)).toBe('2026-10-08');
    expect(nextWorkday('2026-09-30', national)).toBe('2026-09-30');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('counts a deadline in working time only', () => {
    // Dispatched on 30 September at 16:00 Shanghai (08:00 UTC) with 24 hours: 8 hours that day, 16 on 8 October.
    expect(addWorkingTime('2026-09-30T08:00:00.000Z', 24 * HOUR, national)).toBe('2026-10-08T08:00:00.000Z');
    // Started on a Saturday: counting starts on Monday at 00:00 Shanghai.
    expect(addWorkingTime('2026-12-05T02:00:00.000Z', 2 * HOUR, workingCalendar([]))).toBe('2026-12-06T18:00:00.000Z');
    // Within one working day it is plain addition.
    expect(addWorkingTime('2026-12-02T01:00:00.000Z', 4 * HOUR, workingCalendar([]))).toBe('2026-12-02T05:00:00.000Z');
    expect(addWorkingTime('2026-12-05T02:00:00.000Z', 2 * HOUR, EVERY_DAY_WORKING)).toBe('2026-12-05T04:00:00.000Z');
  });

  it('measures working time between two instants', () => {
    expect(workingTimeBetween('2026-09-30T08:00:00.000Z', '2026-10-08T08:00:00.000Z', national)).toBe(24 * HOUR);
    expect(workingTimeBetween('2026-10-08T08:00:00.000Z', '2026-09-30T08:00:00.000Z', national)).toBe(0);
  });
});

describe('the county’s calendar exceptions', () => {
  it('knows real dates from look-alikes', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-2-3')).toBe(false);
    expect([isWeekend('2026-10-10'), isWeekend('2026-10-11'), isWeekend('2026-10-12')]).toEqual([true, true, false]);
  });

  it('takes an adjusted workday only on a weekend and a holiday only on a weekday', () => {
    expect(calendarExceptionProblem('2026-10-10', 'workday')).toBeNull(); // Saturday 调休
    expect(calendarExceptionProblem('2026-10-09', 'workday')).toBe('workday_on_weekday'); // Friday
    expect(calendarExceptionProblem('2026-10-01', 'holiday')).toBeNull(); // Thursday
    expect(calendarExceptionProblem('2026-10-03', 'holiday')).toBe('holiday_on_weekend'); // Saturday
    expect(calendarExceptionProblem('2026-13-01', 'holiday')).toBe('date_invalid');
  });
});
