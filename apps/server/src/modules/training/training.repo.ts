// SQL for training: sessions (scope by the organiser's path), their materials, attendance, the
// accounts a sign-in sheet may name, and what compliance counts. Nothing else.
import type { Role } from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import { startsWith } from '../../db/sql-helpers.js';
import type {
  TrainingAttendanceTable,
  TrainingSessionTable,
} from '../../db/tables/training.table.js';

export type SessionRow = TrainingSessionTable;

/** Which sessions a reader sees: organised at or above their unit, or anywhere below it. */
export interface SessionVisibility {
  /** Organiser paths at or above the caller (the caller's own ancestors, itself included). */
  readonly above: readonly string[];
  /** The caller's scope: sessions organised within it. */
  readonly within: string;
}

export interface SessionFilters {
  readonly kind?: string;
  readonly status?: string;
  readonly from?: string;
  readonly to?: string;
  readonly after?: { readonly date: string; readonly id: string };
}

export async function insertSession(db: Executor, row: TrainingSessionTable): Promise<void> {
  await db.insertInto('training_session').values(row).execute();
}

/** Changes a session still at `version`; answers false when another change came first. */
export async function updateSessionAtVersion(db: Executor, id: string, version: number, changes: Partial<TrainingSessionTable>): Promise<boolean> {
  const result = await db.updateTable('training_session').set(changes).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('training_material').where('session_id', '=', id).execute();
  await db.deleteFrom('training_session').where('id', '=', id).execute();
}

/** A session the caller sees (see SessionVisibility), or undefined. */
export function findVisibleSession(db: Executor, visibility: SessionVisibility, id: string) {
  return db
    .selectFrom('training_session')
    .selectAll()
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('organiser_path', 'in', [...visibility.above]),
        startsWith('organiser_path', visibility.within),
      ]),
    )
    .executeTakeFirst();
}

/** A session organised at one of the given paths (a trainee's own unit or those above it). */
export function findSessionOrganisedAt(db: Executor, paths: readonly string[], id: string) {
  return db
    .selectFrom('training_session')
    .selectAll()
    .where('id', '=', id)
    .where('organiser_path', 'in', [...paths])
    .executeTakeFirst();
}

export function listSessions(db: Executor, visibility: SessionVisibility, filters: SessionFilters, limit: number) {
  let query = db
    .selectFrom('training_session')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('organiser_path', 'in', [...visibility.above]),
        startsWith('organiser_path', visibility.within),
      ]),
    );
  if (filters.kind) query = query.where('kind', '=', filters.kind as SessionRow['kind']);
  if (filters.status) query = query.where('status', '=', filters.status as SessionRow['status']);
  if (filters.from) query = query.where('date', '>=', filters.from);
  if (filters.to) query = query.where('date', '<=', filters.to);
  const after = filters.after;
  if (after)
    query = query.where((eb) =>
      eb.or([eb('date', '<', after.date), eb.and([eb('date', '=', after.date), eb('id', '<', after.id)])]),
    );
  return query.orderBy('date', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Sessions organised at or above a trainee's unit in a date range (those that may invite them). */
export function sessionsAbove(db: Executor, above: readonly string[], from: string, to: string) {
  return db
    .selectFrom('training_session')
    .selectAll()
    .where('organiser_path', 'in', [...above])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .orderBy('start_time')
    .execute();
}

export function materialsOf(db: Executor, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('training_material')
    .select(['session_id', 'attachment_id'])
    .where('session_id', 'in', [...sessionIds])
    .orderBy('session_id')
    .orderBy('position')
    .execute();
}

export async function setMaterials(db: Executor, sessionId: string, attachmentIds: readonly string[]): Promise<void> {
  await db.deleteFrom('training_material').where('session_id', '=', sessionId).execute();
  if (attachmentIds.length === 0) return;
  await db
    .insertInto('training_material')
    .values(attachmentIds.map((attachment_id, position) => ({ session_id: sessionId, attachment_id, position })))
    .execute();
}

/** The attachments among `ids` that `accountId` uploaded. */
export function attachmentsUploadedBy(db: Executor, ids: readonly string[], accountId: string) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('attachment').select('id').where('id', 'in', [...ids]).where('uploaded_by', '=', accountId).execute();
}

/** Sessions that hold an attachment as material. */
export function sessionsHoldingAttachment(db: Executor, attachmentId: string) {
  return db
    .selectFrom('training_material as m')
    .innerJoin('training_session as s', 's.id', 'm.session_id')
    .selectAll('s')
    .where('m.attachment_id', '=', attachmentId)
    .execute();
}

