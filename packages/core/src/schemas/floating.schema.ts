// Payloads of the floating population (流动人口): an arrival (来) makes a person floating and,
// with a house, its tenant; a departure (去) ends that; residence permits (居住证) carry their
// dates for reminders; counts by village, grid, origin province and month feed the statistics.
import { Type, type Static, type TSchema } from 'typebox';
import type { Locale } from '../i18n/locale.js';
import { ORG_PATH_PATTERN } from './account.schema.js';
import { CreatePersonBodySchema, RESIDENCE_STATUSES } from './person.schema.js';

export const FLOATING_REASONS = ['work', 'business', 'study', 'family', 'other'] as const;
export type FloatingReason = (typeof FLOATING_REASONS)[number];

export const FLOATING_REASON_LABELS: Readonly<Record<FloatingReason, Record<Locale, string>>> = {
  work: { 'zh-CN': '务工', 'en-US': 'Work' },
  business: { 'zh-CN': '经商', 'en-US': 'Business' },
  study: { 'zh-CN': '就学', 'en-US': 'Study' },
  family: { 'zh-CN': '投亲靠友', 'en-US': 'Family' },
  other: { 'zh-CN': '其他', 'en-US': 'Other' },
};

export const FLOATING_STATUSES = ['present', 'departed'] as const;
export type FloatingStatus = (typeof FLOATING_STATUSES)[number];

export const FLOATING_STATUS_LABELS: Readonly<Record<FloatingStatus, Record<Locale, string>>> = {
  present: { 'zh-CN': '在住', 'en-US': 'Present' },
  departed: { 'zh-CN': '已离开', 'en-US': 'Departed' },
};

const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const Day = Type.String({ format: 'date', pattern: DATE_PATTERN, description: 'YYYY-MM-DD (Asia/Shanghai calendar)' });
const Id = Type.String({ minLength: 1, maxLength: 36 });
const ClientKey = Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: 'Made by the client once; a retry with the same key answers the first result and writes nothing' });
const DivisionCode = Type.String({ minLength: 1, maxLength: 12, description: 'GB/T 2260: a 6-digit county, or a 2- or 4-digit province or city when only that is known; an unknown code answers 422' });

export const ResidencePermitBodySchema = Type.Object(
  {
    number: Type.Optional(Type.String({ minLength: 4, maxLength: 40, description: 'Sealed at rest and masked in answers: it identifies the person' })),
    issuedOn: Day,
    expiresOn: Day,
  },
  { additionalProperties: false },
);
export type ResidencePermitBody = Static<typeof ResidencePermitBodySchema>;

/** A new person registered with the arrival: the registry's person, floating whatever residenceStatus says. */
export const ArrivalPersonBodySchema = Type.Object(
  { ...CreatePersonBodySchema.properties, residenceStatus: Type.Optional(Type.Enum([...RESIDENCE_STATUSES], { description: 'Ignored: an arrival makes the person floating' })) },
  { additionalProperties: false },
);

export const ArrivalBodySchema = Type.Object(
  {
    clientKey: ClientKey,
    personId: Type.Optional(Id),
    person: Type.Optional(ArrivalPersonBodySchema),
    originCode: DivisionCode,
    reason: Type.Enum([...FLOATING_REASONS]),
    expectedStayUntil: Type.Optional(Day),
    arrivedOn: Day,
    houseId: Type.Optional(Id),
    employer: Type.Optional(Type.String({ maxLength: 100 })),
    residencePermit: Type.Optional(ResidencePermitBodySchema),
  },
  { additionalProperties: false, description: 'Exactly one of personId (someone registered) and person (someone new)' },
);
export type ArrivalBody = Static<typeof ArrivalBodySchema>;

export const DepartureBodySchema = Type.Object(
  {
    clientKey: ClientKey,
    personId: Id,
    departedOn: Day,
    destinationCode: Type.Optional(DivisionCode),
    destinationText: Type.Optional(Type.String({ maxLength: 200, description: 'Where to, in words (abroad, or more precise than the code)' })),
  },
  { additionalProperties: false },
);
export type DepartureBody = Static<typeof DepartureBodySchema>;

