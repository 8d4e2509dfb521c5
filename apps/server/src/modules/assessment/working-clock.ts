// Deadlines in working time for many steps at once: the same answer as core's addWorkingTime
// (time runs on working days, whole Shanghai days, and stands still on rest days), from the
// working time elapsed before each day kept once for a range of days, so a month's 70 000 steps
// cost a binary search each instead of a walk over their days.
import { addWorkingTime, type WorkingCalendar } from '@gridwork/core';

const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3600_000;

export interface WorkingClock {
  /** The instant (ISO UTC) `durationMs` of working time after `startedAt`. */
  deadline(startedAt: string, durationMs: number): string;
}

/** A clock for steps starting from `fromDate` (Shanghai) on, whose deadlines fall within `days` days of it. */
export function workingClock(calendar: WorkingCalendar, fromDate: string, days: number): WorkingClock {
  const firstStart = Date.parse(`${fromDate}T00:00:00.000Z`) - OFFSET_MS;
  const working: boolean[] = [];
  // Working time before each day's start, and at its end.
  const before: number[] = [];
  const atEnd: number[] = [];
  let total = 0;
  for (let index = 0; index < days; index += 1) {
    const date = new Date(firstStart + OFFSET_MS + index * DAY_MS).toISOString().slice(0, 10);
    const workday = calendar.isWorkday(date);
    working.push(workday);
    before.push(total);
    if (workday) total += DAY_MS;
    atEnd.push(total);
  }
  return {
    deadline(startedAt, durationMs) {
      const start = Date.parse(startedAt);
      const day = Math.floor((start - firstStart) / DAY_MS);
      if (day < 0 || day >= days || durationMs < 0) return addWorkingTime(startedAt, durationMs, calendar);
      const elapsed = before[day]! + (working[day] ? start - (firstStart + day * DAY_MS) : 0);
      const target = elapsed + durationMs;
      // The first day from the start's whose end reaches the target, then on to a working day.
      let low = day;
      let high = days;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (atEnd[middle]! >= target) high = middle;
        else low = middle + 1;
      }
      while (low < days && !working[low]) low += 1;
      if (low >= days) return addWorkingTime(startedAt, durationMs, calendar);
      if (low === day) return new Date(start + durationMs).toISOString();
      return new Date(firstStart + low * DAY_MS + (target - before[low]!)).toISOString();
    },
  };
}
