// SQL for the territory: units, grids and their workers. Reads take the caller's scope prefix.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { OrgUnitTable } from '../../db/tables/territory.table.js';
import { startsWith } from '../../db/sql-helpers.js';

type Executor = Kysely<Database> | Transaction<Database>;

export function findUnitByPath(db: Executor, path: string) {
  return db.selectFrom('org_unit').selectAll().where('path', '=', path).executeTakeFirst();
}

export function findUnitInScope(db: Executor, scopePath: string, id: string) {
  return db.selectFrom('org_unit').selectAll().where('id', '=', id).where(startsWith('path', scopePath)).where('retired_at', 'is', null).executeTakeFirst();
}

export function unitsInScope(db: Executor, scopePath: string, ids: readonly string[]) {
  return db.selectFrom('org_unit').selectAll().where('id', 'in', ids).where(startsWith('path', scopePath)).where('retired_at', 'is', null).execute();
}

/** Children of a unit with how many children each has, for a lazily expanded tree. */
export function childrenOf(db: Executor, parentId: string) {
  return db
    .selectFrom('org_unit as u')
    .select((eb) => [
      'u.id',
      'u.code',
      'u.name',
      'u.kind',
      'u.path',
      'u.parent_id',
      eb
        .selectFrom('org_unit as c')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('c.parent_id', '=', 'u.id')
        .where('c.retired_at', 'is', null)
        .as('children'),
    ])
    .where('u.parent_id', '=', parentId)
    .where('u.retired_at', 'is', null)
    .orderBy('u.path')
    .execute();
}

/** Live counties within a scope: where a platform-wide account starts the tree. */
export function countiesInScope(db: Executor, scopePath: string) {
  return db.selectFrom('org_unit').selectAll().where('kind', '=', 'county').where(startsWith('path', scopePath)).where('retired_at', 'is', null).orderBy('path').execute();
}

export async function countChildren(db: Executor, id: string): Promise<number> {
  const row = await db.selectFrom('org_unit').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', id).where('retired_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUnit(db: Executor, row: OrgUnitTable): Promise<void> {
  await db.insertInto('org_unit').values(row).execute();
}

export async function updateUnit(
  db: Executor,
  id: string,
  changes: Partial<Pick<OrgUnitTable, 'name' | 'kind' | 'boundary' | 'min_lon' | 'min_lat' | 'max_lon' | 'max_lat' | 'retired_at' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('org_unit').set(changes).where('id', '=', id).execute();
}

/** Every unit under a county path, retired ones too: an import compares against all of them. */
export function unitsUnder(db: Executor, path: string) {
  return db.selectFrom('org_unit').selectAll().where(startsWith('path', path)).execute();
}

/** Live grids of one village, for codes and the overlap check. */
export function gridsOfVillage(db: Executor, villageId: string) {
  return db.selectFrom('org_unit').selectAll().where('parent_id', '=', villageId).where('kind', '=', 'grid').where('retired_at', 'is', null).orderBy('code').execute();
}

/** Every grid code ever used in a village, so that a retired code is never given again. */
export async function gridCodesEverUsed(db: Executor, villageId: string): Promise<string[]> {
  const rows = await db.selectFrom('org_unit').select('code').where('parent_id', '=', villageId).where('kind', '=', 'grid').execute();
  return rows.map((row) => row.code);
}

/**
 * Live grids in scope listed under a point's tile whose bounding box holds the point: one
 * primary-key lookup on grid_cell, then the box test; the exact polygon test is the caller's.
 */
export function gridsWhoseBoxHolds(db: Executor, scopePath: string, cell: string, lon: number, lat: number) {
  return gridsWhoseBoxHoldsQuery(db, scopePath, cell, lon, lat).execute();
}

/** The query of gridsWhoseBoxHolds, unexecuted, so that a test can ask for its plan. */
export function gridsWhoseBoxHoldsQuery(db: Executor, scopePath: string, cell: string, lon: number, lat: number) {
  return db
    .selectFrom('grid_cell')
    .innerJoin('org_unit', 'org_unit.id', 'grid_cell.grid_id')
    .selectAll('org_unit')
    .where('grid_cell.cell', '=', cell)
    .where('org_unit.retired_at', 'is', null)
    .where('org_unit.min_lon', '<=', lon)
    .where('org_unit.max_lon', '>=', lon)
    .where('org_unit.min_lat', '<=', lat)
    .where('org_unit.max_lat', '>=', lat)
    .where(startsWith('org_unit.path', scopePath));
}

/** Lists a grid under the tiles of its boundary (none when it has no boundary or retires). */
export async function replaceGridCells(db: Executor, gridId: string, cells: readonly string[]): Promise<void> {
  await db.deleteFrom('grid_cell').where('grid_id', '=', gridId).execute();
  // Insert in slices: SQLite takes at most 32,766 bound parameters in one statement.
  for (let start = 0; start < cells.length; start += 1000) {
    await db.insertInto('grid_cell').values(cells.slice(start, start + 1000).map((cell) => ({ cell, grid_id: gridId }))).execute();
  }
}

export function workersOf(db: Executor, gridIds: readonly string[]) {
  if (gridIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('grid_worker')
    .innerJoin('account', 'account.id', 'grid_worker.account_id')
    .select(['grid_worker.grid_id', 'account.id', 'account.display_name', 'account.role'])
    .where('grid_worker.grid_id', 'in', gridIds)
    .orderBy('account.display_name')
    .execute();
}

export function accountsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('account').select(['id', 'username', 'role', 'org_path', 'disabled_at']).where('id', 'in', ids).execute();
}

export async function replaceWorkers(db: Executor, gridId: string, accountIds: readonly string[], at: string): Promise<void> {
  await db.deleteFrom('grid_worker').where('grid_id', '=', gridId).execute();
  if (accountIds.length > 0) {
    await db.insertInto('grid_worker').values(accountIds.map((account_id) => ({ grid_id: gridId, account_id, assigned_at: at }))).execute();
  }
}
