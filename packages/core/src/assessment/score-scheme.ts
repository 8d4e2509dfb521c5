// The county's scoring scheme (目标分值与考核办法): per unit kind, weighted items earned from the
// indicators' rates and deduction rules on cards, lapses and missed reports, with a cap on what a
// unit can lose. One scheme per year, versioned: a change makes a new version, so the scores of a
// past year keep the scheme they were computed with.
import { INDICATORS, INDICATOR_CODES, type AssessedUnitKind, type IndicatorCode } from './indicators.js';
import type { Locale } from '../i18n/locale.js';

export const DEDUCTION_OPS = ['>', '>=', '<', '<='] as const;
export type DeductionOp = (typeof DEDUCTION_OPS)[number];

/** value: the figure itself (a count, or a rate in [0, 1]); shortfall: a rate's cases missed (denominator − numerator). */
export const DEDUCTION_MEASURES = ['value', 'shortfall'] as const;
export type DeductionMeasure = (typeof DEDUCTION_MEASURES)[number];

/** period: the rule judges the period's figure; month: in a year's score it judges each month and the deductions add up. */
export const DEDUCTION_BASES = ['period', 'month'] as const;
export type DeductionBasis = (typeof DEDUCTION_BASES)[number];

export interface ScoreItem {
  readonly indicator: IndicatorCode;
  /** Points of the item; the items of a unit kind add up to 100. */
  readonly weight: number;
}

export interface DeductionRule {
  readonly id: string;
  readonly label: string;
  readonly indicator: IndicatorCode;
  readonly measure?: DeductionMeasure | undefined;
  /** Only when the measure compares so (e.g. more than 3 yellow cards). */
  readonly when?: { readonly op: DeductionOp; readonly value: number } | undefined;
  /** Points for each `per` of the measure (each red card: per 1); without it the rule takes `points` once. */
  readonly per?: number | undefined;
  readonly points: number;
  readonly basis?: DeductionBasis | undefined;
}

export interface UnitScheme {
  readonly items: ScoreItem[];
  readonly deductions: DeductionRule[];
  /** The most a unit can lose to deductions in a period. */
  readonly cap: number;
}

export interface ScoreSchemeBody {
  /** A rate over fewer cases is too few to rank (样本不足). */
  readonly minCases: number;
  readonly units: Partial<Record<AssessedUnitKind, UnitScheme>>;
}

export const SCHEME_WEIGHT_TOTAL = 100;
export const SCHEME_MIN_CASES_MAX = 1000;
export const SCHEME_RULES_MAX = 20;
export const SCHEME_RULE_ID_PATTERN = '^[A-Za-z0-9_-]{1,32}$';
export const SCHEME_LABEL_MAX = 100;
export const SCHEME_NOTE_MAX = 500;

/** A problem with a scheme body: its catalogue code and the path of the field (units.village.items). */
export interface SchemeProblem {
  readonly code: 'SCHEME_WEIGHTS_NOT_100' | 'SCHEME_INDICATOR_INVALID' | 'SCHEME_COUNT_AS_ITEM' | 'SCHEME_RULE_INVALID';
  readonly field: string;
  readonly unitKind?: AssessedUnitKind;
  readonly indicator?: string;
  readonly sum?: number;
  readonly rule?: 'item_repeated' | 'rule_id_repeated' | 'shortfall_of_count' | 'rate_threshold' | 'nothing_to_judge' | 'no_unit_kind';
}

const isIndicator = (value: string): value is IndicatorCode => (INDICATOR_CODES as readonly string[]).includes(value);

