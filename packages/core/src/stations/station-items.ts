// Sub-center and village station standards (阵地建设): the five things an inspection looks at,
// how each was found, and when a station's last inspection is too old to trust.
import type { Locale } from '../i18n/locale.js';

export const STATION_ITEMS = ['site', 'signage', 'equipment', 'staff', 'rules'] as const;
export type StationItem = (typeof STATION_ITEMS)[number];

export const STATION_ITEM_LABELS: Readonly<Record<StationItem, Record<Locale, string>>> = {
  site: { 'zh-CN': '场地', 'en-US': 'Site' },
  signage: { 'zh-CN': '标识', 'en-US': 'Signage' },
  equipment: { 'zh-CN': '设备', 'en-US': 'Equipment' },
  staff: { 'zh-CN': '人员', 'en-US': 'Staff' },
  rules: { 'zh-CN': '制度', 'en-US': 'Rules' },
};

export const STATION_ITEM_STATES = ['met', 'partly', 'not_met'] as const;
export type StationItemState = (typeof STATION_ITEM_STATES)[number];

export const STATION_ITEM_STATE_LABELS: Readonly<Record<StationItemState, Record<Locale, string>>> = {
  met: { 'zh-CN': '达标', 'en-US': 'Met' },
  partly: { 'zh-CN': '部分达标', 'en-US': 'Partly met' },
  not_met: { 'zh-CN': '未达标', 'en-US': 'Not met' },
};

/** The county's default: a station not inspected for this many days is overdue for a check. */
export const DEFAULT_STATION_STALE_DAYS = 180;
export const STATION_STALE_DAYS_MAX = 1095;

/** Whether the last check (a Shanghai date) is older than `staleDays` before today. */
export function isInspectionStale(checkedOn: string, today: string, staleDays: number): boolean {
  const age = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${checkedOn}T00:00:00Z`)) / 86_400_000;
  return age > staleDays;
}
