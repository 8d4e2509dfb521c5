// Payloads of follow-up plans (走访计划), due lists, visits (走访), their review, the monthly
// compliance table and the county's visit settings.
import { Type, type Static } from 'typebox';
import { ASSISTANCE_KINDS, RISK_LEVELS, SPECIAL_POPULATION_CATEGORIES } from './person-records.schema.js';
import { PHOTO_ID_PATTERN, MAX_EVENT_PHOTOS } from './event.schema.js';
import { VISIT_FLAGS } from '../visits/visit-checks.js';
import {
  SCHEDULE_STATUSES,
  VISIT_GRACE_MAX,
  VISIT_INTERVALS_MAX,
  VISIT_INTERVAL_MAX,
  VISIT_INTERVAL_MIN,
  VISIT_SHIFT_RULES,
  VISIT_TAGS,
} from '../visits/visit-plans.js';
import type { Locale } from '../i18n/locale.js';

const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const Day = Type.String({ pattern: DATE_PATTERN, description: 'YYYY-MM-DD (Asia/Shanghai)' });
const Id = Type.String({ minLength: 1, maxLength: 36 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const VisitPlanSubjectSchema = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('special_population'),
      category: Type.Enum([...SPECIAL_POPULATION_CATEGORIES]),
      riskLevel: Type.Union([Type.Enum([...RISK_LEVELS]), Type.Null()], {
        description: 'null: every level without a plan of its own',
      }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('assistance'), assistanceKind: Type.Enum([...ASSISTANCE_KINDS]) },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('tag'), tag: Type.Enum([...VISIT_TAGS]) },
    { additionalProperties: false },
  ),
]);
export type VisitPlanSubject = Static<typeof VisitPlanSubjectSchema>;

const Intervals = Type.Array(Type.Integer({ minimum: VISIT_INTERVAL_MIN, maximum: VISIT_INTERVAL_MAX }), {
  minItems: 1,
  maxItems: VISIT_INTERVALS_MAX,
  description: 'Days before visit 1, 2, 3 …; the last repeats',
});
const Shift = Type.Enum([...VISIT_SHIFT_RULES], {
  description: 'from_visit: next due an interval after the visit; keep_cadence: after the previous due date',
});
const Grace = Type.Integer({
  minimum: 0,
  maximum: VISIT_GRACE_MAX,
  description: 'Days after the due date before the visit is overdue',
});

export const FollowUpPlanSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  subject: VisitPlanSubjectSchema,
  intervalsDays: Type.Array(Type.Integer()),
  shift: Shift,
  graceDays: Type.Integer(),
  active: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String(),
  /** Open schedules the plan keeps now. */
  schedules: Type.Integer(),
});
export type FollowUpPlan = Static<typeof FollowUpPlanSchema>;

export const CreateFollowUpPlanBodySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    subject: VisitPlanSubjectSchema,
    intervalsDays: Intervals,
    shift: Type.Optional(Shift),
    graceDays: Type.Optional(Grace),
  },
  { additionalProperties: false },
);
export type CreateFollowUpPlanBody = Static<typeof CreateFollowUpPlanBodySchema>;

export const UpdateFollowUpPlanBodySchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    intervalsDays: Type.Optional(Intervals),
    shift: Type.Optional(Shift),
    graceDays: Type.Optional(Grace),
    active: Type.Optional(
      Type.Boolean({
        description: 'false retires the plan: its subjects fall to another plan or leave the lists',
      }),
    ),
  },
  { additionalProperties: false },
);
export type UpdateFollowUpPlanBody = Static<typeof UpdateFollowUpPlanBodySchema>;

export const DUE_LIST_STATUSES = ['due_week', 'overdue', 'missed', 'all'] as const;
export type DueListStatus = (typeof DUE_LIST_STATUSES)[number];

