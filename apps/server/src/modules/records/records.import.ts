// Importing a workbook of households, houses, organisations, key places or facilities, a batch of
// rows at a time, as the people importer does: each row is read and checked in core, placed in a
// village and grid of the importer's scope, and found again by its system number (an exported
// row), its key (household number, credit code, facility code: unique everywhere) or, for kinds
// without a key, by grid, name and address, so that importing the same workbook twice changes
// nothing the second time. New records and changes are written with their history; a row with any
// problem is refused whole, with every problem named.
import {
  maskPhone,
  mapRecordHeaders,
  newId,
  readRecordRow,
  recordColumns,
  type RecordColumnKey,
  type RecordImportRow,
  type RecordKind,
  type RecordRowProblemCode,
  type RecordView,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { NewRegistryRecord, RegistryRecordHistoryTable } from '../../db/tables/registry-record.table.js';
import type { AppContext } from '../../platform/context.js';
import { cellsByColumn, indexPlaces, placeIn, type Place } from '../persons/persons.import.js';
import { placesInScope } from '../persons/persons.repo.js';
import * as repo from './records.import.repo.js';
import { updateRecord } from './records.repo.js';
import { toRecordView } from './records.service.js';

export interface RecordImportRejection {
  readonly rowNumber: number;
  readonly cells: Partial<Record<RecordColumnKey, string>>;
  readonly problems: readonly { readonly column: RecordColumnKey | null; readonly problem: string }[];
}

export interface RecordImportBatchResult {
  inserted: number;
  updated: number;
  unchanged: number;
  rejections: RecordImportRejection[];
  /** Identities first seen in this batch; remembered once the batch has landed. */
  seenKeys: string[];
}

export interface RecordImportJob {
  readonly kind: RecordKind;
  readonly scopePath: string;
  readonly actorId: string;
  readonly actorName: string;
  readonly fileName: string;
  readonly dryRun: boolean;
  readonly now: () => string;
}

interface Attributes {
  legalRepresentative?: string | null;
  staffCount?: number | null;
}

type Stored = Awaited<ReturnType<typeof repo.recordsByIdsInScope>>[number];

const byNameKey = (gridId: string | null, name: string, address: string | null) => `${gridId ?? ''}\u0000${name}\u0000${address ?? ''}`;

/** The fields of a view a history entry names when they change. */
function diffOf(before: RecordView, after: RecordView): Record<string, [unknown, unknown]> {
  return Object.fromEntries(
    (Object.keys(after) as (keyof RecordView)[])
      .filter((field) => field !== 'version' && field !== 'updatedAt' && JSON.stringify(before[field]) !== JSON.stringify(after[field]))
      .map((field) => [field, [before[field], after[field]]]),
  );
}

export function createRecordImporter(ctx: AppContext, job: RecordImportJob) {
  const { kind } = job;
  const crypto = ctx.fieldCrypto();
  const columnsOfKind = recordColumns(kind);
  let columns: Partial<Record<RecordColumnKey, number>> = {};
  let places: ReturnType<typeof indexPlaces> | null = null;
  /** Identities (system number, key, or grid+name+address) of rows already taken from this file. */
  const seen = new Set<string>();

  function readHeaders(headers: readonly string[]): RecordColumnKey[] {
    const mapped = mapRecordHeaders(kind, headers);
    columns = mapped.columns;
    return mapped.missing;
  }

  /** The attributes of a new record, as the records service writes them. */
  function attributesOf(row: RecordImportRow): string {
    return JSON.stringify(kind === 'organisation' ? { legalRepresentative: row.legalRepresentative, staffCount: row.staffCount } : {});
  }

  function contactOf(row: RecordImportRow): Pick<NewRegistryRecord, 'contact_sealed' | 'contact_masked'> {
    if (!row.contactPhone) return { contact_sealed: null, contact_masked: null };
    return { contact_sealed: crypto.seal(row.contactPhone), contact_masked: maskPhone(row.contactPhone) };
  }

  /** What brings a stored record in line with the row; a cell left empty keeps what is stored. */
  function changesOf(before: Stored, row: RecordImportRow, grid: Place): Partial<NewRegistryRecord> {
    const changes: Partial<NewRegistryRecord> = {};
    if (before.grid_id !== grid.id) Object.assign(changes, { grid_id: grid.id, path: grid.path });
    if (before.name !== row.name) changes.name = row.name;
    if (before.category !== row.category) changes.category = row.category;
    if (row.key !== null && before.record_key !== row.key) changes.record_key = row.key;
    if (row.address !== null && before.address !== row.address) changes.address = row.address;
    if (row.state !== null && (before.state !== row.state || (row.stateReason !== null && before.state_reason !== row.stateReason))) {
      Object.assign(changes, { state: row.state, state_reason: row.stateReason });
    }
    if (row.contactName !== null && before.contact_name !== row.contactName) changes.contact_name = row.contactName;
    if (row.contactPhone !== null && (before.contact_sealed === null || crypto.open(before.contact_sealed) !== row.contactPhone)) Object.assign(changes, contactOf(row));
    if (row.lon !== null && row.lat !== null && (before.lon !== row.lon || before.lat !== row.lat)) Object.assign(changes, { lon: row.lon, lat: row.lat });
    if (kind === 'organisation') {
      const stored = JSON.parse(before.attributes) as Attributes;
      const legalRepresentative = row.legalRepresentative ?? stored.legalRepresentative ?? null;
      const staffCount = row.staffCount ?? stored.staffCount ?? null;
      if (legalRepresentative !== (stored.legalRepresentative ?? null) || staffCount !== (stored.staffCount ?? null)) changes.attributes = JSON.stringify({ ...stored, legalRepresentative, staffCount });
    }
    return changes;
  }

  /**
   * Checks and (unless a dry run) writes one batch in `trx`. The caller commits the batch with its
   * progress, so a batch lands whole or not at all.
   */
  async function importBatch(trx: Executor, batch: readonly { number: number; cells: string[] }[]): Promise<RecordImportBatchResult> {
    places ??= indexPlaces(await placesInScope(trx, job.scopePath));
    const result: RecordImportBatchResult = { inserted: 0, updated: 0, unchanged: 0, rejections: [], seenKeys: [] };
    const read: { number: number; row: RecordImportRow; grid: Place; cells: Partial<Record<RecordColumnKey, string>> }[] = [];
    for (const line of batch) {
      const cells = cellsByColumn(columnsOfKind, columns, line.cells);
      if (Object.keys(cells).length === 0) continue;
      const checked = readRecordRow(kind, cells);
      if (!checked.ok) {
        result.rejections.push({ rowNumber: line.number, cells, problems: checked.problems });
        continue;
      }
      const place = placeIn(places, checked.row.village, checked.row.grid);
      if ('problem' in place) {
        result.rejections.push({ rowNumber: line.number, cells, problems: [{ column: place.column, problem: place.problem }] });
        continue;
      }
      read.push({ number: line.number, row: checked.row, grid: place.grid, cells });
    }

    const rows = read.map((item) => item.row);
    const byId = new Map((await repo.recordsByIdsInScope(trx, kind, job.scopePath, rows.flatMap((row) => (row.id ? [row.id] : [])))).map((record) => [record.id, record]));
    const byKey = new Map((await repo.recordsByKeys(trx, kind, rows.flatMap((row) => (row.key ? [row.key] : [])))).map((record) => [record.record_key!, record]));
    const unkeyed = read.filter((item) => !item.row.id && !item.row.key);
    const byName = new Map(
      (await repo.recordsByNamesInScope(trx, kind, job.scopePath, [...new Set(unkeyed.map((item) => item.row.name))]))
        .filter((record) => record.record_key === null)
        .map((record) => [byNameKey(record.grid_id, record.name, record.address), record]),
    );

    const now = job.now();
    const reason = `导入 ${job.fileName}`.slice(0, 200);
    const inserts: NewRegistryRecord[] = [];
    const histories: RegistryRecordHistoryTable[] = [];
    const added = new Set<string>();
    for (const item of read) {
      const { row, grid } = item;
      const reject = (column: RecordColumnKey | null, problem: RecordRowProblemCode) => result.rejections.push({ rowNumber: item.number, cells: item.cells, problems: [{ column, problem }] });
      let before: Stored | undefined;
      if (row.id) {
        before = byId.get(row.id);
        if (!before) {
          reject('id', 'record_unknown');
          continue;
        }
      } else if (row.key) {
        before = byKey.get(row.key);
        if (before && !before.path.startsWith(job.scopePath)) {
          reject('key', 'key_elsewhere');
          continue;
        }
      } else {
        before = byName.get(byNameKey(grid.id, row.name, row.address));
      }
      const holder = row.key ? byKey.get(row.key) : undefined;
      if (holder && before && holder.id !== before.id) {
        reject('key', 'key_elsewhere');
        continue;
      }
      const identity = before ? `id:${before.id}` : row.key ? `key:${row.key}` : `name:${byNameKey(grid.id, row.name, row.address)}`;
      if (seen.has(identity) || added.has(identity)) {
        reject(row.id ? 'id' : row.key ? 'key' : 'name', 'record_duplicate_in_file');
        continue;
      }
      // A masked phone (from a masked export) only stands for the number already stored.
      if (row.contactPhoneMasked !== null && (!before || before.contact_masked !== row.contactPhoneMasked)) {
        result.rejections.push({ rowNumber: item.number, cells: item.cells, problems: [{ column: 'contactPhone', problem: 'characters' }] });
        continue;
      }
      added.add(identity);

      if (!before) {
        const record: NewRegistryRecord = {
          id: newId(),
          kind,
          path: grid.path,
          grid_id: grid.id,
          name: row.name,
          address: row.address,
          category: row.category,
          state: row.state ?? 'active',
          state_reason: row.state ? row.stateReason : null,
          record_key: row.key,
          lon: row.lon,
          lat: row.lat,
          contact_name: row.contactName,
          ...contactOf(row),
          attributes: attributesOf(row),
          version: 1,
          verified_at: null,
          verified_by: null,
          created_at: now,
          updated_at: now,
        };
        inserts.push(record);
        histories.push({ record_id: record.id, version: 1, action: 'imported', reason, actor_id: job.actorId, actor_name: job.actorName, changes: JSON.stringify(toRecordView(record, 0)), at: now });
        result.inserted += 1;
        continue;
      }
      const changes = changesOf(before, row, grid);
      if (Object.keys(changes).length === 0) {
        result.unchanged += 1;
        continue;
      }
      result.updated += 1;
      if (job.dryRun) continue;
      const after: NewRegistryRecord = { ...before, ...changes, version: before.version + 1, updated_at: now };
      if (!(await updateRecord(trx, before.id, before.version, { ...changes, version: after.version, updated_at: now }))) {
        result.updated -= 1;
        reject(null, 'changed_meanwhile');
        continue;
      }
      histories.push({ record_id: before.id, version: after.version, action: 'imported', reason, actor_id: job.actorId, actor_name: job.actorName, changes: JSON.stringify(diffOf(toRecordView(before, 0), toRecordView(after, 0))), at: now });
    }
    if (!job.dryRun) {
      await repo.insertRecords(trx, inserts);
      await repo.insertHistories(trx, histories);
    }
    result.seenKeys = [...added];
    return result;
  }

  function remember(keys: readonly string[]): void {
    for (const key of keys) seen.add(key);
  }

  return { readHeaders, importBatch, remember };
}
