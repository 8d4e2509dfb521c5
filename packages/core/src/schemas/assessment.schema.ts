// Payloads of the assessment shared by its parts: the indicator table of a period (per unit, each
// figure with numerator and denominator), the facts behind one figure, and the scores and
// rankings that the bulletins and the leader dashboard read.
import { Type, type Static } from 'typebox';
import { ASSESSED_UNIT_KINDS, INDICATOR_CODES, PERIOD_PATTERN } from '../assessment/indicators.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const AssessedUnitKindSchema = Type.Enum([...ASSESSED_UNIT_KINDS], {
  description: 'village 村/社区, township 乡镇（含分中心）, department 职能部门, grid_worker 网格员',
});
export const IndicatorCodeSchema = Type.Enum([...INDICATOR_CODES]);
export const PeriodSchema = Type.String({ pattern: PERIOD_PATTERN, description: 'A month (2026-11) or a year (2026)' });

export const IndicatorQuerySchema = Type.Object(
  {
    period: PeriodSchema,
    unitKind: AssessedUnitKindSchema,
    /** Only units under this org unit (within the caller's scope). */
    orgUnitId: Type.Optional(Type.String({ minLength: 1, maxLength: 36 })),
  },
  { additionalProperties: false },
);
export type IndicatorQuery = Static<typeof IndicatorQuerySchema>;

export const IndicatorFigureSchema = Type.Object({
  value: Nullable(Type.Number()),
  numerator: Type.Number(),
  denominator: Nullable(Type.Number()),
  tooFew: Type.Boolean({ description: 'Fewer cases than the minimum: shown, not ranked (样本不足)' }),
});

export const IndicatorRowSchema = Type.Object({
  unitKind: AssessedUnitKindSchema,
  unitId: Type.String(),
  unitName: Type.String(),
  path: Type.String({ description: 'The unit’s org path (a department: the path it serves; a grid worker: the account’s)' }),
  /** The township (for a village or grid worker) or the village (for a grid worker) it belongs to. */
  parentName: Nullable(Type.String()),
  figures: Type.Record(Type.String(), IndicatorFigureSchema, { description: 'By indicator code; an indicator that does not apply is absent' }),
});
export type IndicatorRow = Static<typeof IndicatorRowSchema>;

export const IndicatorTableSchema = Type.Object({
  period: Type.String(),
  unitKind: AssessedUnitKindSchema,
  from: Type.String({ description: 'First Shanghai date of the period' }),
  to: Type.String({ description: 'Last Shanghai date of the period' }),
  minCases: Type.Integer(),
  computedAt: Type.String(),
  indicators: Type.Array(IndicatorCodeSchema),
  rows: Type.Array(IndicatorRowSchema),
});
export type IndicatorTable = Static<typeof IndicatorTableSchema>;

export const IndicatorFactsQuerySchema = Type.Object(
  {
    period: PeriodSchema,
    unitKind: AssessedUnitKindSchema,
    unitId: Type.String({ minLength: 1, maxLength: 36 }),
    indicator: IndicatorCodeSchema,
  },
  { additionalProperties: false },
);
export type IndicatorFactsQuery = Static<typeof IndicatorFactsQuerySchema>;

/** One fact behind a figure: an event, a visit, a day, a card…, and whether it counted for or against. */
export const IndicatorFactSchema = Type.Object({
  kind: Type.String({ description: 'event, visit, day, card, verification, person, report, training, survey_answer, lapse' }),
  id: Type.String(),
  label: Type.String(),
  at: Nullable(Type.String()),
  /** In the numerator (on time, closed, aware…) or only in the denominator. */
  counted: Type.Boolean(),
  note: Nullable(Type.String()),
  /** A console path that opens the fact, when it has a page (/events/…). */
  link: Nullable(Type.String()),
});
export type IndicatorFact = Static<typeof IndicatorFactSchema>;

export const IndicatorFactsSchema = Type.Object({
  period: Type.String(),
  unitKind: AssessedUnitKindSchema,
  unitId: Type.String(),
  unitName: Type.String(),
  indicator: IndicatorCodeSchema,
  figure: IndicatorFigureSchema,
  facts: Type.Array(IndicatorFactSchema),
  /** More facts than listed (the list stops at 500). */
  truncated: Type.Boolean(),
});
export type IndicatorFacts = Static<typeof IndicatorFactsSchema>;

/** One item of a unit's score: the indicator, its value, the points earned of the item's weight. */
export const ScoreItemResultSchema = Type.Object({
  indicator: IndicatorCodeSchema,
  weight: Type.Number(),
  figure: Nullable(IndicatorFigureSchema),
  points: Type.Number(),
});
export const ScoreDeductionResultSchema = Type.Object({
  ruleId: Type.String(),
  label: Type.String(),
  /** What triggered it: the indicator and the value (e.g. red_cards 3). */
  indicator: IndicatorCodeSchema,
  value: Type.Number(),
  points: Type.Number({ description: 'Negative: the points taken off' }),
});
export const UnitScoreSchema = Type.Object({
  unitKind: AssessedUnitKindSchema,
  unitId: Type.String(),
  unitName: Type.String(),
  path: Type.String(),
  parentName: Nullable(Type.String()),
  score: Type.Number(),
  rank: Nullable(Type.Integer({ description: 'null: too few cases to rank' })),
  tooFew: Type.Boolean(),
  items: Type.Array(ScoreItemResultSchema),
  deductions: Type.Array(ScoreDeductionResultSchema),
});
export type UnitScore = Static<typeof UnitScoreSchema>;

export const RankingSchema = Type.Object({
  period: Type.String(),
  unitKind: AssessedUnitKindSchema,
  schemeId: Type.String(),
  schemeYear: Type.Integer(),
  schemeVersion: Type.Integer(),
  computedAt: Type.String(),
  units: Type.Array(UnitScoreSchema, { description: 'Ranked units first by rank, then those too few to rank' }),
});
export type Ranking = Static<typeof RankingSchema>;
