// The duty roster as stored: units (the county center and the township sub-centers), their slots,
// entries and lapses. Every read a caller makes takes their scope prefix.
import { sql } from 'kysely';
import type { DutyLapseReason, Role } from '@gridwork/core';
import type { Database, Executor } from '../../db/schema.js';
import { startsWith } from '../../db/sql-helpers.js';
import type { DutyEntryTable } from '../../db/tables/duty.table.js';

/** Arbitrary but fixed: the advisory lock that makes one PostgreSQL instance run the duty check. */
const DUTY_CHECK_LOCK_KEY = 5_111_241_016;
/** The first half of the per-unit roster lock (the second is the unit id's hash). */
const DUTY_ROSTER_LOCK_CLASS = 511_124_016;

const SUB_CENTER_KINDS = ['county', 'township'] as const;

/** The county center and township sub-centers within `scope`, county first. */
export function subCentersInScope(db: Executor, scope: string) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'name', 'kind', 'path'])
    .where('kind', 'in', [...SUB_CENTER_KINDS])
    .where('retired_at', 'is', null)
    .where(startsWith('path', scope))
    .orderBy('depth')
    .orderBy('code')
    .execute();
}

export function subCenterInScope(db: Executor, scope: string, id: string) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'name', 'kind', 'path'])
    .where('id', '=', id)
    .where('kind', 'in', [...SUB_CENTER_KINDS])
    .where('retired_at', 'is', null)
    .where(startsWith('path', scope))
    .executeTakeFirst();
}

