// Payloads of the scoring schemes (目标分值, one version per change and year) and of the scores
// built from them: a unit's score with the facts behind every point, the recompute request and
// its outcome. The ranking itself (Ranking, UnitScore) is in assessment.schema.ts, shared with the
// bulletins and the leader dashboard.
import { Type, type Static, type TSchema } from 'typebox';
import {
  DEDUCTION_BASES,
  DEDUCTION_MEASURES,
  DEDUCTION_OPS,
  SCHEME_LABEL_MAX,
  SCHEME_MIN_CASES_MAX,
  SCHEME_NOTE_MAX,
  SCHEME_RULE_ID_PATTERN,
  SCHEME_RULES_MAX,
} from '../assessment/score-scheme.js';
import {
  AssessedUnitKindSchema,
  IndicatorCodeSchema,
  IndicatorQuerySchema,
  PeriodSchema,
  ScoreDeductionResultSchema,
  ScoreItemResultSchema,
  UnitScoreSchema,
} from './assessment.schema.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Points = Type.Number({ minimum: 0.01, maximum: 100 });
/** Indicators are checked by the service, so that an unknown one is a 422 naming its path. */
const IndicatorText = Type.String({
  minLength: 1,
  maxLength: 40,
  description: 'An indicator code that applies to the unit kind',
});

/** A scheme body whose indicators are `indicator`: free text in a request (checked by the service), a known code in an answer. */
function schemeBodySchema<I extends TSchema>(indicator: I) {
  const Item = Type.Object(
    {
      indicator,
      weight: Type.Number({
        minimum: 0.01,
        maximum: 100,
        description: 'Points of the item; the items of a unit kind add up to 100',
      }),
    },
    { additionalProperties: false },
  );

  const Rule = Type.Object(
    {
      id: Type.String({ pattern: SCHEME_RULE_ID_PATTERN }),
      label: Type.String({ minLength: 1, maxLength: SCHEME_LABEL_MAX }),
      indicator,
      measure: Type.Optional(
        Type.Enum([...DEDUCTION_MEASURES], {
          description: 'value 指标值（张数、比率）; shortfall 缺少的件数（分母 − 分子，如少报送的信息）',
        }),
      ),
      when: Type.Optional(
        Type.Object(
          { op: Type.Enum([...DEDUCTION_OPS]), value: Type.Number({ minimum: 0, maximum: 10000 }) },
          { additionalProperties: false, description: 'Only when the measure compares so (a rate: 0–1)' },
        ),
      ),
      per: Type.Optional(
        Type.Number({
          minimum: 0.01,
          maximum: 10000,
          description: 'points for each `per` of the measure; without it the rule takes points once',
        }),
      ),
      points: Points,
      basis: Type.Optional(
        Type.Enum([...DEDUCTION_BASES], {
          description: 'period 按考核期; month 年度得分中按月逐月判断后累加',
        }),
      ),
    },
    { additionalProperties: false },
  );

  const Unit = Type.Object(
    {
      items: Type.Array(Item, { minItems: 1, maxItems: 20 }),
      deductions: Type.Array(Rule, { maxItems: SCHEME_RULES_MAX }),
      cap: Type.Number({
        minimum: 0,
        maximum: 100,
        description: 'The most a unit can lose to deductions in a period',
      }),
    },
    { additionalProperties: false },
  );

  return Type.Object(
    {
      minCases: Type.Integer({
        minimum: 1,
        maximum: SCHEME_MIN_CASES_MAX,
        description: 'A rate over fewer cases is too few to rank',
      }),
      units: Type.Object(
        {
          village: Type.Optional(Unit),
          township: Type.Optional(Unit),
          department: Type.Optional(Unit),
          grid_worker: Type.Optional(Unit),
        },
        { additionalProperties: false, description: 'The scheme of each unit kind assessed' },
      ),
    },
    { additionalProperties: false },
  );
}

export const ScoreSchemeBodySchema = schemeBodySchema(IndicatorText);
/** A stored body: only known indicators get stored. */
export const StoredScoreSchemeBodySchema = schemeBodySchema(IndicatorCodeSchema);
export type ScoreSchemeBodyPayload = Static<typeof ScoreSchemeBodySchema>;

const Person = Type.Object({ id: Type.String(), name: Type.String() });

