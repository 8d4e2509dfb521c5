// Scores and ranks the units of one kind in one period from their indicator figures and the
// year's scheme, keeping the facts behind every point: each item's figure and points (earned, or
// the average of the units that have the figure when a unit's is too few), each deduction with
// the value that triggered it, and the cap. Pure: the server gathers the figures.
import { INDICATORS, type AssessedUnitKind, type IndicatorCode, type IndicatorFigure } from './indicators.js';
import { roundPoints, type DeductionMeasure, type DeductionOp, type DeductionRule, type UnitScheme } from './score-scheme.js';

export type UnitFigures = Partial<Record<IndicatorCode, IndicatorFigure>>;

export interface ScoringUnit {
  readonly unitId: string;
  readonly unitName: string;
  readonly path: string;
  readonly parentName: string | null;
  readonly figures: UnitFigures;
}

export interface ScoringInput {
  readonly unitKind: AssessedUnitKind;
  readonly scheme: UnitScheme;
  readonly units: readonly ScoringUnit[];
  /** For a year's score: each month's figures by unit id, which rules with basis 'month' judge. */
  readonly months?: readonly { readonly period: string; readonly figures: ReadonlyMap<string, UnitFigures>; readonly ended?: boolean }[];
  /**
   * Whether the period has ended (default true). A shortfall against a quota (a missed report) is
   * only missed once its period is over: a running month or year is not judged on it yet.
   */
  readonly ended?: boolean;
}

/** figure: earned from the unit's figure; average: the unit's figure is too few or missing; not_measured: no unit has it this period. */
export type ItemBasis = 'figure' | 'average' | 'not_measured';

export interface ScoredItem {
  readonly indicator: IndicatorCode;
  /** The item's weight in this period (the scheme's, scaled to 100 when items nobody has are left out). */
  readonly weight: number;
  readonly schemeWeight: number;
  readonly figure: IndicatorFigure | null;
  readonly points: number;
  readonly basis: ItemBasis;
}

export const CAP_RULE_ID = '_cap';

export interface ScoredDeduction {
  /** A rule's id, or _cap: the points given back because the deductions passed the cap. */
  readonly ruleId: string;
  readonly label: string;
  readonly indicator: IndicatorCode;
  /** The measure that triggered the rule (the count, the rate, the cases missed); for _cap the deductions before the cap. */
  readonly value: number;
  /** Negative: the points taken off (positive for _cap). */
  readonly points: number;
  /** The month judged, for a rule judged month by month in a year's score. */
  readonly period: string | null;
  /** What the value is: the figure itself, or a rate's cases missed. */
  readonly measure: DeductionMeasure;
}

export interface ScoredUnit {
  readonly unitKind: AssessedUnitKind;
  readonly unitId: string;
  readonly unitName: string;
  readonly path: string;
  readonly parentName: string | null;
  /** Items' points minus the deductions (at most the cap); score = Σ items.points + Σ deductions.points. */
  readonly score: number;
  readonly rank: number | null;
  readonly tooFew: boolean;
  readonly items: ScoredItem[];
  readonly deductions: ScoredDeduction[];
  readonly itemPoints: number;
  /** The points taken off after the cap (≥ 0). */
  readonly deductionPoints: number;
  readonly cap: number;
}

/** A unit whose too-few items weigh at least this much is not ranked. */
export const TOO_FEW_WEIGHT = 50;

const usable = (figure: IndicatorFigure | undefined): figure is IndicatorFigure & { value: number } =>
  figure !== undefined && figure.value !== null && !figure.tooFew;

function itemPoints(indicator: IndicatorCode, weight: number, value: number): number {
  const clamped = Math.min(1, Math.max(0, value));
  return weight * (INDICATORS[indicator].higherIsBetter ? clamped : 1 - clamped);
}

function compare(left: number, op: DeductionOp, right: number): boolean {
  switch (op) {
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
  }
}

/** What one rule takes off a figure (≥ 0) and the measure it judged; null when it cannot judge (no figure, too few). */
export function deductionOf(rule: DeductionRule, figure: IndicatorFigure | undefined): { value: number; points: number } | null {
  if (!figure || figure.value === null) return null;
  const measure = rule.measure ?? 'value';
  if (measure === 'value' && INDICATORS[rule.indicator].kind === 'rate' && figure.tooFew) return null;
  const value = measure === 'shortfall' ? Math.max(0, (figure.denominator ?? 0) - figure.numerator) : figure.value;
  if (rule.when && !compare(value, rule.when.op, rule.when.value)) return { value, points: 0 };
  const points = rule.per === undefined ? rule.points : rule.points * Math.floor(value / rule.per + 1e-9);
  return { value, points: roundPoints(points) };
}

