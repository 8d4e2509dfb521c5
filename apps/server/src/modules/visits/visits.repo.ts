// SQL for follow-up plans, schedules, visits, their review, compliance and cards. Every read of
// schedules and visits takes the caller's scope (the person's place), as every other registry read.
import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import type {
  FollowUpPlanTable,
  VisitCardTable,
  VisitScheduleTable,
  VisitTable,
  VisitTargetTable,
} from '../../db/tables/visit.table.js';
import { withinScope } from '../../db/sql-helpers.js';

// Plans

export function allPlans(db: Executor) {
  return db
    .selectFrom('follow_up_plan')
    .selectAll()
    .orderBy('subject_kind')
    .orderBy('subject_value')
    .orderBy('risk_level')
    .orderBy('created_at')
    .execute();
}

export function activePlans(db: Executor) {
  return db.selectFrom('follow_up_plan').selectAll().where('active', '=', 1).execute();
}

export function findPlan(db: Executor, id: string) {
  return db.selectFrom('follow_up_plan').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function activePlanWithKey(db: Executor, subjectKey: string, exceptId: string | null) {
  let query = db
    .selectFrom('follow_up_plan')
    .select('id')
    .where('subject_key', '=', subjectKey)
    .where('active', '=', 1);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

export async function insertPlan(db: Executor, row: FollowUpPlanTable): Promise<void> {
  await db.insertInto('follow_up_plan').values(row).execute();
}

export async function updatePlan(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<FollowUpPlanTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('follow_up_plan')
    .set(changes)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Open schedules per plan. */
export async function openSchedulesByPlan(db: Executor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('visit_schedule')
    .select(['plan_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('ended_at', 'is', null)
    .groupBy('plan_id')
    .execute();
  return new Map(rows.map((row) => [row.plan_id, Number(row.n)]));
}

// Schedules and due lists

export type DueListStatusFilter = 'due_week' | 'overdue' | 'missed' | 'all';

export interface DueListFilters {
  readonly status: DueListStatusFilter;
  readonly today: string;
  /** A township, village or grid path within the scope. */
  readonly pathPrefix?: string;
  /** The grids of one worker, by path. */
  readonly gridPaths?: readonly string[];
  readonly after?: { readonly dueOn: string; readonly id: string };
}

export function dueList(db: Executor, scopePath: string, filters: DueListFilters, limit: number) {
  return dueListQuery(db, scopePath, filters, limit).execute();
}

/** The due list as a query (its plan is checked by visits.scope.db.test.ts). */
export function dueListQuery(db: Executor, scopePath: string, filters: DueListFilters, limit: number) {
  let query = db
    .selectFrom('visit_schedule as s')
    .innerJoin('person as p', 'p.id', 's.person_id')
    .innerJoin('follow_up_plan as fp', 'fp.id', 's.plan_id')
    .leftJoin('org_unit as g', 'g.id', 's.grid_id')
    .select([
      's.id',
      's.person_id',
      'p.name as person_name',
      's.grid_id',
      'g.name as grid_name',
      's.path',
      's.plan_id',
      'fp.name as plan_name',
      'fp.subject_kind',
      's.base_on',
      's.due_on',
      's.visits_done',
      's.missed_count',
      's.last_visited_at',
      'fp.intervals_days',
      'fp.grace_days',
    ])
    .where('s.ended_at', 'is', null)
    .where(withinScope('s', scopePath));
  if (filters.pathPrefix) query = query.where(withinScope('s', filters.pathPrefix));
  if (filters.gridPaths)
    query = query.where('s.path', 'in', filters.gridPaths.length > 0 ? [...filters.gridPaths] : ['']);
  const today = filters.today;
  switch (filters.status) {
    case 'due_week':
      query = query.where('s.due_week_on', '<=', today).where('s.overdue_after', '>=', today);
      break;
    case 'overdue':
      query = query.where('s.overdue_after', '<', today).where('s.missed_after', '>=', today);
      break;
    case 'missed':
      query = query.where('s.missed_after', '<', today);
      break;
    case 'all':
      break;
  }
  if (filters.after) {
    const { dueOn, id } = filters.after;
    query = query.where((eb) =>
      eb.or([eb('s.due_on', '>', dueOn), eb.and([eb('s.due_on', '=', dueOn), eb('s.id', '>', id)])]),
    );
  }
  return query.orderBy('s.due_on').orderBy('s.id').limit(limit);
}

/** The grid workers of some grids, earliest assigned first, with their names and villages. */
export function workersOfGrids(db: Executor, gridIds: readonly string[]) {
  if (gridIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('grid_worker')
    .innerJoin('account', 'account.id', 'grid_worker.account_id')
    .select(['grid_worker.grid_id', 'account.id', 'account.display_name', 'account.org_path'])
    .where('grid_worker.grid_id', 'in', [...gridIds])
    .where('account.disabled_at', 'is', null)
    .orderBy('grid_worker.assigned_at')
    .orderBy('account.id')
    .execute();
}

/** The paths of the grids a worker is assigned to. */
export async function gridPathsOfWorker(db: Executor, accountId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('grid_worker')
    .innerJoin('org_unit', 'org_unit.id', 'grid_worker.grid_id')
    .select('org_unit.path')
    .where('grid_worker.account_id', '=', accountId)
    .execute();
  return rows.map((row) => row.path);
}

export function accountInScope(db: Executor, scopePath: string, accountId: string) {
  return db
    .selectFrom('account')
    .select(['id', 'display_name', 'org_path', 'role'])
    .where('id', '=', accountId)
    .where('org_path', 'like', `${scopePath}%`)
    .executeTakeFirst();
}

export function openSchedulesOfPerson(db: Executor, personId: string) {
  return db
    .selectFrom('visit_schedule as s')
    .innerJoin('follow_up_plan as fp', 'fp.id', 's.plan_id')
    .selectAll('s')
    .select(['fp.intervals_days', 'fp.shift', 'fp.grace_days'])
    .where('s.person_id', '=', personId)
    .where('s.ended_at', 'is', null)
    .orderBy('s.due_on')
    .execute();
}

export async function updateSchedule(
  db: Executor,
  id: string,
  changes: Partial<VisitScheduleTable>,
): Promise<void> {
  await db.updateTable('visit_schedule').set(changes).where('id', '=', id).execute();
}

// Visits

export function personForVisit(db: Executor, scopePath: string, personId: string) {
  return db
    .selectFrom('person')
    .select(['id', 'name', 'path', 'grid_id', 'created_at', 'county_code', 'township_code', 'village_code'])
    .where('id', '=', personId)
    .where(withinScope('person', scopePath))
    .executeTakeFirst();
}

/** The location of the house the person is a member of, if it has one. */
export function houseLocationOf(db: Executor, personId: string) {
  return db
    .selectFrom('registry_member')
    .innerJoin('registry_record', 'registry_record.id', 'registry_member.record_id')
    .select(['registry_record.lon', 'registry_record.lat'])
    .where('registry_member.person_id', '=', personId)
    .where('registry_record.kind', '=', 'house')
    .where('registry_record.lon', 'is not', null)
    .where('registry_record.lat', 'is not', null)
    .orderBy('registry_member.since', 'desc')
    .executeTakeFirst();
}

/** The worker's visit just before `at` that has a location. */
export function previousLocatedVisit(db: Executor, workerId: string, at: string) {
  return db
    .selectFrom('visit')
    .select(['visited_at', 'lon', 'lat'])
    .where('worker_id', '=', workerId)
    .where('visited_at', '<=', at)
    .where('lon', 'is not', null)
    .orderBy('visited_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function eventInScope(db: Executor, scopePath: string, eventId: string) {
  return db
    .selectFrom('event')
    .select('id')
    .where('id', '=', eventId)
    .where(withinScope('event', scopePath))
    .executeTakeFirst();
}

export async function existingPhotoIds(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set(
    (
      await db
        .selectFrom('photo')
        .select('id')
        .where('id', 'in', [...ids])
        .execute()
    ).map((row) => row.id),
  );
}

export function findByClientKey(db: Executor, owner: string, clientKey: string) {
  return db
    .selectFrom('visit')
    .selectAll()
    .where('client_owner', '=', owner)
    .where('client_key', '=', clientKey)
    .executeTakeFirst();
}

export async function insertVisit(
  db: Executor,
  row: VisitTable,
  photoIds: readonly string[],
  targets: readonly VisitTargetTable[],
): Promise<void> {
  await db.insertInto('visit').values(row).execute();
  if (photoIds.length > 0)
    await db
      .insertInto('visit_photo')
      .values(photoIds.map((photo_id) => ({ visit_id: row.id, photo_id })))
      .execute();
  if (targets.length > 0)
    await db
      .insertInto('visit_target')
      .values([...targets])
      .execute();
}

function visitsWithNames(db: Executor) {
  return db
    .selectFrom('visit as v')
    .innerJoin('person as p', 'p.id', 'v.person_id')
    .innerJoin('account as w', 'w.id', 'v.worker_id')
    .selectAll('v')
    .select(['p.name as person_name', 'w.display_name as worker_name']);
}

export type VisitRow = Awaited<ReturnType<typeof findVisitInScope>> & object;

export function findVisitInScope(db: Executor, scopePath: string, id: string) {
  return visitsWithNames(db).where('v.id', '=', id).where(withinScope('v', scopePath)).executeTakeFirst();
}

/** Whether a visit within the scope holds the photo. */
export async function visitWithPhotoInScope(db: Executor, scopePath: string, photoId: string): Promise<boolean> {
  const row = await db
    .selectFrom('visit_photo')
    .innerJoin('visit as v', 'v.id', 'visit_photo.visit_id')
    .select('v.id')
    .where('visit_photo.photo_id', '=', photoId)
    .where(withinScope('v', scopePath))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export function findVisitById(db: Executor, id: string) {
  return visitsWithNames(db).where('v.id', '=', id).executeTakeFirstOrThrow();
}

export function visitsOfPerson(db: Executor, personId: string, limit: number) {
  return visitsWithNames(db)
    .where('v.person_id', '=', personId)
    .orderBy('v.visited_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(limit)
    .execute();
}

export interface VisitListFilters {
  readonly pathPrefix?: string;
  readonly flagged?: boolean;
  readonly review?: string;
  readonly from?: string;
  readonly to?: string;
  readonly beforeId?: string;
}

export function listVisits(db: Executor, scopePath: string, filters: VisitListFilters, limit: number) {
  let query = visitsWithNames(db).where(withinScope('v', scopePath));
  if (filters.pathPrefix) query = query.where(withinScope('v', filters.pathPrefix));
  if (filters.flagged === true) query = query.where('v.review', '<>', 'none');
  if (filters.flagged === false) query = query.where('v.review', '=', 'none');
  if (filters.review) query = query.where('v.review', '=', filters.review as VisitTable['review']);
  if (filters.from) query = query.where('v.visited_at', '>=', filters.from);
  if (filters.to) query = query.where('v.visited_at', '<', filters.to);
  if (filters.beforeId) query = query.where('v.id', '<', filters.beforeId);
  return query.orderBy('v.id', 'desc').limit(limit).execute();
}

export async function photosOfVisits(db: Executor, visitIds: readonly string[]) {
  if (visitIds.length === 0) return [];
  return db
    .selectFrom('visit_photo')
    .selectAll()
    .where('visit_id', 'in', [...visitIds])
    .execute();
}

export async function targetsOfVisits(db: Executor, visitIds: readonly string[]) {
  if (visitIds.length === 0) return [];
  return db
    .selectFrom('visit_target')
    .selectAll()
    .where('visit_id', 'in', [...visitIds])
    .execute();
}

export async function reviewVisit(
  db: Executor,
  id: string,
  changes: Pick<VisitTable, 'review' | 'review_note' | 'reviewed_by' | 'reviewed_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('visit')
    .set(changes)
    .where('id', '=', id)
    .where('review', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// Compliance

/** Visits of a month per worker within a scope: how many, on time, late, flagged. */
export function visitFiguresByWorker(db: Executor, scopePath: string, from: string, to: string) {
  return db
    .selectFrom('visit as v')
    .select((eb) => [
      'v.worker_id',
      eb.fn.countAll<number>().as('visits'),
      eb.fn.sum<number>(sql`case when v.review <> 'none' then 1 else 0 end`).as('flagged'),
      eb.fn
        .sum<number>(sql`(select count(*) from visit_target t where t.visit_id = v.id and t.on_time = 1)`)
        .as('on_time'),
      eb.fn
        .sum<number>(sql`(select count(*) from visit_target t where t.visit_id = v.id and t.on_time = 0)`)
        .as('late'),
    ])
    .where(withinScope('v', scopePath))
    .where('v.visited_at', '>=', from)
    .where('v.visited_at', '<', to)
    .groupBy('v.worker_id')
    .execute();
}

/** Open schedules overdue or missed today, per grid, within a scope. */
export function overdueByGrid(db: Executor, scopePath: string, today: string) {
  return db
    .selectFrom('visit_schedule as s')
    .select(['s.grid_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('s.ended_at', 'is', null)
    .where(withinScope('s', scopePath))
    .where('s.overdue_after', '<', today)
    .groupBy('s.grid_id')
    .execute();
}

export function cardsByWorker(db: Executor, scopePath: string, month: string) {
  return db
    .selectFrom('visit_card as c')
    .innerJoin('visit_schedule as s', 's.id', 'c.schedule_id')
    .select(['c.worker_id', 'c.level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('c.month', '=', month)
    .where(withinScope('s', scopePath))
    .groupBy(['c.worker_id', 'c.level'])
    .execute();
}

/** The grid workers whose account sits within a scope. */
export function gridWorkersIn(db: Executor, scopePath: string) {
  return db
    .selectFrom('account')
    .select(['id', 'display_name', 'org_path'])
    .where('role', 'in', ['grid_worker_fulltime', 'grid_worker_parttime'])
    .where('org_path', 'like', `${scopePath}%`)
    .where('disabled_at', 'is', null)
    .execute();
}

export function unitsByPaths(db: Executor, paths: readonly string[]) {
  if (paths.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('org_unit')
    .select(['path', 'name'])
    .where('path', 'in', [...paths])
    .execute();
}

export function unitInScope(db: Executor, scopePath: string, path: string) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'path', 'kind'])
    .where('path', '=', path)
    .where('path', 'like', `${scopePath}%`)
    .executeTakeFirst();
}

// Cards

/** Open schedules the card sweep should look at on `today`, a batch at a time. */
export function schedulesWithCardDue(db: Executor, today: string, limit: number) {
  return db
    .selectFrom('visit_schedule as s')
    .innerJoin('follow_up_plan as fp', 'fp.id', 's.plan_id')
    .innerJoin('person as p', 'p.id', 's.person_id')
    .selectAll('s')
    .select(['fp.intervals_days', 'fp.grace_days', 'fp.name as plan_name', 'p.name as person_name'])
    .where('s.ended_at', 'is', null)
    .where('s.next_card_after', '<', today)
    .orderBy('s.next_card_after')
    .orderBy('s.id')
    .limit(limit)
    .execute();
}

export async function cardsOfDue(db: Executor, scheduleId: string, dueOn: string) {
  return db
    .selectFrom('visit_card')
    .select('level')
    .where('schedule_id', '=', scheduleId)
    .where('due_on', '=', dueOn)
    .execute();
}

export async function insertCardOnce(db: Executor, row: VisitCardTable): Promise<boolean> {
  const result = await db
    .insertInto('visit_card')
    .values(row)
    .onConflict((oc) => oc.columns(['schedule_id', 'due_on', 'level']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function insertInboxMessage(
  db: Executor,
  row: { id: string; account_id: string; text: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('inbox_message')
    .values({ ...row, kind: 'visit_card', event_id: null, read_at: null })
    .execute();
}

export async function tryAdvisoryLock(db: Executor, key: number): Promise<boolean> {
  const lock = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${key}) as locked`.execute(db);
  return lock.rows[0]?.locked === true;
}

export function accountsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('account')
    .select(['id', 'display_name', 'org_path'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Active people of one grid, oldest record first: the demo's visited people. */
export function activePersonsAt(db: Executor, path: string, limit: number) {
  return db
    .selectFrom('person')
    .select(['id', 'name'])
    .where('path', '=', path)
    .where('status', '=', 'active')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function gridIdAt(db: Executor, path: string): Promise<string | undefined> {
  return (
    await db
      .selectFrom('org_unit')
      .select('id')
      .where('path', '=', path)
      .where('kind', '=', 'grid')
      .executeTakeFirst()
  )?.id;
}
