// Payloads of the daily login and sign-for check (每天定时登录签收): stored results per unit per day,
// today's live list, a month per unit, chasing units, and the county's cut-off setting.
import { Type, type Static } from 'typebox';
import { DAILY_CHECK_CUTOFF_PATTERN, DAILY_CHECK_STATUSES, DAILY_UNIT_KINDS } from '../daily-checks/daily-check.js';
import { DATE_PATTERN } from '../time/shanghai-day.js';

const MONTH = '^\\d{4}-(0[1-9]|1[0-2])$';
const day = (description: string) => Type.String({ format: 'date', pattern: DATE_PATTERN, description });
const Kind = Type.Enum([...DAILY_UNIT_KINDS], { description: 'township: its sub-center; village: village, community or resident group; department' });
const Status = Type.Enum([...DAILY_CHECK_STATUSES]);
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const DailyChecksQuerySchema = Type.Object(
  {
    date: Type.Optional(day('YYYY-MM-DD (Asia/Shanghai); the last checked day when absent')),
    status: Type.Optional(Status),
    kind: Type.Optional(Kind),
  },
  { additionalProperties: false },
);
export type DailyChecksQuery = Static<typeof DailyChecksQuerySchema>;

export const DailyTodayQuerySchema = Type.Object(
  { status: Type.Optional(Status), kind: Type.Optional(Kind) },
  { additionalProperties: false },
);
export type DailyTodayQuery = Static<typeof DailyTodayQuerySchema>;

export const DailyUnitCheckSchema = Type.Object({
  kind: Kind,
  id: Type.String(),
  name: Type.String(),
  path: Type.String(),
  date: Type.String(),
  accounts: Type.Integer({ description: 'Enabled accounts of the unit (a village counts its grid workers)' }),
  loggedIn: Type.Boolean({ description: 'Some account signed in that day before the cut-off (or before now, for today’s live list)' }),
  firstSignInAt: NullableString,
  waiting: Type.Integer({ description: 'Events waiting for the unit’s action: to sign for, to accept, to verify' }),
  lateSigned: Type.Integer({ description: 'Events the department signed for that day after the sign-for deadline' }),
  status: Status,
  checkedAt: NullableString,
  notifiedAt: NullableString,
  notifiedBy: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
});
export type DailyUnitCheck = Static<typeof DailyUnitCheckSchema>;

const Counts = Type.Object({
  units: Type.Integer(),
  ok: Type.Integer(),
  notLoggedIn: Type.Integer({ description: 'not_logged_in or both' }),
  unsigned: Type.Integer({ description: 'unsigned or both' }),
  lateSigned: Type.Integer({ description: 'units with an event signed late' }),
});

export const DailyChecksSchema = Type.Object({
  date: Type.String(),
  cutoff: Type.String({ description: 'HH:MM (Asia/Shanghai)' }),
  workday: Type.Boolean({ description: 'Whether the day is checked (a working day, or rest days are checked too)' }),
  /** Whether the results describe the cut-off (stored) or an earlier moment (today before the cut-off). */
  live: Type.Boolean(),
  asOf: Type.String({ description: 'The instant the results describe' }),
  counts: Counts,
  items: Type.Array(DailyUnitCheckSchema),
});
export type DailyChecks = Static<typeof DailyChecksSchema>;

export const DailyMonthlyQuerySchema = Type.Object(
  { month: Type.Optional(Type.String({ pattern: MONTH, description: 'YYYY-MM (Shanghai); this month when absent' })), kind: Type.Optional(Kind) },
  { additionalProperties: false },
);

export const DailyMonthlyRowSchema = Type.Object({
  kind: Kind,
  id: Type.String(),
  name: Type.String(),
  path: Type.String(),
  workingDays: Type.Integer({ description: 'Working days of the month whose check has run' }),
  daysLoggedIn: Type.Integer(),
  daysUnsigned: Type.Integer({ description: 'Days with events left waiting at the cut-off' }),
  lateSigned: Type.Integer(),
  loginRate: Type.Union([Type.Integer(), Type.Null()], { description: 'Percent of working days signed in' }),
});
export type DailyMonthlyRow = Static<typeof DailyMonthlyRowSchema>;

export const DailyMonthlySchema = Type.Object({ month: Type.String(), checkedDays: Type.Array(Type.String()), items: Type.Array(DailyMonthlyRowSchema) });
export type DailyMonthly = Static<typeof DailyMonthlySchema>;

export const DailyNotifyBodySchema = Type.Object(
  {
    units: Type.Array(Type.Object({ kind: Kind, id: Type.String({ minLength: 1, maxLength: 36 }) }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }),
    date: day('The day the units are chased for, YYYY-MM-DD (Asia/Shanghai)'),
  },
  { additionalProperties: false },
);
export type DailyNotifyBody = Static<typeof DailyNotifyBodySchema>;

export const DailyNotifyResultSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      kind: Kind,
      id: Type.String(),
      name: Type.String(),
      recipients: Type.Integer({ description: 'Accounts told (inbox and SMS)' }),
      text: Type.String(),
      notifiedAt: Type.String(),
      repeated: Type.Boolean({ description: 'Already told within the last 10 minutes: nothing was sent again' }),
    }),
  ),
});
export type DailyNotifyResult = Static<typeof DailyNotifyResultSchema>;

export const DailyCheckSettingsSchema = Type.Object({
  cutoff: Type.String({ description: 'HH:MM (Asia/Shanghai)' }),
  checkRestDays: Type.Boolean(),
  updatedBy: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  updatedAt: NullableString,
});
export type DailyCheckSettingsView = Static<typeof DailyCheckSettingsSchema>;

export const UpdateDailyCheckSettingsBodySchema = Type.Object(
  {
    cutoff: Type.Optional(Type.String({ pattern: DAILY_CHECK_CUTOFF_PATTERN, description: 'HH:MM, 00:00 to 23:59' })),
    checkRestDays: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateDailyCheckSettingsBody = Static<typeof UpdateDailyCheckSettingsBodySchema>;
