// Payloads of station standards (阵地建设): inspections of sub-centers and village stations over
// the five items, the status overview, the county's settings, and the hand-held terminal register.
import { Type, type Static } from 'typebox';
import { STATION_ITEMS, STATION_ITEM_STATES, STATION_STALE_DAYS_MAX } from '../stations/station-items.js';
import { TERMINAL_STATES, TERMINALS_PER_WORKER_MAX } from '../stations/terminals.js';
import { PHOTO_ID_PATTERN } from './event.schema.js';

const Day = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: 'YYYY-MM-DD (Asia/Shanghai)' });
const Id = Type.String({ minLength: 1, maxLength: 36 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Person = Type.Object({ id: Type.String(), name: Type.String() });

export const MAX_ITEM_PHOTOS = 6;
const ItemState = Type.Enum([...STATION_ITEM_STATES], { description: 'met 达标, partly 部分达标, not_met 未达标' });
const ItemName = Type.Enum([...STATION_ITEMS], { description: 'site 场地, signage 标识, equipment 设备, staff 人员, rules 制度' });

const ItemBody = Type.Object(
  {
    state: ItemState,
    note: Type.Optional(Type.String({ maxLength: 500 })),
    photoIds: Type.Optional(Type.Array(Type.String({ pattern: PHOTO_ID_PATTERN }), { maxItems: MAX_ITEM_PHOTOS, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const CreateInspectionBodySchema = Type.Object(
  {
    clientKey: Type.Optional(Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$', description: 'Chosen by the client; a retry with the same key and body answers the first inspection' })),
    unitId: Type.String({ minLength: 1, maxLength: 36, description: 'The township (its sub-center 分中心) or village (its station 网格工作站) inspected' }),
    checkedOn: Day,
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    items: Type.Object(
      { site: ItemBody, signage: ItemBody, equipment: ItemBody, staff: ItemBody, rules: ItemBody },
      { additionalProperties: false, description: 'All five items, each met / partly / not_met' },
    ),
  },
  { additionalProperties: false },
);
export type CreateInspectionBody = Static<typeof CreateInspectionBodySchema>;

const ItemView = Type.Object({ item: ItemName, state: ItemState, note: Type.String(), photoIds: Type.Array(Type.String()) });
export type StationItemView = Static<typeof ItemView>;

export const StationInspectionSchema = Type.Object({
  id: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  unitKind: Type.String(),
  checkedOn: Type.String(),
  checkedBy: Person,
  note: Type.String(),
  items: Type.Array(ItemView),
  createdAt: Type.String(),
});
export type StationInspection = Static<typeof StationInspectionSchema>;

export const InspectionListQuerySchema = Type.Object(
  { unitId: Id, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) },
  { additionalProperties: false },
);
export type InspectionListQuery = Static<typeof InspectionListQuerySchema>;

export const StationStatusQuerySchema = Type.Object({ townshipId: Type.Optional(Id) }, { additionalProperties: false });
export type StationStatusQuery = Static<typeof StationStatusQuerySchema>;

export const StationStatusSchema = Type.Object({
  staleDays: Type.Integer(),
  units: Type.Array(
    Type.Object({
      unitId: Type.String(),
      unitName: Type.String(),
      unitKind: Type.String(),
      townshipName: Nullable(Type.String()),
      lastInspectionId: Nullable(Type.String()),
      lastCheckedOn: Nullable(Type.String()),
      lastCheckedBy: Nullable(Person),
      /** Each of the five items as last found; empty when never inspected. */
      items: Type.Array(Type.Object({ item: ItemName, state: ItemState })),
      notMet: Type.Array(ItemName),
      never: Type.Boolean(),
      stale: Type.Boolean(),
    }),
  ),
  summary: Type.Object({ units: Type.Integer(), never: Type.Integer(), stale: Type.Integer(), withItemsNotMet: Type.Integer() }),
});
export type StationStatus = Static<typeof StationStatusSchema>;

export const StationSettingsSchema = Type.Object({
  staleDays: Type.Integer(),
  terminalsPerWorker: Type.Integer(),
  updatedAt: Nullable(Type.String()),
});
export type StationSettings = Static<typeof StationSettingsSchema>;

export const UpdateStationSettingsBodySchema = Type.Object(
  {
    staleDays: Type.Optional(Type.Integer({ minimum: 1, maximum: STATION_STALE_DAYS_MAX, description: 'Days after which a station’s last inspection is overdue' })),
    terminalsPerWorker: Type.Optional(Type.Integer({ minimum: 1, maximum: TERMINALS_PER_WORKER_MAX, description: 'Terminals one grid worker may hold' })),
  },
  { additionalProperties: false },
);
export type UpdateStationSettingsBody = Static<typeof UpdateStationSettingsBodySchema>;

// Hand-held terminals (手持终端)

const TerminalState = Type.Enum([...TERMINAL_STATES], { description: 'in_use 在用, spare 备用, repair 维修, retired 报废' });
const Phone = Type.String({ pattern: '^1\\d{10}$', description: 'A mainland mobile number (11 digits)' });

export const CreateTerminalBodySchema = Type.Object(
  {
    clientKey: Type.Optional(Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$', description: 'Chosen by the client; a retry with the same key and body answers the first terminal' })),
    assetCode: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }),
    model: Type.String({ minLength: 1, maxLength: 60 }),
    imei: Type.String({ minLength: 1, maxLength: 20, description: '15 digits with the Luhn check digit' }),
    phone: Type.Optional(Phone),
    unitId: Type.String({ minLength: 1, maxLength: 36 }),
    state: Type.Optional(TerminalState),
    holderId: Type.Optional(Id),
    issuedOn: Type.Optional(Day),
  },
  { additionalProperties: false },
);
export type CreateTerminalBody = Static<typeof CreateTerminalBodySchema>;

export const UpdateTerminalBodySchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    model: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    phone: Type.Optional(Nullable(Phone)),
    state: Type.Optional(TerminalState),
  },
  { additionalProperties: false },
);
export type UpdateTerminalBody = Static<typeof UpdateTerminalBodySchema>;

export const HandOverTerminalBodySchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    holderId: Type.Union([Id, Type.Null()], { description: 'The grid worker who takes it, or null when it comes back to the unit' }),
    handedOn: Day,
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type HandOverTerminalBody = Static<typeof HandOverTerminalBodySchema>;

export const TerminalSchema = Type.Object({
  id: Type.String(),
  assetCode: Type.String(),
  model: Type.String(),
  imei: Type.String(),
  phone: Nullable(Type.String()),
  state: TerminalState,
  unitId: Type.String(),
  unitName: Type.String(),
  holder: Nullable(Person),
  issuedOn: Nullable(Type.String()),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type Terminal = Static<typeof TerminalSchema>;

export const TerminalHandoverSchema = Type.Object({
  id: Type.String(),
  from: Nullable(Person),
  to: Nullable(Person),
  handedOn: Type.String(),
  note: Type.String(),
  recordedBy: Person,
  recordedAt: Type.String(),
});
export type TerminalHandover = Static<typeof TerminalHandoverSchema>;

export const TerminalDetailSchema = Type.Object({ ...TerminalSchema.properties, handovers: Type.Array(TerminalHandoverSchema) });
export type TerminalDetail = Static<typeof TerminalDetailSchema>;

export const TerminalListQuerySchema = Type.Object(
  {
    unitId: Type.Optional(Id),
    state: Type.Optional(TerminalState),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Part of the asset code, IMEI or holder’s name' })),
    cursor: Type.Optional(Type.String({ maxLength: 60, description: 'Keyset cursor: the nextCursor of the previous page' })),
    after: Type.Optional(Type.String({ maxLength: 60, description: 'The same as cursor' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type TerminalListQuery = Static<typeof TerminalListQuerySchema>;

export const TerminalPageSchema = Type.Object({ items: Type.Array(TerminalSchema), nextCursor: Nullable(Type.String()) });
export type TerminalPage = Static<typeof TerminalPageSchema>;

export const TerminalHolderCandidateSchema = Type.Object({ id: Type.String(), name: Type.String(), orgPath: Type.String(), terminals: Type.Integer() });
export const TerminalHoldersQuerySchema = Type.Object({ unitId: Id }, { additionalProperties: false });
export type TerminalHoldersQuery = Static<typeof TerminalHoldersQuerySchema>;
