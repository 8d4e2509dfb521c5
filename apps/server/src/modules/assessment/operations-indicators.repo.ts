// The queries behind the operations indicators: each one groups a whole period and scope by
// path (or worker, township, survey village) in one pass; the source rolls paths up into units.
// The facts queries list what one unit's figure counted, capped by the caller's limit.
import { addCalendarDays, type Role } from '@gridwork/core';
import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../db/schema.js';
import { countWhen, startsWith, withinScope } from '../../db/sql-helpers.js';
import { accountOpenDuring } from './assessment-units.repo.js';

export interface PeriodWindow {
  /** [fromInstant, toInstant), ISO UTC. */
  readonly fromInstant: string;
  readonly toInstant: string;
}

// Visits (走访): the due visits a visit in the period met (on time or late), and the schedules
// that fell overdue in the period and are still unvisited.

/**
 * Visit targets met by visits made in the period: per visit path (visits under the scope), or per
 * worker (visits by the workers placed under the scope, wherever they went: a worker's figure does
 * not depend on who reads it).
 */
export function visitTargetsBy(db: Executor, by: 'path' | 'worker', scopePath: string, window: PeriodWindow) {
  const base = db
    .selectFrom('visit_target as t')
    .innerJoin('visit as v', 'v.id', 't.visit_id')
    .where('v.visited_at', '>=', window.fromInstant)
    .where('v.visited_at', '<', window.toInstant);
  const counts = [countWhen(sql<SqlBool>`t.on_time = 1`).as('on_time'), countWhen(sql<SqlBool>`t.on_time = 0`).as('late')] as const;
  if (by === 'path') return base.select(['v.path as key', ...counts]).where(withinScope('v', scopePath)).groupBy('v.path').execute();
  return base
    .innerJoin('account as a', 'a.id', 'v.worker_id')
    .select(['v.worker_id as key', ...counts])
    .where(startsWith('a.org_path', scopePath))
    .groupBy('v.worker_id')
    .execute();
}

/**
 * Open schedules whose first overdue day (the day after overdue_after) falls in the period and
 * before today, per schedule path or grid: each counts once, in the period it fell overdue.
 */
