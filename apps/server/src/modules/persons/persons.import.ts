// Importing the people workbook, a batch of rows at a time: each row is read and checked in core,
// placed in a village and grid of the importer's scope, found by the blind index of its document
// (so a re-import updates or leaves people as they are, never duplicates them), and written with
// its history. A row with any problem is refused whole, with every problem named.
import {
  PERSON_COLUMNS,
  mapPersonHeaders,
  newId,
  maskIdNumber,
  maskPhone,
  readPersonRow,
  type CellProblem,
  type PersonColumnKey,
  type PersonImportRow,
  type RowProblemCode,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { NewPerson, PersonHistoryTable, PersonTable } from '../../db/tables/person.table.js';
import { syncVisitSchedules } from '../visits/visit-schedules.service.js';
import type { AppContext } from '../../platform/context.js';
import { DigestSet } from '../../platform/digest-set.js';
import { changesBetween, keyGroupOf } from './persons.service.js';
import * as repo from './persons.repo.js';

export interface ImportRejection {
  readonly rowNumber: number;
  readonly cells: Partial<Record<PersonColumnKey, string>>;
  readonly problems: readonly { readonly column: PersonColumnKey | null; readonly problem: CellProblem['problem'] | RowProblemCode }[];
}

export interface ImportBatchResult {
  inserted: number;
  updated: number;
  unchanged: number;
  rejections: ImportRejection[];
  /** Documents first seen in this batch; remembered once the batch has landed. */
  seenKeys: string[];
}

export interface PersonImportJob {
  readonly scopePath: string;
  readonly actorId: string;
  readonly actorName: string;
  readonly fileName: string;
  readonly dryRun: boolean;
  readonly today: string;
  readonly now: () => string;
}

export interface Place {
  readonly id: string;
  readonly path: string;
}

/** Villages by 12-digit code and by name (full or short), and their grids by code and name. */
export function indexPlaces(rows: Awaited<ReturnType<typeof repo.placesInScope>>) {
  const villages = new Map<string, Place | null>();
  const grids = new Map<string, Map<string, Place>>();
  const remember = (key: string, place: Place) => villages.set(key, villages.has(key) && villages.get(key)?.id !== place.id ? null : place);
  for (const row of rows) {
    if (row.kind === 'grid') continue;
    remember(row.code, row);
    remember(row.name, row);
    remember(row.name.replace(/(村民委员会|居民委员会|社区居委会|村委会|居委会)$/, ''), row);
  }
  for (const row of rows) {
    if (row.kind !== 'grid' || !row.parent_id) continue;
    const own = grids.get(row.parent_id) ?? new Map<string, Place>();
    own.set(row.code, row);
    own.set(row.name, row);
    grids.set(row.parent_id, own);
  }
  return { villages, grids };
}

/** A row's cells by field, from the columns the header row mapped; empty cells left out. */
export function cellsByColumn<K extends string>(all: readonly { key: K }[], columns: Partial<Record<K, number>>, values: readonly string[]): Partial<Record<K, string>> {
  const cells: Partial<Record<K, string>> = {};
  for (const column of all) {
    const index = columns[column.key];
    if (index !== undefined && values[index] !== undefined && values[index] !== '') cells[column.key] = values[index];
  }
  return cells;
}

/** The grid a row names (village by code or name, then grid by code or name), within the importer's scope. */
export function placeIn(places: ReturnType<typeof indexPlaces> | null, village: string, grid: string): { grid: Place } | { problem: 'village_unknown' | 'grid_unknown'; column: 'village' | 'grid' } {
  const found = places?.villages.get(village);
  if (!found) return { problem: 'village_unknown', column: 'village' };
  const place = places?.grids.get(found.id)?.get(grid);
  if (!place) return { problem: 'grid_unknown', column: 'grid' };
  return { grid: place };
}

function sameTags(stored: string, wanted: readonly string[]): boolean {
  const have = (JSON.parse(stored) as string[]).slice().sort();
  const want = [...wanted].sort();
  return have.length === want.length && have.every((tag, index) => tag === want[index]);
}

export function createPersonImporter(ctx: AppContext, job: PersonImportJob) {
  const crypto = ctx.fieldCrypto();
  let columns: Partial<Record<PersonColumnKey, number>> = {};
  let places: ReturnType<typeof indexPlaces> | null = null;
  /** The blind index of every document met in this file (in 16 bytes each), to catch a number given twice. */
  const seen = new DigestSet();
  /** People of the batch in writing whose visit schedules follow them (see finishBatch). */
  const toReschedule: string[] = [];

  /** Maps the header row; returns the required columns it lacks. */
  function readHeaders(headers: readonly string[]): PersonColumnKey[] {
    const mapped = mapPersonHeaders(headers);
    columns = mapped.columns;
    return mapped.missing;
  }

  function newPersonOf(row: PersonImportRow, grid: Place, index: string, now: string): NewPerson {
    return {
      id: newId(),
      path: grid.path,
      grid_id: grid.id,
      name: row.name,
      gender: row.gender,
      ethnicity: row.ethnicity,
      birth_date: row.birthDate,
      id_type: row.idType,
      id_sealed: crypto.seal(row.idNumber),
      id_index: index,
      id_masked: maskIdNumber(row.idNumber),
      phone_sealed: row.phone ? crypto.seal(row.phone) : null,
      phone_index: row.phone ? crypto.blindIndex('phone', row.phone) : null,
      phone_masked: row.phone ? maskPhone(row.phone) : null,
      hukou_place: row.hukouPlace,
      address: row.address,
      residence_status: row.residenceStatus,
      tags: JSON.stringify(row.tags),
      key_group: keyGroupOf(row.residenceStatus, row.tags),
      status: 'active',
      status_reason: null,
      version: 1,
      verified_at: null,
      verified_by: null,
      created_at: now,
      updated_at: now,
    };
  }

  /** The changes that bring a stored person in line with the row; empty when nothing differs. */
  function changesOf(before: PersonTable, row: PersonImportRow, grid: Place): Partial<NewPerson> {
    const changes: Partial<NewPerson> = {};
    const phoneIndex = row.phone ? crypto.blindIndex('phone', row.phone) : null;
    if (before.grid_id !== grid.id) Object.assign(changes, { grid_id: grid.id, path: grid.path });
    if (before.name !== row.name) changes.name = row.name;
    if (before.id_type !== row.idType) changes.id_type = row.idType;
    if (before.gender !== row.gender && row.gender !== null) changes.gender = row.gender;
    if (before.birth_date !== row.birthDate && row.birthDate !== null) changes.birth_date = row.birthDate;
    if (before.ethnicity !== row.ethnicity) changes.ethnicity = row.ethnicity;
    if (before.phone_index !== phoneIndex) {
      Object.assign(changes, { phone_sealed: row.phone ? crypto.seal(row.phone) : null, phone_index: phoneIndex, phone_masked: row.phone ? maskPhone(row.phone) : null });
    }
    if (before.hukou_place !== row.hukouPlace) changes.hukou_place = row.hukouPlace;
    if (before.address !== row.address) changes.address = row.address;
    if (before.residence_status !== row.residenceStatus) changes.residence_status = row.residenceStatus;
    if (!sameTags(before.tags, row.tags)) changes.tags = JSON.stringify(row.tags);
    const keyGroup = keyGroupOf(row.residenceStatus, row.tags);
    if (keyGroup !== before.key_group) changes.key_group = keyGroup;
    return changes;
  }

  /**
   * Checks and (unless a dry run) writes some rows of a batch in `trx`. The caller calls
   * finishBatch and commits the batch with its progress, so a batch lands whole or not at all.
   */
  async function importBatch(trx: Executor, batch: readonly { number: number; cells: string[] }[]): Promise<ImportBatchResult> {
    places ??= indexPlaces(await repo.placesInScope(trx, job.scopePath));
    const result: ImportBatchResult = { inserted: 0, updated: 0, unchanged: 0, rejections: [], seenKeys: [] };
    const added = new Set<string>();
    const good: { number: number; row: PersonImportRow; grid: Place; index: string; cells: Partial<Record<PersonColumnKey, string>> }[] = [];
    for (const line of batch) {
      const cells = cellsByColumn(PERSON_COLUMNS, columns, line.cells);
      if (Object.keys(cells).length === 0) continue;
      const read = readPersonRow(cells, job.today);
      if (!read.ok) {
        result.rejections.push({ rowNumber: line.number, cells, problems: read.problems });
        continue;
      }
      const place = placeIn(places, read.row.village, read.row.grid);
      if ('problem' in place) {
        result.rejections.push({ rowNumber: line.number, cells, problems: [{ column: place.column, problem: place.problem }] });
        continue;
      }
      const index = crypto.blindIndex(read.row.idType === 'resident_id' ? 'id_number' : 'id_other', read.row.idNumber);
      if (seen.has(index) || added.has(index)) {
        result.rejections.push({ rowNumber: line.number, cells, problems: [{ column: 'idNumber', problem: 'duplicate_in_file' }] });
        continue;
      }
      added.add(index);
      good.push({ number: line.number, row: read.row, grid: place.grid, index, cells });
    }

    const existing = new Map((await repo.personsByIdIndexes(trx, good.map((item) => item.index))).map((person) => [person.id_index, person]));
    const now = job.now();
    const inserts: NewPerson[] = [];
    const histories: PersonHistoryTable[] = [];
    const reason = `导入 ${job.fileName}`.slice(0, 200);
    for (const item of good) {
      const before = existing.get(item.index);
      if (!before) {
        const person = newPersonOf(item.row, item.grid, item.index, now);
        inserts.push(person);
        // The row itself is version 1; later versions' history holds each change's before and after.
        histories.push({ person_id: person.id, version: 1, action: 'imported', reason, actor_id: job.actorId, actor_name: job.actorName, changes: '{}', at: now });
        result.inserted += 1;
        continue;
      }
      if (!before.path.startsWith(job.scopePath)) {
        result.rejections.push({ rowNumber: item.number, cells: item.cells, problems: [{ column: 'idNumber', problem: 'registered_elsewhere' }] });
        continue;
      }
      const changes = changesOf(before, item.row, item.grid);
      if (Object.keys(changes).length === 0) {
        result.unchanged += 1;
        continue;
      }
      result.updated += 1;
      if (job.dryRun) continue;
      const after: PersonTable = { ...before, ...changes, version: before.version + 1, updated_at: now };
      const diff = changesBetween(before, after);
      if (!(await repo.updatePerson(trx, before.id, before.version, { ...changes, version: after.version, updated_at: now }))) {
        result.updated -= 1;
        result.rejections.push({ rowNumber: item.number, cells: item.cells, problems: [{ column: null, problem: 'changed_meanwhile' }] });
        continue;
      }
      histories.push({ person_id: before.id, version: after.version, action: 'imported', reason, actor_id: job.actorId, actor_name: job.actorName, changes: JSON.stringify(diff), at: now });
      if (changes.tags !== undefined || changes.path !== undefined) toReschedule.push(before.id);
    }
    if (!job.dryRun) {
      await repo.insertPersons(trx, inserts);
      await repo.insertHistories(trx, histories);
      // Tagged people (left-behind, living alone …) are due for visits from today, in this batch's
      // transaction, as when registered one by one; so are those whose tags or grid changed.
      toReschedule.push(...inserts.filter((person) => person.tags !== '[]').map((person) => person.id));
    }
    result.seenKeys = [...added];
    return result;
  }

  /** Schedules the visits of the batch's tagged and moved people, once for all its chunks (before it commits). */
  async function finishBatch(trx: Executor): Promise<void> {
    const persons = toReschedule.splice(0);
    // A thousand at a time: the schedules' statements list the people (SQLite binds at most 32 766 values).
    for (let start = 0; start < persons.length; start += 1000) await syncVisitSchedules(ctx, trx, persons.slice(start, start + 1000));
  }

  function remember(keys: readonly string[]): void {
    for (const key of keys) seen.add(key);
  }

  return { readHeaders, importBatch, finishBatch, remember };
}
