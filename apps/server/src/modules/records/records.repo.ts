// SQL for households, houses, organisations, places and facilities; every read takes the scope.
import { ENDING_STATES, RECORD_KINDS, type RecordKind } from '@gridwork/core';
import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../db/schema.js';
import type { NewRegistryRecord, RegistryMemberTable, RegistryRecordHistoryTable } from '../../db/tables/registry-record.table.js';
import { contains, startsWith, unitCodeColumns, withinScope } from '../../db/sql-helpers.js';

export function recordInScope(db: Executor, kind: RecordKind, scopePath: string, id: string) {
  return db.selectFrom('registry_record').selectAll().where('id', '=', id).where('kind', '=', kind).where(withinScope('registry_record', scopePath)).executeTakeFirst();
}

export function recordByKey(db: Executor, kind: RecordKind, key: string) {
  return db.selectFrom('registry_record').select(['id']).where('kind', '=', kind).where('record_key', '=', key).executeTakeFirst();
}

export async function insertRecord(db: Executor, row: NewRegistryRecord): Promise<void> {
  await db.insertInto('registry_record').values({ ...row, ...unitCodeColumns(row.path) }).execute();
}

export async function updateRecord(db: Executor, id: string, version: number, changes: Partial<NewRegistryRecord>): Promise<boolean> {
  const result = await db
    .updateTable('registry_record')
    .set({ ...changes, ...(changes.path === undefined ? {} : unitCodeColumns(changes.path)) })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertHistory(db: Executor, row: RegistryRecordHistoryTable): Promise<void> {
  await db.insertInto('registry_record_history').values(row).execute();
}

export function historyOf(db: Executor, id: string) {
  return db.selectFrom('registry_record_history').selectAll().where('record_id', '=', id).orderBy('version').execute();
}

export interface RecordFilters {
  readonly namePrefix?: string;
  readonly nameContains?: string;
  readonly addressContains?: string;
  readonly key?: string;
  readonly category?: string;
  readonly state?: string;
  readonly pathPrefix?: string;
  readonly gridId?: string;
  readonly beforeId?: string;
}

export function listRecords(db: Executor, kind: RecordKind, scopePath: string, filters: RecordFilters, limit: number) {
  return listRecordsQuery(db, kind, scopePath, filters, limit).execute();
}

/** The list's query, newest first (descending ids), unexecuted: the export pages through it too. */
export function listRecordsQuery(db: Executor, kind: RecordKind, scopePath: string, filters: RecordFilters, limit: number) {
  let query = db.selectFrom('registry_record').selectAll().where('kind', '=', kind).where(withinScope('registry_record', scopePath));
  if (filters.pathPrefix) query = query.where(withinScope('registry_record', filters.pathPrefix));
  if (filters.namePrefix) query = query.where(startsWith('name', filters.namePrefix));
  if (filters.nameContains) query = query.where(contains('name', filters.nameContains));
  if (filters.addressContains) query = query.where(contains('address', filters.addressContains));
  if (filters.key) query = query.where('record_key', '=', filters.key);
  if (filters.category) query = query.where('category', '=', filters.category);
  if (filters.state) query = query.where('state', '=', filters.state);
  if (filters.gridId) query = query.where('grid_id', '=', filters.gridId);
  if (filters.beforeId) query = query.where('id', '<', filters.beforeId);
  return query.orderBy('id', 'desc').limit(limit);
}

export async function memberCounts(db: Executor, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('registry_member').select((eb) => ['record_id', eb.fn.countAll<number>().as('members')]).where('record_id', 'in', [...ids]).groupBy('record_id').execute();
  return new Map(rows.map((row) => [row.record_id, Number(row.members)]));
}

export function membersOf(db: Executor, id: string) {
  return db
    .selectFrom('registry_member')
    .innerJoin('person', 'person.id', 'registry_member.person_id')
    .select(['registry_member.person_id', 'registry_member.relation', 'registry_member.since', 'person.name', 'person.id_masked'])
    .where('registry_member.record_id', '=', id)
    .orderBy('registry_member.since')
    .orderBy('person.id')
    .execute();
}

export async function replaceMembers(db: Executor, id: string, rows: readonly RegistryMemberTable[]): Promise<void> {
  await db.deleteFrom('registry_member').where('record_id', '=', id).execute();
  if (rows.length > 0) await db.insertInto('registry_member').values([...rows]).execute();
}

export function personsInScope(db: Executor, scopePath: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('person').select(['id']).where('id', 'in', [...ids]).where(withinScope('person', scopePath)).execute();
}

/** The households and houses a person belongs to, within scope. */
export function recordsOfPerson(db: Executor, scopePath: string, personId: string) {
  return db
    .selectFrom('registry_member')
    .innerJoin('registry_record', 'registry_record.id', 'registry_member.record_id')
    .select(['registry_record.id', 'registry_record.kind', 'registry_record.name', 'registry_member.relation'])
    .where('registry_member.person_id', '=', personId)
    .where(withinScope('registry_record', scopePath))
    .orderBy('registry_record.id')
    .execute();
}

/** Each kind's re-verification cut-off: a record of that kind verified before it is due. */
export type RecordCutoffs = Readonly<Record<RecordKind, string>>;

/** Never verified, or verified before the cut-off of the record's own kind. */
function isDue(cutoffs: RecordCutoffs) {
  return sql<SqlBool>`(verified_at is null${sql.join(
    RECORD_KINDS.map((kind) => sql` or (kind = ${kind} and verified_at < ${cutoffs[kind]})`),
    sql``,
  )})`;
}

/** Records in use per path and kind, and how many of them are due for verification. */
export function recordQualityByPath(db: Executor, scopePath: string, cutoffs: RecordCutoffs) {
  return db
    .selectFrom('registry_record')
    .select((eb) => ['path', 'kind', eb.fn.countAll<number>().as('records'), sql<number>`sum(case when ${isDue(cutoffs)} then 1 else 0 end)`.as('overdue')])
    .where(withinScope('registry_record', scopePath))
    .where('state', 'not in', [...ENDING_STATES])
    .groupBy(['path', 'kind'])
    .execute();
}

/** Records in use never verified or verified before their kind's cut-off, oldest first, optionally in some grids only. */
export function dueRecords(db: Executor, scopePath: string, gridIds: readonly string[] | null, cutoffs: RecordCutoffs, limit: number) {
  let query = db
    .selectFrom('registry_record')
    .selectAll()
    .where(withinScope('registry_record', scopePath))
    .where('state', 'not in', [...ENDING_STATES])
    .where(isDue(cutoffs));
  if (gridIds) query = gridIds.length === 0 ? query.where(sql<boolean>`1 = 0`) : query.where('grid_id', 'in', [...gridIds]);
  return query.orderBy(sql`coalesce(verified_at, '')`).orderBy('id').limit(limit).execute();
}
