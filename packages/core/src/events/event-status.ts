// Where an event stands in the closed loop of 网格事件流转办理. Open statuses still have an owner
// who must act; terminal ones are done. Open311 sees only open or closed.
import type { Locale } from '../i18n/locale.js';

export const EVENT_STATUSES = [
  'reported',
  'accepted',
  'dispatched',
  'signed',
  'handled',
  'closed',
  'rejected',
  'merged',
] as const;

export type EventStatus = (typeof EVENT_STATUSES)[number];

export const OPEN_EVENT_STATUSES: readonly EventStatus[] = ['reported', 'accepted', 'dispatched', 'signed', 'handled'];

export function isOpenStatus(status: EventStatus): boolean {
  return OPEN_EVENT_STATUSES.includes(status);
}

export const EVENT_STATUS_LABELS: Readonly<Record<EventStatus, Record<Locale, string>>> = {
  reported: { 'zh-CN': '待受理', 'en-US': 'Reported' },
  accepted: { 'zh-CN': '已受理待派遣', 'en-US': 'Accepted' },
  dispatched: { 'zh-CN': '已派遣待签收', 'en-US': 'Dispatched' },
  signed: { 'zh-CN': '已签收办理中', 'en-US': 'Signed for' },
  handled: { 'zh-CN': '已办理待核查', 'en-US': 'Handled' },
  closed: { 'zh-CN': '已结案', 'en-US': 'Closed' },
  rejected: { 'zh-CN': '不予受理', 'en-US': 'Rejected' },
  merged: { 'zh-CN': '已合并', 'en-US': 'Merged into another' },
};

/** GeoReport v2 knows two statuses: everything before 结案 is open. */
export function open311Status(status: EventStatus): 'open' | 'closed' {
  return isOpenStatus(status) ? 'open' : 'closed';
}
