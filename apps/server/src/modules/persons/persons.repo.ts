// SQL for the registry's people; every read takes the caller's scope prefix.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { NewPerson, PersonHistoryTable, PersonTable, PersonVerificationTable } from '../../db/tables/person.table.js';
import { contains, insertMany, startsWith, unitCodeColumns, withinScope } from '../../db/sql-helpers.js';

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
  /** Name searches list by name, then id: the keyset is both. */
  readonly afterName?: { readonly name: string; readonly id: string };
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
  if (filters.namePrefix) {
    // By name, from the name index in order: a common surname's page needs no sort of its thousands.
    const after = filters.afterName;
    if (after) query = query.where((eb) => eb.or([eb('name', '>', after.name), eb.and([eb('name', '=', after.name), eb('id', '>', after.id)])]));
    return query.orderBy('name').orderBy('id').limit(limit);
  }
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

export async function insertPersons(db: Executor, rows: readonly NewPerson[]): Promise<void> {
  await insertMany(db, 'person', rows.map((row) => ({ ...row, ...unitCodeColumns(row.path) })));
}

export async function insertHistories(db: Executor, rows: readonly PersonHistoryTable[]): Promise<void> {
  await insertMany(db, 'person_history', rows);
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

// Verification and data quality

export async function insertVerification(db: Executor, row: PersonVerificationTable): Promise<void> {
  await db.insertInto('person_verification').values(row).execute();
}

/** The grids a grid worker is assigned to. */
export async function gridsOfWorker(db: Executor, accountId: string): Promise<string[]> {
  return (await db.selectFrom('grid_worker').select('grid_id').where('account_id', '=', accountId).execute()).map((row) => row.grid_id);
}

/** Active people never verified, or verified before their group's cutoff: the oldest first. */
export function duePersons(db: Executor, scopePath: string, gridIds: readonly string[] | null, cutoffs: { normal: string; key: string }, limit: number) {
  let query = db
    .selectFrom('person')
    .selectAll()
    .where(withinScope('person', scopePath))
    .where('status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('verified_at', 'is', null),
        eb.and([eb('key_group', '=', 1), eb('verified_at', '<', cutoffs.key)]),
        eb.and([eb('key_group', '=', 0), eb('verified_at', '<', cutoffs.normal)]),
      ]),
    );
  if (gridIds) query = gridIds.length === 0 ? query.where(sql<boolean>`1 = 0`) : query.where('grid_id', 'in', [...gridIds]);
  return query.orderBy(sql`coalesce(verified_at, '')`).orderBy('id').limit(limit).execute();
}

const count = (condition: ReturnType<typeof sql<boolean>>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;

/** Per path (grid, or village for people without a grid): counts for the quality report. */
export function qualityByPath(db: Executor, scopePath: string, today: string, cutoffs: { normal: string; key: string }) {
  return db
    .selectFrom('person')
    .select((eb) => [
      'path',
      eb.fn.countAll<number>().as('people'),
      count(sql<boolean>`phone_index is not null`).as('with_phone'),
      count(sql<boolean>`address is not null`).as('with_address'),
      count(sql<boolean>`hukou_place is not null`).as('with_hukou'),
      count(sql<boolean>`ethnicity is not null`).as('with_ethnicity'),
      count(sql<boolean>`phone_index is not null and address is not null and hukou_place is not null and ethnicity is not null`).as('complete'),
      count(sql<boolean>`birth_date is null or birth_date > ${today} or birth_date < '1900-01-01'`).as('invalid'),
      count(sql<boolean>`verified_at is null or (key_group = 1 and verified_at < ${cutoffs.key}) or (key_group = 0 and verified_at < ${cutoffs.normal})`).as('overdue'),
    ])
    .where(withinScope('person', scopePath))
    .where('status', '=', 'active')
    .groupBy('path')
    .execute();
}

/** People sharing name and birth date with another active person: per path, and the pairs' keys. */
export function possibleDuplicates(db: Executor, scopePath: string) {
  return db
    .selectFrom('person')
    .select(['path', 'name', 'birth_date'])
    .where(withinScope('person', scopePath))
    .where('status', '=', 'active')
    .where('birth_date', 'is not', null)
    .where(({ exists, selectFrom, ref }) =>
      exists(
        selectFrom('person as other')
          .select('other.id')
          .whereRef('other.name', '=', ref('person.name'))
          .whereRef('other.birth_date', '=', ref('person.birth_date'))
          .whereRef('other.id', '!=', ref('person.id'))
          .where('other.status', '=', 'active'),
      ),
    )
    .execute();
}

export function verificationsByPath(db: Executor, scopePath: string, since: string) {
  return db
    .selectFrom('person_verification')
    .select((eb) => ['path', eb.fn.countAll<number>().as('total'), count(sql<boolean>`outcome = 'confirmed'`).as('confirmed')])
    .where(startsWith('path', scopePath))
    .where('at', '>=', since)
    .groupBy('path')
    .execute();
}

export function unitsByPaths(db: Executor, paths: readonly string[]) {
  if (paths.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_unit').select(['path', 'name', 'kind']).where('path', 'in', [...paths]).execute();
}
