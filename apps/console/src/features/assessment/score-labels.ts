// Words the scores pages share: the unit kinds, how a deduction rule reads, how an item earned its points.
import { INDICATORS, type AssessedUnitKind, type DeductionRule, type IndicatorCode, type Locale } from '@gridwork/core';

export type Translate = (zh: string, en: string) => string;

export const UNIT_KIND_LABELS: Record<AssessedUnitKind, [string, string]> = {
  village: ['村（社区）', 'Villages'],
  township: ['乡镇', 'Townships'],
  department: ['职能部门', 'Departments'],
  grid_worker: ['网格员', 'Grid workers'],
};

export function indicatorName(code: string, locale: Locale): string {
  return code in INDICATORS ? INDICATORS[code as IndicatorCode].name[locale] : code;
}

/** A rule in words: 红牌数 每 1 扣 2 分; 黄牌数 > 3 时扣 1 分（逐月）. */
export function ruleText(rule: DeductionRule, locale: Locale, t: Translate): string {
  const measure = rule.measure === 'shortfall' ? t('缺少件数', 'cases missed') : indicatorName(rule.indicator, locale);
  const subject = rule.measure === 'shortfall' ? `${indicatorName(rule.indicator, locale)} ${measure}` : measure;
  const rate = INDICATORS[rule.indicator]?.kind === 'rate' && rule.measure !== 'shortfall';
  const threshold = rule.when ? `${rule.when.op} ${rate ? `${Math.round(rule.when.value * 1000) / 10}%` : rule.when.value}` : '';
  const each = rule.per !== undefined ? t(`每 ${rule.per} 扣 ${rule.points} 分`, `${rule.points} off per ${rule.per}`) : t(`扣 ${rule.points} 分`, `${rule.points} off`);
  const when = threshold ? t(`${threshold} 时`, ` when ${threshold}`) : '';
  const basis = rule.basis === 'month' ? t('（年度逐月判断）', ' (judged month by month in a year)') : '';
  return locale === 'zh-CN' ? `${subject} ${when}${each}${basis}` : `${subject}${when}: ${each}${basis}`;
}

export function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}