export function overdueSchedulesBy(db: Executor, by: 'path' | 'grid', scopePath: string, from: string, to: string, today: string) {
  return db
    .selectFrom('visit_schedule as s')
    .select([by === 'path' ? 's.path as key' : 's.grid_id as key', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('s.ended_at', 'is', null)
    .where(withinScope('s', scopePath))
    .where('s.overdue_after', '>=', addCalendarDays(from, -1))
    .where('s.overdue_after', '<', to)
    .where('s.overdue_after', '<', today)
    .groupBy(by === 'path' ? 's.path' : 's.grid_id')
    .execute();
}

/** The grid worker answerable for each grid: the first assigned, as the visit compliance table does. */
export function workersOfGrids(db: Executor, gridIds: readonly string[]) {
  if (gridIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('grid_worker')
    .innerJoin('account', 'account.id', 'grid_worker.account_id')
    .select(['grid_worker.grid_id', 'account.id'])
    .where('grid_worker.grid_id', 'in', [...gridIds])
    .where('account.disabled_at', 'is', null)
    .orderBy('grid_worker.assigned_at')
    .orderBy('account.id')
    .execute();
}

/** The grids a worker answers for (first assigned among the grid's workers). */
export async function gridsAnsweredBy(db: Executor, workerId: string): Promise<string[]> {
  const mine = await db.selectFrom('grid_worker').select('grid_id').where('account_id', '=', workerId).execute();
  const workers = await workersOfGrids(db, mine.map((row) => row.grid_id));
  const first = new Map<string, string>();
  for (const row of workers) if (!first.has(row.grid_id)) first.set(row.grid_id, row.id);
  return [...first].filter(([, id]) => id === workerId).map(([gridId]) => gridId);
}

export function visitTargetFacts(db: Executor, filter: { scopePath?: string; workerId?: string }, window: PeriodWindow, limit: number) {
  let query = db
    .selectFrom('visit_target as t')
    .innerJoin('visit as v', 'v.id', 't.visit_id')
    .innerJoin('person as p', 'p.id', 'v.person_id')
    .select(['v.id as visit_id', 't.schedule_id', 't.due_on', 't.on_time', 'v.visited_at', 'v.person_id', 'v.path', 'p.name as person_name'])
    .where('v.visited_at', '>=', window.fromInstant)
    .where('v.visited_at', '<', window.toInstant);
  if (filter.scopePath) query = query.where(withinScope('v', filter.scopePath));
  if (filter.workerId) query = query.where('v.worker_id', '=', filter.workerId);
  return query.orderBy('t.on_time', 'desc').orderBy('v.visited_at').orderBy('t.schedule_id').limit(limit).execute();
}

export function overdueScheduleFacts(db: Executor, filter: { scopePath?: string; gridIds?: readonly string[] }, from: string, to: string, today: string, limit: number) {
  let query = db
    .selectFrom('visit_schedule as s')
    .innerJoin('person as p', 'p.id', 's.person_id')
    .select(['s.id', 's.due_on', 's.overdue_after', 's.person_id', 'p.name as person_name'])
    .where('s.ended_at', 'is', null)
    .where('s.overdue_after', '>=', addCalendarDays(from, -1))
    .where('s.overdue_after', '<', to)
    .where('s.overdue_after', '<', today);
  if (filter.scopePath) query = query.where(withinScope('s', filter.scopePath));
  if (filter.gridIds) query = filter.gridIds.length === 0 ? query.where(sql<SqlBool>`1 = 0`) : query.where('s.grid_id', 'in', [...filter.gridIds]);
  return query.orderBy('s.overdue_after').orderBy('s.id').limit(limit).execute();
}

// The registry (信息准确率、完整率).

/** Verifications made in the period, per path: all, and those confirmed without correction. */
export function verificationsByPath(db: Executor, scopePath: string, window: PeriodWindow) {
  return db
    .selectFrom('person_verification')
    .select(['path as key', (eb) => eb.fn.countAll<number | string>().as('total'), countWhen(sql<SqlBool>`outcome = 'confirmed'`).as('confirmed')])
    .where(startsWith('path', scopePath))
    .where('at', '>=', window.fromInstant)
    .where('at', '<', window.toInstant)
    .groupBy('path')
    .execute();
}

export function verificationFacts(db: Executor, scopePath: string, window: PeriodWindow, limit: number) {
  return db
    .selectFrom('person_verification as v')
    .innerJoin('person as p', 'p.id', 'v.person_id')
    .select(['v.id', 'v.person_id', 'p.name as person_name', 'v.outcome', 'v.corrected', 'v.at'])
    .where(startsWith('v.path', scopePath))
    .where('v.at', '>=', window.fromInstant)
    .where('v.at', '<', window.toInstant)
    .orderBy(sql`case when v.outcome = 'confirmed' then 0 else 1 end`)
    .orderBy('v.at')
    .orderBy('v.id')
    .limit(limit)
    .execute();
}

/**
 * A record complete and valid as the data-quality report reads it (issue 5): phone, address,
 * household registration place and ethnicity present, and a birth date between 1900 and today.
 */
const completeAndValid = (today: string) =>
  sql<SqlBool>`phone_index is not null and address is not null and hukou_place is not null and ethnicity is not null and birth_date is not null and birth_date <= ${today} and birth_date >= '1900-01-01'`;

/** Active people recorded before the end of the period, per path: all, and complete and valid. */
export function completenessByPath(db: Executor, scopePath: string, toInstant: string, today: string) {
  return db
    .selectFrom('person')
    .select(['path as key', (eb) => eb.fn.countAll<number | string>().as('total'), countWhen(completeAndValid(today)).as('complete')])
    .where(withinScope('person', scopePath))
    .where('status', '=', 'active')
    .where('created_at', '<', toInstant)
    .groupBy('path')
    .execute();
}

/** The people behind the completeness figure, the incomplete ones first (they explain the gap). */
export function completenessFacts(db: Executor, scopePath: string, toInstant: string, today: string, limit: number) {
  return db
    .selectFrom('person')
    .select(['id', 'name', 'phone_index', 'address', 'hukou_place', 'ethnicity', 'birth_date', 'created_at', sql<number | string>`case when ${completeAndValid(today)} then 1 else 0 end`.as('complete')])
    .where(withinScope('person', scopePath))
    .where('status', '=', 'active')
    .where('created_at', '<', toInstant)
    .orderBy('complete')
    .orderBy('path')
    .orderBy('id')
    .limit(limit)
    .execute();
}

// Training (培训达标率).

/** The people training rules may apply to in the period: accounts of the roles under a path, or of departments. */
export function trainees(db: Executor, roles: readonly Role[], filter: { scopePath: string } | { departmentIds: readonly string[] } | { accountId: string }, window: PeriodWindow) {
  if (roles.length === 0 || ('departmentIds' in filter && filter.departmentIds.length === 0)) return Promise.resolve([]);
  let query = db.selectFrom('account').select(['id', 'display_name', 'role', 'org_path', 'department_id', 'created_at']).where('role', 'in', [...roles]).where(accountOpenDuring('account', window));
  if ('scopePath' in filter) query = query.where(startsWith('org_path', filter.scopePath));
  else if ('departmentIds' in filter) query = query.where('department_id', 'in', [...filter.departmentIds]);
  else query = query.where('id', '=', filter.accountId);
  return query.orderBy('org_path').orderBy('display_name').orderBy('id').execute();
}

/** Sessions attended in [from, to] by the same people (selected by the same filter, not by a list of ids). */
export function attendance(db: Executor, roles: readonly Role[], filter: { scopePath: string } | { departmentIds: readonly string[] } | { accountId: string }, window: PeriodWindow, from: string, to: string) {
  if (roles.length === 0 || ('departmentIds' in filter && filter.departmentIds.length === 0)) return Promise.resolve([]);
  let query = db
    .selectFrom('training_attendance as a')
    .innerJoin('training_session as s', 's.id', 'a.session_id')
    .innerJoin('account as p', 'p.id', 'a.account_id')
    .select(['a.account_id', 's.id as session_id', 's.kind', 's.date', 's.topic'])
    .where('p.role', 'in', [...roles])
    .where(accountOpenDuring('p', window))
    .where('s.date', '>=', from)
    .where('s.date', '<=', to)
    .where('s.status', '!=', 'cancelled');
  if ('scopePath' in filter) query = query.where(startsWith('p.org_path', filter.scopePath));
  else if ('departmentIds' in filter) query = query.where('p.department_id', 'in', [...filter.departmentIds]);
  else query = query.where('p.id', '=', filter.accountId);
  return query.orderBy('s.date').orderBy('s.id').execute();
}

// Information reports (信息报送) of the townships.

/** Reports first submitted in the months (YYYY-MM, inclusive), per township: submitted and adopted. */
export function infoReportsByTownship(db: Executor, scopePath: string, fromMonth: string, toMonth: string) {
  return db
    .selectFrom('info_report')
    .select(['township_id as key', (eb) => eb.fn.countAll<number | string>().as('submitted'), countWhen(sql<SqlBool>`status = 'adopted'`).as('adopted')])
    .where('status', '<>', 'draft')
    .where('first_submitted_month', '>=', fromMonth)
    .where('first_submitted_month', '<=', toMonth)
    .where(startsWith('path', scopePath))
    .groupBy('township_id')
    .execute();
}

/** The reports behind a township's figure: in submission order, or the adopted ones first. */
export function infoReportFacts(db: Executor, townshipId: string, fromMonth: string, toMonth: string, adoptedFirst: boolean, limit: number) {
  let query = db
    .selectFrom('info_report')
    .select(['id', 'title', 'status', 'first_submitted_at', 'adopted_at'])
    .where('township_id', '=', townshipId)
    .where('status', '<>', 'draft')
    .where('first_submitted_month', '>=', fromMonth)
    .where('first_submitted_month', '<=', toMonth);
  if (adoptedFirst) query = query.orderBy(sql`case when status = 'adopted' then 0 else 1 end`);
  return query.orderBy('first_submitted_at').orderBy('id').limit(limit).execute();
}

// Duty (值班缺岗) of the townships' sub-centers.

export function dutyLapsesByUnit(db: Executor, unitIds: readonly string[], from: string, to: string) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('duty_lapse')
    .select(['unit_id as key', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('unit_id', 'in', [...unitIds])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .groupBy('unit_id')
    .execute();
}

export function dutyLapseFacts(db: Executor, unitId: string, from: string, to: string, limit: number) {
  return db
    .selectFrom('duty_lapse')
    .select(['id', 'date', 'reason', 'recorded_at'])
    .where('unit_id', '=', unitId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .limit(limit)
    .execute();
}

// Surveys (知晓率、满意率): answers to surveys that end in the period.

export function surveyAnswersByVillage(db: Executor, scopePath: string, from: string, to: string) {
  return db
    .selectFrom('survey_answer as a')
    .innerJoin('survey as s', 's.id', 'a.survey_id')
    .select([
      'a.village_path as key',
      countWhen(sql<SqlBool>`a.aware is not null`).as('asked_aware'),
      countWhen(sql<SqlBool>`a.aware = 1`).as('aware'),
      countWhen(sql<SqlBool>`a.satisfied is not null`).as('asked_satisfied'),
      countWhen(sql<SqlBool>`a.satisfied = 1`).as('satisfied'),
    ])
    .where('s.status', '<>', 'draft')
    .where('s.ends_on', '>=', from)
    .where('s.ends_on', '<=', to)
    .where(startsWith('a.village_path', scopePath))
    .groupBy('a.village_path')
    .execute();
}

export function surveyAnswerFacts(db: Executor, scopePath: string, from: string, to: string, column: 'aware' | 'satisfied', limit: number) {
  return db
    .selectFrom('survey_answer as a')
    .innerJoin('survey as s', 's.id', 'a.survey_id')
    .select(['a.id', 'a.survey_id', 's.title', 'a.channel', 'a.aware', 'a.satisfied', 'a.created_at', 'a.village_path'])
    .where('s.status', '<>', 'draft')
    .where('s.ends_on', '>=', from)
    .where('s.ends_on', '<=', to)
    .where(startsWith('a.village_path', scopePath))
    .where(`a.${column}`, 'is not', null)
    .orderBy(`a.${column}`, 'desc')
    .orderBy('a.created_at')
    .orderBy('a.id')
    .limit(limit)
    .execute();
}
