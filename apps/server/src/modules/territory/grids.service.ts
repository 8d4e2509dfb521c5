// Grids (网格) under a village: their boundaries, workers, splits and merges, and which grid a
// GPS point lies in. A boundary must be a valid polygon that does not overlap a sibling grid;
// a split must cover the old grid exactly; a merge must make one connected area.
import {
  DomainError,
  boundingBox,
  cellOf,
  cellsOf,
  containsPoint,
  nextGridCode,
  newId,
  overlapArea,
  polygonAreaM2,
  unionOf,
  validateGridBoundary,
  type CreateGridBody,
  type Grid,
  type GridPolygon,
  type MergeGridsBody,
  type SplitGridBody,
  type UpdateGridBody,
} from '@gridwork/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { OrgUnitTable } from '../../db/tables/territory.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import * as repo from './territory.repo.js';

/** Overlap between neighbours below this is drawing noise, not a real overlap (m²). */
const OVERLAP_TOLERANCE_M2 = 10;
/** A split may leave or add this share of the old grid's area to drawing noise. */
const SPLIT_TOLERANCE = 0.005;

const VILLAGE_KINDS = ['village', 'community', 'resident_group'];
const GRID_WORKER_ROLES = ['grid_worker_fulltime', 'grid_worker_parttime'];

function parseBoundary(input: unknown): GridPolygon {
  const result = validateGridBoundary(input);
  if (!result.ok) throw new DomainError('GRID_BOUNDARY_INVALID', { problem: result.problem, ...(result.ring === undefined ? {} : { ring: result.ring }), ...(result.position === undefined ? {} : { position: result.position }) });
  return result.polygon;
}

function storedBoundary(row: OrgUnitTable): GridPolygon | null {
  return row.boundary ? (JSON.parse(row.boundary) as GridPolygon) : null;
}

function boundaryColumns(polygon: GridPolygon | null) {
  if (!polygon) return { boundary: null, min_lon: null, min_lat: null, max_lon: null, max_lat: null };
  const box = boundingBox(polygon);
  return { boundary: JSON.stringify(polygon), min_lon: box.minLon, min_lat: box.minLat, max_lon: box.maxLon, max_lat: box.maxLat };
}

