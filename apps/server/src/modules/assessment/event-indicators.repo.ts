// SQL of the events indicators: a few set-wise reads per period and scope (events reported, the
// workflow steps begun, the daily checks, grid workers' sessions, cards), grouped by the code of
// the unit level or by department, and the rows behind one unit's figure.
import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import { countWhen, startsWith, withinScope } from '../../db/sql-helpers.js';
import type { Window } from './indicator-period.js';

const GRID_WORKER_ROLES = ['grid_worker_fulltime', 'grid_worker_parttime'] as const;
const INVALID_STATUSES = ['rejected', 'merged'] as const;

/** The column that groups events by the unit level asked. */
export type EventGroup = 'village_code' | 'township_code' | 'lead_department_id';

/**
 * Events reported in the window, per group: all valid ones (not rejected nor merged) and the closed
 * among them; those reported by grid workers and the valid among them.
 */
export function eventTotals(db: Executor, group: EventGroup, scopePath: string, window: Window, departmentIds?: readonly string[]) {
  let query = db
    .selectFrom('event')
    .select((eb) => [
      sql.ref<string | null>(`event.${group}`).as('group_key'),
      countWhen(eb('event.status', 'not in', INVALID_STATUSES)).as('valid'),
      countWhen(eb('event.status', '=', 'closed')).as('closed'),
      countWhen(eb('event.source', '=', 'grid_worker')).as('worker_reported'),
      countWhen(eb.and([eb('event.source', '=', 'grid_worker'), eb('event.status', 'not in', INVALID_STATUSES)])).as('worker_valid'),
    ])
    .where('event.reported_at', '>=', window.start)
    .where('event.reported_at', '<', window.end);
  query = group === 'lead_department_id' ? query.where('event.lead_department_id', 'in', departmentIds && departmentIds.length > 0 ? [...departmentIds] : ['']) : query.where(withinScope('event', scopePath));
  return query.groupBy(`event.${group}`).execute();
}

/** Which events of a unit a fact list reads: those of the statuses given, or all but those. */
export interface EventStatusFilter {
  readonly op: 'in' | 'not in';
  readonly statuses: readonly ('closed' | 'rejected' | 'merged')[];
}

/** The events behind one unit's closure or valid-report figure (newest first, at most `limit`). */
export function eventsOfUnit(
  db: Executor,
  unit: { readonly path?: string; readonly departmentId?: string; readonly reporterId?: string },
  window: Window,
  filter: { readonly workerReports: boolean; readonly status: EventStatusFilter; readonly exclude?: EventStatusFilter },
  limit: number,
) {
  let query = db
    .selectFrom('event')
    .select(['event.id', 'event.title', 'event.status', 'event.reported_at', 'event.path'])
    .where('event.reported_at', '>=', window.start)
    .where('event.reported_at', '<', window.end)
    .where('event.status', filter.status.op, [...filter.status.statuses]);
  if (filter.exclude) query = query.where('event.status', filter.exclude.op, [...filter.exclude.statuses]);
  if (unit.departmentId !== undefined) query = query.where('event.lead_department_id', '=', unit.departmentId);
  if (unit.reporterId !== undefined) query = query.where('event.reporter_account_id', '=', unit.reporterId);
  if (unit.path !== undefined) query = query.where(withinScope('event', unit.path));
  if (filter.workerReports) query = query.where('event.source', '=', 'grid_worker');
  return query.orderBy('event.reported_at', 'desc').orderBy('event.id', 'desc').limit(limit).execute();
}

/**
 * The workflow rows of every event that began a step in the window (a dispatch starts a sign-for
 * step, a sign-for or a failed verification a handling step), with its category's times and its
 * current step's stored deadline: the steps are rebuilt from them.
 */
export function stepRows(db: Executor, scope: { readonly path?: string }, window: Window) {
  const begun = db
    .selectFrom('event_timeline as begun')
    .select('begun.event_id')
    .where('begun.action', 'in', ['dispatch', 'sign_for', 'verify_fail'])
    .where('begun.at', '>=', window.start)
    .where('begun.at', '<', window.end);
  // The scope filters the event the rows are joined to anyway, not the ids of the subquery.
  let query = db
    .selectFrom('event_timeline as t')
    .innerJoin('event', 'event.id', 't.event_id')
    .innerJoin('event_category as category', 'category.code', 'event.category_code')
    .select([
      't.event_id',
      't.seq',
      't.action',
      't.at',
      sql<string | null>`case when t.action = 'dispatch' then t.details end`.as('details'),
      'event.title',
      'event.township_code',
      'event.step_started_at',
      'event.step_deadline',
      'category.sign_for_hours',
      'category.handle_days',
    ])
    .where('t.action', 'in', ['dispatch', 'return', 'sign_for', 'handle', 'verify_fail'])
    .where('t.event_id', 'in', begun.distinct());
  if (scope.path !== undefined) query = query.where(withinScope('event', scope.path));
  return query.execute();
}

/** The days the daily check has done in [from, to]. */
export async function checkedDays(db: Executor, from: string, to: string): Promise<string[]> {
  const rows = await db.selectFrom('daily_check_run').select('date').where('date', '>=', from).where('date', '<=', to).orderBy('date').execute();
  return rows.map((row) => row.date);
}

/** Per unit of a kind under the path: the checked days of [from, to] it signed in on. */
export function loggedInDays(db: Executor, kind: 'village' | 'township' | 'department', scopePath: string, from: string, to: string) {
  return db
    .selectFrom('daily_unit_check as check')
    .innerJoin('daily_check_run as run', 'run.date', 'check.date')
    .select((eb) => ['check.unit_id', eb.fn.countAll<string | number>().as('days')])
    .where('check.unit_kind', '=', kind)
    .where('check.logged_in', '=', 1)
    .where('check.date', '>=', from)
    .where('check.date', '<=', to)
    .where(startsWith('check.path', scopePath))
    .groupBy('check.unit_id')
    .execute();
}

