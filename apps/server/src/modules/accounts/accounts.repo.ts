// SQL for account administration. Every read takes the caller's scope: an org path prefix, or a
// department for department leaders.
import type { Kysely, Transaction } from 'kysely';
import type { Role } from '@gridwork/core';
import type { Database } from '../../db/schema.js';
import type { AccountTable } from '../../db/tables/account.table.js';
import { contains, startsWith } from '../../db/sql-helpers.js';

type Executor = Kysely<Database> | Transaction<Database>;

export type AccountScope = { readonly pathPrefix: string } | { readonly departmentId: string };

export interface AccountFilter {
  readonly role?: Role;
  readonly orgPath?: string;
  readonly departmentId?: string;
  readonly q?: string;
  readonly includeDisabled?: boolean;
  readonly after?: string;
  readonly limit: number;
}

function scoped(db: Executor, scope: AccountScope) {
  const query = db.selectFrom('account').selectAll();
  return 'pathPrefix' in scope
    ? query.where(startsWith('org_path', scope.pathPrefix))
    : query.where('department_id', '=', scope.departmentId);
}

export function listAccounts(db: Executor, scope: AccountScope, filter: AccountFilter) {
  let query = scoped(db, scope);
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.orgPath) query = query.where(startsWith('org_path', filter.orgPath));
  if (filter.departmentId) query = query.where('department_id', '=', filter.departmentId);
  if (filter.q) {
    const text = filter.q;
    query = query.where((eb) => eb.or([contains('username', text), contains('display_name', text)]));
  }
  if (!filter.includeDisabled) query = query.where('disabled_at', 'is', null);
  if (filter.after) query = query.where('username', '>', filter.after);
  return query.orderBy('username').limit(filter.limit).execute();
}

export function findAccountInScope(db: Executor, scope: AccountScope, id: string) {
  return scoped(db, scope).where('id', '=', id).executeTakeFirst();
}

export async function updateAccount(
  db: Executor,
  id: string,
  changes: Partial<
    Pick<AccountTable, 'display_name' | 'org_path' | 'department_id' | 'role' | 'disabled_at' | 'updated_at'>
  >,
): Promise<void> {
  await db.updateTable('account').set(changes).where('id', '=', id).execute();
}

export async function orgUnitExists(db: Executor, path: string): Promise<boolean> {
  const row = await db
    .selectFrom('org_unit')
    .select('id')
    .where('path', '=', path)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export function findDepartment(db: Executor, id: string) {
  return db
    .selectFrom('department')
    .select(['id', 'org_path', 'disabled_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function moveGridAssignments(
  db: Executor,
  fromId: string,
  toId: string,
  at: string,
): Promise<number> {
  const grids = await db
    .selectFrom('grid_worker')
    .select('grid_id')
    .where('account_id', '=', fromId)
    .execute();
  const already = new Set(
    (await db.selectFrom('grid_worker').select('grid_id').where('account_id', '=', toId).execute()).map(
      (row) => row.grid_id,
    ),
  );
  const moving = grids.map((row) => row.grid_id).filter((gridId) => !already.has(gridId));
  if (moving.length > 0) {
    await db
      .insertInto('grid_worker')
      .values(moving.map((grid_id) => ({ grid_id, account_id: toId, assigned_at: at })))
      .execute();
  }
  await db.deleteFrom('grid_worker').where('account_id', '=', fromId).execute();
  return grids.length;
}
