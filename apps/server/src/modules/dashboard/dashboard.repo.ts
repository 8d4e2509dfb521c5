// SQL for the command center and the map: grouped counts over the events the caller may see,
// filtered by the indexed unit-code columns (withinScope), so a county answers from its indexes.
// The event queries are returned unexecuted so that their plans can be checked (dashboard.repo.db.test.ts).
import { sql, type Kysely, type Transaction } from 'kysely';
import { OPEN_EVENT_STATUSES } from '@gridwork/core';
import type { Database } from '../../db/schema.js';
import { startsWith, withinScope } from '../../db/sql-helpers.js';
import type { EventVisibility } from '../events/events.repo.js';

type Executor = Kysely<Database> | Transaction<Database>;

const OPEN = [...OPEN_EVENT_STATUSES];

/** The events a caller may see: as the events list reads them (their subtree, or what their department leads or assists). */
function visibleEvents(db: Executor, visibility: EventVisibility) {
  const query = db.selectFrom('event');
  if (visibility.kind === 'path') return query.where(withinScope('event', visibility.path));
  const { departmentId } = visibility;
  return query.where((eb) =>
    eb.or([
      eb('event.lead_department_id', '=', departmentId),
      eb.exists(eb.selectFrom('event_assist').select('event_assist.event_id').whereRef('event_assist.event_id', '=', 'event.id').where('event_assist.department_id', '=', departmentId)),
    ]),
  );
}

/** Events reported in [from, before). */
export function countReportedQuery(db: Executor, visibility: EventVisibility, from: string, before: string) {
  return visibleEvents(db, visibility).select((eb) => eb.fn.countAll<number>().as('n')).where('event.reported_at', '>=', from).where('event.reported_at', '<', before);
}

/**
 * Open events counted by everything the command center slices them by: village (its codes),
 * category, lead department and status, with how many are past their step's deadline. The
 * groups are at most the open events, so the service adds them up for each chart.
 */
export function openEventGroupsQuery(db: Executor, visibility: EventVisibility, now: string) {
  return visibleEvents(db, visibility)
    .select((eb) => [
      'event.county_code',
      'event.township_code',
      'event.village_code',
      'event.category_code',
      'event.lead_department_id',
      'event.status',
      eb.fn.countAll<number>().as('open'),
      eb.fn.countAll<number>().filterWhere('event.step_deadline', '<', now).as('overdue'),
    ])
    .where('event.status', 'in', OPEN)
    .groupBy(['event.county_code', 'event.township_code', 'event.village_code', 'event.category_code', 'event.lead_department_id', 'event.status']);
}

/**
 * The Shanghai month of an ISO UTC instant, as a CASE over the months' UTC starts (a Shanghai
 * month starts at 16:00 UTC on the day before its first): the same text on both databases,
 * where date functions differ.
 */
function shanghaiMonthOf(column: 'event.reported_at' | 'event.closed_at', months: readonly { month: string; start: string }[]) {
  const branches = [...months].reverse().map(({ month, start }) => sql`when ${sql.ref(column)} >= ${start} then ${month}`);
  return sql<string>`case ${sql.join(branches, sql` `)} end`;
}

/** Events reported (or closed) in each of the given Shanghai months, [first start, end). */
export function countByMonthQuery(db: Executor, visibility: EventVisibility, column: 'reported_at' | 'closed_at', months: readonly { month: string; start: string }[], end: string) {
  const first = months[0]?.start ?? end;
  const qualified = column === 'reported_at' ? 'event.reported_at' : 'event.closed_at';
  let dated = visibleEvents(db, visibility).select(shanghaiMonthOf(qualified, months).as('month')).where(qualified, '>=', first).where(qualified, '<', end);
  if (column === 'closed_at') dated = dated.where('event.status', '=', 'closed');
  return db
    .selectFrom(dated.as('dated'))
    .select((eb) => ['dated.month', eb.fn.countAll<number>().as('n')])
    .groupBy('dated.month');
}

export function unitsByPaths(db: Executor, paths: readonly string[]) {
  if (paths.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_unit').select(['id', 'name', 'path']).where('path', 'in', [...paths]).execute();
}

export function departmentNames(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('department').select(['id', 'name']).where('id', 'in', [...ids]).execute();
}

export function categoryNames(db: Executor) {
  return db.selectFrom('event_category').select(['code', 'name_zh', 'name_en', 'sort_order']).execute();
}

// The map

/** Live grids with a boundary within a scope, with their village. */
export function gridsWithBoundary(db: Executor, scopePath: string) {
  return db
    .selectFrom('org_unit as grid')
    .leftJoin('org_unit as village', 'village.id', 'grid.parent_id')
    .select(['grid.id', 'grid.name', 'grid.path', 'grid.boundary', 'village.id as village_id', 'village.name as village_name'])
    .where('grid.kind', '=', 'grid')
    .where('grid.retired_at', 'is', null)
    .where('grid.boundary', 'is not', null)
    .where(startsWith('grid.path', scopePath))
    .orderBy('grid.path')
    .execute();
}

/** Open events per grid, and how many of them are overdue. */
export function openEventsPerGridQuery(db: Executor, visibility: EventVisibility, now: string) {
  return visibleEvents(db, visibility)
    .select((eb) => ['event.grid_id', eb.fn.countAll<number>().as('open'), eb.fn.countAll<number>().filterWhere('event.step_deadline', '<', now).as('overdue')])
    .where('event.status', 'in', OPEN)
    .where('event.grid_id', 'is not', null)
    .groupBy('event.grid_id');
}

/** Open events with a point, newest first. */
export function openEventsWithPointQuery(db: Executor, visibility: EventVisibility, limit: number) {
  return visibleEvents(db, visibility)
    .select(['event.id', 'event.title', 'event.status', 'event.category_code', 'event.lon', 'event.lat', 'event.step_deadline'])
    .where('event.status', 'in', OPEN)
    .where('event.lon', 'is not', null)
    .where('event.lat', 'is not', null)
    .orderBy('event.id', 'desc')
    .limit(limit);
}
