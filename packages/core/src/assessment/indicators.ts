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
    '按时登录的工作日数 ÷ 每日督查已检查的工作日数（乡镇为其分中心；网格员：有登录的工作日 ÷ 账号在用期间截至今日的工作日，今日及开通、停用当日登录后计入）', 'working days signed in by the cut-off ÷ working days the daily check has checked (a township: its sub-center; a grid worker: working days with a sign-in ÷ working days up to today while the account was open; today and the days it was opened or disabled count once signed in)'),
  sign_for_on_time: d('sign_for_on_time', 'rate', true, ['department', 'township'], '按时签收率', 'On-time sign-for rate',
    '本期派遣中在期限内签收（或退回）的 ÷ 本期派遣数（含逾期未签收；未到期的不计；乡镇为本乡镇事件的全部派遣）', 'dispatches of the period signed for (or returned) within the deadline ÷ dispatches of the period (overdue unsigned ones count, those not yet due do not; a township: every dispatch of its events)'),
  handle_on_time: d('handle_on_time', 'rate', true, ['department', 'township'], '按时办结率', 'On-time handling rate',
    '本期开始的办理（签收或核查不通过后）在期限内办结的 ÷ 本期开始的办理数（含逾期未办；乡镇为本乡镇事件）', 'handlings begun in the period (at sign-for or after a failed verification) done within the deadline ÷ handlings begun in the period (overdue open ones count; a township: its events)'),
  closure_rate: d('closure_rate', 'rate', true, ['village', 'township', 'department'], '结案率', 'Closure rate',
    '本期上报的有效事件中已结案的 ÷ 本期上报的有效事件数（含未结案，不含不予受理和合并的；部门为其牵头的事件）', 'events reported in the period and closed ÷ valid events reported in the period (open ones count; rejected and merged ones do not; a department: the events it leads)'),
  rework_rate: d('rework_rate', 'rate', false, ['department', 'township'], '退回返工率', 'Return and rework rate',
    '本期派遣中被退回或办理后核查不通过的 ÷ 本期派遣数', 'dispatches of the period returned or whose handling failed a verification ÷ dispatches of the period'),
  quota_attainment: d('quota_attainment', 'rate', true, ['village', 'township', 'grid_worker'], '上报任务完成率', 'Report quota attainment',
    '网格员：min(有效上报事件数, 任务数) ÷ 任务数（月度任务：兼职 4 件、专职 20 件；年度为月度任务 × 本年已开始的月数，全年 × 12）；村、乡镇：达标的兼职网格员 ÷ 兼职网格员数', 'a grid worker: min(valid events reported, quota) ÷ quota (monthly: part-time 4, full-time 20; a year: the monthly quota × the months begun, 12 × once over); a village or township: part-time workers meeting it ÷ part-time workers'),
  valid_report_rate: d('valid_report_rate', 'rate', true, ['village', 'township', 'grid_worker'], '有效上报率', 'Valid report rate',
    '网格员上报后未被不予受理或合并为重复的事件 ÷ 网格员上报事件数', 'events reported by grid workers not rejected nor merged as duplicates ÷ events reported by grid workers'),
  visit_compliance: d('visit_compliance', 'rate', true, ['village', 'township', 'grid_worker'], '走访达标率', 'Visit compliance',
    '本期走访中按期完成的应访次数 ÷（本期走访完成的应访次数 + 本期转为逾期且仍未走访的次数）；网格员：本人的走访，逾期未访计入所负责网格的网格员',
    'due visits met on time by visits in the period ÷ (due visits met by visits in the period + schedules that fell overdue in the period and are still unvisited); a grid worker: own visits, and the overdue schedules of the grids answered for'),
  registry_accuracy: d('registry_accuracy', 'rate', true, ['village', 'township'], '信息准确率', 'Registry accuracy',
    '本期复核中无需更正的次数 ÷ 本期复核次数', 'verifications in the period that needed no correction ÷ verifications in the period'),
  registry_completeness: d('registry_completeness', 'rate', true, ['village', 'township'], '信息完整率', 'Registry completeness',
    '期末前登记的在册人员中电话、住址、户籍地、民族齐全且出生日期有效的 ÷ 期末前登记的在册人员（按当前记录）',
    'active people recorded by the end of the period with phone, address, household registration place and ethnicity present and a valid birth date ÷ those people (as recorded now)'),
  training_compliance: d('training_compliance', 'rate', true, ['village', 'township', 'department', 'grid_worker'], '培训达标率', 'Training compliance',
    '截至期末（或今天）达到全部培训要求的人数 ÷ 培训要求适用的人数；网格员个人：计入的培训次数 ÷ 应参加次数',
    'people meeting every training rule by the end of the period (or today) ÷ people the rules apply to; a grid worker: sessions credited ÷ sessions required'),
  info_report_quota: d('info_report_quota', 'rate', true, ['township'], '信息报送完成率', 'Information report quota',
    '本期首次提交的信息（最多计至任务数）÷ 报送任务数（月度任务 × 本期已开始的月数）',
    'reports first submitted in the period (up to the quota) ÷ the quota (monthly quota × months of the period begun)'),
  info_report_adoption: d('info_report_adoption', 'rate', true, ['township'], '信息采用率', 'Information adoption rate',
    '本期首次提交的信息中被采用的 ÷ 本期首次提交的信息', 'reports first submitted in the period and adopted ÷ reports first submitted in the period'),
  yellow_cards: d('yellow_cards', 'count', false, ['village', 'township', 'department'], '黄牌数', 'Yellow cards',
    '本期对本单位发出的黄牌（事件与走访，按发牌月份；乡镇含其下村（社区）和乡镇部门的）', 'yellow cards issued to the unit in the period (events and visits, by the month issued; a township: its villages’ and its departments’ too)'),
  red_cards: d('red_cards', 'count', false, ['village', 'township', 'department'], '红牌数', 'Red cards',
    '本期对本单位发出的红牌（事件与走访，按发牌月份；乡镇含其下村（社区）和乡镇部门的）', 'red cards issued to the unit in the period (events and visits, by the month issued; a township: its villages’ and its departments’ too)'),
  duty_lapses: d('duty_lapses', 'count', false, ['township'], '值班缺岗次数', 'Duty lapses',
    '本期分中心无人值班或未签到的工作日数', 'working days in the period the sub-center had nobody on duty or checked in'),
  survey_awareness: d('survey_awareness', 'rate', true, ['village', 'township'], '知晓率', 'Awareness rate',
    '知晓的受访者 ÷ 受访者（本期内结束的调查）', 'respondents aware ÷ respondents (surveys ending in the period)'),
  survey_satisfaction: d('survey_satisfaction', 'rate', true, ['village', 'township'], '满意率', 'Satisfaction rate',
    '满意的受访者 ÷ 回答满意度的受访者（本期内结束的调查）', 'respondents satisfied ÷ respondents asked about satisfaction (surveys ending in the period)'),
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

/** A figure measured against a target (a quota, the sessions the rules ask) rather than a sample: never too few. */
export function targetFigure(numerator: number, target: number): IndicatorFigure {
  return { value: target > 0 ? numerator / target : null, numerator, denominator: target, tooFew: false };
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
