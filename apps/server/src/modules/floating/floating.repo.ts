// SQL for the floating population; every read of registrations takes the caller's scope.
import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import type { FloatingPermitReminderTable, NewFloatingRegistration } from '../../db/tables/floating.table.js';
import { contains, startsWith, unitCodeColumns, withinScope } from '../../db/sql-helpers.js';

/** Arbitrary but fixed: the advisory lock that makes one PostgreSQL instance the permit reminder. */
const PERMIT_LOCK_KEY = 5_111_241_013;

export function registrationByClientKey(db: Executor, clientKey: string) {
  return db.selectFrom('floating_registration').selectAll().where('client_key', '=', clientKey).executeTakeFirst();
}

export function registrationByDepartureKey(db: Executor, clientKey: string) {
  return db.selectFrom('floating_registration').selectAll().where('departure_client_key', '=', clientKey).executeTakeFirst();
}

export function registrationInScope(db: Executor, scopePath: string, id: string) {
  return db.selectFrom('floating_registration').selectAll().where('id', '=', id).where(withinScope('floating_registration', scopePath)).executeTakeFirst();
}

/** The person's registration present now, if any (at most one: a unique partial index). */
export function presentRegistrationOf(db: Executor, personId: string) {
  return db.selectFrom('floating_registration').selectAll().where('person_id', '=', personId).where('status', '=', 'present').executeTakeFirst();
}

export async function insertRegistration(db: Executor, row: NewFloatingRegistration): Promise<void> {
  await db.insertInto('floating_registration').values({ ...row, ...unitCodeColumns(row.path) }).execute();
}

