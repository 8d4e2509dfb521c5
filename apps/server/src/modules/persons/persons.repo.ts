// SQL for the registry's people; every read takes the caller's scope prefix.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { NewPerson, PersonHistoryTable, PersonTable } from '../../db/tables/person.table.js';
import { contains, startsWith, unitCodeColumns, withinScope } from '../../db/sql-helpers.js';

type Executor = Kysely<Database> | Transaction<Database>;

export function findPersonInScope(db: Executor, scopePath: string, id: string) {
  return db.selectFrom('person').selectAll().where('id', '=', id).where(startsWith('path', scopePath)).executeTakeFirst();
}

export function findByIdIndex(db: Executor, idIndex: string) {
  return db.selectFrom('person').select(['id', 'path']).where('id_index', '=', idIndex).execute();
}

export async function insertPerson(db: Executor, row: NewPerson): Promise<void> {
  await db.insertInto('person').values({ ...row, ...unitCodeColumns(row.path) }).execute();
}

/** Writes the new state only if nobody changed the row since `version` was read. */
export async function updatePerson(db: Executor, id: string, version: number, changes: Partial<NewPerson>): Promise<boolean> {
  const result = await db
    .updateTable('person')
    .set({ ...changes, ...(changes.path === undefined ? {} : unitCodeColumns(changes.path)) }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertHistory(db: Executor, row: PersonHistoryTable): Promise<void> {
  await db.insertInto('person_history').values(row).execute();
}

export function historyOf(db: Executor, id: string) {
  return db.selectFrom('person_history').selectAll().where('person_id', '=', id).orderBy('version').execute();
}

export interface PersonFilters {
  readonly pathPrefix?: string;
  readonly namePrefix?: string;
  readonly nameContains?: string;
  readonly idIndex?: string;
  readonly phoneIndex?: string;
  readonly gridId?: string;
  readonly residenceStatus?: PersonTable['residence_status'];
  readonly status?: PersonTable['status'];
  readonly beforeId?: string;
}

export function listPersonsQuery(db: Executor, scopePath: string, filters: PersonFilters, limit: number) {
  let query = db.selectFrom('person').selectAll().where(withinScope('person', scopePath));
  if (filters.pathPrefix) query = query.where(withinScope('person', filters.pathPrefix));
  if (filters.namePrefix) query = query.where(startsWith('name', filters.namePrefix));
  if (filters.nameContains) query = query.where(contains('name', filters.nameContains));
  if (filters.idIndex) query = query.where('id_index', '=', filters.idIndex);
  if (filters.phoneIndex) query = query.where('phone_index', '=', filters.phoneIndex);
  if (filters.gridId) query = query.where('grid_id', '=', filters.gridId);
  if (filters.residenceStatus) query = query.where('residence_status', '=', filters.residenceStatus);
  if (filters.status) query = query.where('status', '=', filters.status);
  if (filters.beforeId) query = query.where('id', '<', filters.beforeId);
  return query.orderBy('id', 'desc').limit(limit);
}

export function findGridInScope(db: Executor, scopePath: string, id: string) {
  return db.selectFrom('org_unit').select(['id', 'path']).where('id', '=', id).where('kind', '=', 'grid').where('retired_at', 'is', null).where(startsWith('path', scopePath)).executeTakeFirst();
}

export function findUnitInScope(db: Executor, scopePath: string, id: string) {
  return db.selectFrom('org_unit').select(['id', 'path']).where('id', '=', id).where('retired_at', 'is', null).where(startsWith('path', scopePath)).executeTakeFirst();
}

// Imports: many people at once, found and written in batches.

export function personsByIdIndexes(db: Executor, indexes: readonly string[]) {
  if (indexes.length === 0) return Promise.resolve([]);
  return db.selectFrom('person').selectAll().where('id_index', 'in', [...indexes]).execute();
}

/** Rows in chunks that stay under SQLite's 32 766 bound parameters. */
export async function insertPersons(db: Executor, rows: readonly NewPerson[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500).map((row) => ({ ...row, ...unitCodeColumns(row.path) }));
    if (chunk.length > 0) await db.insertInto('person').values(chunk).execute();
  }
}

export async function insertHistories(db: Executor, rows: readonly PersonHistoryTable[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 1000) {
    const chunk = rows.slice(start, start + 1000);
    if (chunk.length > 0) await db.insertInto('person_history').values(chunk).execute();
  }
}

/** The villages, communities and grids of a scope, to place imported rows by code or name. */
export function placesInScope(db: Executor, scopePath: string) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'kind', 'path', 'parent_id'])
    .where(startsWith('path', scopePath))
    .where('kind', 'in', ['village', 'community', 'resident_group', 'grid'])
    .where('retired_at', 'is', null)
    .execute();
}

/** People in scope in id order, a page at a time, for exports. */
export function personsPage(db: Executor, scopePath: string, filters: PersonFilters, limit: number) {
  return listPersonsQuery(db, scopePath, filters, limit).execute();
}