export function scoreUnits(input: ScoringInput): ScoredUnit[] {
  const { scheme, units } = input;
  const measuredWeight = scheme.items.filter((item) => units.some((unit) => usable(unit.figures[item.indicator]))).reduce((sum, item) => sum + item.weight, 0);
  const scale = measuredWeight > 0 ? 100 / measuredWeight : 0;
  // Each item's average over the units that have a usable figure, for those that do not.
  const averages = new Map<IndicatorCode, number>();
  for (const item of scheme.items) {
    const earned = units.flatMap((unit) => {
      const figure = unit.figures[item.indicator];
      return usable(figure) ? [itemPoints(item.indicator, item.weight * scale, figure.value)] : [];
    });
    if (earned.length > 0) averages.set(item.indicator, earned.reduce((sum, points) => sum + points, 0) / earned.length);
  }

  const scored = units.map((unit): Omit<ScoredUnit, 'rank'> => {
    let tooFewWeight = 0;
    const items = scheme.items.map((item): ScoredItem => {
      const figure = unit.figures[item.indicator] ?? null;
      const average = averages.get(item.indicator);
      const weight = roundPoints(item.weight * scale);
      if (average === undefined) return { indicator: item.indicator, weight: 0, schemeWeight: item.weight, figure, points: 0, basis: 'not_measured' };
      if (figure && usable(figure)) return { indicator: item.indicator, weight, schemeWeight: item.weight, figure, points: roundPoints(itemPoints(item.indicator, item.weight * scale, figure.value)), basis: 'figure' };
      tooFewWeight += item.weight * scale;
      return { indicator: item.indicator, weight, schemeWeight: item.weight, figure, points: roundPoints(average), basis: 'average' };
    });
    const deductions: ScoredDeduction[] = [];
    for (const rule of scheme.deductions) {
      const judged =
        rule.basis === 'month' && input.months
          ? input.months.map((month) => ({ period: month.period as string | null, figure: month.figures.get(unit.unitId)?.[rule.indicator], ended: month.ended ?? true }))
          : [{ period: null, figure: unit.figures[rule.indicator], ended: input.ended ?? true }];
      for (const { period, figure, ended } of judged) {
        if (!ended && rule.measure === 'shortfall') continue;
        const outcome = deductionOf(rule, figure);
        if (outcome && outcome.points > 0) deductions.push({ ruleId: rule.id, label: rule.label, indicator: rule.indicator, value: outcome.value, points: -outcome.points, period, measure: rule.measure ?? 'value' });
      }
    }
    const taken = roundPoints(deductions.reduce((sum, deduction) => sum - deduction.points, 0));
    const last = deductions.at(-1);
    if (last && taken > scheme.cap)
      deductions.push({ ruleId: CAP_RULE_ID, label: `扣分封顶 ${scheme.cap} 分`, indicator: last.indicator, value: taken, points: roundPoints(taken - scheme.cap), period: null, measure: 'value' });
    const deductionPoints = Math.min(taken, scheme.cap);
    const earned = roundPoints(items.reduce((sum, item) => sum + item.points, 0));
    return {
      unitKind: input.unitKind,
      unitId: unit.unitId,
      unitName: unit.unitName,
      path: unit.path,
      parentName: unit.parentName,
      score: roundPoints(earned - deductionPoints),
      tooFew: measuredWeight === 0 || tooFewWeight >= TOO_FEW_WEIGHT - 1e-9,
      items,
      deductions,
      itemPoints: earned,
      deductionPoints,
      cap: scheme.cap,
    };
  });
  return rankUnits(scored);
}

/** Ranks 1..n by score (ties share a rank, the next rank skips), ranked units first, then those too few to rank. */
export function rankUnits<T extends { readonly score: number; readonly tooFew: boolean; readonly unitName: string }>(units: readonly T[]): (T & { rank: number | null })[] {
  const byScore = (left: T, right: T) => right.score - left.score || left.unitName.localeCompare(right.unitName, 'zh-CN');
  const ranked = units.filter((unit) => !unit.tooFew).sort(byScore);
  const result: (T & { rank: number | null })[] = [];
  ranked.forEach((unit, index) => {
    const previous = result[index - 1];
    const rank = previous && previous.score === unit.score ? previous.rank : index + 1;
    result.push({ ...unit, rank });
  });
  return [...result, ...units.filter((unit) => unit.tooFew).sort(byScore).map((unit) => ({ ...unit, rank: null }))];
}
