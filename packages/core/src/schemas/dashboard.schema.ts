// What the command center (指挥中心) and the grid map read: one answer each, counted by the server
// within the caller's scope, so the console draws charts and maps without paging through events.
import { Type, type Static } from 'typebox';
import { PolygonSchema } from './territory.schema.js';
import { EVENT_STATUSES } from '../events/event-status.js';
import { QuotaRowSchema } from './event.schema.js';

const Count = Type.Integer({ minimum: 0 });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const DashboardCountSchema = Type.Object({
  /** The filter value the events list takes: a category code, a village id, a department id; null for "none". */
  key: Nullable(Type.String()),
  name: Type.String(),
  open: Count,
  overdue: Count,
});
export type DashboardCount = Static<typeof DashboardCountSchema>;

export const DashboardUnitStatusSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  path: Type.String(),
  accounts: Count,
  signedIn: Type.Boolean({ description: 'some account of the unit signed in today (Shanghai)' }),
  waiting: Type.Integer({ minimum: 0, description: 'events waiting for the unit: a department’s to sign for, a village’s to verify' }),
});
export type DashboardUnitStatus = Static<typeof DashboardUnitStatusSchema>;

export const DashboardSchema = Type.Object({
  date: Type.String({ description: 'today in Asia/Shanghai' }),
  month: Type.String({ description: 'this month in Asia/Shanghai, YYYY-MM' }),
  today: Type.Object({ reported: Count, open: Count, overdue: Count }),
  byCategory: Type.Array(DashboardCountSchema),
  byVillage: Type.Array(DashboardCountSchema),
  byDepartment: Type.Array(DashboardCountSchema),
  trend: Type.Array(Type.Object({ month: Type.String(), reported: Count, closed: Count }), { description: 'the last 12 months, oldest first' }),
  cards: Type.Array(Type.Object({ unitPath: Type.String(), name: Type.String(), yellow: Count, red: Count }), { description: 'cards issued this month, per unit' }),
  units: Type.Array(DashboardUnitStatusSchema),
  departments: Type.Array(DashboardUnitStatusSchema),
  quotas: Type.Array(QuotaRowSchema),
});
export type Dashboard = Static<typeof DashboardSchema>;

export const MapGridSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  path: Type.String(),
  villageId: Nullable(Type.String()),
  villageName: Type.String(),
  boundary: PolygonSchema,
  open: Count,
  overdue: Count,
});
export type MapGrid = Static<typeof MapGridSchema>;

export const MapGridsSchema = Type.Object({
  /** A Leaflet tile URL template (GRIDWORK_TILE_URL); null: draw the vector map without tiles. */
  tileUrl: Nullable(Type.String()),
  items: Type.Array(MapGridSchema),
});
export type MapGrids = Static<typeof MapGridsSchema>;

export const MAP_EVENTS_MAX = 2000;

export const MapEventsQuerySchema = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAP_EVENTS_MAX, description: `newest open events to return; ${MAP_EVENTS_MAX} by default` })) },
  { additionalProperties: false },
);

export const MapEventSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  status: Type.Enum([...EVENT_STATUSES]),
  categoryName: Type.String(),
  lon: Type.Number(),
  lat: Type.Number(),
  overdue: Type.Boolean(),
});
export type MapEvent = Static<typeof MapEventSchema>;

export const MapEventsSchema = Type.Object({
  items: Type.Array(MapEventSchema),
  /** More open events with a point exist than were returned. */
  truncated: Type.Boolean(),
});
export type MapEvents = Static<typeof MapEventsSchema>;
