// The duty roster (值班表) of a sub-center: who is on duty which day in which slot, and the rules
// the server, the console and the scheduled "nobody on duty" check share. (The checks on the
// county's working-calendar exceptions live with the calendar, in calendar/working-calendar.ts.)
import type { Locale } from '../i18n/locale.js';
import { workingCalendar, type WorkingCalendar } from '../calendar/working-calendar.js';

/** One shift of a day: a key, a name shown to people and how many may be on it. */
export interface DutySlot {
  readonly key: string;
  readonly name: string;
  readonly capacity: number;
}

/** Without a unit setting: one slot for the whole day, one person. */
export const DEFAULT_DUTY_SLOTS: readonly DutySlot[] = [{ key: 'day', name: '全天', capacity: 1 }];

export const DUTY_LAPSE_REASONS = ['no_roster', 'no_check_in'] as const;
/** Why a working day of a sub-center counts as a lapse (值班缺岗): nobody on the roster, or nobody checked in by the cut-off. */
export type DutyLapseReason = (typeof DUTY_LAPSE_REASONS)[number];

export const DUTY_LAPSE_REASON_LABELS: Readonly<Record<DutyLapseReason, Record<Locale, string>>> = {
  no_roster: { 'zh-CN': '未排班', 'en-US': 'nobody on the roster' },
  no_check_in: { 'zh-CN': '值班人员未签到', 'en-US': 'nobody checked in' },
};

/** Every date of a month ('2026-11'), in order. */
export function datesOfMonth(month: string): string[] {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** Working days per month of a year under the calendar, January first. */
export function workdaysPerMonth(year: number, calendar: WorkingCalendar = workingCalendar([])): { month: string; workdays: number; restDays: number }[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    const dates = datesOfMonth(month);
    const workdays = dates.filter((date) => calendar.isWorkday(date)).length;
    return { month, workdays, restDays: dates.length - workdays };
  });
}

/** A rota (轮班): the working days in order, each given to the next account of the list, round and round. */
export function rota(workdays: readonly string[], accountIds: readonly string[]): { date: string; accountId: string }[] {
  if (accountIds.length === 0) return [];
  return workdays.map((date, i) => ({ date, accountId: accountIds[i % accountIds.length] as string }));
}

/** The slot of `key` among a unit's slots, if it has one. */
export function slotOf(slots: readonly DutySlot[], key: string): DutySlot | undefined {
  return slots.find((slot) => slot.key === key);
}
