// What the survey pages share: the words for a survey's half-year, status, question kinds and
// answer channels, how a rate is written, and the address a village's QR code holds.
import type { Locale, SurveyChannel, SurveyHalf, SurveyQuestionKind, SurveyStatus } from '@gridwork/core';

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Locale, string>>>>;

export const SURVEY_HALF_LABELS: Labels<SurveyHalf> = {
  H1: { 'zh-CN': '上半年（知晓率）', 'en-US': 'First half (awareness)' },
  H2: { 'zh-CN': '下半年（知晓率、满意率）', 'en-US': 'Second half (awareness, satisfaction)' },
};

export const SURVEY_STATUS_LABELS: Labels<SurveyStatus> = {
  draft: { 'zh-CN': '草稿', 'en-US': 'Draft' },
  open: { 'zh-CN': '进行中', 'en-US': 'Open' },
  closed: { 'zh-CN': '已结束', 'en-US': 'Closed' },
};

export const SURVEY_STATUS_COLORS: Readonly<Record<SurveyStatus, string>> = { draft: 'default', open: 'green', closed: 'blue' };

export const SURVEY_KIND_LABELS: Labels<SurveyQuestionKind> = {
  awareness: { 'zh-CN': '知晓', 'en-US': 'Awareness' },
  satisfaction: { 'zh-CN': '满意', 'en-US': 'Satisfaction' },
  free: { 'zh-CN': '开放题', 'en-US': 'Free text' },
};

export const SURVEY_CHANNEL_LABELS: Labels<SurveyChannel> = {
  phone: { 'zh-CN': '电话访问', 'en-US': 'Phone interview' },
  field: { 'zh-CN': '入户走访', 'en-US': 'Field visit' },
  public: { 'zh-CN': '扫码自填', 'en-US': 'QR form' },
};

/** 82.4% — or a dash when there is no rate yet. */
export function percent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)}%`;
}

/** The public form a village's QR code opens (the field app's light page /m/survey.html, no sign-in). */
export function publicSurveyUrl(code: string): string {
  return `${location.origin}/m/survey.html?c=${encodeURIComponent(code)}`;
}
