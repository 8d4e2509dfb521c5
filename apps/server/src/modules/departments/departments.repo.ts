// SQL for departments. A caller sees the departments that serve its area (at or above its unit)
// and those inside it (below its unit).
import { ancestorPaths } from '@gridwork/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DepartmentTable } from '../../db/tables/territory.table.js';
import { startsWith } from '../../db/sql-helpers.js';

type Executor = Kysely<Database> | Transaction<Database>;

function visibleTo(db: Executor, scopePath: string) {
  return db
    .selectFrom('department')
    .selectAll()
    .where((eb) =>
      eb.or([
        startsWith('org_path', scopePath),
        // The department sits at or above the caller's unit: it serves the caller's area.
        eb('org_path', 'in', ancestorPaths(scopePath)),
      ]),
    );
}

export function listDepartments(db: Executor, scopePath: string, includeDisabled: boolean) {
  let query = visibleTo(db, scopePath);
  if (!includeDisabled) query = query.where('disabled_at', 'is', null);
  return query.orderBy('org_path').orderBy('name').execute();
}

export function findVisibleDepartment(db: Executor, scopePath: string, id: string) {
  return visibleTo(db, scopePath).where('id', '=', id).executeTakeFirst();
}

export async function categoriesOf(db: Executor, ids: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('department_category')
    .selectAll()
    .where('department_id', 'in', ids)
    .orderBy('category_code')
    .execute();
  for (const row of rows)
    map.set(row.department_id, [...(map.get(row.department_id) ?? []), row.category_code]);
  return map;
}

export function staffOf(db: Executor, id: string) {
  return db
    .selectFrom('account')
    .select(['id', 'display_name', 'role', 'last_sign_in_at'])
    .where('department_id', '=', id)
    .where('disabled_at', 'is', null)
    .orderBy('display_name')
    .execute();
}

export async function nameTaken(
  db: Executor,
  orgPath: string,
  name: string,
  exceptId: string | null,
): Promise<boolean> {
  let query = db
    .selectFrom('department')
    .select('id')
    .where('org_path', '=', orgPath)
    .where('name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export function findUnit(db: Executor, path: string) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'kind'])
    .where('path', '=', path)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
}

export async function insertDepartment(db: Executor, row: DepartmentTable): Promise<void> {
  await db.insertInto('department').values(row).execute();
}

export async function updateDepartment(
  db: Executor,
  id: string,
  changes: Partial<Pick<DepartmentTable, 'name' | 'disabled_at' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('department').set(changes).where('id', '=', id).execute();
}

export async function replaceCategories(
  db: Executor,
  id: string,
  categories: readonly string[],
): Promise<void> {
  await db.deleteFrom('department_category').where('department_id', '=', id).execute();
  if (categories.length > 0) {
    await db
      .insertInto('department_category')
      .values(categories.map((category_code) => ({ department_id: id, category_code })))
      .execute();
  }
}

/** The codes of the county's event catalogue. */
export async function knownCategoryCodes(db: Executor): Promise<Set<string>> {
  const rows = await db.selectFrom('event_category').select('code').execute();
  return new Set(rows.map((row) => row.code));
}
