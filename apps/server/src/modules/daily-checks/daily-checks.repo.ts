// SQL of the daily login and sign-for check: the first sign-ins of a day, the timelines of the
// events still open at a moment, the day's sign-fors, and the stored results. The units and their
// accounts come from the sign-in status queries (sign-in-status.repo.ts), which this check builds on.
import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import type { DailyCheckRunTable, DailyUnitCheckTable } from '../../db/tables/daily-check.table.js';
import { startsWith } from '../../db/sql-helpers.js';

/** Arbitrary but fixed, and no other job's: the advisory lock of the daily check. */
const DAILY_CHECK_LOCK_KEY = 5_111_241_017;

/** On PostgreSQL, whether this transaction holds the daily check's lock; SQLite has one writer anyway. */
export async function tryDailyCheckLock(db: Executor, kind: 'sqlite' | 'postgres'): Promise<boolean> {
  if (kind !== 'postgres') return true;
  const lock = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${DAILY_CHECK_LOCK_KEY}) as locked`.execute(db);
  return lock.rows[0]?.locked === true;
}

/** Each account's first sign-in from `start` up to `end` (included), from the audit trail (so any past day can be read). */
export function firstSignIns(db: Executor, start: string, end: string) {
  return db
    .selectFrom('audit_log')
    .select((eb) => ['actor_id', eb.fn.min('at').as('first_at')])
    .where('action', '=', 'auth.sign_in')
    .where('outcome', '=', 'ok')
    .where('at', '>=', start)
    .where('at', '<=', end)
    .where('actor_id', 'is not', null)
    .groupBy('actor_id')
    .execute();
}

/** The timeline up to `asOf` of every event within the scope that was open at `asOf`. */
export function openEventTimelines(db: Executor, scopePath: string, asOf: string) {
  return db
    .selectFrom('event_timeline')
    .innerJoin('event', 'event.id', 'event_timeline.event_id')
    .select(['event_timeline.event_id', 'event_timeline.seq', 'event_timeline.action', 'event_timeline.to_status', 'event_timeline.details', 'event.path', 'event.escalated_at'])
    .where(startsWith('event.path', scopePath))
    .where('event.reported_at', '<=', asOf)
    .where((eb) => eb.or([eb('event.closed_at', 'is', null), eb('event.closed_at', '>', asOf)]))
    .where('event_timeline.at', '<=', asOf)
    .execute();
}

/** Sign-fors from `start` up to `end` (included) of events within the scope, with the category's sign-for hours. */
export function signForsBetween(db: Executor, scopePath: string, start: string, end: string) {
  return db
    .selectFrom('event_timeline')
    .innerJoin('event', 'event.id', 'event_timeline.event_id')
    .innerJoin('event_category', 'event_category.code', 'event.category_code')
    .select(['event_timeline.event_id', 'event_timeline.seq', 'event_timeline.at', 'event_category.sign_for_hours'])
    .where('event_timeline.action', '=', 'sign_for')
    .where('event_timeline.at', '>=', start)
    .where('event_timeline.at', '<=', end)
    .where(startsWith('event.path', scopePath))
    .execute();
}

/** Every dispatch of the events signed for from `start` up to `end`: the sign-for answers the latest one before it. */
export function dispatchesOfSignFors(db: Executor, scopePath: string, start: string, end: string) {
  return db
    .selectFrom('event_timeline as sign_for')
    .innerJoin('event', 'event.id', 'sign_for.event_id')
    .innerJoin('event_timeline as dispatch', (join) => join.onRef('dispatch.event_id', '=', 'sign_for.event_id').onRef('dispatch.seq', '<', 'sign_for.seq').on('dispatch.action', '=', 'dispatch'))
    .select(['dispatch.event_id', 'dispatch.seq', 'dispatch.at', 'dispatch.details'])
    .distinct()
    .where('sign_for.action', '=', 'sign_for')
    .where('sign_for.at', '>=', start)
    .where('sign_for.at', '<=', end)
    .where(startsWith('event.path', scopePath))
    .execute();
}

/** Writes a day's results; a unit already stored keeps its notification stamp. */
export async function upsertResults(db: Executor, rows: readonly DailyUnitCheckTable[]): Promise<void> {
  for (let index = 0; index < rows.length; index += 200) {
    await db
      .insertInto('daily_unit_check')
      .values(rows.slice(index, index + 200))
      .onConflict((oc) =>
        oc.columns(['unit_kind', 'unit_id', 'date']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          path: eb.ref('excluded.path'),
          accounts: eb.ref('excluded.accounts'),
          logged_in: eb.ref('excluded.logged_in'),
          first_sign_in_at: eb.ref('excluded.first_sign_in_at'),
          waiting_count: eb.ref('excluded.waiting_count'),
          late_signed_count: eb.ref('excluded.late_signed_count'),
          status: eb.ref('excluded.status'),
          as_of: eb.ref('excluded.as_of'),
          checked_at: eb.ref('excluded.checked_at'),
        })),
      )
      .execute();
  }
}

/** Stores a unit's figures unless it has a row for the day already. */
export async function insertResultOnce(db: Executor, row: DailyUnitCheckTable): Promise<void> {
  await db
    .insertInto('daily_unit_check')
    .values(row)
    .onConflict((oc) => oc.columns(['unit_kind', 'unit_id', 'date']).doNothing())
    .execute();
}

/** The days from `from` to `to` (both included) that the check has done, whatever cut-off was in force. */
export function runsBetween(db: Executor, from: string, to: string) {
  return db.selectFrom('daily_check_run').selectAll().where('date', '>=', from).where('date', '<=', to).orderBy('date').execute();
}

/** Marks a day done, once: the primary key keeps the first run's row. */
export async function insertRun(db: Executor, row: DailyCheckRunTable): Promise<void> {
  await db
    .insertInto('daily_check_run')
    .values(row)
    .onConflict((oc) => oc.column('date').doNothing())
    .execute();
}

/** Who may be seen: units under a path, or one department (a department leader's own). */
export type DailyCheckScope = { readonly path: string; readonly departmentId?: undefined } | { readonly path: string; readonly departmentId: string | null };

function storedRows(db: Executor, scope: DailyCheckScope) {
  let query = db
    .selectFrom('daily_unit_check')
    .leftJoin('account', 'account.id', 'daily_unit_check.notified_by')
    .selectAll('daily_unit_check')
    .select('account.display_name as notified_by_name')
    .where(startsWith('daily_unit_check.path', scope.path));
  if (scope.departmentId !== undefined) {
    query = query.where('daily_unit_check.unit_kind', '=', 'department').where('daily_unit_check.unit_id', '=', scope.departmentId ?? '');
  }
  return query;
}

/** A day's stored results within the scope. */
export function resultsOfDay(db: Executor, scope: DailyCheckScope, date: string) {
  return storedRows(db, scope).where('daily_unit_check.date', '=', date).orderBy('daily_unit_check.unit_kind').orderBy('daily_unit_check.path').orderBy('daily_unit_check.name').execute();
}

/** The results from `from` to `to` (both included) within the scope. */
export function resultsBetween(db: Executor, scope: DailyCheckScope, from: string, to: string) {
  return storedRows(db, scope).where('daily_unit_check.date', '>=', from).where('daily_unit_check.date', '<=', to).execute();
}

/** The latest day with stored results within the scope, up to `until`. */
export async function latestCheckedDate(db: Executor, scope: DailyCheckScope, until: string): Promise<string | null> {
  const row = await storedRows(db, scope).clearSelect().select((eb) => eb.fn.max('daily_unit_check.date').as('date')).where('daily_unit_check.date', '<=', until).executeTakeFirst();
  return row?.date ?? null;
}

/**
 * Stamps the unit as told now, unless it was told within the window: true when this call may send.
 * On PostgreSQL a second click waits on the row lock and then finds the fresh stamp.
 */
export async function claimNotification(db: Executor, key: { kind: DailyUnitCheckTable['unit_kind']; id: string; date: string }, stamp: { at: string; by: string; text: string; recipients: number; notBefore: string }): Promise<boolean> {
  const result = await db
    .updateTable('daily_unit_check')
    .set({ notified_at: stamp.at, notified_by: stamp.by, notice_text: stamp.text, notice_recipients: stamp.recipients })
    .where('unit_kind', '=', key.kind)
    .where('unit_id', '=', key.id)
    .where('date', '=', key.date)
    .where((eb) => eb.or([eb('notified_at', 'is', null), eb('notified_at', '<=', stamp.notBefore)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function resultOf(db: Executor, key: { kind: DailyUnitCheckTable['unit_kind']; id: string; date: string }) {
  return db.selectFrom('daily_unit_check').selectAll().where('unit_kind', '=', key.kind).where('unit_id', '=', key.id).where('date', '=', key.date).executeTakeFirst();
}
