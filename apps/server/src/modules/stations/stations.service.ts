// Station standards (阵地建设): each inspection of a sub-center (township) or village station is
// a new dated record of the five items (场地、标识、设备、人员、制度) with notes and photos, so the
// history stays; the status overview shows each unit's latest, the items not met, the units never
// inspected and those whose last check is older than the county's setting.
import { createHash } from 'node:crypto';
import {
  DomainError,
  canonicalJson,
  STATION_ITEMS,
  isInspectionStale,
  newId,
  shanghaiDate,
  type CreateInspectionBody,
  type InspectionListQuery,
  type StationInspection,
  type StationStatus,
  type StationStatusQuery,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { StationInspectionPhotoTable, StationInspectionTable } from '../../db/tables/publicity.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { accountNames, dailyUnitInScope, dailyUnitsInScope, unitsByIds } from '../publicity/daily-units.repo.js';
import { requireUploadedPhotos } from '../publicity/publicity.service.js';
import { stationSettings } from './station-settings.js';
import * as repo from './stations.repo.js';

export function createStationsService(ctx: AppContext) {
  const { db, clock, audit } = ctx;

  async function describe(executor: Executor, rows: readonly StationInspectionTable[]): Promise<StationInspection[]> {
    const ids = rows.map((row) => row.id);
    const [units, people, items, photos] = await Promise.all([
      unitsByIds(executor, [...new Set(rows.map((row) => row.unit_id))]),
      accountNames(executor, [...new Set(rows.map((row) => row.checked_by))]),
      repo.itemsOf(executor, ids),
      repo.photosOf(executor, ids),
    ]);
    const unitOf = new Map(units.map((unit) => [unit.id, unit]));
    const nameOf = new Map(people.map((person) => [person.id, person.display_name]));
    return rows.map((row) => ({
      id: row.id,
      unitId: row.unit_id,
      unitName: unitOf.get(row.unit_id)?.name ?? '',
      unitKind: unitOf.get(row.unit_id)?.kind ?? '',
      checkedOn: row.checked_on,
      checkedBy: { id: row.checked_by, name: nameOf.get(row.checked_by) ?? '' },
      note: row.note,
      items: STATION_ITEMS.flatMap((item) => {
        const found = items.find((candidate) => candidate.inspection_id === row.id && candidate.item === item);
        if (!found) return [];
        const itemPhotos = photos.filter((photo) => photo.inspection_id === row.id && photo.item === item).map((photo) => photo.photo_id);
        return [{ item, state: found.state, note: found.note, photoIds: itemPhotos }];
      }),
      createdAt: row.created_at,
    }));
  }

  async function inspect(session: AuthenticatedSession, actor: AuditActor, body: CreateInspectionBody): Promise<{ inspection: StationInspection; created: boolean }> {
    const hash = body.clientKey ? createHash('sha256').update(canonicalJson(body)).digest('hex') : null;
    /** A retry with the same client key and body answers the first inspection. */
    const replay = async (row: StationInspectionTable | undefined): Promise<StationInspection | null> => {
      if (!row) return null;
      if (row.request_hash !== hash || !(await repo.inspectionInScope(db.kysely, session.user.orgPath, row.id))) throw new DomainError('IDEMPOTENCY_KEY_REUSED', { clientKey: body.clientKey, field: 'clientKey' });
      const [view] = await describe(db.kysely, [row]);
      return view ?? null;
    };
    if (body.clientKey) {
      const first = await replay(await repo.inspectionByClientKey(db.kysely, body.clientKey));
      if (first) return { inspection: first, created: false };
    }
    if (body.checkedOn > shanghaiDate(clock())) throw new DomainError('STATION_DATE_IN_FUTURE', { field: 'checkedOn' });
    try {
      return { inspection: await insertInspection(session, actor, body, hash), created: true };
    } catch (error) {
      // Two retries racing: the second insert hits the unique client key; answer the first.
      if (error instanceof DomainError || !body.clientKey || repo.uniqueViolationOn(error) !== 'client_key') throw error;
      const first = await replay(await repo.inspectionByClientKey(db.kysely, body.clientKey));
      if (first) return { inspection: first, created: false };
      throw error;
    }
  }

  async function insertInspection(session: AuthenticatedSession, actor: AuditActor, body: CreateInspectionBody, hash: string | null): Promise<StationInspection> {
    return db.write(async (trx) => {
      const unit = await dailyUnitInScope(trx, session.user.orgPath, body.unitId);
      if (!unit) throw new DomainError('DAILY_UNIT_INVALID', { field: 'unitId' });
      for (const item of STATION_ITEMS) await requireUploadedPhotos(trx, body.items[item].photoIds ?? [], `items.${item}.photoIds`);
      const now = new Date(clock()).toISOString();
      const row: StationInspectionTable = { id: newId(), unit_id: unit.id, path: unit.path, checked_on: body.checkedOn, checked_by: session.user.id, note: body.note?.trim() ?? '', client_key: body.clientKey ?? null, request_hash: hash, created_at: now };
      const items = STATION_ITEMS.map((item) => ({ inspection_id: row.id, item, state: body.items[item].state, note: body.items[item].note?.trim() ?? '' }));
      const photos: StationInspectionPhotoTable[] = STATION_ITEMS.flatMap((item) => (body.items[item].photoIds ?? []).map((photo_id, position) => ({ inspection_id: row.id, item, photo_id, position })));
      await repo.insertInspection(trx, row, items, photos);
      const notMet = items.filter((item) => item.state === 'not_met').map((item) => item.item);
      await audit.append(trx, actor, { action: 'station.inspected', objectType: 'station_inspection', objectId: row.id, orgPath: unit.path, details: { unitId: unit.id, checkedOn: row.checked_on, notMet, photos: photos.length } });
      const [view] = await describe(trx, [row]);
      if (!view) throw new DomainError('NOT_FOUND');
      return view;
    });
  }

  async function get(session: AuthenticatedSession, id: string): Promise<StationInspection> {
    const row = await repo.inspectionInScope(db.kysely, session.user.orgPath, id);
    if (!row) throw new DomainError('NOT_FOUND');
    const [view] = await describe(db.kysely, [row]);
    if (!view) throw new DomainError('NOT_FOUND');
    return view;
  }

  async function history(session: AuthenticatedSession, query: InspectionListQuery): Promise<StationInspection[]> {
    const unit = await dailyUnitInScope(db.kysely, session.user.orgPath, query.unitId);
    if (!unit) throw new DomainError('NOT_FOUND', { field: 'unitId' });
    return describe(db.kysely, await repo.inspectionsOfUnit(db.kysely, session.user.orgPath, unit.id, query.limit ?? 20));
  }

  async function status(session: AuthenticatedSession, query: StationStatusQuery): Promise<StationStatus> {
    let scope = session.user.orgPath;
    if (query.townshipId) {
      const township = await dailyUnitInScope(db.kysely, scope, query.townshipId);
      if (!township) throw new DomainError('NOT_FOUND', { field: 'townshipId' });
      scope = township.path;
    }
    const [settings, units, latest] = await Promise.all([stationSettings(db.kysely), dailyUnitsInScope(db.kysely, scope), repo.latestInspections(db.kysely, scope)]);
    const ids = latest.map((row) => row.id);
    const [items, people] = await Promise.all([repo.itemsOf(db.kysely, ids), accountNames(db.kysely, [...new Set(latest.map((row) => row.checked_by))])]);
    const nameOf = new Map(people.map((person) => [person.id, person.display_name]));
    const latestOf = new Map(latest.map((row) => [row.unit_id, row]));
    const today = shanghaiDate(clock());
    const rows = units.map((unit) => {
      const last = latestOf.get(unit.id);
      const found = last ? STATION_ITEMS.flatMap((item) => items.filter((row) => row.inspection_id === last.id && row.item === item).map((row) => ({ item, state: row.state }))) : [];
      return {
        unitId: unit.id,
        unitName: unit.name,
        unitKind: unit.kind,
        townshipName: unit.kind === 'township' ? unit.name : unit.parent_name,
        lastInspectionId: last?.id ?? null,
        lastCheckedOn: last?.checked_on ?? null,
        lastCheckedBy: last ? { id: last.checked_by, name: nameOf.get(last.checked_by) ?? '' } : null,
        items: found,
        notMet: found.filter((item) => item.state === 'not_met').map((item) => item.item),
        never: !last,
        stale: last ? isInspectionStale(last.checked_on, today, settings.staleDays) : false,
      };
    });
    return {
      staleDays: settings.staleDays,
      units: rows,
      summary: {
        units: rows.length,
        never: rows.filter((row) => row.never).length,
        stale: rows.filter((row) => row.stale).length,
        withItemsNotMet: rows.filter((row) => row.notMet.length > 0).length,
      },
    };
  }

  return { inspect, get, history, status };
}

export type StationsService = ReturnType<typeof createStationsService>;
