// SQL for station standards (阵地建设) and the hand-held terminal register; every read takes the
// caller's scope (a path prefix).
import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import type {
  StationInspectionItemTable,
  StationInspectionPhotoTable,
  StationInspectionTable,
  TerminalHandoverTable,
  TerminalTable,
} from '../../db/tables/publicity.table.js';
import { contains, startsWith } from '../../db/sql-helpers.js';
import type { TerminalState } from '@gridwork/core';

// Inspections

export async function insertInspection(
  db: Executor,
  row: StationInspectionTable,
  items: readonly StationInspectionItemTable[],
  photos: readonly StationInspectionPhotoTable[],
): Promise<void> {
  await db.insertInto('station_inspection').values(row).execute();
  await db.insertInto('station_inspection_item').values([...items]).execute();
  if (photos.length > 0) await db.insertInto('station_inspection_photo').values([...photos]).execute();
}

export function inspectionInScope(db: Executor, scopePath: string, id: string) {
  return db.selectFrom('station_inspection').selectAll().where('id', '=', id).where(startsWith('path', scopePath)).executeTakeFirst();
}

export function inspectionByClientKey(db: Executor, clientKey: string) {
  return db.selectFrom('station_inspection').selectAll().where('client_key', '=', clientKey).executeTakeFirst();
}

/** A unit's inspections within the scope, newest first. */
export function inspectionsOfUnit(db: Executor, scopePath: string, unitId: string, limit: number) {
  return db.selectFrom('station_inspection').selectAll().where('unit_id', '=', unitId).where(startsWith('path', scopePath)).orderBy('checked_on', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** The latest inspection of each unit in the scope (by day, then by when it was recorded). */
export function latestInspections(db: Executor, scopePath: string) {
  return db
    .selectFrom('station_inspection as s')
    .selectAll('s')
    .where(startsWith('s.path', scopePath))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('station_inspection as newer')
            .select('newer.id')
            .whereRef('newer.unit_id', '=', 's.unit_id')
            .where((eb) =>
              eb.or([
                eb('newer.checked_on', '>', eb.ref('s.checked_on')),
                eb.and([eb('newer.checked_on', '=', eb.ref('s.checked_on')), eb('newer.created_at', '>', eb.ref('s.created_at'))]),
                eb.and([eb('newer.checked_on', '=', eb.ref('s.checked_on')), eb('newer.created_at', '=', eb.ref('s.created_at')), eb('newer.id', '>', eb.ref('s.id'))]),
              ]),
            ),
        ),
      ),
    )
    .execute();
}