export function createGridsService(ctx: AppContext) {
  const { db, clock, audit } = ctx;
  const iso = () => new Date(clock()).toISOString();

  async function toGrids(trx: Transaction<Database> | typeof db.kysely, rows: readonly OrgUnitTable[]): Promise<Grid[]> {
    const workers = await repo.workersOf(trx, rows.map((row) => row.id));
    return rows.map((row) => {
      const boundary = storedBoundary(row);
      return {
        id: row.id,
        code: row.code,
        name: row.name,
        path: row.path,
        villageId: row.parent_id ?? '',
        boundary,
        areaM2: boundary ? Math.round(polygonAreaM2(boundary)) : null,
        workers: workers.filter((worker) => worker.grid_id === row.id).map((worker) => ({ id: worker.id, displayName: worker.display_name, role: worker.role })),
      };
    });
  }

  /** Refuses a boundary that overlaps a live sibling grid (other than those being replaced). */
  async function assertNoOverlap(trx: Transaction<Database>, villageId: string, polygon: GridPolygon, ignore: ReadonlySet<string>): Promise<void> {
    for (const sibling of await repo.gridsOfVillage(trx, villageId)) {
      const other = storedBoundary(sibling);
      if (!other || ignore.has(sibling.id)) continue;
      const area = overlapArea(polygon, other);
      if (area > OVERLAP_TOLERANCE_M2) throw new DomainError('GRID_BOUNDARY_OVERLAPS', { other: sibling.name, otherId: sibling.id, area: Math.round(area) });
    }
  }

  async function loadGrid(trx: Transaction<Database> | typeof db.kysely, session: AuthenticatedSession, id: string): Promise<OrgUnitTable> {
    const row = await repo.findUnitInScope(trx, session.user.orgPath, id);
    if (!row || row.kind !== 'grid') throw new DomainError('NOT_FOUND');
    return row;
  }

  async function insertGrid(trx: Transaction<Database>, village: OrgUnitTable, name: string, polygon: GridPolygon | null): Promise<OrgUnitTable> {
    const code = nextGridCode(await repo.gridCodesEverUsed(trx, village.id));
    const now = iso();
    const row: OrgUnitTable = {
      id: newId(),
      code,
      name,
      kind: 'grid',
      parent_id: village.id,
      path: `${village.path}${code}/`,
      depth: village.depth + 1,
      ...boundaryColumns(polygon),
      retired_at: null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertUnit(trx, row);
    if (polygon) await repo.replaceGridCells(trx, row.id, cellsOf(boundingBox(polygon)));
    return row;
  }

  async function listOfVillage(session: AuthenticatedSession, villageId: string): Promise<Grid[]> {
    const village = await repo.findUnitInScope(db.kysely, session.user.orgPath, villageId);
    if (!village || !VILLAGE_KINDS.includes(village.kind)) throw new DomainError('NOT_FOUND');
    return toGrids(db.kysely, await repo.gridsOfVillage(db.kysely, village.id));
  }

  async function get(session: AuthenticatedSession, id: string): Promise<Grid> {
    const [grid] = await toGrids(db.kysely, [await loadGrid(db.kysely, session, id)]);
    if (!grid) throw new DomainError('NOT_FOUND');
    return grid;
  }

  async function create(session: AuthenticatedSession, actor: AuditActor, body: CreateGridBody): Promise<Grid> {
    const polygon = body.boundary ? parseBoundary(body.boundary) : null;
    return db.kysely.transaction().execute(async (trx) => {
      const village = await repo.findUnitInScope(trx, session.user.orgPath, body.villageId);
      if (!village) throw new DomainError('NOT_FOUND');
      if (!VILLAGE_KINDS.includes(village.kind)) throw new DomainError('NOT_A_VILLAGE');
      if (polygon) await assertNoOverlap(trx, village.id, polygon, new Set());
      const row = await insertGrid(trx, village, body.name, polygon);
      await audit.append(trx, actor, { action: 'grid.created', objectType: 'org_unit', objectId: row.id, orgPath: row.path, details: { after: { code: row.code, name: row.name, boundary: polygon !== null } } });
      const [grid] = await toGrids(trx, [row]);
      if (!grid) throw new DomainError('NOT_FOUND');
      return grid;
    });
  }

  async function update(session: AuthenticatedSession, actor: AuditActor, id: string, body: UpdateGridBody): Promise<Grid> {
    const polygon = body.boundary ? parseBoundary(body.boundary) : body.boundary;
    return db.kysely.transaction().execute(async (trx) => {
      const before = await loadGrid(trx, session, id);
      if (polygon && before.parent_id) await assertNoOverlap(trx, before.parent_id, polygon, new Set([before.id]));
      const columns = polygon === undefined ? {} : boundaryColumns(polygon);
      const after: OrgUnitTable = { ...before, ...columns, name: body.name ?? before.name, updated_at: iso() };
      await repo.updateUnit(trx, id, { name: after.name, ...columns, updated_at: after.updated_at });
      if (polygon !== undefined) await repo.replaceGridCells(trx, id, polygon ? cellsOf(boundingBox(polygon)) : []);
      await audit.append(trx, actor, {
        action: 'grid.updated',
        objectType: 'org_unit',
        objectId: id,
        orgPath: before.path,
        details: { before: { name: before.name, boundary: before.boundary }, after: { name: after.name, boundary: after.boundary } },
      });
      const [grid] = await toGrids(trx, [after]);
      if (!grid) throw new DomainError('NOT_FOUND');
      return grid;
    });
  }

  /** The old grid retires (its code is never reused); each part is a new grid with its workers. */
  async function split(session: AuthenticatedSession, actor: AuditActor, id: string, body: SplitGridBody): Promise<Grid[]> {
    const parts = body.parts.map((part) => ({ name: part.name, polygon: parseBoundary(part.boundary) }));
    return db.kysely.transaction().execute(async (trx) => {
      const original = await loadGrid(trx, session, id);
      const village = original.parent_id ? await repo.findUnitInScope(trx, session.user.orgPath, original.parent_id) : undefined;
      if (!village) throw new DomainError('NOT_FOUND');
      const whole = storedBoundary(original);
      if (!whole) throw new DomainError('GRID_BOUNDARY_INVALID', { problem: 'not_polygon' });
      const wholeArea = polygonAreaM2(whole);
      let covered = 0;
      for (const [index, part] of parts.entries()) {
        const partArea = polygonAreaM2(part.polygon);
        if (partArea - overlapArea(part.polygon, whole) > Math.max(OVERLAP_TOLERANCE_M2, partArea * SPLIT_TOLERANCE)) {
          throw new DomainError('GRID_SPLIT_OUTSIDE', { name: part.name });
        }
        for (const other of parts.slice(index + 1)) {
          const area = overlapArea(part.polygon, other.polygon);
          if (area > OVERLAP_TOLERANCE_M2) throw new DomainError('GRID_BOUNDARY_OVERLAPS', { other: other.name, area: Math.round(area) });
        }
        covered += partArea;
      }
      const missing = wholeArea - covered;
      if (missing > Math.max(OVERLAP_TOLERANCE_M2, wholeArea * SPLIT_TOLERANCE)) throw new DomainError('GRID_SPLIT_INCOMPLETE', { area: Math.round(missing) });
      await assertNoOverlapOfAll(trx, village.id, parts.map((part) => part.polygon), new Set([original.id]));

      const workers = (await repo.workersOf(trx, [original.id])).map((worker) => worker.id);
      const now = iso();
      await repo.updateUnit(trx, original.id, { retired_at: now, updated_at: now });
      await repo.replaceWorkers(trx, original.id, [], now);
      await repo.replaceGridCells(trx, original.id, []);
      const created: OrgUnitTable[] = [];
      for (const part of parts) {
        const row = await insertGrid(trx, village, part.name, part.polygon);
        await repo.replaceWorkers(trx, row.id, workers, now);
        created.push(row);
      }
      await audit.append(trx, actor, { action: 'grid.split', objectType: 'org_unit', objectId: original.id, orgPath: original.path, details: { into: created.map((row) => ({ id: row.id, code: row.code, name: row.name })) } });
      return toGrids(trx, created);
    });
  }

  async function assertNoOverlapOfAll(trx: Transaction<Database>, villageId: string, polygons: readonly GridPolygon[], ignore: ReadonlySet<string>) {
    for (const polygon of polygons) await assertNoOverlap(trx, villageId, polygon, ignore);
  }

  async function merge(session: AuthenticatedSession, actor: AuditActor, body: MergeGridsBody): Promise<Grid> {
    return db.kysely.transaction().execute(async (trx) => {
      const grids = await repo.unitsInScope(trx, session.user.orgPath, body.gridIds);
      if (grids.length !== body.gridIds.length || grids.some((grid) => grid.kind !== 'grid')) throw new DomainError('NOT_FOUND');
      const villageIds = new Set(grids.map((grid) => grid.parent_id));
      const [villageId] = [...villageIds];
      if (villageIds.size !== 1 || !villageId) throw new DomainError('GRID_MERGE_NOT_SIBLINGS');
      const village = await repo.findUnitInScope(trx, session.user.orgPath, villageId);
      if (!village) throw new DomainError('NOT_FOUND');
      const boundaries = grids.map(storedBoundary);
      let polygon: GridPolygon | null = null;
      if (boundaries.every((boundary) => boundary !== null)) {
        polygon = unionOf(boundaries.filter((boundary): boundary is GridPolygon => boundary !== null));
        if (!polygon) throw new DomainError('GRID_MERGE_NOT_CONNECTED');
      }
      const workers = [...new Set((await repo.workersOf(trx, grids.map((grid) => grid.id))).map((worker) => worker.id))];
      const now = iso();
      for (const grid of grids) {
        await repo.updateUnit(trx, grid.id, { retired_at: now, updated_at: now });
        await repo.replaceWorkers(trx, grid.id, [], now);
        await repo.replaceGridCells(trx, grid.id, []);
      }
      const row = await insertGrid(trx, village, body.name, polygon);
      await repo.replaceWorkers(trx, row.id, workers, now);
      await audit.append(trx, actor, { action: 'grid.merged', objectType: 'org_unit', objectId: row.id, orgPath: row.path, details: { from: grids.map((grid) => ({ id: grid.id, code: grid.code })) } });
      const [grid] = await toGrids(trx, [row]);
      if (!grid) throw new DomainError('NOT_FOUND');
      return grid;
    });
  }

  async function assignWorkers(session: AuthenticatedSession, actor: AuditActor, id: string, accountIds: readonly string[]): Promise<Grid> {
    return db.kysely.transaction().execute(async (trx) => {
      const grid = await loadGrid(trx, session, id);
      const village = grid.parent_id ? await repo.findUnitByPath(trx, grid.path.replace(/[^/]+\/$/, '')) : undefined;
      const accounts = await repo.accountsByIds(trx, accountIds);
      for (const accountId of accountIds) {
        const account = accounts.find((candidate) => candidate.id === accountId);
        if (!account || account.disabled_at || !GRID_WORKER_ROLES.includes(account.role) || !village || !account.org_path.startsWith(village.path)) {
          throw new DomainError('NOT_A_GRID_WORKER', { username: account?.username ?? accountId });
        }
      }
      const before = (await repo.workersOf(trx, [id])).map((worker) => worker.id);
      await repo.replaceWorkers(trx, id, accountIds, iso());
      await audit.append(trx, actor, { action: 'grid.workers_assigned', objectType: 'org_unit', objectId: id, orgPath: grid.path, details: { before, after: accountIds } });
      const [result] = await toGrids(trx, [grid]);
      if (!result) throw new DomainError('NOT_FOUND');
      return result;
    });
  }

  /** The grid a GPS point lies in, within the caller's scope, or null. */
  async function locate(session: AuthenticatedSession, lon: number, lat: number): Promise<Grid | null> {
    const candidates = await repo.gridsWhoseBoxHolds(db.kysely, session.user.orgPath, cellOf(lon, lat), lon, lat);
    const hit = candidates.find((row) => {
      const boundary = storedBoundary(row);
      return boundary !== null && containsPoint(boundary, lon, lat);
    });
    if (!hit) return null;
    const [grid] = await toGrids(db.kysely, [hit]);
    return grid ?? null;
  }

  return { listOfVillage, get, create, update, split, merge, assignWorkers, locate };
}

export type GridsService = ReturnType<typeof createGridsService>;
