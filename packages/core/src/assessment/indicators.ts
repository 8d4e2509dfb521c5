// The assessment's indicators (考核指标): what each measures, its formula as shown to the reader,
// the units it is computed for, and which way is better. The platform computes every one of them
// from its own records per month and per year; a rate over fewer cases than the county's minimum
// is "too few to rank" (样本不足), so that one quick case cannot top a ranking.
import type { Locale } from '../i18n/locale.js';

/** The units assessed: villages (村/社区), townships (乡镇, with their sub-center), departments and grid workers. */
export const ASSESSED_UNIT_KINDS = ['village', 'township', 'department', 'grid_worker'] as const;
export type AssessedUnitKind = (typeof ASSESSED_UNIT_KINDS)[number];

export const INDICATOR_CODES = [
  'login_rate',
  'sign_for_on_time',
  'handle_on_time',
  'closure_rate',
  'rework_rate',
  'quota_attainment',
  'valid_report_rate',
  'visit_compliance',
  'registry_accuracy',
  'registry_completeness',
  'training_compliance',
  'info_report_quota',
  'info_report_adoption',
  'yellow_cards',
  'red_cards',
  'duty_lapses',
  'survey_awareness',
  'survey_satisfaction',
] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

export interface IndicatorDefinition {
  readonly code: IndicatorCode;
  /** rate: numerator / denominator in [0, 1]; count: the numerator alone. */
  readonly kind: 'rate' | 'count';
  /** Whether a higher value is better (a rework rate or a card count is better lower). */
  readonly higherIsBetter: boolean;
  readonly unitKinds: readonly AssessedUnitKind[];
  readonly name: Readonly<Record<Locale, string>>;
  /** The formula as the reader sees it beside the figure. */
  readonly formula: Readonly<Record<Locale, string>>;
}

const d = (
  code: IndicatorCode,
  kind: 'rate' | 'count',
  higherIsBetter: boolean,
  unitKinds: readonly AssessedUnitKind[],
  zh: string,
  en: string,
  formulaZh: string,
  formulaEn: string,
): IndicatorDefinition => ({ code, kind, higherIsBetter, unitKinds, name: { 'zh-CN': zh, 'en-US': en }, formula: { 'zh-CN': formulaZh, 'en-US': formulaEn } });