/** The units at exactly these paths (the demo finds its sub-centers by path). */
export function unitsAtPaths(db: Executor, paths: readonly string[]) {
  if (paths.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_unit').select(['id', 'path', 'name']).where('path', 'in', [...paths]).execute();
}

export function slotSettings(db: Executor, unitIds: readonly string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('duty_unit_setting').select(['unit_id', 'slots']).where('unit_id', 'in', unitIds).execute();
}

export async function putSlotSetting(db: Executor, row: Database['duty_unit_setting']): Promise<void> {
  await db
    .insertInto('duty_unit_setting')
    .values(row)
    .onConflict((oc) => oc.column('unit_id').doUpdateSet({ slots: row.slots, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}

/** Active accounts placed at exactly the unit's path whose role may be on duty. */
export function dutyCandidates(db: Executor, unitPath: string, roles: readonly Role[]) {
  return db
    .selectFrom('account')
    .select(['id', 'display_name'])
    .where('org_path', '=', unitPath)
    .where('role', 'in', [...roles])
    .where('disabled_at', 'is', null)
    .orderBy('display_name')
    .execute();
}

function entriesQuery(db: Executor) {
  return db
    .selectFrom('duty_entry')
    .innerJoin('account', 'account.id', 'duty_entry.account_id')
    .select(['duty_entry.id', 'duty_entry.unit_id', 'duty_entry.unit_path', 'duty_entry.date', 'duty_entry.slot', 'duty_entry.account_id', 'duty_entry.checked_in_at', 'account.display_name']);
}
export type DutyEntryRow = Awaited<ReturnType<ReturnType<typeof entriesQuery>['execute']>>[number];

export function entriesBetween(db: Executor, unitIds: readonly string[], from: string, to: string) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return entriesQuery(db).where('duty_entry.unit_id', 'in', unitIds).where('duty_entry.date', '>=', from).where('duty_entry.date', '<=', to).orderBy('duty_entry.date').orderBy('duty_entry.slot').orderBy('duty_entry.created_at').execute();
}

export function entriesByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return entriesQuery(db).where('duty_entry.id', 'in', ids).orderBy('duty_entry.date').orderBy('duty_entry.slot').execute();
}

export function entryInScope(db: Executor, scope: string, id: string) {
  return entriesQuery(db).where('duty_entry.id', '=', id).where(startsWith('duty_entry.unit_path', scope)).executeTakeFirst();
}

/** The caller's own entries of a day, with the unit's name. */
export function entriesOfAccountOn(db: Executor, accountId: string, date: string) {
  return entriesQuery(db)
    .innerJoin('org_unit', 'org_unit.id', 'duty_entry.unit_id')
    .select('org_unit.name as unit_name')
    .where('duty_entry.account_id', '=', accountId)
    .where('duty_entry.date', '=', date)
    .orderBy('duty_entry.slot')
    .execute();
}

export async function countOnSlot(db: Executor, unitId: string, date: string, slot: string): Promise<number> {
  const row = await db.selectFrom('duty_entry').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', '=', unitId).where('date', '=', date).where('slot', '=', slot).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many people each slot of the unit has on each day from `from` on, busiest first. */
export async function slotLoadsFrom(db: Executor, unitId: string, from: string): Promise<{ date: string; slot: string; n: number }[]> {
  const rows = await db
    .selectFrom('duty_entry')
    .select(['date', 'slot'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .where('date', '>=', from)
    .groupBy(['date', 'slot'])
    .orderBy('date')
    .orderBy('slot')
    .execute();
  return rows.map((row) => ({ date: row.date, slot: row.slot, n: Number(row.n) }));
}

export async function isOnSlot(db: Executor, unitId: string, date: string, slot: string, accountId: string): Promise<boolean> {
  const row = await db.selectFrom('duty_entry').select('id').where('unit_id', '=', unitId).where('date', '=', date).where('slot', '=', slot).where('account_id', '=', accountId).executeTakeFirst();
  return row !== undefined;
}

export async function insertEntries(db: Executor, rows: readonly DutyEntryTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('duty_entry').values([...rows]).execute();
}

export async function deleteEntries(db: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('duty_entry').where('id', 'in', ids).execute();
}

export async function setEntryAccount(db: Executor, id: string, accountId: string, at: string): Promise<void> {
  await db.updateTable('duty_entry').set({ account_id: accountId, updated_at: at }).where('id', '=', id).execute();
}

/** Checks in the entries not checked in yet; answers the rows it did check in. */
export function checkIn(db: Executor, ids: readonly string[], at: string) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .updateTable('duty_entry')
    .set({ checked_in_at: at, updated_at: at })
    .where('id', 'in', ids)
    .where('checked_in_at', 'is', null)
    .returning(['id', 'unit_id', 'unit_path', 'date', 'slot'])
    .execute();
}

/**
 * Serialises changes to one unit's roster on PostgreSQL (two operators filling the last place of
 * a slot at once would both see it free); SQLite runs one write transaction at a time anyway.
 */
export async function lockUnitRoster(db: Executor, kind: 'sqlite' | 'postgres', unitId: string): Promise<void> {
  if (kind === 'postgres') await sql`select pg_advisory_xact_lock(${DUTY_ROSTER_LOCK_CLASS}, hashtext(${unitId}))`.execute(db);
}

// The daily check

export async function tryDutyCheckLock(db: Executor, kind: 'sqlite' | 'postgres'): Promise<boolean> {
  if (kind !== 'postgres') return true;
  const lock = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${DUTY_CHECK_LOCK_KEY}) as locked`.execute(db);
  return lock.rows[0]?.locked === true;
}

/** Every sub-center with the creation time of its first account that may be on duty (units without one are not checked). */
export function staffedSubCenters(db: Executor, roles: readonly Role[]) {
  return db
    .selectFrom('org_unit')
    .innerJoin('account', 'account.org_path', 'org_unit.path')
    .select(['org_unit.id', 'org_unit.name', 'org_unit.path'])
    .select((eb) => eb.fn.min('account.created_at').as('staffed_since'))
    .where('org_unit.kind', 'in', [...SUB_CENTER_KINDS])
    .where('org_unit.retired_at', 'is', null)
    .where('account.role', 'in', [...roles])
    .where('account.disabled_at', 'is', null)
    .groupBy(['org_unit.id', 'org_unit.name', 'org_unit.path'])
    .execute();
}

/** Every entry of the days, for the check: unit, date and check-in time. */
export function entriesOnDays(db: Executor, dates: readonly string[]) {
  if (dates.length === 0) return Promise.resolve([]);
  return db.selectFrom('duty_entry').select(['unit_id', 'date', 'checked_in_at']).where('date', 'in', dates).execute();
}

export function lapsesOnDays(db: Executor, dates: readonly string[]) {
  if (dates.length === 0) return Promise.resolve([]);
  return db.selectFrom('duty_lapse').select(['unit_id', 'date']).where('date', 'in', dates).execute();
}

/** Records the lapse unless the unit already has one that day; answers whether it was new. */
export async function insertLapseOnce(db: Executor, row: Database['duty_lapse']): Promise<boolean> {
  const result = await db.insertInto('duty_lapse').values(row).onConflict((oc) => oc.columns(['unit_id', 'date']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The accounts told of a unit's lapse: the county's administrators and the unit's own operators. */
export function lapseRecipients(db: Executor, countyPath: string, unitPath: string) {
  return db
    .selectFrom('account')
    .select(['id'])
    .where('disabled_at', 'is', null)
    .where((eb) => eb.or([eb.and([eb('role', '=', 'county_admin'), eb('org_path', '=', countyPath)]), eb.and([eb('role', '=', 'center_operator'), eb('org_path', '=', unitPath)])]))
    .execute();
}

export function lapsesInScope(db: Executor, scope: string, from: string, to: string) {
  return db
    .selectFrom('duty_lapse')
    .innerJoin('org_unit', 'org_unit.id', 'duty_lapse.unit_id')
    .select(['duty_lapse.id', 'duty_lapse.unit_id', 'duty_lapse.unit_path', 'duty_lapse.date', 'duty_lapse.reason', 'duty_lapse.recorded_at', 'org_unit.name'])
    .where(startsWith('duty_lapse.unit_path', scope))
    .where('duty_lapse.date', '>=', from)
    .where('duty_lapse.date', '<=', to)
    .orderBy('duty_lapse.date')
    .orderBy('duty_lapse.unit_path')
    .execute();
}

export function lapsesOfUnitsOn(db: Executor, unitIds: readonly string[], date: string) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('duty_lapse').select(['unit_id', 'reason']).where('unit_id', 'in', unitIds).where('date', '=', date).execute();
}

export type { DutyLapseReason };
