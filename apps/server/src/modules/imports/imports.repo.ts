// SQL for import jobs and the rows they refused.
import type { Executor } from '../../db/schema.js';
import type { ImportJobTable, ImportRejectionTable } from '../../db/tables/import.table.js';
import { insertMany, startsWith } from '../../db/sql-helpers.js';

export async function insertJob(db: Executor, row: ImportJobTable): Promise<void> {
  await db.insertInto('import_job').values(row).execute();
}

export async function updateJob(db: Executor, id: string, changes: Partial<ImportJobTable>): Promise<void> {
  await db.updateTable('import_job').set(changes).where('id', '=', id).execute();
}

/** A job the caller may follow: their own, or one started within their scope. */
export function findJobVisible(db: Executor, accountId: string, scopePath: string, id: string) {
  return db
    .selectFrom('import_job')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => eb.or([eb('created_by', '=', accountId), startsWith('scope_path', scopePath)]))
    .executeTakeFirst();
}

export function jobsOf(db: Executor, accountId: string, limit: number) {
  return db.selectFrom('import_job').selectAll().where('created_by', '=', accountId).orderBy('id', 'desc').limit(limit).execute();
}

export function findJob(db: Executor, id: string) {
  return db.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The oldest job waiting, or one whose runner stopped beating (a crash or a restart). */
export function nextRunnableJob(db: Executor, staleBefore: string) {
  return db
    .selectFrom('import_job')
    .selectAll()
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('heartbeat_at', '<', staleBefore)])]))
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
}

/** Takes a job for this runner, unless another runner took it first (several servers on PostgreSQL). */
export async function claimJob(db: Executor, job: Pick<ImportJobTable, 'id' | 'status' | 'heartbeat_at'>, now: string): Promise<boolean> {
  let query = db.updateTable('import_job').set({ status: 'running', heartbeat_at: now, started_at: now }).where('id', '=', job.id).where('status', '=', job.status);
  query = job.heartbeat_at === null ? query.where('heartbeat_at', 'is', null) : query.where('heartbeat_at', '=', job.heartbeat_at);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteRejections(db: Executor, jobId: string): Promise<void> {
  await db.deleteFrom('import_rejection').where('job_id', '=', jobId).execute();
}

export async function insertRejections(db: Executor, rows: readonly ImportRejectionTable[]): Promise<void> {
  await insertMany(db, 'import_rejection', rows);
}

export function rejectionsPage(db: Executor, jobId: string, afterRow: number, limit: number) {
  return db.selectFrom('import_rejection').selectAll().where('job_id', '=', jobId).where('row_number', '>', afterRow).orderBy('row_number').limit(limit).execute();
}

export function accountName(db: Executor, id: string) {
  return db.selectFrom('account').select(['username', 'display_name', 'role']).where('id', '=', id).executeTakeFirst();
}
