// The county's working calendar over HTTP: a year's exceptions (public holidays, adjusted workdays)
// and the working days each month has under them.
import { Type, type Static } from 'typebox';
import { CALENDAR_DAY_KINDS } from '../calendar/working-calendar.js';
import { DATE_PATTERN } from '../time/shanghai-day.js';

const Year = Type.Integer({ minimum: 2000, maximum: 2100, description: 'calendar year' });
const DayKind = Type.Enum([...CALENDAR_DAY_KINDS], { description: 'holiday: a public holiday on a weekday; workday: an adjusted workday (调休) on a weekend' });
const DayName = Type.String({ minLength: 1, maxLength: 60, description: 'e.g. 国庆节, 春节调休上班' });

export const WorkingCalendarQuerySchema = Type.Object({ year: Year }, { additionalProperties: false });
export const CalendarDateParamsSchema = Type.Object({ date: Type.String({ pattern: DATE_PATTERN, description: 'YYYY-MM-DD' }) });
export const CalendarYearParamsSchema = Type.Object({ year: Year });

export const CalendarDayBodySchema = Type.Object({ kind: DayKind, name: DayName }, { additionalProperties: false });
export type CalendarDayBody = Static<typeof CalendarDayBodySchema>;

export const CalendarYearBodySchema = Type.Object(
  { days: Type.Array(Type.Object({ date: Type.String({ pattern: DATE_PATTERN }), kind: DayKind, name: DayName }, { additionalProperties: false }), { maxItems: 200 }) },
  { additionalProperties: false },
);
export type CalendarYearBody = Static<typeof CalendarYearBodySchema>;

export const CalendarExceptionSchema = Type.Object({
  date: Type.String(),
  kind: DayKind,
  name: Type.String(),
  updatedAt: Type.String(),
});
export type CalendarException = Static<typeof CalendarExceptionSchema>;

export const WorkingCalendarYearSchema = Type.Object({
  year: Type.Integer(),
  days: Type.Array(CalendarExceptionSchema, { description: 'the exceptions to Monday-to-Friday, by date' }),
  months: Type.Array(Type.Object({ month: Type.String(), workdays: Type.Integer(), restDays: Type.Integer() })),
});
export type WorkingCalendarYear = Static<typeof WorkingCalendarYearSchema>;
