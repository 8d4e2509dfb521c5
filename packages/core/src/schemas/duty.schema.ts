// The duty roster (值班表) of the sub-centers over HTTP: slots, entries, rotas, swaps, check-in
// and the lapses the daily check records.
import { Type, type Static } from 'typebox';
import { DUTY_LAPSE_REASONS } from '../duty/duty-roster.js';
import { DATE_PATTERN } from '../time/shanghai-day.js';

const Id = Type.String({ minLength: 1, maxLength: 36 });
/** A day that exists (format 'date' refuses 2026-02-30 and 2026-13-01; the pattern keeps it to YYYY-MM-DD). */
const DateString = Type.String({ format: 'date', pattern: DATE_PATTERN, description: 'YYYY-MM-DD (Asia/Shanghai)' });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const DutySlotSchema = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,19}$', description: 'e.g. day, night' }),
    name: Type.String({ minLength: 1, maxLength: 20, description: 'e.g. 全天, 白班, 夜班' }),
    capacity: Type.Integer({ minimum: 1, maximum: 5, description: 'people on the slot at most' }),
  },
  { additionalProperties: false },
);

export const DutySlotsBodySchema = Type.Object({ slots: Type.Array(DutySlotSchema, { minItems: 1, maxItems: 4 }) }, { additionalProperties: false });
export type DutySlotsBody = Static<typeof DutySlotsBodySchema>;
export const DutyUnitParamsSchema = Type.Object({ unitId: Id });
export const DutyEntryParamsSchema = Type.Object({ id: Id });

export const DutyEntrySchema = Type.Object({
  id: Type.String(),
  unitId: Type.String(),
  date: Type.String(),
  slot: Type.String(),
  account: Type.Object({ id: Type.String(), name: Type.String() }),
  checkedInAt: Nullable(Type.String()),
});
export type DutyEntry = Static<typeof DutyEntrySchema>;

export const DutyUnitSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String({ description: 'county (县中心) or township (乡镇分中心)' }),
  path: Type.String(),
  slots: Type.Array(DutySlotSchema),
  today: Type.Array(DutyEntrySchema, { description: 'today’s entries with their check-ins' }),
  lapseToday: Type.Union([Type.Enum([...DUTY_LAPSE_REASONS]), Type.Null()], { description: 'the lapse recorded for today, if any' }),
});
export type DutyUnit = Static<typeof DutyUnitSchema>;

export const DutyUnitsSchema = Type.Object({ date: Type.String(), workday: Type.Boolean(), units: Type.Array(DutyUnitSchema) });
export type DutyUnits = Static<typeof DutyUnitsSchema>;

export const DutyRosterQuerySchema = Type.Object({ unitId: Id, from: DateString, to: DateString }, { additionalProperties: false });
export const DutyRosterSchema = Type.Object({
  unit: DutyUnitSchema,
  from: Type.String(),
  to: Type.String(),
  days: Type.Array(Type.Object({ date: Type.String(), workday: Type.Boolean() })),
  entries: Type.Array(DutyEntrySchema),
  candidates: Type.Array(Type.Object({ id: Type.String(), name: Type.String() }), { description: 'the unit’s accounts that may be on duty' }),
});
export type DutyRoster = Static<typeof DutyRosterSchema>;

export const DutyEntryBodySchema = Type.Object({ unitId: Id, date: DateString, slot: Type.String({ minLength: 1, maxLength: 20 }), accountId: Id }, { additionalProperties: false });
export type DutyEntryBody = Static<typeof DutyEntryBodySchema>;

export const DutyFillBodySchema = Type.Object(
  {
    unitId: Id,
    from: DateString,
    to: DateString,
    slot: Type.String({ minLength: 1, maxLength: 20 }),
    accountIds: Type.Array(Id, { minItems: 1, maxItems: 20, description: 'taken in turn, one per working day' }),
  },
  { additionalProperties: false },
);
export type DutyFillBody = Static<typeof DutyFillBodySchema>;
export const DutyFillResultSchema = Type.Object({
  created: Type.Integer(),
  kept: Type.Array(Type.String(), { description: 'dates left as they were because someone checked in' }),
  entries: Type.Array(DutyEntrySchema),
});
export type DutyFillResult = Static<typeof DutyFillResultSchema>;

export const DutySwapBodySchema = Type.Object(
  {
    entryId: Id,
    withEntryId: Type.Optional(Id),
    toAccountId: Type.Optional(Id),
    reason: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false, description: 'exchange two entries’ people (withEntryId) or hand one entry to another account (toAccountId)' },
);
export type DutySwapBody = Static<typeof DutySwapBodySchema>;
export const DutySwapResultSchema = Type.Object({ entries: Type.Array(DutyEntrySchema) });

export const DutyTodaySchema = Type.Object({
  date: Type.String(),
  entries: Type.Array(Type.Object({ ...DutyEntrySchema.properties, unitName: Type.String(), slotName: Type.String() })),
});
export type DutyToday = Static<typeof DutyTodaySchema>;

export const DutyLapsesQuerySchema = Type.Object({ month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' }) }, { additionalProperties: false });
export const DutyLapseSchema = Type.Object({
  id: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  unitPath: Type.String(),
  date: Type.String(),
  reason: Type.Enum([...DUTY_LAPSE_REASONS]),
  recordedAt: Type.String(),
});
export const DutyLapsesSchema = Type.Object({ month: Type.String(), lapses: Type.Array(DutyLapseSchema) });
export type DutyLapses = Static<typeof DutyLapsesSchema>;
