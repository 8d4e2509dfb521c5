// The publicity log (宣传发动): villages and townships record their meetings, banners, broadcasts,
// WeChat posts … with photos. A create retried with the same client key answers the first record;
// an edit keeps the previous values in the history; nothing is deleted, only withdrawn with a
// reason. Each write is one transaction with its audit entry.
import { createHash } from 'node:crypto';
import {
  DomainError,
  PUBLICITY_KINDS,
  canonicalJson,
  monthDays,
  newId,
  shanghaiDate,
  type CreatePublicityBody,
  type PublicityActivity,
  type PublicityHistoryEntry,
  type PublicityKind,
  type PublicityListQuery,
  type PublicityMonthly,
  type PublicityMonthlyQuery,
  type PublicityPage,
  type UpdatePublicityBody,
  type WithdrawPublicityBody,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { NewPublicityActivity } from '../../db/tables/publicity.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { accountNames, dailyUnitInScope, dailyUnitsInScope, existingPhotoIds, unitsByIds } from './daily-units.repo.js';
import * as repo from './publicity.repo.js';

const CURSOR_SEPARATOR = '~';

/** The photos of a request, each uploaded before (POST /api/photos), else a 400 naming it. */
export async function requireUploadedPhotos(db: Executor, photoIds: readonly string[], field: string): Promise<void> {
  const known = await existingPhotoIds(db, photoIds);
  const missing = photoIds.find((id) => !known.has(id));
  if (missing) throw new DomainError('PHOTO_NOT_FOUND', { photoId: missing, field });
}

const zeroCounts = (): Record<PublicityKind, number> => Object.fromEntries(PUBLICITY_KINDS.map((kind) => [kind, 0])) as Record<PublicityKind, number>;

export function createPublicityService(ctx: AppContext) {
  const { db, clock, audit } = ctx;
  const iso = () => new Date(clock()).toISOString();

  async function describe(executor: Executor, rows: readonly NewPublicityActivity[]): Promise<PublicityActivity[]> {
    const [units, people, photos] = await Promise.all([
      unitsByIds(executor, [...new Set(rows.map((row) => row.unit_id))]),
      accountNames(executor, [...new Set(rows.map((row) => row.recorded_by))]),
      repo.photosOf(executor, rows.map((row) => row.id)),
    ]);
    const unitOf = new Map(units.map((unit) => [unit.id, unit]));
    const nameOf = new Map(people.map((person) => [person.id, person.display_name]));
    return rows.map((row) => {
      const unit = unitOf.get(row.unit_id);
      return {
        id: row.id,
        unitId: row.unit_id,
        unitName: unit?.name ?? '',
        unitKind: unit?.kind ?? '',
        townshipName: unit?.kind === 'township' ? unit.name : (unit?.parent_name ?? null),
        kind: row.kind,
        heldOn: row.held_on,
        place: row.place,
        audience: row.audience,
        description: row.description,
        photoIds: photos.filter((photo) => photo.activity_id === row.id).map((photo) => photo.photo_id),
        status: row.status,
        withdrawnReason: row.withdrawn_reason,
        recordedBy: { id: row.recorded_by, name: nameOf.get(row.recorded_by) ?? '' },
        version: row.version,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
    });
  }

  async function describeOne(executor: Executor, row: NewPublicityActivity): Promise<PublicityActivity> {
    const [view] = await describe(executor, [row]);
    if (!view) throw new DomainError('NOT_FOUND');
    return view;
  }

  function checkDay(heldOn: string): void {
    if (heldOn > shanghaiDate(clock())) throw new DomainError('PUBLICITY_DATE_IN_FUTURE', { field: 'heldOn' });
  }

  async function create(session: AuthenticatedSession, actor: AuditActor, body: CreatePublicityBody): Promise<{ activity: PublicityActivity; created: boolean }> {
    const scope = session.user.orgPath;
    const hash = createHash('sha256').update(canonicalJson(body)).digest('hex');
    const replay = async (row: NewPublicityActivity | undefined) => {
      if (!row) return null;
      if (row.request_hash !== hash || !(await repo.activityInScope(db.kysely, scope, row.id))) throw new DomainError('IDEMPOTENCY_KEY_REUSED', { clientKey: body.clientKey, field: 'clientKey' });
      return describeOne(db.kysely, row);
    };
    const first = await replay(await repo.activityByClientKey(db.kysely, body.clientKey));
    if (first) return { activity: first, created: false };
    checkDay(body.heldOn);
    const photoIds = body.photoIds ?? [];
    try {
      return await db.write(async (trx) => {
        const unit = await dailyUnitInScope(trx, scope, body.unitId);
        if (!unit) throw new DomainError('DAILY_UNIT_INVALID', { field: 'unitId' });
        await requireUploadedPhotos(trx, photoIds, 'photoIds');
        const now = iso();
        const row: NewPublicityActivity = {
          id: newId(),
          client_key: body.clientKey,
          request_hash: hash,
          unit_id: unit.id,
          path: unit.path,
          kind: body.kind,
          held_on: body.heldOn,
          place: body.place.trim(),
          audience: body.audience ?? null,
          description: body.description?.trim() ?? '',
          status: 'active',
          withdrawn_reason: null,
          recorded_by: session.user.id,
          version: 1,
          created_at: now,
          updated_at: now,
        };
        await repo.insertActivity(trx, row, photoIds);
        const snapshot = { unitId: row.unit_id, kind: row.kind, heldOn: row.held_on, place: row.place, audience: row.audience, description: row.description, photoIds };
        await repo.insertHistory(trx, { activity_id: row.id, version: 1, action: 'created', changed_by: session.user.id, changed_at: now, changes: JSON.stringify(snapshot) });
        await audit.append(trx, actor, { action: 'publicity.recorded', objectType: 'publicity_activity', objectId: row.id, orgPath: row.path, details: { kind: row.kind, heldOn: row.held_on, photos: photoIds.length } });
        return { activity: await describeOne(trx, row), created: true };
      });
    } catch (error) {
      // Two retries racing: the second insert hits the unique client key; answer the first.
      const raced = error instanceof DomainError ? undefined : await repo.activityByClientKey(db.kysely, body.clientKey);
      const first = await replay(raced);
      if (first) return { activity: first, created: false };
      throw error;
    }
  }

  async function get(session: AuthenticatedSession, id: string): Promise<PublicityActivity> {
    const row = await repo.activityInScope(db.kysely, session.user.orgPath, id);
    if (!row) throw new DomainError('NOT_FOUND');
    return describeOne(db.kysely, row);
  }

  async function update(session: AuthenticatedSession, actor: AuditActor, id: string, body: UpdatePublicityBody): Promise<PublicityActivity> {
    if (body.heldOn !== undefined) checkDay(body.heldOn);
    return db.write(async (trx) => {
      const before = await repo.activityInScope(trx, session.user.orgPath, id);
      if (!before) throw new DomainError('NOT_FOUND');
      if (before.status === 'withdrawn') throw new DomainError('PUBLICITY_WITHDRAWN');
      if (before.version !== body.version) throw new DomainError('RECORD_CHANGED', { version: before.version });
      const next: Partial<NewPublicityActivity> = {
        ...(body.kind !== undefined ? { kind: body.kind } : {}),
        ...(body.heldOn !== undefined ? { held_on: body.heldOn } : {}),
        ...(body.place !== undefined ? { place: body.place.trim() } : {}),
        ...(body.audience !== undefined ? { audience: body.audience } : {}),
        ...(body.description !== undefined ? { description: body.description.trim() } : {}),
      };
      const changes: Record<string, [unknown, unknown]> = {};
      const fieldNames: Record<string, string> = { kind: 'kind', held_on: 'heldOn', place: 'place', audience: 'audience', description: 'description' };
      for (const [column, value] of Object.entries(next)) {
        const old = before[column as keyof NewPublicityActivity];
        if (old !== value) changes[fieldNames[column] ?? column] = [old, value];
      }
      if (body.photoIds !== undefined) {
        await requireUploadedPhotos(trx, body.photoIds, 'photoIds');
        const oldPhotos = (await repo.photosOf(trx, [id])).map((photo) => photo.photo_id);
        if (oldPhotos.join() !== body.photoIds.join()) {
          changes['photoIds'] = [oldPhotos, body.photoIds];
          await repo.replacePhotos(trx, id, body.photoIds);
        }
      }
      if (Object.keys(changes).length === 0) return describeOne(trx, before);
      const now = iso();
      const after: NewPublicityActivity = { ...before, ...next, version: before.version + 1, updated_at: now };
      if (!(await repo.updateActivity(trx, id, before.version, { ...next, version: after.version, updated_at: now }))) throw new DomainError('RECORD_CHANGED', { version: before.version });
      await repo.insertHistory(trx, { activity_id: id, version: after.version, action: 'updated', changed_by: session.user.id, changed_at: now, changes: JSON.stringify(changes) });
      await audit.append(trx, actor, { action: 'publicity.updated', objectType: 'publicity_activity', objectId: id, orgPath: before.path, details: { fields: Object.keys(changes), version: after.version } });
      return describeOne(trx, after);
    });
  }

  async function withdraw(session: AuthenticatedSession, actor: AuditActor, id: string, body: WithdrawPublicityBody): Promise<PublicityActivity> {
    return db.write(async (trx) => {
      const before = await repo.activityInScope(trx, session.user.orgPath, id);
      if (!before) throw new DomainError('NOT_FOUND');
      if (before.status === 'withdrawn') throw new DomainError('PUBLICITY_WITHDRAWN');
      if (before.version !== body.version) throw new DomainError('RECORD_CHANGED', { version: before.version });
      const now = iso();
      const reason = body.reason.trim();
      const after: NewPublicityActivity = { ...before, status: 'withdrawn', withdrawn_reason: reason, version: before.version + 1, updated_at: now };
      if (!(await repo.updateActivity(trx, id, before.version, { status: 'withdrawn', withdrawn_reason: reason, version: after.version, updated_at: now }))) throw new DomainError('RECORD_CHANGED', { version: before.version });
      await repo.insertHistory(trx, { activity_id: id, version: after.version, action: 'withdrawn', changed_by: session.user.id, changed_at: now, changes: JSON.stringify({ status: ['active', 'withdrawn'], reason: [null, reason] }) });
      await audit.append(trx, actor, { action: 'publicity.withdrawn', objectType: 'publicity_activity', objectId: id, orgPath: before.path, details: { reason } });
      return describeOne(trx, after);
    });
  }

  async function history(session: AuthenticatedSession, id: string): Promise<PublicityHistoryEntry[]> {
    const row = await repo.activityInScope(db.kysely, session.user.orgPath, id);
    if (!row) throw new DomainError('NOT_FOUND');
    return (await repo.historyOf(db.kysely, session.user.orgPath, id)).map((entry) => ({
      version: entry.version,
      action: entry.action,
      changedBy: { id: entry.changed_by, name: entry.display_name },
      changedAt: entry.changed_at,
      changes: JSON.parse(entry.changes) as Record<string, unknown>,
    }));
  }

  /** The scope a query narrows to: a township or village within the caller's scope, else 404. */
  async function narrowedScope(scope: string, unitId: string | undefined, field: string): Promise<string> {
    if (!unitId) return scope;
    const unit = await dailyUnitInScope(db.kysely, scope, unitId);
    if (!unit) throw new DomainError('NOT_FOUND', { field });
    return unit.path;
  }

  async function list(session: AuthenticatedSession, query: PublicityListQuery): Promise<PublicityPage> {
    const limit = query.limit ?? 20;
    const scope = await narrowedScope(session.user.orgPath, query.townshipId, 'townshipId');
    const unitPath = query.villageId ? await narrowedScope(scope, query.villageId, 'villageId') : undefined;
    const month = query.month ? monthDays(query.month) : null;
    let before: { heldOn: string; id: string } | undefined;
    const cursor = query.cursor ?? query.after;
    if (cursor) {
      const [heldOn, id] = cursor.split(CURSOR_SEPARATOR);
      if (!heldOn || !id) throw new DomainError('VALIDATION_FAILED', { field: 'cursor', summary: 'cursor' });
      before = { heldOn, id };
    }
    const rows = await repo.listActivities(
      db.kysely,
      scope,
      {
        status: query.status ?? 'active',
        ...(unitPath ? { unitPath } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(month ? { from: month.first, to: month.last } : {}),
        ...(before ? { before } : {}),
      },
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { items: await describe(db.kysely, page), nextCursor: rows.length > limit && last ? `${last.held_on}${CURSOR_SEPARATOR}${last.id}` : null };
  }

  /** Counts per unit and kind in a month; every township and village of the scope is a row, those with none too. */
  async function monthly(session: AuthenticatedSession, query: PublicityMonthlyQuery): Promise<PublicityMonthly> {
    const scope = await narrowedScope(session.user.orgPath, query.townshipId, 'townshipId');
    const { first, last } = monthDays(query.month);
    const [units, counts] = await Promise.all([dailyUnitsInScope(db.kysely, scope), repo.monthlyCounts(db.kysely, scope, first, last)]);
    const totals = zeroCounts();
    const rows = units.map((unit) => {
      const mine = counts.filter((count) => count.unit_id === unit.id);
      const perKind = zeroCounts();
      for (const count of mine) {
        perKind[count.kind] += Number(count.count);
        totals[count.kind] += Number(count.count);
      }
      return {
        unitId: unit.id,
        unitName: unit.name,
        unitKind: unit.kind,
        townshipName: unit.kind === 'township' ? unit.name : unit.parent_name,
        counts: perKind,
        total: mine.reduce((sum, count) => sum + Number(count.count), 0),
        audience: mine.reduce((sum, count) => sum + Number(count.audience ?? 0), 0),
      };
    });
    return { month: query.month, rows, totals, unitsWithNone: rows.filter((row) => row.total === 0).length };
  }

  return { create, get, update, withdraw, history, list, monthly };
}

export type PublicityService = ReturnType<typeof createPublicityService>;
