// SQL for accounts and sessions; nothing else happens here.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AccountTable } from '../../db/tables/account.table.js';
import type { SessionTable } from '../../db/tables/session.table.js';

type Executor = Kysely<Database> | Transaction<Database>;

export function findAccountByUsername(db: Executor, username: string) {
  return db.selectFrom('account').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findAccountById(db: Executor, id: string) {
  return db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function recordFailedSignIn(
  db: Executor,
  accountId: string,
  failures: number,
  lockedUntil: string | null,
): Promise<void> {
  await db
    .updateTable('account')
    .set({ failed_sign_ins: failures, locked_until: lockedUntil })
    .where('id', '=', accountId)
    .execute();
}

export async function countFailuresFromAddress(db: Executor, ip: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'auth.sign_in_failed')
    .where('ip', '=', ip)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setPassword(
  db: Executor,
  accountId: string,
  passwordHash: string,
  at: string,
  mustChange: 0 | 1,
): Promise<void> {
  await db
    .updateTable('account')
    .set({
      password_hash: passwordHash,
      password_changed_at: at,
      must_change_password: mustChange,
      updated_at: at,
      failed_sign_ins: 0,
      locked_until: null,
    })
    .where('id', '=', accountId)
    .execute();
}

export async function revokeOtherSessions(
  db: Executor,
  accountId: string,
  keepSessionId: string | null,
  at: string,
): Promise<number> {
  let query = db
    .updateTable('session')
    .set({ revoked_at: at })
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null);
  if (keepSessionId) query = query.where('id', '!=', keepSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertAccount(db: Executor, row: AccountTable): Promise<void> {
  await db.insertInto('account').values(row).execute();
}

export async function countAccounts(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('account')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markSignedIn(db: Executor, accountId: string, at: string): Promise<void> {
  await db
    .updateTable('account')
    .set({ last_sign_in_at: at, failed_sign_ins: 0, locked_until: null })
    .where('id', '=', accountId)
    .execute();
}

export async function insertSession(db: Executor, row: SessionTable): Promise<void> {
  await db.insertInto('session').values(row).execute();
}

/** The live session behind a cookie token, joined with its account. */
export function findLiveSession(db: Executor, tokenHash: string) {
  return db
    .selectFrom('session')
    .innerJoin('account', 'account.id', 'session.account_id')
    .select([
      'session.id as session_id',
      'session.last_seen_at',
      'session.expires_at',
      'session.revoked_at',
      'account.id as account_id',
      'account.username',
      'account.display_name',
      'account.role',
      'account.org_path',
      'account.locale',
      'account.must_change_password',
      'account.disabled_at',
      'account.password_changed_at',
      'account.department_id',
    ])
    .where('session.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSession(db: Executor, sessionId: string, at: string): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

export async function revokeSession(
  db: Executor,
  sessionId: string,
  accountId: string,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('session')
    .set({ revoked_at: at })
    .where('id', '=', sessionId)
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function listOpenSessions(db: Executor, accountId: string, now: string) {
  return db
    .selectFrom('session')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
}
