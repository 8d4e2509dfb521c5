// Payloads of the county's settings: how often each kind of registry record falls due for
// re-verification. An update names only the kinds it changes.
import { Type, type Static } from 'typebox';
import { REVERIFY_DAYS_MAX, REVERIFY_DAYS_MIN, REVERIFY_KINDS, type ReverifyKind } from '../registry/reverification.js';

const Days = Type.Integer({ minimum: REVERIFY_DAYS_MIN, maximum: REVERIFY_DAYS_MAX, description: 'Whole days between verifications' });
const days = Type.Optional(Days);

export const ReverificationIntervalSchema = Type.Object({
  kind: Type.Enum([...REVERIFY_KINDS]),
  label: Type.String({ description: 'The kind in the caller’s language' }),
  days: Type.Integer(),
  defaultDays: Type.Integer({ description: 'The installation’s configured default' }),
  source: Type.Enum(['default', 'county'], { description: 'default: never set by the county' }),
  updatedBy: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
});
export type ReverificationInterval = Static<typeof ReverificationIntervalSchema>;

export const ReverificationSettingsSchema = Type.Object({ items: Type.Array(ReverificationIntervalSchema) });
export type ReverificationSettings = Static<typeof ReverificationSettingsSchema>;

export const UpdateReverificationBodySchema = Type.Object(
  {
    person: days,
    person_key: days,
    household: days,
    house: days,
    organisation: days,
    place: days,
    facility: days,
  } satisfies Record<ReverifyKind, unknown>,
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateReverificationBody = Static<typeof UpdateReverificationBodySchema>;
