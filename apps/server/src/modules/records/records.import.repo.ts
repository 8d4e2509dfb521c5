// SQL of the records import and export: records found by system number, key or name a batch at a
// time, written a batch at a time, and read a page at a time for a workbook.
import type { RecordKind } from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { NewRegistryRecord, RegistryRecordHistoryTable } from '../../db/tables/registry-record.table.js';
import { insertMany, unitCodeColumns, withinScope } from '../../db/sql-helpers.js';
import { listRecordsQuery, type RecordFilters } from './records.repo.js';

export function recordsByIdsInScope(db: Executor, kind: RecordKind, scopePath: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('registry_record').selectAll().where('kind', '=', kind).where('id', 'in', [...ids]).where(withinScope('registry_record', scopePath)).execute();
}

/** Records holding these keys, wherever they are: a key is unique in the whole installation. */
export function recordsByKeys(db: Executor, kind: RecordKind, keys: readonly string[]) {
  if (keys.length === 0) return Promise.resolve([]);
  return db.selectFrom('registry_record').selectAll().where('kind', '=', kind).where('record_key', 'in', [...keys]).execute();
}

export function recordsByNamesInScope(db: Executor, kind: RecordKind, scopePath: string, names: readonly string[]) {
  if (names.length === 0) return Promise.resolve([]);
  return db.selectFrom('registry_record').selectAll().where('kind', '=', kind).where('name', 'in', [...names]).where(withinScope('registry_record', scopePath)).execute();
}

export async function insertRecords(db: Executor, rows: readonly NewRegistryRecord[]): Promise<void> {
  await insertMany(db, 'registry_record', rows.map((row) => ({ ...row, ...unitCodeColumns(row.path) })));
}

export async function insertHistories(db: Executor, rows: readonly RegistryRecordHistoryTable[]): Promise<void> {
  await insertMany(db, 'registry_record_history', rows);
}

/** One page of an export, in id order, with the list's filters. */
export function recordsPage(db: Executor, kind: RecordKind, scopePath: string, filters: RecordFilters, limit: number) {
  return listRecordsQuery(db, kind, scopePath, filters, limit).execute();
}