export const UpdateFloatingBodySchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version read; a newer one answers 409' }),
    residencePermit: Type.Optional(Type.Union([ResidencePermitBodySchema, Type.Null()], { description: 'null removes the permit' })),
    employer: Type.Optional(Type.String({ maxLength: 100 })),
    expectedStayUntil: Type.Optional(Type.Union([Day, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 2 },
);
export type UpdateFloatingBody = Static<typeof UpdateFloatingBodySchema>;

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const FloatingRegistrationSchema = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  gridId: Nullable(Type.String()),
  gridName: Nullable(Type.String()),
  path: Type.String(),
  originCode: Type.String(),
  originName: Type.String({ description: 'Province, city and county: 四川省 乐山市 井研县' }),
  reason: Type.Enum([...FLOATING_REASONS]),
  expectedStayUntil: Nullable(Type.String()),
  arrivedOn: Type.String(),
  houseId: Nullable(Type.String()),
  houseAddress: Nullable(Type.String()),
  isRental: Type.Boolean({ description: 'The house was rental housing (出租屋) when the person arrived' }),
  landlordId: Nullable(Type.String({ description: 'The house owner as a registered person, for the landlord page' })),
  landlordName: Nullable(Type.String()),
  employer: Nullable(Type.String()),
  residencePermit: Nullable(
    Type.Object({
      number: Nullable(Type.String({ description: 'Masked' })),
      issuedOn: Type.String(),
      expiresOn: Type.String(),
    }),
  ),
  status: Type.Enum([...FLOATING_STATUSES]),
  departedOn: Nullable(Type.String()),
  destinationCode: Nullable(Type.String()),
  destinationName: Nullable(Type.String({ description: 'The division name of destinationCode, else destinationText' })),
  createdAt: Type.String(),
  version: Type.Integer(),
});
export type FloatingRegistration = Static<typeof FloatingRegistrationSchema>;

export const FloatingListQuerySchema = Type.Object(
  {
    orgPath: Type.Optional(Type.String({ pattern: ORG_PATH_PATTERN, maxLength: 255, description: 'A township, village or grid within my scope' })),
    status: Type.Optional(Type.Enum([...FLOATING_STATUSES])),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Part of the name' })),
    permitExpiringWithinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 366, description: 'Present people whose permit expires within so many days (or has expired)' })),
    cursor: Type.Optional(Type.String({ maxLength: 36, description: 'Keyset cursor: the nextCursor of the previous page' })),
    after: Type.Optional(Type.String({ maxLength: 36, description: 'The same as cursor' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type FloatingListQuery = Static<typeof FloatingListQuerySchema>;

export const FloatingListSchema = Type.Object({ items: Type.Array(FloatingRegistrationSchema), nextCursor: Nullable(Type.String()) });

export const FloatingStatsQuerySchema = Type.Object(
  {
    orgPath: Type.Optional(Type.String({ pattern: ORG_PATH_PATTERN, maxLength: 255 })),
    months: Type.Optional(Type.Integer({ minimum: 1, maximum: 36, description: 'Months of the trend, this one included; 12 by default' })),
  },
  { additionalProperties: false },
);
export type FloatingStatsQuery = Static<typeof FloatingStatsQuerySchema>;

const CountRow = Type.Object({ code: Type.String(), name: Type.String(), present: Type.Integer() });

export const FloatingStatsSchema = Type.Object({
  byVillage: Type.Array(CountRow, { description: 'People present per village (code: the 12-digit village code)' }),
  byGrid: Type.Array(Type.Object({ gridId: Type.String(), name: Type.String(), villageName: Type.String(), present: Type.Integer() })),
  byOriginProvince: Type.Array(CountRow, { description: 'People present per province of origin (code: 2 digits)' }),
  monthly: Type.Array(Type.Object({ month: Type.String({ description: 'YYYY-MM' }), arrivals: Type.Integer(), departures: Type.Integer() })),
});
export type FloatingStats = Static<typeof FloatingStatsSchema>;

export const HouseTenantSchema = Type.Object({
  personId: Type.String(),
  personName: Type.String(),
  idNumber: Nullable(Type.String({ description: 'Masked' })),
  since: Type.String(),
  registrationId: Nullable(Type.String()),
  originCode: Nullable(Type.String()),
  originName: Nullable(Type.String()),
  arrivedOn: Nullable(Type.String()),
  permitExpiresOn: Nullable(Type.String()),
});
export type HouseTenant = Static<typeof HouseTenantSchema>;

export const LandlordSchema = Type.Object({
  personId: Type.String(),
  name: Type.String(),
  idNumber: Nullable(Type.String({ description: 'Masked' })),
  phone: Nullable(Type.String({ description: 'Masked' })),
  houses: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      address: Nullable(Type.String()),
      category: Type.String(),
      gridId: Nullable(Type.String()),
      tenants: Type.Array(HouseTenantSchema),
    }),
  ),
});
export type Landlord = Static<typeof LandlordSchema>;
