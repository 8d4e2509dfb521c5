// How the visit pages name things: a plan's subject, a schedule's status and its colour.
import {
  ASSISTANCE_KIND_LABELS,
  PERSON_TAG_LABELS,
  SCHEDULE_STATUS_LABELS,
  SPECIAL_POPULATION_CATEGORY_LABELS,
  type Locale,
  type ScheduleStatus,
  type VisitPlanSubject,
} from '@gridwork/core';

const RISK: Readonly<Record<string, Record<Locale, string>>> = {
  high: { 'zh-CN': '高风险', 'en-US': 'high risk' },
  medium: { 'zh-CN': '中风险', 'en-US': 'medium risk' },
  low: { 'zh-CN': '低风险', 'en-US': 'low risk' },
};

export function subjectLabel(subject: VisitPlanSubject, locale: Locale): string {
  switch (subject.kind) {
    case 'special_population':
      return `${SPECIAL_POPULATION_CATEGORY_LABELS[subject.category][locale]} · ${subject.riskLevel ? RISK[subject.riskLevel]![locale] : locale === 'zh-CN' ? '各风险等级' : 'every level'}`;
    case 'assistance':
      return `${locale === 'zh-CN' ? '帮扶' : 'Assistance'} · ${ASSISTANCE_KIND_LABELS[subject.assistanceKind][locale]}`;
    case 'tag':
      return `${locale === 'zh-CN' ? '标签' : 'Tag'} · ${PERSON_TAG_LABELS[subject.tag][locale]}`;
  }
}

export const STATUS_COLOURS: Readonly<Record<ScheduleStatus, string>> = {
  upcoming: 'default',
  due_week: 'blue',
  overdue: 'orange',
  missed: 'red',
};

export function statusLabel(status: ScheduleStatus, locale: Locale): string {
  return SCHEDULE_STATUS_LABELS[status][locale];
}