/** Writes the new state only if nobody changed the row since `version` was read. */
export async function updateRegistration(db: Executor, id: string, version: number, changes: Partial<NewFloatingRegistration>): Promise<boolean> {
  const result = await db
    .updateTable('floating_registration')
    .set({ ...changes, ...(changes.path === undefined ? {} : unitCodeColumns(changes.path)) })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface FloatingFilters {
  readonly pathPrefix?: string;
  readonly status?: 'present' | 'departed';
  readonly nameContains?: string;
  /** Present people whose permit expires on or before this day. */
  readonly permitExpiresBy?: string;
  readonly beforeId?: string;
}

/** Registrations newest first (descending ids), with the person's name. */
export function listRegistrations(db: Executor, scopePath: string, filters: FloatingFilters, limit: number) {
  let query = db
    .selectFrom('floating_registration')
    .innerJoin('person', 'person.id', 'floating_registration.person_id')
    .selectAll('floating_registration')
    .where(withinScope('floating_registration', scopePath));
  if (filters.pathPrefix) query = query.where(withinScope('floating_registration', filters.pathPrefix));
  if (filters.status) query = query.where('floating_registration.status', '=', filters.status);
  if (filters.nameContains) query = query.where(contains('person.name', filters.nameContains));
  if (filters.permitExpiresBy) {
    query = query.where('floating_registration.status', '=', 'present').where('floating_registration.permit_expires_on', '<=', filters.permitExpiresBy);
  }
  if (filters.beforeId) query = query.where('floating_registration.id', '<', filters.beforeId);
  return query.orderBy('floating_registration.id', 'desc').limit(limit).execute();
}

export function personNames(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('person').select(['id', 'name', 'id_masked', 'phone_masked']).where('id', 'in', [...ids]).execute();
}

export function unitNames(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_unit').select(['id', 'name', 'code', 'path', 'parent_id']).where('id', 'in', [...ids]).execute();
}

export function unitsByPaths(db: Executor, paths: readonly string[]) {
  if (paths.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_unit').select(['id', 'name', 'code', 'path']).where('path', 'in', [...paths]).execute();
}

/** Houses by id with what a registration shows of them (no scope: the registration was checked). */
export function housesByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('registry_record').select(['id', 'name', 'address', 'category', 'contact_name', 'grid_id', 'path']).where('kind', '=', 'house').where('id', 'in', [...ids]).execute();
}

/** The owners (房主) of houses, as registered people. */
export function ownersOfHouses(db: Executor, houseIds: readonly string[]) {
  if (houseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('registry_member')
    .innerJoin('person', 'person.id', 'registry_member.person_id')
    .select(['registry_member.record_id', 'person.id', 'person.name'])
    .where('registry_member.record_id', 'in', [...houseIds])
    .where('registry_member.relation', '=', 'owner')
    .orderBy('registry_member.since')
    .execute();
}

/** Present registrations of some houses: the tenants' details beside their membership. */
export function presentInHouses(db: Executor, houseIds: readonly string[]) {
  if (houseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('floating_registration')
    .select(['id', 'person_id', 'house_id', 'origin_code', 'arrived_on', 'permit_expires_on'])
    .where('house_id', 'in', [...houseIds])
    .where('status', '=', 'present')
    .execute();
}

// Statistics

/** People present per grid path and origin code: the counts by village, grid and province are sums of these. */
export function presentByPathAndOrigin(db: Executor, scopePath: string) {
  return db
    .selectFrom('floating_registration')
    .select((eb) => ['path', 'grid_id', 'village_code', 'origin_code', eb.fn.countAll<number>().as('present')])
    .where(withinScope('floating_registration', scopePath))
    .where('status', '=', 'present')
    .groupBy(['path', 'grid_id', 'village_code', 'origin_code'])
    .execute();
}

/** Arrivals (or departures) per month from `fromDay` on. */
export function perMonth(db: Executor, scopePath: string, column: 'arrived_on' | 'departed_on', fromDay: string) {
  const month = sql<string>`substr(${sql.ref(column)}, 1, 7)`;
  return db
    .selectFrom('floating_registration')
    .select((eb) => [month.as('month'), eb.fn.countAll<number>().as('count')])
    .where(withinScope('floating_registration', scopePath))
    .where(column, '>=', fromDay)
    .groupBy(month)
    .execute();
}

// Permit reminders

/** On PostgreSQL, whether this transaction holds the reminder lock; SQLite has one writer anyway. */
export async function tryPermitLock(db: Executor, kind: 'sqlite' | 'postgres'): Promise<boolean> {
  if (kind !== 'postgres') return true;
  const lock = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${PERMIT_LOCK_KEY}) as locked`.execute(db);
  return lock.rows[0]?.locked === true;
}

/** Present registrations whose permit expires by `until` and that were not reminded of that expiry yet. */
export function permitsToRemind(db: Executor, today: string, until: string, limit: number) {
  return db
    .selectFrom('floating_registration')
    .innerJoin('person', 'person.id', 'floating_registration.person_id')
    .select(['floating_registration.id', 'floating_registration.path', 'floating_registration.grid_id', 'floating_registration.permit_expires_on', 'person.name'])
    .where('floating_registration.status', '=', 'present')
    .where('floating_registration.permit_expires_on', '>=', today)
    .where('floating_registration.permit_expires_on', '<=', until)
    .where(({ not, exists, selectFrom, ref }) =>
      not(
        exists(
          selectFrom('floating_permit_reminder')
            .select('floating_permit_reminder.registration_id')
            .whereRef('floating_permit_reminder.registration_id', '=', ref('floating_registration.id'))
            .whereRef('floating_permit_reminder.expires_on', '=', ref('floating_registration.permit_expires_on')),
        ),
      ),
    )
    .orderBy('floating_registration.permit_expires_on')
    .orderBy('floating_registration.id')
    .limit(limit)
    .execute();
}

/** Records the reminder; false when another sweep already did (the key is the registration and expiry). */
export async function insertReminderOnce(db: Executor, row: FloatingPermitReminderTable): Promise<boolean> {
  const result = await db.insertInto('floating_permit_reminder').values(row).onConflict((oc) => oc.columns(['registration_id', 'expires_on']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The active grid workers of some grids. */
export function gridWorkersOf(db: Executor, gridIds: readonly string[]) {
  if (gridIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('grid_worker')
    .innerJoin('account', 'account.id', 'grid_worker.account_id')
    .select(['grid_worker.grid_id', 'account.id'])
    .where('grid_worker.grid_id', 'in', [...gridIds])
    .where('account.disabled_at', 'is', null)
    .where('account.role', 'in', ['grid_worker_fulltime', 'grid_worker_parttime'])
    .execute();
}

/** Whether a path lies within a scope (for the orgPath filter): a unit of that path exists there. */
export function unitAtPath(db: Executor, scopePath: string, path: string) {
  return db.selectFrom('org_unit').select(['id', 'path']).where('path', '=', path).where('retired_at', 'is', null).where(startsWith('path', scopePath)).executeTakeFirst();
}
