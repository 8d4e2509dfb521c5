// The event workflow as one table: for every action, the statuses it starts from, the status it
// leads to, who may take it and what it needs. The server checks transitions with it, the apps
// enable buttons with it, and the tests walk it. Scope (which township, which department) is the
// server's; the relation of the caller to the event is decided here from plain facts.
import type { Role } from '../access/roles.js';
import type { Locale } from '../i18n/locale.js';
import { EVENT_STATUS_LABELS, OPEN_EVENT_STATUSES, type EventStatus } from './event-status.js';

export const EVENT_ACTIONS = [
  'accept',
  'reject',
  'merge',
  'resolve_on_spot',
  'dispatch',
  'return',
  'sign_for',
  'handle',
  'verify_pass',
  'verify_fail',
  'escalate',
  'supervise',
] as const;

export type EventAction = (typeof EVENT_ACTIONS)[number];

/** How the caller stands to the event. One caller may stand in several ways at once. */
export type EventRelation =
  /** A township sub-center operator or the county center, within scope. */
  | 'center'
  /** The county center itself (supervision, escalated events). */
  | 'county'
  /** A handler or leader of the event's lead department. */
  | 'lead_department'
  /** A grid worker of the event's village. */
  | 'grid_worker'
  /** The grid worker who reported the event. */
  | 'reporter';

/** What an action must carry. */
export type EventActionNeed = 'note' | 'result' | 'lead_department' | 'duplicate_of' | 'photo_if_grid_worker';

export interface EventTransition {
  readonly from: readonly EventStatus[];
  /** The status after the action; null when the action records without moving the event. */
  readonly to: EventStatus | null;
  readonly by: readonly EventRelation[];
  readonly needs: readonly EventActionNeed[];
}

export const EVENT_TRANSITIONS: Readonly<Record<EventAction, EventTransition>> = {
  accept: { from: ['reported'], to: 'accepted', by: ['center'], needs: [] },
  reject: { from: ['reported'], to: 'rejected', by: ['center'], needs: ['note'] },
  merge: { from: ['reported', 'accepted'], to: 'merged', by: ['center'], needs: ['duplicate_of'] },
  resolve_on_spot: { from: ['reported', 'accepted'], to: 'closed', by: ['center', 'reporter'], needs: ['result', 'photo_if_grid_worker'] },
  dispatch: { from: ['accepted'], to: 'dispatched', by: ['center'], needs: ['lead_department'] },
  return: { from: ['dispatched'], to: 'accepted', by: ['lead_department'], needs: ['note'] },
  sign_for: { from: ['dispatched'], to: 'signed', by: ['lead_department'], needs: [] },
  handle: { from: ['signed'], to: 'handled', by: ['lead_department'], needs: ['result'] },
  verify_pass: { from: ['handled'], to: 'closed', by: ['center', 'grid_worker'], needs: [] },
  verify_fail: { from: ['handled'], to: 'signed', by: ['center', 'grid_worker'], needs: ['note'] },
  escalate: { from: OPEN_EVENT_STATUSES, to: null, by: ['center'], needs: ['note'] },
  supervise: { from: OPEN_EVENT_STATUSES, to: null, by: ['county'], needs: ['note'] },
};

export const EVENT_ACTION_LABELS: Readonly<Record<EventAction | 'report', Record<Locale, string>>> = {
  report: { 'zh-CN': '上报事件', 'en-US': 'Reported' },
  accept: { 'zh-CN': '受理', 'en-US': 'Accept' },
  reject: { 'zh-CN': '不予受理', 'en-US': 'Reject' },
  merge: { 'zh-CN': '合并重复事件', 'en-US': 'Merge as duplicate' },
  resolve_on_spot: { 'zh-CN': '自行处置', 'en-US': 'Resolve on the spot' },
  dispatch: { 'zh-CN': '派遣', 'en-US': 'Dispatch' },
  return: { 'zh-CN': '退回', 'en-US': 'Return' },
  sign_for: { 'zh-CN': '签收', 'en-US': 'Sign for' },
  handle: { 'zh-CN': '办理', 'en-US': 'Handle' },
  verify_pass: { 'zh-CN': '核查通过', 'en-US': 'Verify: pass' },
  verify_fail: { 'zh-CN': '核查不通过', 'en-US': 'Verify: fail' },
  escalate: { 'zh-CN': '上报县中心', 'en-US': 'Report up to the county' },
  supervise: { 'zh-CN': '督办', 'en-US': 'Supervise' },
};

