// Person payloads of the registry. ID numbers and phones travel masked unless the caller asked
// for them through the audited unmask route.
import { Type, type Static } from 'typebox';

export const ID_TYPES = ['resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'foreign_permanent', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];

export const RESIDENCE_STATUSES = ['registered', 'floating', 'overseas'] as const;
export type ResidenceStatus = (typeof RESIDENCE_STATUSES)[number];

export const PERSON_STATUSES = ['active', 'moved_out', 'deceased'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const PERSON_TAGS = ['left_behind_child', 'left_behind_elderly', 'elderly_alone', 'disabled', 'low_income', 'veteran'] as const;

const Id = Type.String({ minLength: 1, maxLength: 36 });

export const CreatePersonBodySchema = Type.Object(
  {
    gridId: Id,
    name: Type.String({ minLength: 1, maxLength: 50 }),
    idType: Type.Enum([...ID_TYPES]),
    idNumber: Type.String({ minLength: 1, maxLength: 40 }),
    gender: Type.Optional(Type.Enum(['male', 'female'])),
    ethnicity: Type.Optional(Type.String({ maxLength: 20 })),
    birthDate: Type.Optional(Type.String({ format: 'date' })),
    phone: Type.Optional(Type.String({ maxLength: 30 })),
    hukouPlace: Type.Optional(Type.String({ maxLength: 200 })),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    residenceStatus: Type.Enum([...RESIDENCE_STATUSES]),
    tags: Type.Optional(Type.Array(Type.Enum([...PERSON_TAGS]), { uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CreatePersonBody = Static<typeof CreatePersonBodySchema>;

export const UpdatePersonBodySchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version read; a newer one answers 409' }),
    reason: Type.Optional(Type.String({ maxLength: 200 })),
    gridId: Type.Optional(Id),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    ethnicity: Type.Optional(Type.String({ maxLength: 20 })),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
    hukouPlace: Type.Optional(Type.String({ maxLength: 200 })),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    residenceStatus: Type.Optional(Type.Enum([...RESIDENCE_STATUSES])),
    tags: Type.Optional(Type.Array(Type.Enum([...PERSON_TAGS]), { uniqueItems: true })),
    status: Type.Optional(Type.Enum([...PERSON_STATUSES])),
  },
  { additionalProperties: false, minProperties: 2 },
);
export type UpdatePersonBody = Static<typeof UpdatePersonBodySchema>;

export const PersonSchema = Type.Object({
  id: Type.String(),
  path: Type.String(),
  gridId: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  gender: Type.Union([Type.Enum(['male', 'female']), Type.Null()]),
  ethnicity: Type.Union([Type.String(), Type.Null()]),
  birthDate: Type.Union([Type.String(), Type.Null()]),
  idType: Type.Enum([...ID_TYPES]),
  idNumber: Type.Union([Type.String({ description: 'Masked: 511124********1234' }), Type.Null()]),
  phone: Type.Union([Type.String({ description: 'Masked: 138****1234' }), Type.Null()]),
  hukouPlace: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  residenceStatus: Type.Enum([...RESIDENCE_STATUSES]),
  tags: Type.Array(Type.String()),
  status: Type.Enum([...PERSON_STATUSES]),
  version: Type.Integer(),
  verifiedAt: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String(),
});
export type PersonView = Static<typeof PersonSchema>;

export const PersonSensitiveSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  idNumber: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
});

export const PersonListQuerySchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Prefix of the name' })),
    nameContains: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    idNumber: Type.Optional(Type.String({ minLength: 6, maxLength: 40, description: 'Exact, through the blind index' })),
    phone: Type.Optional(Type.String({ minLength: 7, maxLength: 30, description: 'Exact, through the blind index' })),
    villageId: Type.Optional(Id),
    gridId: Type.Optional(Id),
    residenceStatus: Type.Optional(Type.Enum([...RESIDENCE_STATUSES])),
    status: Type.Optional(Type.Enum([...PERSON_STATUSES])),
    after: Type.Optional(Type.String({ maxLength: 200, description: 'Keyset cursor: the nextCursor of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type PersonListQuery = Static<typeof PersonListQuerySchema>;

export const PersonExportQuerySchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    nameContains: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    villageId: Type.Optional(Id),
    gridId: Type.Optional(Id),
    residenceStatus: Type.Optional(Type.Enum([...RESIDENCE_STATUSES])),
    status: Type.Optional(Type.Enum([...PERSON_STATUSES])),
    plain: Type.Optional(Type.Boolean({ description: 'Plain ID numbers and phones: needs the unmask permission, and is audited' })),
  },
  { additionalProperties: false },
);
export type PersonExportQuery = Static<typeof PersonExportQuerySchema>;

export const VerifyPersonBodySchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version read; a newer one answers 409' }),
    outcome: Type.Enum(['confirmed', 'corrected'], { description: 'confirmed: the record is right as it stands; corrected: with the corrections' }),
    clientKey: Type.Optional(
      Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: "The outbox's key: a repeat by the same worker answers the record as it is now, not 409" }),
    ),
    corrections: Type.Optional(
      Type.Object(
        {
          gridId: Type.Optional(Id),
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
          ethnicity: Type.Optional(Type.String({ maxLength: 20 })),
          phone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
          hukouPlace: Type.Optional(Type.String({ maxLength: 200 })),
          address: Type.Optional(Type.String({ maxLength: 200 })),
          residenceStatus: Type.Optional(Type.Enum([...RESIDENCE_STATUSES])),
          tags: Type.Optional(Type.Array(Type.Enum([...PERSON_TAGS]), { uniqueItems: true })),
        },
        { additionalProperties: false, minProperties: 1 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type VerifyPersonBody = Static<typeof VerifyPersonBodySchema>;

export const PersonDueQuerySchema = Type.Object(
  {
    gridId: Type.Optional(Id),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type PersonDueQuery = Static<typeof PersonDueQuerySchema>;

const Percent = Type.Union([Type.Number({ minimum: 0, maximum: 100 }), Type.Null()]);

export const QualityRowSchema = Type.Object({
  level: Type.Enum(['township', 'village', 'grid']),
  path: Type.String(),
  name: Type.String(),
  people: Type.Integer({ description: 'People registered and active' }),
  completeness: Type.Object({
    phone: Percent,
    address: Percent,
    hukouPlace: Percent,
    ethnicity: Percent,
    all: Type.Union([Type.Number(), Type.Null()], { description: 'Share of people with every field filled' }),
  }),
  invalid: Type.Integer({ description: 'People whose birth date is missing, impossible or in the future' }),
  possibleDuplicates: Type.Integer({ description: 'People sharing name and birth date with another person in this unit' }),
  overdue: Type.Integer({ description: 'People never verified or due for re-verification' }),
  verifications: Type.Integer({ description: 'Verifications in the last 365 days' }),
  accuracy: Type.Union([Type.Number(), Type.Null()], { description: 'Share of those verifications that needed no correction' }),
  records: Type.Object(
    { household: Type.Integer(), house: Type.Integer(), organisation: Type.Integer(), place: Type.Integer(), facility: Type.Integer() },
    { description: 'Records of each kind in use (not closed, dissolved, demolished or removed)' },
  ),
  recordsOverdue: Type.Integer({ description: 'Of those, never verified or verified before the re-verification interval' }),
});
export type QualityRow = Static<typeof QualityRowSchema>;

export const QualityQuerySchema = Type.Object({ villageId: Type.Optional(Id) }, { additionalProperties: false });
export type QualityQuery = Static<typeof QualityQuerySchema>;
