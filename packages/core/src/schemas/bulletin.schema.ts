// The bulletins (通报): the figures a monthly or on-demand bulletin is written from (kept with it,
// so the archive shows what the Word file says), the archive entries with their two files, and
// the leader dashboard that reads the same figures with rankings, trends, cards and survey rates.
import { Type, type Static } from 'typebox';
import { AssessedUnitKindSchema, PeriodSchema } from './assessment.schema.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** A month (2026-11) or a year (2026); the scheduled bulletin is monthly. */
export const BulletinCreateSchema = Type.Object({ period: PeriodSchema }, { additionalProperties: false });
export type BulletinCreate = Static<typeof BulletinCreateSchema>;

export const BulletinListQuerySchema = Type.Object(
  {
    period: Type.Optional(PeriodSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type BulletinListQuery = Static<typeof BulletinListQuerySchema>;

export const BulletinOverviewSchema = Type.Object({
  eventsReported: Type.Integer({ description: 'Events reported in the period' }),
  eventsClosed: Type.Integer({ description: 'Events closed in the period' }),
  closureRate: Nullable(Type.Number({ description: 'Of the events reported in the period, the share closed by now' })),
  yellowCards: Type.Integer(),
  redCards: Type.Integer(),
  reportsSubmitted: Type.Integer({ description: 'Information reports first submitted in the period' }),
  reportsAdopted: Type.Integer({ description: 'Information reports adopted in the period' }),
  villages: Type.Integer({ description: 'Villages assessed' }),
  departments: Type.Integer({ description: 'Departments assessed' }),
});
export type BulletinOverview = Static<typeof BulletinOverviewSchema>;

export const BulletinUnitLineSchema = Type.Object({
  rank: Nullable(Type.Integer()),
  unitId: Type.String(),
  unitName: Type.String(),
  parentName: Nullable(Type.String()),
  score: Type.Number(),
});
export type BulletinUnitLine = Static<typeof BulletinUnitLineSchema>;

export const BulletinRankingSchema = Type.Object({
  unitKind: AssessedUnitKindSchema,
  ranked: Type.Integer({ description: 'Units ranked' }),
  tooFew: Type.Integer({ description: 'Units with too few cases to rank' }),
  average: Nullable(Type.Number({ description: 'Average score of the ranked units' })),
  top: Type.Array(BulletinUnitLineSchema),
  bottom: Type.Array(BulletinUnitLineSchema, { description: 'Lowest ranked, lowest last' }),
});
export type BulletinRanking = Static<typeof BulletinRankingSchema>;

/** A unit criticised (通报批评): a red card, or more than 3 yellow cards, in the period. */
export const BulletinCriticisedSchema = Type.Object({
  unitKind: Type.Union([Type.Literal('village'), Type.Literal('department')]),
  unitName: Type.String(),
  parentName: Nullable(Type.String()),
  yellowCards: Type.Integer(),
  redCards: Type.Integer(),
});
export type BulletinCriticised = Static<typeof BulletinCriticisedSchema>;

export const BulletinAdoptedReportSchema = Type.Object({
  title: Type.String(),
  townshipName: Type.String(),
  category: Type.String({ description: 'The category label' }),
  level: Type.String({ description: 'The adoption level label' }),
  adoptedOn: Type.String(),
  subjectName: Nullable(Type.String({ description: 'The exemplary grid worker the report is about' })),
});
export type BulletinAdoptedReport = Static<typeof BulletinAdoptedReportSchema>;

export const BulletinExemplarySchema = Type.Object({
  name: Type.String(),
  villageName: Nullable(Type.String()),
  reports: Type.Integer({ description: 'Adopted reports about this grid worker in the period' }),
});
export type BulletinExemplary = Static<typeof BulletinExemplarySchema>;

export const BulletinFiguresSchema = Type.Object({
  period: Type.String(),
  from: Type.String(),
  to: Type.String(),
  countyName: Type.String(),
  issuer: Type.String({ description: 'The issuing unit written at the end' }),
  issuedOn: Type.String({ description: 'The Shanghai date written at the end' }),
  title: Type.String(),
  overview: BulletinOverviewSchema,
  villages: BulletinRankingSchema,
  departments: BulletinRankingSchema,
  criticised: Type.Array(BulletinCriticisedSchema),
  adoptedReports: Type.Array(BulletinAdoptedReportSchema),
  exemplaryWorkers: Type.Array(BulletinExemplarySchema),
});
export type BulletinFigures = Static<typeof BulletinFiguresSchema>;

export const BulletinFileSchema = Type.Object({
  name: Type.String(),
  bytes: Type.Integer(),
  url: Type.String({ description: 'Download (same-origin, needs a session with bulletin.read)' }),
});

export const BulletinSummarySchema = Type.Object({
  id: Type.String(),
  period: Type.String(),
  kind: Type.Union([Type.Literal('monthly'), Type.Literal('on_demand')], { description: 'monthly: written by the scheduled job, once a month' }),
  title: Type.String(),
  createdAt: Type.String(),
  createdByName: Nullable(Type.String({ description: 'null: the scheduled job' })),
  docx: BulletinFileSchema,
  xlsx: BulletinFileSchema,
});
export type BulletinSummary = Static<typeof BulletinSummarySchema>;

export const BulletinSchema = Type.Object({ ...BulletinSummarySchema.properties, figures: BulletinFiguresSchema });
export type Bulletin = Static<typeof BulletinSchema>;

export const BulletinListSchema = Type.Object({ items: Type.Array(BulletinSummarySchema) });
export type BulletinList = Static<typeof BulletinListSchema>;

export const LeaderDashboardQuerySchema = Type.Object({ period: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'A month: 2026-11' }) }, { additionalProperties: false });
export type LeaderDashboardQuery = Static<typeof LeaderDashboardQuerySchema>;

export const LeaderDashboardSchema = Type.Object({
  period: Type.String(),
  computedAt: Type.String(),
  overview: BulletinOverviewSchema,
  villages: BulletinRankingSchema,
  departments: BulletinRankingSchema,
  cardsByTownship: Type.Array(Type.Object({ townshipName: Type.String(), yellowCards: Type.Integer(), redCards: Type.Integer() })),
  trend: Type.Array(
    Type.Object({
      period: Type.String(),
      villageAverage: Nullable(Type.Number()),
      departmentAverage: Nullable(Type.Number()),
    }),
    { description: 'The last 12 months up to the period, oldest first: average score of the ranked units' },
  ),
  surveys: Type.Object({
    year: Type.String({ description: 'Survey rates are of the surveys ending in this year' }),
    townships: Type.Array(
      Type.Object({
        townshipName: Type.String(),
        awareness: Nullable(Type.Number()),
        awarenessRespondents: Type.Integer(),
        satisfaction: Nullable(Type.Number()),
        satisfactionRespondents: Type.Integer(),
      }),
    ),
  }),
  bulletins: Type.Array(BulletinSummarySchema),
});
export type LeaderDashboard = Static<typeof LeaderDashboardSchema>;