export const INDICATORS: Readonly<Record<IndicatorCode, IndicatorDefinition>> = {
  login_rate: d('login_rate', 'rate', true, ['village', 'township', 'department', 'grid_worker'], '登录率', 'Login rate',
    '按时登录的工作日数 ÷ 应登录的工作日数（每日督查）', 'working days signed in by the cut-off ÷ working days checked (daily check)'),
  sign_for_on_time: d('sign_for_on_time', 'rate', true, ['department', 'township'], '按时签收率', 'On-time sign-for rate',
    '期限内签收的派遣 ÷（本期派遣数，含逾期未签收）', 'dispatches signed for within the deadline ÷ dispatches in the period (overdue unsigned ones count)'),
  handle_on_time: d('handle_on_time', 'rate', true, ['department', 'township'], '按时办结率', 'On-time handling rate',
    '期限内办理完毕的事件 ÷（本期应办理事件，含逾期未办）', 'handlings done within the deadline ÷ handlings due in the period (overdue open ones count)'),
  closure_rate: d('closure_rate', 'rate', true, ['village', 'township', 'department'], '结案率', 'Closure rate',
    '本期受理事件中已结案的 ÷ 本期受理事件数（含未结案）', 'events accepted in the period and closed ÷ events accepted in the period (open ones count)'),
  rework_rate: d('rework_rate', 'rate', false, ['department', 'township'], '退回返工率', 'Return and rework rate',
    '（退回次数 + 核查不通过次数）÷ 本期派遣数', '(returns + failed verifications) ÷ dispatches in the period'),
  quota_attainment: d('quota_attainment', 'rate', true, ['village', 'township', 'grid_worker'], '上报任务完成率', 'Report quota attainment',
    '有效上报事件数 ÷ 月度任务数（兼职网格员每月 4 件；村为达标人数 ÷ 兼职网格员数）', 'valid events reported ÷ monthly quota (part-time worker: 4 a month; a village: workers meeting it ÷ part-time workers)'),
  valid_report_rate: d('valid_report_rate', 'rate', true, ['village', 'township', 'grid_worker'], '有效上报率', 'Valid report rate',
    '上报后未被认定无效或重复的事件 ÷ 上报事件数', 'reported events not rejected as invalid or duplicate ÷ events reported'),
  visit_compliance: d('visit_compliance', 'rate', true, ['village', 'township', 'grid_worker'], '走访达标率', 'Visit compliance',
    '按期完成的走访 ÷ 本期应走访次数（含逾期未走访）', 'visits made on time ÷ visits due in the period (overdue ones count)'),
  registry_accuracy: d('registry_accuracy', 'rate', true, ['village', 'township'], '信息准确率', 'Registry accuracy',
    '复核无需更正的次数 ÷ 复核次数', 'verifications that needed no correction ÷ verifications'),
  registry_completeness: d('registry_completeness', 'rate', true, ['village', 'township'], '信息完整率', 'Registry completeness',
    '必填项齐全且有效的人员记录 ÷ 人员记录数', 'person records with every required field present and valid ÷ person records'),
  training_compliance: d('training_compliance', 'rate', true, ['village', 'township', 'department', 'grid_worker'], '培训达标率', 'Training compliance',
    '培训达标人数 ÷ 应参训人数', 'people meeting the training rules ÷ people the rules apply to'),
  info_report_quota: d('info_report_quota', 'rate', true, ['township'], '信息报送完成率', 'Information report quota',
    '本期首次提交的信息 ÷ 报送任务数（最高 100%）', 'reports first submitted in the period ÷ the quota (at most 100%)'),
  info_report_adoption: d('info_report_adoption', 'rate', true, ['township'], '信息采用率', 'Information adoption rate',
    '被采用的信息 ÷ 提交的信息', 'reports adopted ÷ reports submitted'),
  yellow_cards: d('yellow_cards', 'count', false, ['village', 'township', 'department'], '黄牌数', 'Yellow cards',
    '本期对本单位发出的黄牌（事件与走访）', 'yellow cards issued to the unit in the period (events and visits)'),
  red_cards: d('red_cards', 'count', false, ['village', 'township', 'department'], '红牌数', 'Red cards',
    '本期对本单位发出的红牌（事件与走访）', 'red cards issued to the unit in the period (events and visits)'),
  duty_lapses: d('duty_lapses', 'count', false, ['township'], '值班缺岗次数', 'Duty lapses',
    '本期分中心无人值班或未签到的工作日数', 'working days in the period the sub-center had nobody on duty or checked in'),
  survey_awareness: d('survey_awareness', 'rate', true, ['village', 'township'], '知晓率', 'Awareness rate',
    '知晓的受访者 ÷ 受访者（本期内结束的调查）', 'respondents aware ÷ respondents (surveys ending in the period)'),
  survey_satisfaction: d('survey_satisfaction', 'rate', true, ['village', 'township'], '满意率', 'Satisfaction rate',
    '满意的受访者 ÷ 回答满意度的受访者', 'respondents satisfied ÷ respondents asked about satisfaction'),
};

export function indicatorsFor(unitKind: AssessedUnitKind): IndicatorCode[] {
  return INDICATOR_CODES.filter((code) => INDICATORS[code].unitKinds.includes(unitKind));
}

/** The default minimum number of cases for a rate to rank (the county may set another). */
export const INDICATOR_MIN_CASES_DEFAULT = 5;

/** A figure of one unit: numerator over denominator (a count has no denominator). */
export interface IndicatorFigure {
  /** The rate in [0, 1], or the count; null when the denominator is 0. */
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number | null;
  /** A rate over fewer cases than the minimum: shown, not ranked. */
  readonly tooFew: boolean;
}

export function rateFigure(numerator: number, denominator: number, minCases: number): IndicatorFigure {
  return { value: denominator > 0 ? numerator / denominator : null, numerator, denominator, tooFew: denominator < minCases };
}

export function countFigure(count: number): IndicatorFigure {
  return { value: count, numerator: count, denominator: null, tooFew: false };
}

/** An assessment period: a month (2026-11) or a year (2026). */
export const PERIOD_PATTERN = '^[0-9]{4}(-(0[1-9]|1[0-2]))?$';

export function isYearPeriod(period: string): boolean {
  return /^[0-9]{4}$/.test(period);
}

/** The Shanghai calendar dates the period covers, first and last. */
export function periodDates(period: string): { from: string; to: string } {
  if (isYearPeriod(period)) return { from: `${period}-01-01`, to: `${period}-12-31` };
  const [year, month] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${period}-01`, to: `${period}-${String(last).padStart(2, '0')}` };
}