/** The facts that decide how a caller stands to an event (scope already checked by the server). */
export interface EventRelationFacts {
  readonly role: Role;
  readonly accountId: string;
  readonly departmentId: string | null;
  /** The caller's org path; the event's path lies within it (the server checked). */
  readonly callerPath: string;
  readonly event: { readonly reporterAccountId: string | null; readonly leadDepartmentId: string | null; readonly path: string; readonly escalated: boolean };
}

const GRID_WORKERS: readonly Role[] = ['grid_worker_fulltime', 'grid_worker_parttime'];

/** Every way the caller stands to the event. */
export function relationsTo(facts: EventRelationFacts): Set<EventRelation> {
  const relations = new Set<EventRelation>();
  const { role, event } = facts;
  const depth = facts.callerPath.split('/').filter(Boolean).length;
  if (role === 'county_admin') {
    relations.add('county');
    relations.add('center');
  }
  // A township operator is the center for its township's events until the county takes one over.
  if (role === 'center_operator' && depth === 2 && !event.escalated) relations.add('center');
  if ((role === 'dept_handler' || role === 'dept_leader') && facts.departmentId !== null && facts.departmentId === event.leadDepartmentId) {
    relations.add('lead_department');
  }
  if (GRID_WORKERS.includes(role) && event.path.startsWith(facts.callerPath)) {
    relations.add('grid_worker');
    if (event.reporterAccountId === facts.accountId) relations.add('reporter');
  }
  return relations;
}

export type TransitionCheck =
  | { readonly ok: true; readonly to: EventStatus | null }
  | { readonly ok: false; readonly code: 'EVENT_TRANSITION_INVALID' | 'EVENT_ACTION_NOT_YOURS' };

/** Whether the caller may take the action on an event in this status, and where it leads. */
export function checkTransition(action: EventAction, status: EventStatus, relations: ReadonlySet<EventRelation>): TransitionCheck {
  const transition = EVENT_TRANSITIONS[action];
  if (!transition.from.includes(status)) return { ok: false, code: 'EVENT_TRANSITION_INVALID' };
  if (!transition.by.some((relation) => relations.has(relation))) return { ok: false, code: 'EVENT_ACTION_NOT_YOURS' };
  return { ok: true, to: transition.to };
}

/** The actions the caller may take now: what the apps show as buttons. */
export function availableActions(status: EventStatus, relations: ReadonlySet<EventRelation>): EventAction[] {
  return EVENT_ACTIONS.filter((action) => checkTransition(action, status, relations).ok);
}

/** The fields an action may need, named as the reader knows them. */
export const EVENT_FIELD_LABELS: Readonly<Record<string, Record<Locale, string>>> = {
  note: { 'zh-CN': '说明', 'en-US': 'a note' },
  result: { 'zh-CN': '处置结果', 'en-US': 'a result' },
  leadDepartmentId: { 'zh-CN': '牵头部门', 'en-US': 'a lead department' },
  duplicateOfId: { 'zh-CN': '重复的事件', 'en-US': 'the event it duplicates' },
  photoIds: { 'zh-CN': '照片', 'en-US': 'a photo' },
};

/** Message words for an error about an action: its name, the status's name, the field's name. */
export function describeEventError(details: Readonly<Record<string, unknown>>, locale: Locale): Record<string, string> {
  const words: Record<string, string> = {};
  const { action, status, field } = details;
  if (typeof action === 'string' && Object.hasOwn(EVENT_ACTION_LABELS, action)) words['actionName'] = EVENT_ACTION_LABELS[action as EventAction][locale];
  if (typeof status === 'string' && Object.hasOwn(EVENT_STATUS_LABELS, status)) words['statusName'] = EVENT_STATUS_LABELS[status as EventStatus][locale];
  if (typeof field === 'string' && Object.hasOwn(EVENT_FIELD_LABELS, field)) words['field'] = EVENT_FIELD_LABELS[field]?.[locale] ?? field;
  return words;
}
