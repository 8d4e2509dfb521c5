// Payloads of the registry's other kinds (households, houses, organisations, places, facilities).
// Each kind has its own body schemas, built from its definition, so that the API and its OpenAPI
// document name exactly the categories and states that kind allows.
import { Type, type Static, type TProperties } from 'typebox';
import { RECORD_KINDS, RECORD_KIND_DEFINITIONS, type RecordKind } from '../registry/registry-kinds.js';

const Id = Type.String({ minLength: 1, maxLength: 36 });
const keysOf = (labels: Readonly<Record<string, unknown>>) => Type.Enum(Object.keys(labels));

/** Fields only some kinds carry. */
function extraFields(kind: RecordKind): TProperties {
  return kind === 'organisation'
    ? {
        legalRepresentative: Type.Optional(Type.String({ maxLength: 50 })),
        staffCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
      }
    : {};
}

export function createRecordBodySchema(kind: RecordKind) {
  const definition = RECORD_KIND_DEFINITIONS[kind];
  return Type.Object(
    {
      gridId: Id,
      name: Type.String({ minLength: 1, maxLength: 100, description: kind === 'household' ? 'The household as people call it, e.g. 王建国户' : kind === 'house' ? 'The house as people call it, e.g. 马踏村一组 12 号' : 'Name' }),
      address: Type.Optional(Type.String({ maxLength: 200 })),
      category: keysOf(definition.categories),
      ...(definition.key ? { key: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: definition.key.label['en-US'] })) } : {}),
      lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
      lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
      contactName: Type.Optional(Type.String({ maxLength: 50 })),
      contactPhone: Type.Optional(Type.String({ maxLength: 30, description: 'Sealed at rest, masked in answers' })),
      ...extraFields(kind),
    },
    { additionalProperties: false },
  );
}

export function updateRecordBodySchema(kind: RecordKind) {
  const definition = RECORD_KIND_DEFINITIONS[kind];
  return Type.Object(
    {
      version: Type.Integer({ minimum: 1, description: 'The version read; a newer one answers 409' }),
      reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Needed to close, dissolve, demolish or remove' })),
      gridId: Type.Optional(Id),
      name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
      address: Type.Optional(Type.String({ maxLength: 200 })),
      category: Type.Optional(keysOf(definition.categories)),
      state: Type.Optional(keysOf(definition.states)),
      ...(definition.key ? { key: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })) } : {}),
      lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
      lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
      contactName: Type.Optional(Type.String({ maxLength: 50 })),
      contactPhone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
      ...extraFields(kind),
    },
    { additionalProperties: false, minProperties: 2 },
  );
}

export interface RecordBody {
  readonly gridId: string;
  readonly name: string;
  readonly address?: string;
  readonly category: string;
  readonly key?: string;
  readonly lon?: number;
  readonly lat?: number;
  readonly contactName?: string;
  readonly contactPhone?: string;
  readonly legalRepresentative?: string;
  readonly staffCount?: number;
}

export interface RecordUpdateBody extends Partial<Omit<RecordBody, 'contactPhone'>> {
  readonly version: number;
  readonly reason?: string;
  readonly state?: string;
  readonly contactPhone?: string | null;
}

export const RecordSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum([...RECORD_KINDS]),
  path: Type.String(),
  gridId: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
  category: Type.String(),
  state: Type.String(),
  stateReason: Type.Union([Type.String(), Type.Null()]),
  key: Type.Union([Type.String(), Type.Null()]),
  lon: Type.Union([Type.Number(), Type.Null()]),
  lat: Type.Union([Type.Number(), Type.Null()]),
  contactName: Type.Union([Type.String(), Type.Null()]),
  contactPhone: Type.Union([Type.String({ description: 'Masked' }), Type.Null()]),
  legalRepresentative: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  staffCount: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  members: Type.Integer({ description: 'People linked as members, owners, residents or tenants' }),
  version: Type.Integer(),
  verifiedAt: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String(),
});
export type RecordView = Static<typeof RecordSchema>;

export function recordListQuerySchema(kind: RecordKind) {
  const definition = RECORD_KIND_DEFINITIONS[kind];
  return Type.Object(
    {
      name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Prefix of the name' })),
      nameContains: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
      address: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of the address' })),
      ...(definition.key ? { key: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Exact' })) } : {}),
      category: Type.Optional(keysOf(definition.categories)),
      state: Type.Optional(keysOf(definition.states)),
      villageId: Type.Optional(Id),
      gridId: Type.Optional(Id),
      after: Type.Optional(Type.String({ maxLength: 36 })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    },
    { additionalProperties: false },
  );
}

export interface RecordListQuery {
  readonly name?: string;
  readonly nameContains?: string;
  readonly address?: string;
  readonly key?: string;
  readonly category?: string;
  readonly state?: string;
  readonly villageId?: string;
  readonly gridId?: string;
  readonly after?: string;
  readonly limit?: number;
}

/** The list's filters, without paging, and whether contact phones come plain (unmask, audited). */
export function recordExportQuerySchema(kind: RecordKind) {
  const { after: _after, limit: _limit, ...filters } = recordListQuerySchema(kind).properties;
  return Type.Object(
    { ...filters, plain: Type.Optional(Type.Boolean({ description: 'Plain contact phones: needs the unmask permission, and is audited' })) },
    { additionalProperties: false },
  );
}

export type RecordExportQuery = Omit<RecordListQuery, 'after' | 'limit'> & { readonly plain?: boolean };

export function setMembersBodySchema(kind: RecordKind) {
  const relations = RECORD_KIND_DEFINITIONS[kind].members?.relations ?? {};
  return Type.Object(
    { members: Type.Array(Type.Object({ personId: Id, relation: keysOf(relations) }, { additionalProperties: false }), { maxItems: 200 }) },
    { additionalProperties: false },
  );
}

export const MemberSchema = Type.Object({
  personId: Type.String(),
  name: Type.String(),
  idNumber: Type.Union([Type.String({ description: 'Masked' }), Type.Null()]),
  relation: Type.String(),
  since: Type.String(),
});

/** The households and houses a person belongs to, for the person's page. */
export const PersonRecordLinkSchema = Type.Object({ recordId: Type.String(), kind: Type.Enum([...RECORD_KINDS]), name: Type.String(), relation: Type.String() });

export const VerifyRecordBodySchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version read; a newer one answers 409' }),
    outcome: Type.Enum(['confirmed', 'corrected'], { description: 'confirmed: right as it stands; corrected: with the corrections (or changed first with PATCH, then verified)' }),
    clientKey: Type.Optional(
      Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: "The outbox's key: a repeat by the same worker answers the record as it is now, not 409" }),
    ),
  },
  { additionalProperties: false },
);

/** A verification of one kind, optionally with corrections made in the same step (all or nothing). */
export function verifyRecordBodySchema(kind: RecordKind) {
  const { version: _version, reason: _reason, gridId: _gridId, state: _state, ...fields } = updateRecordBodySchema(kind).properties;
  return Type.Object(
    { ...VerifyRecordBodySchema.properties, corrections: Type.Optional(Type.Object(fields, { additionalProperties: false, minProperties: 1 })) },
    { additionalProperties: false },
  );
}

export interface VerifyRecordBody {
  readonly version: number;
  readonly outcome: 'confirmed' | 'corrected';
  readonly clientKey?: string;
  readonly corrections?: Omit<RecordUpdateBody, 'version' | 'reason' | 'gridId' | 'state'>;
}