export const DueVisitQuerySchema = Type.Object(
  {
    status: Type.Optional(
      Type.Enum([...DUE_LIST_STATUSES], { description: 'all: every open schedule, soonest due first' }),
    ),
    orgPath: Type.Optional(
      Type.String({
        pattern: '^/(\\w+/)+$',
        maxLength: 255,
        description: 'A township, village or grid within the caller’s scope',
      }),
    ),
    workerId: Type.Optional(Id),
    cursor: Type.Optional(
      Type.String({ maxLength: 200, description: 'Keyset cursor: the nextCursor of the previous page' }),
    ),
    after: Type.Optional(
      Type.String({ maxLength: 200, description: 'The same as cursor (the name the console’s lists send)' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type DueVisitQuery = Static<typeof DueVisitQuerySchema>;

export const DueVisitSchema = Type.Object({
  scheduleId: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  gridId: Nullable(Type.String()),
  gridName: Nullable(Type.String()),
  path: Type.String(),
  subjectLabel: Type.String(),
  planId: Type.String(),
  dueOn: Type.String(),
  status: Type.Enum([...SCHEDULE_STATUSES]),
  missedCount: Type.Integer(),
  lastVisitedAt: Nullable(Type.String()),
  workerId: Nullable(Type.String()),
  workerName: Nullable(Type.String()),
});
export type DueVisit = Static<typeof DueVisitSchema>;
export const DueVisitPageSchema = Type.Object({
  items: Type.Array(DueVisitSchema),
  nextCursor: Nullable(Type.String()),
});

export const VISIT_MET = ['person', 'relative', 'nobody'] as const;
export type VisitMet = (typeof VISIT_MET)[number];
export const VISIT_SITUATIONS = ['normal', 'abnormal'] as const;
export type VisitSituation = (typeof VISIT_SITUATIONS)[number];
export const VISIT_REVIEW_STATES = ['none', 'pending', 'accepted', 'rejected'] as const;
export type VisitReviewState = (typeof VISIT_REVIEW_STATES)[number];

export const VisitLocationSchema = Type.Object(
  {
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    accuracy: Type.Number({ minimum: 0, maximum: 100_000, description: 'Metres' }),
  },
  { additionalProperties: false },
);

export const RecordVisitBodySchema = Type.Object(
  {
    clientKey: Type.String({
      minLength: 8,
      maxLength: 64,
      pattern: '^[A-Za-z0-9_-]+$',
      description: 'Made by the phone once per visit; a retry with the same key returns the first visit',
    }),
    personId: Id,
    scheduleId: Type.Optional(Id),
    visitedAt: Type.String({ format: 'date-time', maxLength: 40, description: 'ISO-8601 instant' }),
    location: Type.Optional(VisitLocationSchema),
    met: Type.Enum([...VISIT_MET]),
    situation: Type.Enum([...VISIT_SITUATIONS]),
    eventId: Type.Optional(Id),
    notes: Type.Optional(Type.String({ maxLength: 2000 })),
    photoIds: Type.Optional(
      Type.Array(Type.String({ pattern: PHOTO_ID_PATTERN }), {
        maxItems: MAX_EVENT_PHOTOS,
        uniqueItems: true,
      }),
    ),
  },
  { additionalProperties: false },
);
export type RecordVisitBody = Static<typeof RecordVisitBodySchema>;

export const VisitSchema = Type.Object({
  id: Type.String(),
  clientKey: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  scheduleId: Nullable(Type.String()),
  workerId: Type.String(),
  workerName: Type.String(),
  visitedAt: Type.String(),
  location: Nullable(
    Type.Object({ lon: Type.Number(), lat: Type.Number(), accuracy: Nullable(Type.Number()) }),
  ),
  met: Type.Enum([...VISIT_MET]),
  situation: Type.Enum([...VISIT_SITUATIONS]),
  eventId: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  photoIds: Type.Array(Type.String()),
  distanceM: Nullable(Type.Number()),
  flags: Type.Array(Type.Enum([...VISIT_FLAGS])),
  review: Type.Enum([...VISIT_REVIEW_STATES]),
  reviewNote: Nullable(Type.String()),
  path: Type.String(),
  createdAt: Type.String(),
});
export type Visit = Static<typeof VisitSchema>;

export const VisitListQuerySchema = Type.Object(
  {
    orgPath: Type.Optional(Type.String({ pattern: '^/(\\w+/)+$', maxLength: 255 })),
    flagged: Type.Optional(
      Type.Boolean({
        description: 'true: only visits flagged for review (pending first is the caller’s filter)',
      }),
    ),
    review: Type.Optional(Type.Enum([...VISIT_REVIEW_STATES])),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    cursor: Type.Optional(
      Type.String({ maxLength: 200, description: 'Keyset cursor: the nextCursor of the previous page' }),
    ),
    after: Type.Optional(
      Type.String({ maxLength: 200, description: 'The same as cursor (the name the console’s lists send)' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type VisitListQuery = Static<typeof VisitListQuerySchema>;
export const VisitPageSchema = Type.Object({
  items: Type.Array(VisitSchema),
  nextCursor: Nullable(Type.String()),
});

export const ReviewVisitBodySchema = Type.Object(
  { outcome: Type.Enum(['accepted', 'rejected']), note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export type ReviewVisitBody = Static<typeof ReviewVisitBodySchema>;

export const ComplianceQuerySchema = Type.Object(
  {
    month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' }),
    orgPath: Type.Optional(Type.String({ pattern: '^/(\\w+/)+$', maxLength: 255 })),
  },
  { additionalProperties: false },
);
export type ComplianceQuery = Static<typeof ComplianceQuerySchema>;

const ComplianceFigures = {
  visits: Type.Integer({ description: 'Visits recorded in the month' }),
  onTime: Type.Integer({ description: 'Visits that met a due date within its grace days' }),
  late: Type.Integer({ description: 'Visits that met a due date after its grace days' }),
  flagged: Type.Integer(),
  overdueNow: Type.Integer({ description: 'Open schedules overdue or missed now' }),
  yellowCards: Type.Integer(),
  redCards: Type.Integer(),
  complianceRate: Nullable(Type.Number({ description: 'Percent: on time ÷ (on time + late + overdue now)' })),
};

export const ComplianceWorkerRowSchema = Type.Object({
  workerId: Type.String(),
  workerName: Type.String(),
  villagePath: Type.String(),
  villageName: Type.String(),
  ...ComplianceFigures,
});
export const ComplianceVillageRowSchema = Type.Object({
  villagePath: Type.String(),
  villageName: Type.String(),
  ...ComplianceFigures,
});
export const ComplianceSchema = Type.Object({
  month: Type.String(),
  workers: Type.Array(ComplianceWorkerRowSchema),
  villages: Type.Array(ComplianceVillageRowSchema),
});
export type ComplianceWorkerRow = Static<typeof ComplianceWorkerRowSchema>;
export type ComplianceVillageRow = Static<typeof ComplianceVillageRowSchema>;
export type Compliance = Static<typeof ComplianceSchema>;

export const VisitCardRulesSchema = Type.Object(
  {
    yellowPercent: Type.Integer({
      minimum: 100,
      maximum: 1000,
      description:
        'Share of the interval (after the grace days) after which an overdue visit earns a yellow card',
    }),
    redPercent: Type.Integer({ minimum: 100, maximum: 1000, description: '… and a red card' }),
  },
  { additionalProperties: false },
);
export const VisitSettingsSchema = Type.Object({
  farFromAddressMeters: Type.Integer({ minimum: 50, maximum: 100_000 }),
  maxSpeedKmh: Type.Integer({ minimum: 5, maximum: 1000 }),
  cardRules: VisitCardRulesSchema,
});
export type VisitSettings = Static<typeof VisitSettingsSchema>;
export const UpdateVisitSettingsBodySchema = Type.Object(
  {
    farFromAddressMeters: Type.Optional(Type.Integer({ minimum: 50, maximum: 100_000 })),
    maxSpeedKmh: Type.Optional(Type.Integer({ minimum: 5, maximum: 1000 })),
    cardRules: Type.Optional(VisitCardRulesSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateVisitSettingsBody = Static<typeof UpdateVisitSettingsBodySchema>;

export const SCHEDULE_STATUS_LABELS: Readonly<
  Record<(typeof SCHEDULE_STATUSES)[number], Record<Locale, string>>
> = {
  upcoming: { 'zh-CN': '未到期', 'en-US': 'Upcoming' },
  due_week: { 'zh-CN': '本周到期', 'en-US': 'Due this week' },
  overdue: { 'zh-CN': '已逾期', 'en-US': 'Overdue' },
  missed: { 'zh-CN': '已漏访', 'en-US': 'Missed' },
};

export const VISIT_MET_LABELS: Readonly<Record<VisitMet, Record<Locale, string>>> = {
  person: { 'zh-CN': '见到本人', 'en-US': 'Met the person' },
  relative: { 'zh-CN': '见到家属', 'en-US': 'Met a relative' },
  nobody: { 'zh-CN': '无人在家', 'en-US': 'Nobody home' },
};

export const VISIT_FLAG_LABELS: Readonly<Record<(typeof VISIT_FLAGS)[number], Record<Locale, string>>> = {
  far_from_address: { 'zh-CN': '远离住址', 'en-US': 'Far from the address' },
  impossible_succession: { 'zh-CN': '间隔过短', 'en-US': 'Impossible succession' },
};
