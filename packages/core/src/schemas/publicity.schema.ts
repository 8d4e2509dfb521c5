// Payloads of the publicity log (宣传发动): activities per village and township with photos, their
// edit history and withdrawal, the list, and the monthly counts per unit and kind.
import { Type, type Static } from 'typebox';
import { PUBLICITY_KINDS } from '../publicity/publicity-kinds.js';
import { PHOTO_ID_PATTERN } from './event.schema.js';

const Day = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: 'YYYY-MM-DD (Asia/Shanghai)' });
const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
const Id = Type.String({ minLength: 1, maxLength: 36 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const MAX_PUBLICITY_PHOTOS = 9;
export const PUBLICITY_STATUSES = ['active', 'withdrawn'] as const;
export type PublicityStatus = (typeof PUBLICITY_STATUSES)[number];

const Kind = Type.Enum([...PUBLICITY_KINDS], { description: 'meeting 会议, banner 横幅, wall_newspaper 墙报/板报, broadcast 广播, led 电子屏, wechat 微信推送, leaflet 宣传单' });
const Audience = Type.Integer({ minimum: 0, maximum: 10_000_000, description: 'People reached; for a WeChat post, its reads (阅读量)' });
const PhotoIds = Type.Array(Type.String({ pattern: PHOTO_ID_PATTERN }), { maxItems: MAX_PUBLICITY_PHOTOS, uniqueItems: true, description: 'Ids from POST /api/photos; one or more recommended' });

export const CreatePublicityBodySchema = Type.Object(
  {
    clientKey: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$', description: 'Chosen by the client; a retry with the same key and body answers the first record' }),
    unitId: Type.String({ minLength: 1, maxLength: 36, description: 'The village or township (its org unit) that held the activity' }),
    kind: Kind,
    heldOn: Day,
    place: Type.String({ minLength: 1, maxLength: 100 }),
    audience: Type.Optional(Audience),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    photoIds: Type.Optional(PhotoIds),
  },
  { additionalProperties: false },
);
export type CreatePublicityBody = Static<typeof CreatePublicityBodySchema>;

export const UpdatePublicityBodySchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    kind: Type.Optional(Kind),
    heldOn: Type.Optional(Day),
    place: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    audience: Type.Optional(Nullable(Audience)),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    photoIds: Type.Optional(PhotoIds),
  },
  { additionalProperties: false },
);
export type UpdatePublicityBody = Static<typeof UpdatePublicityBodySchema>;

export const WithdrawPublicityBodySchema = Type.Object(
  { version: Type.Integer({ minimum: 1 }), reason: Type.String({ minLength: 2, maxLength: 200 }) },
  { additionalProperties: false },
);
export type WithdrawPublicityBody = Static<typeof WithdrawPublicityBodySchema>;

export const PublicityActivitySchema = Type.Object({
  id: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  unitKind: Type.String(),
  townshipName: Nullable(Type.String()),
  kind: Kind,
  heldOn: Type.String(),
  place: Type.String(),
  audience: Nullable(Type.Integer()),
  description: Type.String(),
  photoIds: Type.Array(Type.String()),
  status: Type.Enum([...PUBLICITY_STATUSES]),
  withdrawnReason: Nullable(Type.String()),
  recordedBy: Type.Object({ id: Type.String(), name: Type.String() }),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type PublicityActivity = Static<typeof PublicityActivitySchema>;

export const PublicityListQuerySchema = Type.Object(
  {
    townshipId: Type.Optional(Id),
    villageId: Type.Optional(Id),
    kind: Type.Optional(Kind),
    month: Type.Optional(Month),
    status: Type.Optional(Type.Enum([...PUBLICITY_STATUSES], { description: 'active by default' })),
    cursor: Type.Optional(Type.String({ maxLength: 60, description: 'Keyset cursor: the nextCursor of the previous page' })),
    after: Type.Optional(Type.String({ maxLength: 60, description: 'The same as cursor' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type PublicityListQuery = Static<typeof PublicityListQuerySchema>;

export const PublicityPageSchema = Type.Object({ items: Type.Array(PublicityActivitySchema), nextCursor: Nullable(Type.String()) });
export type PublicityPage = Static<typeof PublicityPageSchema>;

export const PublicityHistoryEntrySchema = Type.Object({
  version: Type.Integer(),
  action: Type.Enum(['created', 'updated', 'withdrawn']),
  changedBy: Type.Object({ id: Type.String(), name: Type.String() }),
  changedAt: Type.String(),
  /** The fields changed, each as [before, after]; the whole record for the creation. */
  changes: Type.Record(Type.String(), Type.Unknown()),
});
export type PublicityHistoryEntry = Static<typeof PublicityHistoryEntrySchema>;

export const PublicityMonthlyQuerySchema = Type.Object(
  { month: Month, townshipId: Type.Optional(Type.String({ minLength: 1, maxLength: 36, description: 'A township (or a village) within my scope: its rows only' })) },
  { additionalProperties: false },
);
export type PublicityMonthlyQuery = Static<typeof PublicityMonthlyQuerySchema>;

const KindCounts = Type.Object(Object.fromEntries(PUBLICITY_KINDS.map((kind) => [kind, Type.Integer()])) as Record<(typeof PUBLICITY_KINDS)[number], ReturnType<typeof Type.Integer>>);

export const PublicityMonthlySchema = Type.Object({
  month: Type.String(),
  rows: Type.Array(
    Type.Object({
      unitId: Type.String(),
      unitName: Type.String(),
      unitKind: Type.String(),
      townshipName: Nullable(Type.String()),
      counts: KindCounts,
      total: Type.Integer(),
      audience: Type.Integer(),
    }),
  ),
  totals: KindCounts,
  /** Villages (and townships) with no activity this month: the plan wants publicity everywhere. */
  unitsWithNone: Type.Integer(),
});
export type PublicityMonthly = Static<typeof PublicityMonthlySchema>;
