// The State Council's holiday arrangements (国务院办公厅关于部分节假日安排的通知) as calendar
// exceptions, for the county to load once a year and for the demo. Weekend days inside a holiday
// are rest days anyway, so only its weekdays are listed as holidays; the weekend days worked
// (调休上班) are listed as workdays.
import type { CalendarDayKind } from '../calendar/working-calendar.js';

export interface HolidayNoticeDay {
  readonly date: string;
  readonly kind: CalendarDayKind;
  readonly name: string;
}

function holidays(name: string, dates: readonly string[]): HolidayNoticeDay[] {
  return dates.map((date) => ({ date, kind: 'holiday', name }));
}

function worked(name: string, dates: readonly string[]): HolidayNoticeDay[] {
  return dates.map((date) => ({ date, kind: 'workday', name: `${name}调休上班` }));
}

/**
 * 2026, as we read the notice published in November 2025 (国办发明电〔2025〕7号): 元旦 1.1–1.3
 * (1.4 worked), 春节 2.15–2.23 (2.14 and 2.28 worked), 清明 4.4–4.6, 劳动节 5.1–5.5 (5.9 worked),
 * 端午 6.19–6.21, 中秋 9.25–9.27, 国庆 10.1–10.7 (9.20 and 10.10 worked). The county should check
 * it against the notice itself on the 工作日历 page; each day can be changed there.
 */
export const CHINA_HOLIDAYS_2026: readonly HolidayNoticeDay[] = [
  ...holidays('元旦', ['2026-01-01', '2026-01-02']),
  ...worked('元旦', ['2026-01-04']),
  ...holidays('春节', ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23']),
  ...worked('春节', ['2026-02-14', '2026-02-28']),
  ...holidays('清明节', ['2026-04-06']),
  ...holidays('劳动节', ['2026-05-01', '2026-05-04', '2026-05-05']),
  ...worked('劳动节', ['2026-05-09']),
  ...holidays('端午节', ['2026-06-19']),
  ...holidays('中秋节', ['2026-09-25']),
  ...holidays('国庆节', ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']),
  ...worked('国庆节', ['2026-09-20', '2026-10-10']),
];

/**
 * The notices the 工作日历 page offers to load, by year. A year is listed only once its notice is
 * published and entered in full: loading replaces the county's whole year, so a partial list would
 * wipe the days the county entered by hand. (2027's notice is not out yet: the county enters its
 * days one by one until then.)
 */
export const HOLIDAY_NOTICES: Readonly<Record<number, readonly HolidayNoticeDay[]>> = {
  2026: CHINA_HOLIDAYS_2026,
};
