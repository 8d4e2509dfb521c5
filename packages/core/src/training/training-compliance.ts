// The plan's training regime as rules (grid workers: at least 2 ethics trainings a year and one
// skills training a quarter; department staff: one department training a year), configurable by
// the county, and what a person attended against them, period by period.
import type { Role } from '../access/roles.js';
import type { Locale } from '../i18n/locale.js';
import { TRAINING_KINDS, type TrainingKind } from './training-kinds.js';

export const TRAINING_RULE_AUDIENCES = ['grid_worker', 'department_staff'] as const;
export type TrainingRuleAudience = (typeof TRAINING_RULE_AUDIENCES)[number];

export const TRAINING_RULE_AUDIENCE_LABELS: Readonly<Record<TrainingRuleAudience, Readonly<Record<Locale, string>>>> = {
  grid_worker: { 'zh-CN': '网格员', 'en-US': 'Grid workers' },
  department_staff: { 'zh-CN': '部门领导和经办人员', 'en-US': 'Department leaders and handlers' },
};

export const TRAINING_PERIODS = ['year', 'quarter'] as const;
export type TrainingPeriodUnit = (typeof TRAINING_PERIODS)[number];

export const TRAINING_PERIOD_LABELS: Readonly<Record<TrainingPeriodUnit, Readonly<Record<Locale, string>>>> = {
  year: { 'zh-CN': '每年', 'en-US': 'a year' },
  quarter: { 'zh-CN': '每季度', 'en-US': 'a quarter' },
};

export interface TrainingRule {
  readonly kind: TrainingKind;
  readonly audience: TrainingRuleAudience;
  /** At least this many sessions of the kind in each period. */
  readonly minimum: number;
  readonly per: TrainingPeriodUnit;
}

export const TRAINING_RULE_MINIMUM_MAX = 52;
export const TRAINING_RULES_MAX = 20;

export const DEFAULT_TRAINING_RULES: readonly TrainingRule[] = [
  { kind: 'ethics', audience: 'grid_worker', minimum: 2, per: 'year' },
  { kind: 'skills', audience: 'grid_worker', minimum: 1, per: 'quarter' },
  { kind: 'department', audience: 'department_staff', minimum: 1, per: 'year' },
];

export function ruleAudienceOf(role: Role): TrainingRuleAudience | null {
  if (role === 'grid_worker_fulltime' || role === 'grid_worker_parttime') return 'grid_worker';
  if (role === 'dept_handler' || role === 'dept_leader') return 'department_staff';
  return null;
}

/** The roles a rule audience covers. */
export function rolesOfRuleAudience(audience: TrainingRuleAudience): readonly Role[] {
  return audience === 'grid_worker' ? ['grid_worker_fulltime', 'grid_worker_parttime'] : ['dept_handler', 'dept_leader'];
}

/** The first problem of a rule set, as the field it is in (e.g. `rules[1].minimum`), or null. */
export function trainingRulesProblem(rules: readonly TrainingRule[]): string | null {
  if (rules.length > TRAINING_RULES_MAX) return 'rules';
  const seen = new Set<string>();
  for (const [index, rule] of rules.entries()) {
    if (!(TRAINING_KINDS as readonly string[]).includes(rule.kind)) return `rules[${index}].kind`;
    if (!(TRAINING_RULE_AUDIENCES as readonly string[]).includes(rule.audience)) return `rules[${index}].audience`;
    if (!(TRAINING_PERIODS as readonly string[]).includes(rule.per)) return `rules[${index}].per`;
    const most = rule.per === 'quarter' ? Math.ceil(TRAINING_RULE_MINIMUM_MAX / 4) : TRAINING_RULE_MINIMUM_MAX;
    if (!Number.isInteger(rule.minimum) || rule.minimum < 1 || rule.minimum > most) return `rules[${index}].minimum`;
    // Two rules for the same kind, audience and period would contradict each other.
    const key = `${rule.kind}/${rule.audience}/${rule.per}`;
    if (seen.has(key)) return `rules[${index}]`;
    seen.add(key);
  }
  return null;
}

export interface TrainingPeriod {
  /** `2026` or `2026-Q3`. */
  readonly key: string;
  /** First and last day, Shanghai calendar dates. */
  readonly from: string;
  readonly to: string;
}

/** The periods of a year that have begun by `today` (all of them for a past year, none for a future one). */
export function periodsOfYear(per: TrainingPeriodUnit, year: number, today: string): TrainingPeriod[] {
  const all: TrainingPeriod[] =
    per === 'year'
      ? [{ key: String(year), from: `${year}-01-01`, to: `${year}-12-31` }]
      : [1, 2, 3, 4].map((quarter) => {
          const first = (quarter - 1) * 3 + 1;
          const last = first + 2;
          const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
          return {
            key: `${year}-Q${quarter}`,
            from: `${year}-${String(first).padStart(2, '0')}-01`,
            to: `${year}-${String(last).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`,
          };
        });
  return all.filter((period) => period.from <= today);
}

export interface AttendedTraining {
  readonly kind: TrainingKind;
  /** The session's date (Shanghai). */
  readonly date: string;
}

export interface PeriodCompliance extends TrainingPeriod {
  readonly required: number;
  readonly attended: number;
  readonly shortBy: number;
  /** Whether the period is over: a shortfall in an open period can still be made up. */
  readonly ended: boolean;
}

export interface RuleCompliance {
  readonly kind: TrainingKind;
  readonly audience: TrainingRuleAudience;
  readonly per: TrainingPeriodUnit;
  readonly minimum: number;
  /** The minimum times the periods begun so far. */
  readonly required: number;
  /** Sessions that count: at most the minimum in each period (extra ones do not carry over). */
  readonly attended: number;
  readonly shortBy: number;
  readonly periods: PeriodCompliance[];
}

/**
 * One rule for one person over a year, as of `today`. `since` is the Shanghai date the person's
 * account was created: a period that ended before it asks nothing of them (someone who joined in
 * August is not short of the first two quarters).
 */
export function ruleCompliance(
  rule: TrainingRule,
  year: number,
  today: string,
  attended: readonly AttendedTraining[],
  since?: string,
): RuleCompliance {
  const periods = periodsOfYear(rule.per, year, today).filter((period) => !since || period.to >= since).map((period): PeriodCompliance => {
    const count = attended.filter(
      (training) => training.kind === rule.kind && training.date >= period.from && training.date <= period.to,
    ).length;
    const credited = Math.min(count, rule.minimum);
    return { ...period, required: rule.minimum, attended: count, shortBy: rule.minimum - credited, ended: period.to < today };
  });
  const required = periods.reduce((sum, period) => sum + period.required, 0);
  const shortBy = periods.reduce((sum, period) => sum + period.shortBy, 0);
  return { kind: rule.kind, audience: rule.audience, per: rule.per, minimum: rule.minimum, required, attended: required - shortBy, shortBy, periods };
}

/** Every rule that applies to a role, for one person over a year, as of `today` (see ruleCompliance for `since`). */
export function trainingCompliance(
  rules: readonly TrainingRule[],
  role: Role,
  year: number,
  today: string,
  attended: readonly AttendedTraining[],
  since?: string,
): RuleCompliance[] {
  const audience = ruleAudienceOf(role);
  if (!audience) return [];
  return rules.filter((rule) => rule.audience === audience).map((rule) => ruleCompliance(rule, year, today, attended, since));
}
