// Event payloads: reporting, the event as a caller sees it, its timeline, actions on it, lists.
import { Type, type Static } from 'typebox';
import { EVENT_ACTIONS } from '../events/event-machine.js';
import { EVENT_STATUSES } from '../events/event-status.js';
import { CARD_LEVELS, EVENT_STEPS } from '../events/event-deadlines.js';
import { EVENT_CATEGORY_CODE_PATTERN } from '../events/event-categories.js';
import { DATE_PATTERN } from '../time/shanghai-day.js';

export const EVENT_SOURCES = ['grid_worker', 'operator', 'public'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/** A photo is named by the SHA-256 of its bytes: uploading it twice stores it once. */
export const PHOTO_ID_PATTERN = '^[0-9a-f]{64}$';
export const MAX_EVENT_PHOTOS = 9;

const Id = Type.String({ minLength: 1, maxLength: 36 });
const PhotoIds = Type.Array(Type.String({ pattern: PHOTO_ID_PATTERN }), { maxItems: MAX_EVENT_PHOTOS, uniqueItems: true });
const Note = Type.String({ minLength: 1, maxLength: 1000 });

export const ReportEventBodySchema = Type.Object(
  {
    clientKey: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: 'Made by the client once per event; a retry with the same key returns the first event' }),
    title: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.String({ maxLength: 4000 }),
    categoryCode: Type.String({ pattern: EVENT_CATEGORY_CODE_PATTERN }),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    gridId: Type.Optional(Id),
    /** For an operator taking a phone call: who called. */
    callerName: Type.Optional(Type.String({ maxLength: 50 })),
    photoIds: Type.Optional(PhotoIds),
  },
  { additionalProperties: false },
);
export type ReportEventBody = Static<typeof ReportEventBodySchema>;

export const EventActionBodySchema = Type.Object(
  {
    action: Type.Enum([...EVENT_ACTIONS]),
    note: Type.Optional(Note),
    result: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    leadDepartmentId: Type.Optional(Id),
    assistingDepartmentIds: Type.Optional(Type.Array(Id, { maxItems: 10, uniqueItems: true })),
    duplicateOfId: Type.Optional(Id),
    photoIds: Type.Optional(PhotoIds),
  },
  { additionalProperties: false },
);
export type EventActionBody = Static<typeof EventActionBodySchema>;

const DepartmentRef = Type.Object({ id: Type.String(), name: Type.String() });

export const EventStepSchema = Type.Object({
  step: Type.Enum([...EVENT_STEPS]),
  startedAt: Type.String(),
  deadline: Type.String(),
  overdue: Type.Boolean(),
  cards: Type.Array(Type.Enum([...CARD_LEVELS])),
});

