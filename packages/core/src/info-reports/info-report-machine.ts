// Information reports (信息报送): a township writes one and submits it to the county; the county
// adopts it at a level (and may raise that level later) or returns it with a note; the author
// unit may withdraw a submitted one back to draft. One table of rules drives the server's checks,
// the buttons the console enables and the tests.
import type { ErrorCode } from '../errors/error-catalogue.js';
import type { Locale } from '../i18n/locale.js';
import { shanghaiDate } from '../time/shanghai-day.js';

export const INFO_REPORT_STATUSES = ['draft', 'submitted', 'adopted', 'returned'] as const;
export type InfoReportStatus = (typeof INFO_REPORT_STATUSES)[number];

export const INFO_REPORT_CATEGORIES = ['work_update', 'experience', 'public_opinion', 'other'] as const;
export type InfoReportCategory = (typeof INFO_REPORT_CATEGORIES)[number];

/** Adoption levels, lowest first: a report keeps the highest level it reached. */
export const INFO_REPORT_LEVELS = ['county', 'city', 'province'] as const;
export type InfoReportLevel = (typeof INFO_REPORT_LEVELS)[number];

export const INFO_REPORT_ACTIONS = ['submit', 'withdraw', 'adopt', 'return'] as const;
export type InfoReportAction = (typeof INFO_REPORT_ACTIONS)[number];

/** Who may take an action: the township that wrote the report, or the county that reviews it. */
export const INFO_REPORT_ACTION_ACTOR: Readonly<Record<InfoReportAction, 'author' | 'reviewer'>> = {
  submit: 'author',
  withdraw: 'author',
  adopt: 'reviewer',
  return: 'reviewer',
};

export const INFO_REPORT_BODY_MAX = 20_000;
export const INFO_REPORT_TITLE_MAX = 200;
export const INFO_REPORT_NOTE_MAX = 500;
export const INFO_REPORT_PHOTOS_MAX = 9;
export const INFO_REPORT_ATTACHMENTS_MAX = 10;
export const INFO_REPORT_QUOTA_DEFAULT = 1;
export const INFO_REPORT_QUOTA_MAX = 31;

export const INFO_REPORT_STATUS_LABELS: Readonly<Record<InfoReportStatus, Record<Locale, string>>> = {
  draft: { 'zh-CN': '草稿', 'en-US': 'Draft' },
  submitted: { 'zh-CN': '已提交待审', 'en-US': 'Submitted' },
  adopted: { 'zh-CN': '已采用', 'en-US': 'Adopted' },
  returned: { 'zh-CN': '已退回', 'en-US': 'Returned' },
};

export const INFO_REPORT_CATEGORY_LABELS: Readonly<Record<InfoReportCategory, Record<Locale, string>>> = {
  work_update: { 'zh-CN': '工作动态', 'en-US': 'Work update' },
  experience: { 'zh-CN': '经验做法', 'en-US': 'Good practice' },
  public_opinion: { 'zh-CN': '社情民意', 'en-US': 'Public opinion' },
  other: { 'zh-CN': '其他', 'en-US': 'Other' },
};

export const INFO_REPORT_LEVEL_LABELS: Readonly<Record<InfoReportLevel, Record<Locale, string>>> = {
  county: { 'zh-CN': '县级采用', 'en-US': 'County' },
  city: { 'zh-CN': '市级采用', 'en-US': 'City' },
  province: { 'zh-CN': '省级采用', 'en-US': 'Province' },
};

export const INFO_REPORT_ACTION_LABELS: Readonly<Record<InfoReportAction | 'create' | 'update', Record<Locale, string>>> = {
  create: { 'zh-CN': '起草', 'en-US': 'Drafted' },
  update: { 'zh-CN': '修改', 'en-US': 'Edited' },
  submit: { 'zh-CN': '提交', 'en-US': 'Submitted' },
  withdraw: { 'zh-CN': '撤回', 'en-US': 'Withdrawn' },
  adopt: { 'zh-CN': '采用', 'en-US': 'Adopted' },
  return: { 'zh-CN': '退回', 'en-US': 'Returned' },
};

export function levelRank(level: InfoReportLevel | null): number {
  return level === null ? -1 : INFO_REPORT_LEVELS.indexOf(level);
}

/** The editable statuses: a draft, or a returned report being revised. */
export function isInfoReportEditable(status: InfoReportStatus): boolean {
  return status === 'draft' || status === 'returned';
}

export interface InfoReportState {
  readonly status: InfoReportStatus;
  readonly level: InfoReportLevel | null;
}

export type InfoReportTransition =
  | { readonly ok: true; readonly status: InfoReportStatus; readonly level: InfoReportLevel | null }
  | { readonly ok: false; readonly code: ErrorCode };

/** Where an action takes a report, or why it cannot. */
export function transitionInfoReport(state: InfoReportState, action: InfoReportAction, level?: InfoReportLevel): InfoReportTransition {
  switch (action) {
    case 'submit':
      return isInfoReportEditable(state.status) ? { ok: true, status: 'submitted', level: null } : { ok: false, code: 'INFO_REPORT_NOT_SUBMITTABLE' };
    case 'withdraw':
      return state.status === 'submitted' ? { ok: true, status: 'draft', level: null } : { ok: false, code: 'INFO_REPORT_NOT_PENDING' };
    case 'return':
      return state.status === 'submitted' ? { ok: true, status: 'returned', level: null } : { ok: false, code: 'INFO_REPORT_NOT_PENDING' };
    case 'adopt': {
      if (!level) return { ok: false, code: 'INFO_REPORT_NOT_ADOPTABLE' };
      if (state.status === 'submitted') return { ok: true, status: 'adopted', level };
      if (state.status === 'adopted' && levelRank(level) > levelRank(state.level)) return { ok: true, status: 'adopted', level };
      return { ok: false, code: 'INFO_REPORT_NOT_ADOPTABLE' };
    }
    default:
      return assertNever(action);
  }
}

/** The actions open to a report for the author (the township) or the reviewer (the county). */
export function infoReportActions(state: InfoReportState, actor: 'author' | 'reviewer'): InfoReportAction[] {
  return INFO_REPORT_ACTIONS.filter((action) => {
    if (INFO_REPORT_ACTION_ACTOR[action] !== actor) return false;
    if (action === 'adopt') return state.status === 'submitted' || (state.status === 'adopted' && state.level !== 'province');
    return transitionInfoReport(state, action).ok;
  });
}

function assertNever(value: never): never {
  throw new Error(`unexpected action: ${String(value)}`);
}

/** The Shanghai month (YYYY-MM) of an instant. */
export function shanghaiMonth(ms: number): string {
  return shanghaiDate(ms).slice(0, 7);
}

export interface QuotaFigures {
  readonly submitted: number;
  readonly adopted: number;
  readonly quota: number;
  readonly met: boolean;
  /** Adopted of submitted, in whole percent; null when nothing was submitted. */
  readonly adoptionRate: number | null;
}

/** A township's month: the reports first submitted that month against the quota, and how many were adopted. */
export function quotaFigures(submitted: number, adopted: number, quota: number): QuotaFigures {
  return {
    submitted,
    adopted,
    quota,
    met: submitted >= quota,
    adoptionRate: submitted === 0 ? null : Math.round((adopted / submitted) * 100),
  };
}