/** Rounds to hundredths, the precision scores are shown and compared in. */
export function roundPoints(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

/**
 * The first problem of a scheme body (shape and ranges are the request schema's business): the
 * weights of each unit kind add up to 100, every indicator is known and applies to the unit
 * kind, count indicators (cards, lapses) only in deductions, and every rule can be judged.
 */
export function schemeProblem(body: ScoreSchemeBody): SchemeProblem | null {
  const kinds = Object.keys(body.units) as AssessedUnitKind[];
  if (kinds.length === 0) return { code: 'SCHEME_RULE_INVALID', field: 'units', rule: 'no_unit_kind' };
  for (const unitKind of kinds) {
    const scheme = body.units[unitKind];
    if (!scheme) continue;
    const base = `units.${unitKind}`;
    const seen = new Set<string>();
    for (const [index, item] of scheme.items.entries()) {
      const field = `${base}.items[${index}].indicator`;
      if (!isIndicator(item.indicator) || !INDICATORS[item.indicator].unitKinds.includes(unitKind))
        return { code: 'SCHEME_INDICATOR_INVALID', field, unitKind, indicator: item.indicator };
      if (INDICATORS[item.indicator].kind === 'count') return { code: 'SCHEME_COUNT_AS_ITEM', field, unitKind, indicator: item.indicator };
      if (seen.has(item.indicator)) return { code: 'SCHEME_RULE_INVALID', field, unitKind, indicator: item.indicator, rule: 'item_repeated' };
      seen.add(item.indicator);
    }
    const sum = roundPoints(scheme.items.reduce((total, item) => total + item.weight, 0));
    if (Math.abs(sum - SCHEME_WEIGHT_TOTAL) > 1e-9) return { code: 'SCHEME_WEIGHTS_NOT_100', field: `${base}.items`, unitKind, sum };
    const ids = new Set<string>();
    for (const [index, rule] of scheme.deductions.entries()) {
      const at = `${base}.deductions[${index}]`;
      if (!isIndicator(rule.indicator) || !INDICATORS[rule.indicator].unitKinds.includes(unitKind))
        return { code: 'SCHEME_INDICATOR_INVALID', field: `${at}.indicator`, unitKind, indicator: rule.indicator };
      if (ids.has(rule.id)) return { code: 'SCHEME_RULE_INVALID', field: `${at}.id`, unitKind, rule: 'rule_id_repeated' };
      ids.add(rule.id);
      const definition = INDICATORS[rule.indicator];
      if ((rule.measure ?? 'value') === 'shortfall' && definition.kind === 'count')
        return { code: 'SCHEME_RULE_INVALID', field: `${at}.measure`, unitKind, rule: 'shortfall_of_count' };
      if (rule.when && (rule.measure ?? 'value') === 'value' && definition.kind === 'rate' && (rule.when.value < 0 || rule.when.value > 1))
        return { code: 'SCHEME_RULE_INVALID', field: `${at}.when.value`, unitKind, rule: 'rate_threshold' };
      if (!rule.when && rule.per === undefined) return { code: 'SCHEME_RULE_INVALID', field: `${at}.when`, unitKind, rule: 'nothing_to_judge' };
    }
  }
  return null;
}

/** The body with every rule's defaults written out (measure value, basis period), as it is stored and compared. */
export function normalizeScheme(body: ScoreSchemeBody): ScoreSchemeBody {
  const units: Partial<Record<AssessedUnitKind, UnitScheme>> = {};
  for (const [kind, scheme] of Object.entries(body.units) as [AssessedUnitKind, UnitScheme][]) {
    units[kind] = {
      items: scheme.items.map((item) => ({ indicator: item.indicator, weight: item.weight })),
      deductions: scheme.deductions.map((rule) => ({
        id: rule.id,
        label: rule.label,
        indicator: rule.indicator,
        measure: rule.measure ?? 'value',
        ...(rule.when ? { when: { op: rule.when.op, value: rule.when.value } } : {}),
        ...(rule.per !== undefined ? { per: rule.per } : {}),
        points: rule.points,
        basis: rule.basis ?? 'period',
      })),
      cap: scheme.cap,
    };
  }
  return { minCases: body.minCases, units };
}

/** The scheme the platform proposes for a year with none (the county edits it), from the plan's 考核办法. */
export function defaultScoreScheme(): ScoreSchemeBody {
  const cards = (yellowOver: number): DeductionRule[] => [
    { id: 'red-card', label: '每张红牌扣 2 分', indicator: 'red_cards', per: 1, points: 2 },
    { id: 'yellow-cards', label: `当月黄牌超过 ${yellowOver} 张扣 1 分`, indicator: 'yellow_cards', when: { op: '>', value: yellowOver }, points: 1, basis: 'month' },
  ];
  return {
    minCases: 5,
    units: {
      village: {
        items: [
          { indicator: 'login_rate', weight: 15 },
          { indicator: 'closure_rate', weight: 15 },
          { indicator: 'quota_attainment', weight: 15 },
          { indicator: 'valid_report_rate', weight: 10 },
          { indicator: 'visit_compliance', weight: 15 },
          { indicator: 'registry_completeness', weight: 10 },
          { indicator: 'registry_accuracy', weight: 5 },
          { indicator: 'training_compliance', weight: 5 },
          { indicator: 'survey_awareness', weight: 5 },
          { indicator: 'survey_satisfaction', weight: 5 },
        ],
        deductions: cards(3),
        cap: 20,
      },
      township: {
        items: [
          { indicator: 'login_rate', weight: 10 },
          { indicator: 'sign_for_on_time', weight: 15 },
          { indicator: 'handle_on_time', weight: 15 },
          { indicator: 'closure_rate', weight: 10 },
          { indicator: 'rework_rate', weight: 10 },
          { indicator: 'quota_attainment', weight: 5 },
          { indicator: 'valid_report_rate', weight: 5 },
          { indicator: 'visit_compliance', weight: 10 },
          { indicator: 'registry_completeness', weight: 5 },
          { indicator: 'registry_accuracy', weight: 5 },
          { indicator: 'training_compliance', weight: 5 },
          { indicator: 'survey_awareness', weight: 5 },
        ],
        deductions: [
          ...cards(3),
          { id: 'missed-report', label: '每月每少报送 1 篇信息扣 1 分', indicator: 'info_report_quota', measure: 'shortfall', per: 1, points: 1, basis: 'month' },
          { id: 'duty-lapse', label: '每次值班缺岗扣 0.5 分', indicator: 'duty_lapses', per: 1, points: 0.5 },
        ],
        cap: 20,
      },
      department: {
        items: [
          { indicator: 'login_rate', weight: 15 },
          { indicator: 'sign_for_on_time', weight: 25 },
          { indicator: 'handle_on_time', weight: 25 },
          { indicator: 'closure_rate', weight: 15 },
          { indicator: 'rework_rate', weight: 10 },
          { indicator: 'training_compliance', weight: 10 },
        ],
        deductions: cards(3),
        cap: 20,
      },
      grid_worker: {
        items: [
          { indicator: 'login_rate', weight: 20 },
          { indicator: 'quota_attainment', weight: 25 },
          { indicator: 'valid_report_rate', weight: 15 },
          { indicator: 'visit_compliance', weight: 25 },
          { indicator: 'training_compliance', weight: 15 },
        ],
        deductions: [],
        cap: 10,
      },
    },
  };
}

/** How a score is made, as shown beside a ranking. */
export const SCORE_FORMULA: Readonly<Record<Locale, string>> = {
  'zh-CN':
    '得分 = Σ 权重 × 指标值（越低越好的指标取 1 − 指标值）− 扣分（不超过扣分上限）。样本不足或无数据的项取其他有数据单位该项的平均得分；本期没有任何单位有数据的项不计，其余项按比例折算到 100 分；样本不足或无数据的项权重合计达 50 分的单位不参与排名——完全没有数据的单位既不按 0 分排在末位，也不按平均分参与排名，标“样本不足”列出，扣分照扣。缺报扣分（按差额计）只计已结束的月份或期间。',
  'en-US':
    'Score = Σ weight × indicator value (1 − value for an indicator better lower) − deductions (at most the cap). An item with too few cases or no data earns the average of that item over the units that have it; an item no unit has data for in the period is left out and the others are scaled to 100; a unit whose too-few or missing items weigh 50 or more is not ranked — a unit with no data at all is neither ranked last at 0 nor ranked on the averages: it is listed as too few, and its deductions still count. A shortfall deduction (a missed report) counts only months or periods that have ended.',
};