export function attendanceCounts(db: Executor, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('training_attendance')
    .select(['session_id', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('session_id', 'in', [...sessionIds])
    .groupBy('session_id')
    .execute();
}

/** Who attended a session, those within `within` only (a county session's readers below see their own area's). */
export function attendanceOfSession(db: Executor, sessionId: string, within: string) {
  return db
    .selectFrom('training_attendance as a')
    .innerJoin('account as p', 'p.id', 'a.account_id')
    .innerJoin('account as r', 'r.id', 'a.recorded_by')
    .select([
      'a.session_id',
      'a.account_id',
      'a.how',
      'a.at',
      'a.recorded_by',
      'p.display_name as account_name',
      'p.role',
      'p.org_path',
      'p.department_id',
      'r.display_name as recorded_by_name',
    ])
    .where('a.session_id', '=', sessionId)
    .where(startsWith('p.org_path', within))
    .orderBy('a.at')
    .orderBy('a.account_id')
    .execute();
}
export type AttendanceRow = Awaited<ReturnType<typeof attendanceOfSession>>[number];

export function findAttendance(db: Executor, sessionId: string, accountId: string) {
  return db
    .selectFrom('training_attendance')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

export function findAttendanceByClientKey(db: Executor, clientKey: string) {
  return db.selectFrom('training_attendance').selectAll().where('client_key', '=', clientKey).executeTakeFirst();
}

/**
 * Adds attendance rows and answers the accounts it added: a row that meets an existing one (the
 * account already present, even by a concurrent transaction, or its client key already used) is
 * left out instead of failing, so that the caller answers the idempotent result.
 */
export async function insertAttendance(db: Executor, rows: readonly TrainingAttendanceTable[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const added = await db
    .insertInto('training_attendance')
    .values([...rows])
    .onConflict((conflict) => conflict.doNothing())
    .returning('account_id')
    .execute();
  return added.map((row) => row.account_id);
}

/** Marks a planned session held (attendance proves it took place); a held or cancelled one stays. */
export async function markSessionHeld(db: Executor, id: string, now: string): Promise<void> {
  await db
    .updateTable('training_session')
    .set((eb) => ({ status: 'held', version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('status', '=', 'planned')
    .execute();
}

/** Accounts by id with what decides whether they may attend a session. */
export function accountsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('account')
    .select(['id', 'display_name', 'role', 'org_path', 'department_id', 'disabled_at'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Active accounts of the given roles within a scope, by name; `q` narrows by name or user name. */
export function traineesInScope(
  db: Executor,
  scopePath: string,
  roles: readonly Role[],
  options: { readonly q?: string; readonly departmentId?: string; readonly limit?: number } = {},
) {
  let query = db
    .selectFrom('account')
    .select(['id', 'display_name', 'username', 'role', 'org_path', 'department_id', 'created_at'])
    .where(startsWith('org_path', scopePath))
    .where('role', 'in', [...roles])
    .where('disabled_at', 'is', null);
  if (options.q) {
    // `_` stays a one-character wildcard (harmless: it matches itself too); `%` and `\\` are dropped.
    const pattern = `%${options.q.replace(/[\\%]/g, '')}%`;
    query = query.where((eb) =>
      eb.or([eb('display_name', 'like', pattern), eb('username', 'like', pattern)]),
    );
  }
  if (options.departmentId) query = query.where('department_id', '=', options.departmentId);
  return query
    .orderBy('org_path')
    .orderBy('display_name')
    .orderBy('id')
    .limit(options.limit ?? 2000)
    .execute();
}

/** What each of the accounts attended in a date range (cancelled sessions do not count). */
export function attendedInRange(db: Executor, accountIds: readonly string[], from: string, to: string) {
  if (accountIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('training_attendance as a')
    .innerJoin('training_session as s', 's.id', 'a.session_id')
    .select([
      'a.account_id',
      'a.how',
      'a.at',
      's.id as session_id',
      's.kind',
      's.topic',
      's.date',
      's.start_time',
      's.place',
    ])
    .where('a.account_id', 'in', [...accountIds])
    .where('s.date', '>=', from)
    .where('s.date', '<=', to)
    .where('s.status', '!=', 'cancelled')
    .orderBy('s.date')
    .orderBy('s.start_time')
    .execute();
}

export function unitsByPaths(db: Executor, paths: readonly string[]) {
  if (paths.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_unit').select(['path', 'name', 'kind']).where('path', 'in', [...paths]).execute();
}

export function departmentsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('department').select(['id', 'name', 'org_path']).where('id', 'in', [...ids]).execute();
}

/** Demo only: staff seeded today have been in post since `createdAt` (a year of trainings behind them). */
export async function backdateAccountsCreated(db: Executor, ids: readonly string[], createdAt: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('account').set({ created_at: createdAt }).where('id', 'in', [...ids]).where('created_at', '>', createdAt).execute();
}

/** When an account was created (compliance asks nothing of periods that ended before it). */
export function accountCreatedAt(db: Executor, accountId: string) {
  return db.selectFrom('account').select(['created_at']).where('id', '=', accountId).executeTakeFirst();
}