export const ScoreSchemeSchema = Type.Object({
  /** null: nothing stored for the year yet; the body is the default the county may save. */
  id: Nullable(Type.String()),
  year: Type.Integer(),
  version: Type.Integer({ description: '0: the default, not yet saved' }),
  body: StoredScoreSchemeBodySchema,
  note: Type.String(),
  createdBy: Nullable(Person),
  createdAt: Nullable(Type.String()),
  latestVersion: Type.Integer(),
  /** Whether the year can still change (this year or a later one). */
  editable: Type.Boolean(),
  formula: Type.String({ description: 'How a score is made, in the caller’s language' }),
});
export type ScoreScheme = Static<typeof ScoreSchemeSchema>;

export const SchemeYearParamsSchema = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
  { additionalProperties: false },
);
export const SchemeQuerySchema = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);

export const PutScoreSchemeBodySchema = Type.Object(
  {
    body: ScoreSchemeBodySchema,
    note: Type.String({ maxLength: SCHEME_NOTE_MAX, description: 'Why it changed' }),
    /** The version the change is based on (0 when the year had none); another answers 409 RECORD_CHANGED. */
    baseVersion: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type PutScoreSchemeBody = Static<typeof PutScoreSchemeBodySchema>;

export const SchemeVersionSchema = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  note: Type.String(),
  createdBy: Person,
  createdAt: Type.String(),
});
export const SchemeVersionsSchema = Type.Object({
  year: Type.Integer(),
  versions: Type.Array(SchemeVersionSchema),
});
export type SchemeVersions = Static<typeof SchemeVersionsSchema>;

export const RecomputedSchema = Type.Object({
  period: Type.String(),
  unitKind: AssessedUnitKindSchema,
  units: Type.Integer(),
  schemeVersion: Type.Integer(),
});
export type Recomputed = Static<typeof RecomputedSchema>;

export const PutScoreSchemeResultSchema = Type.Object({
  scheme: ScoreSchemeSchema,
  /** This year's stored scores recomputed with the new version. */
  recomputed: Type.Array(RecomputedSchema),
});
export type PutScoreSchemeResult = Static<typeof PutScoreSchemeResultSchema>;

/** The indicator table's query: a period, a unit kind, and optionally an org unit within the caller's scope (ranks stay the county's). */
export const ScoresQuerySchema = IndicatorQuerySchema;
export type ScoresQuery = Static<typeof ScoresQuerySchema>;

export const UnitScoreQuerySchema = Type.Object(
  {
    period: PeriodSchema,
    unitKind: AssessedUnitKindSchema,
    unitId: Type.String({ minLength: 1, maxLength: 36 }),
  },
  { additionalProperties: false },
);
export type UnitScoreQuery = Static<typeof UnitScoreQuerySchema>;

export const RecomputeScoresBodySchema = Type.Object(
  { period: PeriodSchema, unitKind: Type.Optional(AssessedUnitKindSchema) },
  { additionalProperties: false },
);
export type RecomputeScoresBody = Static<typeof RecomputeScoresBodySchema>;
export const RecomputeScoresResultSchema = Type.Object({ recomputed: Type.Array(RecomputedSchema) });

/** One unit's score with everything behind it: each item's basis, the deductions month by month, the cap. */
export const UnitScoreDetailSchema = Type.Object({
  ...UnitScoreSchema.properties,
  period: Type.String(),
  schemeYear: Type.Integer(),
  schemeVersion: Type.Integer(),
  computedAt: Type.String(),
  /** Units ranked in the county (the rank's denominator). */
  rankedUnits: Type.Integer(),
  itemPoints: Type.Number(),
  deductionPoints: Type.Number(),
  cap: Type.Number(),
  formula: Type.String(),
  items: Type.Array(
    Type.Object({
      ...ScoreItemResultSchema.properties,
      schemeWeight: Type.Number(),
      basis: Type.Enum(['figure', 'average', 'not_measured'], {
        description: 'figure 按本单位数据; average 样本不足取平均; not_measured 本期无数据不计',
      }),
    }),
  ),
  deductions: Type.Array(
    Type.Object({
      ...ScoreDeductionResultSchema.properties,
      period: Nullable(Type.String()),
      measure: Type.Enum([...DEDUCTION_MEASURES], {
        description: 'value: the figure; shortfall: a rate’s cases missed',
      }),
    }),
  ),
});
export type UnitScoreDetail = Static<typeof UnitScoreDetailSchema>;