export function itemsOf(db: Executor, inspectionIds: readonly string[]) {
  if (inspectionIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('station_inspection_item').selectAll().where('inspection_id', 'in', [...inspectionIds]).execute();
}

export function photosOf(db: Executor, inspectionIds: readonly string[]) {
  if (inspectionIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('station_inspection_photo').selectAll().where('inspection_id', 'in', [...inspectionIds]).orderBy('position').execute();
}

/** Whether an inspection within the scope holds the photo. */
export async function scopeHoldsPhoto(db: Executor, scopePath: string, photoId: string): Promise<boolean> {
  const row = await db
    .selectFrom('station_inspection_photo')
    .innerJoin('station_inspection', 'station_inspection.id', 'station_inspection_photo.inspection_id')
    .select('station_inspection.id')
    .where('station_inspection_photo.photo_id', '=', photoId)
    .where(startsWith('station_inspection.path', scopePath))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

// Terminals

export function terminalInScope(db: Executor, scopePath: string, id: string) {
  return db.selectFrom('terminal').selectAll().where('id', '=', id).where(startsWith('path', scopePath)).executeTakeFirst();
}

export function terminalByAssetCode(db: Executor, assetCode: string) {
  return db.selectFrom('terminal').select(['id']).where('asset_code', '=', assetCode).executeTakeFirst();
}

export function terminalByClientKey(db: Executor, clientKey: string) {
  return db.selectFrom('terminal').selectAll().where('client_key', '=', clientKey).executeTakeFirst();
}

/**
 * The column whose unique key an insert violated (PostgreSQL 23505, SQLite's UNIQUE constraint),
 * or undefined when the error is something else.
 */
export function uniqueViolationOn(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, detail, message } = error as { code?: unknown; detail?: unknown; message?: unknown };
  if (code === '23505') return /Key \(([a-z_]+)\)/.exec(String(detail ?? ''))?.[1] ?? '';
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) return /UNIQUE constraint failed: \w+\.(\w+)/.exec(String(message ?? ''))?.[1];
  return undefined;
}

export function terminalByImei(db: Executor, imei: string) {
  return db.selectFrom('terminal').select(['id']).where('imei', '=', imei).executeTakeFirst();
}

export async function insertTerminal(db: Executor, row: TerminalTable): Promise<void> {
  await db.insertInto('terminal').values(row).execute();
}

export async function updateTerminal(db: Executor, id: string, version: number, changes: Partial<TerminalTable>): Promise<boolean> {
  const result = await db.updateTable('terminal').set(changes).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertHandover(db: Executor, row: TerminalHandoverTable): Promise<void> {
  await db.insertInto('terminal_handover').values(row).execute();
}

/** A terminal's hand-overs, newest first, when the terminal is within the scope. */
export function handoversOf(db: Executor, scopePath: string, terminalId: string) {
  return db
    .selectFrom('terminal_handover')
    .innerJoin('terminal', 'terminal.id', 'terminal_handover.terminal_id')
    .selectAll('terminal_handover')
    .where('terminal_handover.terminal_id', '=', terminalId)
    .where(startsWith('terminal.path', scopePath))
    .orderBy('terminal_handover.recorded_at', 'desc')
    .orderBy('terminal_handover.id', 'desc')
    .execute();
}

export interface TerminalFilters {
  readonly unitPath?: string;
  readonly state?: TerminalState;
  readonly text?: string;
  readonly afterAssetCode?: string;
}

/** Terminals by asset code. */
export function listTerminals(db: Executor, scopePath: string, filters: TerminalFilters, limit: number) {
  let query = db.selectFrom('terminal').leftJoin('account', 'account.id', 'terminal.holder_id').selectAll('terminal').where(startsWith('terminal.path', scopePath));
  if (filters.unitPath) query = query.where(startsWith('terminal.path', filters.unitPath));
  if (filters.state) query = query.where('terminal.state', '=', filters.state);
  const text = filters.text;
  if (text) query = query.where((eb) => eb.or([contains('terminal.asset_code', text), contains('terminal.imei', text), contains('account.display_name', text)]));
  if (filters.afterAssetCode) query = query.where('terminal.asset_code', '>', filters.afterAssetCode);
  return query.orderBy('terminal.asset_code').limit(limit).execute();
}

/**
 * The account as a possible holder: active, a grid worker, within the unit's path. On PostgreSQL
 * the row is locked, so two hand-overs to one worker at once are counted one after the other.
 */
export async function lockHolderCandidate(db: Executor, kind: 'sqlite' | 'postgres', unitPath: string, accountId: string) {
  if (kind === 'postgres') await sql`select id from account where id = ${accountId} for update`.execute(db);
  return db
    .selectFrom('account')
    .select(['id', 'display_name', 'org_path'])
    .where('id', '=', accountId)
    .where('disabled_at', 'is', null)
    .where('role', 'in', ['grid_worker_fulltime', 'grid_worker_parttime'])
    .where(startsWith('org_path', unitPath))
    .executeTakeFirst();
}

/** How many terminals (not retired) each account holds. */
export async function terminalsHeld(db: Executor, accountIds: readonly string[], exceptTerminalId?: string): Promise<Map<string, number>> {
  if (accountIds.length === 0) return new Map();
  let query = db
    .selectFrom('terminal')
    .select((eb) => ['holder_id', eb.fn.countAll<number>().as('held')])
    .where('holder_id', 'in', [...accountIds])
    .where('state', '!=', 'retired');
  if (exceptTerminalId) query = query.where('id', '!=', exceptTerminalId);
  const rows = await query.groupBy('holder_id').execute();
  return new Map(rows.map((row) => [row.holder_id ?? '', Number(row.held)]));
}

/** The active grid workers within a unit's path. */
export function gridWorkersUnder(db: Executor, unitPath: string) {
  return db
    .selectFrom('account')
    .select(['id', 'display_name', 'org_path'])
    .where('disabled_at', 'is', null)
    .where('role', 'in', ['grid_worker_fulltime', 'grid_worker_parttime'])
    .where(startsWith('org_path', unitPath))
    .orderBy('org_path')
    .orderBy('display_name')
    .execute();
}
