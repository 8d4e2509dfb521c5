// SQL of the records import and export: records found by system number, key or name a batch at a
// time, written a batch at a time, and read a page at a time for a workbook.
import type { RecordKind } from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { NewRegistryRecord, RegistryRecordHistoryTable } from '../../db/tables/registry-record.table.js';
import { unitCodeColumns, withinScope } from '../../db/sql-helpers.js';
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
  // 23 columns a row: 40 rows stay under SQLite's 999 parameters of older builds.
  for (let start = 0; start < rows.length; start += 40) {
    await db
      .insertInto('registry_record')
      .values(rows.slice(start, start + 40).map((row) => ({ ...row, ...unitCodeColumns(row.path) })))
      .execute();
  }
}

export async function insertHistories(db: Executor, rows: readonly RegistryRecordHistoryTable[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 100) await db.insertInto('registry_record_history').values(rows.slice(start, start + 100)).execute();
}

/** One page of an export, in id order, with the list's filters. */
export function recordsPage(db: Executor, kind: RecordKind, scopePath: string, filters: RecordFilters, limit: number) {
  return listRecordsQuery(db, kind, scopePath, filters, limit).execute();
}
