// The county's working calendar (工作日历): Saturdays and Sundays are rest days, public holidays
// are rest days, and adjusted workdays (调休上班) are working days even on a weekend. Daily checks
// run on working days only, and deadlines count working time only, so an event dispatched on the
// eve of 国庆 is not late on the holiday's third day.
import type { Locale } from '../i18n/locale.js';

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
/** `holiday`: a public holiday (rest day); `workday`: an adjusted working day (调休), e.g. a Sunday. */
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export const CALENDAR_DAY_KIND_LABELS: Readonly<Record<CalendarDayKind, Record<Locale, string>>> = {
  holiday: { 'zh-CN': '节假日', 'en-US': 'public holiday' },
  workday: { 'zh-CN': '调休上班', 'en-US': 'adjusted workday' },
};

export interface CalendarDay {
  /** Shanghai calendar date, YYYY-MM-DD. */
  readonly date: string;
  readonly kind: CalendarDayKind;
}

export interface WorkingCalendar {
  isWorkday(date: string): boolean;
}

const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3600_000;

function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00.000Z`).getUTCDay();
}

/** Saturday or Sunday: a rest day unless the county makes it an adjusted workday. */
export function isWeekend(date: string): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}

/** Whether `date` is YYYY-MM-DD and a day that exists (not 2026-02-30). */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const ms = Date.parse(`${date}T00:00:00.000Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === date;
}

/**
 * What is wrong with an exception to the county's calendar, if anything: an adjusted workday
 * (调休上班) only makes sense on a weekend, a public holiday only on a weekday (a weekend is a
 * rest day already).
 */
export function calendarExceptionProblem(date: string, kind: CalendarDayKind): 'date_invalid' | 'workday_on_weekday' | 'holiday_on_weekend' | null {
  if (!isCalendarDate(date)) return 'date_invalid';
  if (kind === 'workday' && !isWeekend(date)) return 'workday_on_weekday';
  if (kind === 'holiday' && isWeekend(date)) return 'holiday_on_weekend';
  return null;
}

/** A calendar from the county's exceptions; every other day is a workday from Monday to Friday. */
export function workingCalendar(days: readonly CalendarDay[]): WorkingCalendar {
  const exceptions = new Map(days.map((day) => [day.date, day.kind]));
  return {
    isWorkday(date) {
      const kind = exceptions.get(date);
      if (kind === 'holiday') return false;
      if (kind === 'workday') return true;
      return !isWeekend(date);
    },
  };
}

/** A calendar where every day is a working day (deadlines in clock time). */
export const EVERY_DAY_WORKING: WorkingCalendar = { isWorkday: () => true };

/** The Shanghai date `n` days after `date` (n may be negative). */
export function addCalendarDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The working days from `from` to `to`, both included, in order. */
export function workdaysBetween(from: string, to: string, calendar: WorkingCalendar): string[] {
  const days: string[] = [];
  for (let date = from; date <= to; date = addCalendarDays(date, 1)) {
    if (calendar.isWorkday(date)) days.push(date);
  }
  return days;
}

/** The first working day on or after `date` (searching at most a year ahead). */
export function nextWorkday(date: string, calendar: WorkingCalendar): string {
  let day = date;
  for (let i = 0; i < 366 && !calendar.isWorkday(day); i++) day = addCalendarDays(day, 1);
  return day;
}

/**
 * The instant at which `durationMs` of working time has passed since `startedAt` (ISO UTC): time
 * runs on working days (whole Shanghai days) and stands still on rest days. A step started on a
 * Saturday starts counting on Monday at 00:00. With EVERY_DAY_WORKING it is plain addition.
 */
export function addWorkingTime(startedAt: string, durationMs: number, calendar: WorkingCalendar): string {
  let cursor = Date.parse(startedAt);
  let left = durationMs;
  // At most ten years of rest days: a calendar that is all holidays still ends.
  for (let guard = 0; guard < 3660; guard++) {
    const local = cursor + OFFSET_MS;
    const dayStart = local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
    const dayEnd = dayStart + DAY_MS;
    const date = new Date(dayStart).toISOString().slice(0, 10);
    if (calendar.isWorkday(date)) {
      const available = dayEnd - local;
      if (left <= available) return new Date(cursor + left).toISOString();
      left -= available;
    }
    cursor = dayEnd - OFFSET_MS;
  }
  return new Date(cursor + left).toISOString();
}

/** Working time between two instants, in milliseconds (0 when `to` is not after `from`). */
export function workingTimeBetween(from: string, to: string, calendar: WorkingCalendar): number {
  let cursor = Date.parse(from);
  const end = Date.parse(to);
  let total = 0;
  while (cursor < end) {
    const local = cursor + OFFSET_MS;
    const dayStart = local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
    const next = Math.min(dayStart + DAY_MS - OFFSET_MS, end);
    if (calendar.isWorkday(new Date(dayStart).toISOString().slice(0, 10))) total += next - cursor;
    cursor = next;
  }
  return total;
}