/** One unit's stored daily results of [from, to]. */
export function dailyResultsOfUnit(db: Executor, kind: 'village' | 'township' | 'department', unitId: string, from: string, to: string) {
  return db
    .selectFrom('daily_unit_check')
    .select(['date', 'logged_in', 'first_sign_in_at', 'accounts'])
    .where('unit_kind', '=', kind)
    .where('unit_id', '=', unitId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
}

/** Grid workers' sessions begun in the window, one row per account and UTC hour (the day is Shanghai's, worked out by the caller). */
export function workerSessionHours(db: Executor, scopePath: string, window: Window, accountId?: string) {
  let query = db
    .selectFrom('session')
    .innerJoin('account', 'account.id', 'session.account_id')
    .select(['session.account_id', sql<string>`substr(session.created_at, 1, 13)`.as('hour')])
    .where('account.role', 'in', [...GRID_WORKER_ROLES])
    .where(startsWith('account.org_path', scopePath))
    .where('session.created_at', '>=', window.start)
    .where('session.created_at', '<', window.end);
  if (accountId) query = query.where('session.account_id', '=', accountId);
  return query.groupBy(['session.account_id', sql`substr(session.created_at, 1, 13)`]).execute();
}

/**
 * The events each account reported in the window, and the valid ones (not rejected nor merged),
 * wherever they lie: the caller keeps its grid workers' (a join to the accounts cost more than
 * reading the month's events).
 */
export function reportsByReporter(db: Executor, window: Window) {
  return db
    .selectFrom('event')
    .select((eb) => ['event.reporter_account_id', eb.fn.countAll<string | number>().as('reported'), countWhen(eb('event.status', 'not in', INVALID_STATUSES)).as('valid')])
    .where('event.reported_at', '>=', window.start)
    .where('event.reported_at', '<', window.end)
    .where('event.reporter_account_id', 'is not', null)
    .groupBy('event.reporter_account_id')
    .execute();
}

/** Event cards of the months per unit path (cards against villages and against departments serving a path) and level. */
export function eventCardsByPath(db: Executor, scopePath: string, months: readonly string[]) {
  return db
    .selectFrom('event_card')
    .select((eb) => ['unit_path', sql<number>`case when department_id is null then 0 else 1 end`.as('of_department'), 'level', eb.fn.countAll<string | number>().as('n')])
    .where('month', 'in', [...months])
    .where(startsWith('unit_path', scopePath))
    .groupBy(['unit_path', sql`case when department_id is null then 0 else 1 end`, 'level'])
    .execute();
}

/** Event cards of the months per department and level. */
export function eventCardsByDepartment(db: Executor, departmentIds: readonly string[], months: readonly string[]) {
  return db
    .selectFrom('event_card')
    .select((eb) => ['department_id', 'level', eb.fn.countAll<string | number>().as('n')])
    .where('month', 'in', [...months])
    .where('department_id', 'in', departmentIds.length > 0 ? [...departmentIds] : [''])
    .groupBy(['department_id', 'level'])
    .execute();
}

/** Visit cards of the months per unit path (a village) and level. */
export function visitCardsByPath(db: Executor, scopePath: string, months: readonly string[]) {
  return db
    .selectFrom('visit_card')
    .select((eb) => ['unit_path', 'level', eb.fn.countAll<string | number>().as('n')])
    .where('month', 'in', [...months])
    .where(startsWith('unit_path', scopePath))
    .groupBy(['unit_path', 'level'])
    .execute();
}

/** One unit's cards of a level in the months: event cards (by department, or by path: a village's exactly, a township's under it) and visit cards. */
export async function cardsOfUnit(
  db: Executor,
  unit: { readonly departmentId?: string; readonly path?: string; readonly exactPath?: boolean },
  level: 'yellow' | 'red',
  months: readonly string[],
  limit: number,
) {
  let events = db
    .selectFrom('event_card')
    .innerJoin('event', 'event.id', 'event_card.event_id')
    .select(['event_card.id', 'event_card.event_id', 'event.title', 'event_card.step', 'event_card.issued_at', 'event_card.deadline'])
    .where('event_card.level', '=', level)
    .where('event_card.month', 'in', [...months]);
  if (unit.departmentId !== undefined) events = events.where('event_card.department_id', '=', unit.departmentId);
  else if (unit.exactPath) events = events.where('event_card.unit_path', '=', unit.path ?? '').where('event_card.department_id', 'is', null);
  else events = events.where(startsWith('event_card.unit_path', unit.path ?? ''));
  const eventCards = await events.orderBy('event_card.issued_at').limit(limit).execute();
  if (unit.departmentId !== undefined) return { eventCards, visitCards: [] };
  let visits = db
    .selectFrom('visit_card')
    .leftJoin('person', 'person.id', 'visit_card.person_id')
    .select(['visit_card.id', 'visit_card.person_id', 'person.name', 'visit_card.due_on', 'visit_card.issued_at'])
    .where('visit_card.level', '=', level)
    .where('visit_card.month', 'in', [...months]);
  visits = unit.exactPath ? visits.where('visit_card.unit_path', '=', unit.path ?? '') : visits.where(startsWith('visit_card.unit_path', unit.path ?? ''));
  const visitCards = await visits.orderBy('visit_card.issued_at').limit(limit).execute();
  return { eventCards, visitCards };
}
