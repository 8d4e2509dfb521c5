// How the daily check's verdicts look: red for a unit that has not signed in, orange for events
// left waiting, green when all is well. Solid tags (white text) in dark shades: antd's light preset
// orange and green tags fall short of the 4.5:1 text contrast (WCAG AA) the accessibility check asks.
import { DAILY_CHECK_STATUS_LABELS, DAILY_UNIT_KIND_LABELS, type DailyCheckStatus, type DailyUnitKind, type Locale } from '@gridwork/core';

export const STATUS_COLORS: Readonly<Record<DailyCheckStatus, string>> = {
  both: '#a8071a',
  not_logged_in: '#cf1322',
  unsigned: '#ad4e00',
  ok: '#237804',
};

export function statusLabel(status: DailyCheckStatus, locale: Locale): string {
  return DAILY_CHECK_STATUS_LABELS[status][locale];
}

export function kindLabel(kind: DailyUnitKind, locale: Locale): string {
  return DAILY_UNIT_KIND_LABELS[kind][locale];
}

/** HH:mm in Shanghai, or a dash. */
export function shanghaiTime(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
}