export const EventSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  categoryCode: Type.String(),
  categoryName: Type.String(),
  status: Type.Enum([...EVENT_STATUSES]),
  source: Type.Enum([...EVENT_SOURCES]),
  path: Type.String({ description: 'Org path of the grid (or village) the event lies in' }),
  gridId: Type.Union([Type.String(), Type.Null()]),
  gridName: Type.Union([Type.String(), Type.Null()]),
  lon: Type.Union([Type.Number(), Type.Null()]),
  lat: Type.Union([Type.Number(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  reporter: Type.Union([Type.Object({ id: Type.String(), displayName: Type.String() }), Type.Null()]),
  leadDepartment: Type.Union([DepartmentRef, Type.Null()]),
  assistingDepartments: Type.Array(DepartmentRef),
  escalated: Type.Boolean(),
  step: Type.Union([EventStepSchema, Type.Null()]),
  photos: Type.Array(Type.Object({ id: Type.String(), url: Type.String(), stage: Type.String() })),
  reportedAt: Type.String(),
  updatedAt: Type.String(),
  closedAt: Type.Union([Type.String(), Type.Null()]),
  actions: Type.Array(Type.Enum([...EVENT_ACTIONS]), { description: 'What the caller may do now' }),
});
export type EventView = Static<typeof EventSchema>;

export const EventTimelineEntrySchema = Type.Object({
  seq: Type.Integer(),
  action: Type.String(),
  fromStatus: Type.Union([Type.Enum([...EVENT_STATUSES]), Type.Null()]),
  toStatus: Type.Enum([...EVENT_STATUSES]),
  actor: Type.Union([Type.Object({ id: Type.String(), displayName: Type.String(), role: Type.String() }), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  photoIds: Type.Array(Type.String()),
  at: Type.String(),
});
export type EventTimelineEntry = Static<typeof EventTimelineEntrySchema>;

export const EVENT_VIEWS = ['all', 'center_queue', 'department_inbox', 'mine'] as const;
export type EventListView = (typeof EVENT_VIEWS)[number];

export const EventListQuerySchema = Type.Object(
  {
    view: Type.Optional(Type.Enum([...EVENT_VIEWS], { description: 'center_queue: to accept or dispatch; department_inbox: to sign for or handle; mine: reported by me' })),
    status: Type.Optional(Type.Enum([...EVENT_STATUSES])),
    categoryCode: Type.Optional(Type.String({ pattern: EVENT_CATEGORY_CODE_PATTERN })),
    gridId: Type.Optional(Id),
    villageId: Type.Optional(Id),
    departmentId: Type.Optional(Id),
    overdue: Type.Optional(Type.Boolean()),
    from: Type.Optional(Type.String({ format: 'date', pattern: DATE_PATTERN, description: 'First day reported (Shanghai), YYYY-MM-DD' })),
    to: Type.Optional(Type.String({ format: 'date', pattern: DATE_PATTERN, description: 'Last day reported (Shanghai), YYYY-MM-DD' })),
    after: Type.Optional(Type.String({ maxLength: 36, description: 'Keyset cursor: the nextCursor of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type EventListQuery = Static<typeof EventListQuerySchema>;

export const EventListItemSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  categoryCode: Type.String(),
  status: Type.Enum([...EVENT_STATUSES]),
  path: Type.String(),
  gridName: Type.Union([Type.String(), Type.Null()]),
  leadDepartmentId: Type.Union([Type.String(), Type.Null()]),
  deadline: Type.Union([Type.String(), Type.Null()]),
  overdue: Type.Boolean(),
  reportedAt: Type.String(),
});
export type EventListItem = Static<typeof EventListItemSchema>;

export const EventListSchema = Type.Object({
  items: Type.Array(EventListItemSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const CategorySchema = Type.Object({
  code: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  signForHours: Type.Integer(),
  handleDays: Type.Integer(),
  onSpotAllowed: Type.Boolean(),
  publicAllowed: Type.Boolean(),
  defaultLeadDepartmentId: Type.Union([Type.String(), Type.Null()]),
  disabled: Type.Boolean(),
});
export type Category = Static<typeof CategorySchema>;

export const UpdateCategoryBodySchema = Type.Object(
  {
    signForHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 168 })),
    handleDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
    onSpotAllowed: Type.Optional(Type.Boolean()),
    publicAllowed: Type.Optional(Type.Boolean()),
    defaultLeadDepartmentId: Type.Optional(Type.Union([Id, Type.Null()])),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCategoryBody = Static<typeof UpdateCategoryBodySchema>;

export const MONTH_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])$';

export const MonthQuerySchema = Type.Object(
  { month: Type.Optional(Type.String({ pattern: MONTH_PATTERN, description: 'YYYY-MM (Shanghai); this month when absent' })) },
  { additionalProperties: false },
);

export const CardViewSchema = Type.Object({
  id: Type.String(),
  eventId: Type.String(),
  eventTitle: Type.String(),
  step: Type.Enum([...EVENT_STEPS]),
  level: Type.Enum([...CARD_LEVELS]),
  unit: Type.Object({ kind: Type.Union([Type.Literal('department'), Type.Literal('village')]), id: Type.Union([Type.String(), Type.Null()]), path: Type.String(), name: Type.String() }),
  deadline: Type.String(),
  issuedAt: Type.String(),
});
export type CardView = Static<typeof CardViewSchema>;

export const CardLedgerSchema = Type.Object({
  month: Type.String(),
  items: Type.Array(CardViewSchema),
  totals: Type.Array(Type.Object({ unitPath: Type.String(), name: Type.String(), yellow: Type.Integer(), red: Type.Integer() })),
});

export const QuotaRowSchema = Type.Object({
  accountId: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  orgPath: Type.String(),
  reported: Type.Integer({ description: 'Valid events reported this month (not rejected or merged)' }),
  target: Type.Integer(),
  met: Type.Boolean(),
});
export type QuotaRow = Static<typeof QuotaRowSchema>;

export const InboxMessageSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  eventId: Type.Union([Type.String(), Type.Null()]),
  text: Type.String(),
  createdAt: Type.String(),
  read: Type.Boolean(),
});

export const InboxQuerySchema = Type.Object(
  {
    unread: Type.Optional(Type.Boolean()),
    after: Type.Optional(Type.String({ maxLength: 36 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const CreateCategoryBodySchema = Type.Object(
  {
    code: Type.String({ pattern: EVENT_CATEGORY_CODE_PATTERN, description: 'Lower-case letters, digits and _; e.g. hazard_forest_fire' }),
    parentCode: Type.Optional(Type.String({ pattern: EVENT_CATEGORY_CODE_PATTERN, description: 'The top-level category it is a kind of' })),
    nameZh: Type.String({ minLength: 1, maxLength: 50 }),
    nameEn: Type.String({ minLength: 1, maxLength: 80 }),
    signForHours: Type.Integer({ minimum: 1, maximum: 168 }),
    handleDays: Type.Integer({ minimum: 1, maximum: 90 }),
    onSpotAllowed: Type.Boolean(),
    publicAllowed: Type.Boolean(),
    defaultLeadDepartmentId: Type.Optional(Type.String({ minLength: 1, maxLength: 36 })),
  },
  { additionalProperties: false },
);
export type CreateCategoryBody = Static<typeof CreateCategoryBodySchema>;
