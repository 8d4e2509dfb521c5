// Reporting events and reading them: one transaction per report with its timeline entry, photos
// and audit; a retried report (same client key) returns the first event. Reads are limited to the
// caller's visibility: their subtree, or for a department what was dispatched to it.
import { createHash } from 'node:crypto';
import {
  DomainError,
  EVENT_CATALOGUE_SEED,
  cellOf,
  containsPoint,
  newId,
  shanghaiDayRange,
  type EventListItem,
  type EventListQuery,
  type EventSource,
  type EventTimelineEntry,
  type EventView,
  type GridPolygon,
  type ReportEventBody,
} from '@gridwork/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { NewEvent } from '../../db/tables/event.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import * as territory from '../territory/territory.repo.js';
import { categoryNameOf, toEventView } from './events.mapper.js';
import * as repo from './events.repo.js';

type Executor = Transaction<Database> | AppContext['db']['kysely'];

const GRID_WORKER_ROLES = ['grid_worker_fulltime', 'grid_worker_parttime'];

export function visibilityOf(session: AuthenticatedSession): repo.EventVisibility {
  const { role } = session.user;
  if ((role === 'dept_handler' || role === 'dept_leader') && session.departmentId) return { kind: 'department', departmentId: session.departmentId };
  return { kind: 'path', path: session.user.orgPath };
}

/** A stable fingerprint of what a report asked for, to tell a retry from a reuse of its key. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

export function createEventsService(ctx: AppContext) {
  const { db, clock, audit } = ctx;
  const iso = () => new Date(clock()).toISOString();

  /** The standard catalogue, once, on a database that has none yet. */
  async function ensureCatalogue(): Promise<void> {
    if ((await repo.listCategories(db.kysely)).length > 0) return;
    const now = iso();
    await db.kysely.transaction().execute((trx) =>
      repo.insertCategories(
        trx,
        EVENT_CATALOGUE_SEED.map((entry, index) => ({
          code: entry.code,
          parent_code: entry.parentCode,
          name_zh: entry.names['zh-CN'],
          name_en: entry.names['en-US'],
          sign_for_hours: entry.signForHours,
          handle_days: entry.handleDays,
          on_spot_allowed: entry.onSpotAllowed ? 1 : 0,
          public_allowed: entry.publicAllowed ? 1 : 0,
          default_lead_department_id: null,
          sort_order: index + 1,
          disabled_at: null,
          updated_at: now,
        })),
      ),
    );
  }

  /** The grid of a point within a scope, through the tile index. */
  async function gridAt(trx: Executor, scope: string, lon: number, lat: number) {
    const candidates = await territory.gridsWhoseBoxHolds(trx, scope, cellOf(lon, lat), lon, lat);
    return candidates.find((row) => row.boundary !== null && containsPoint(JSON.parse(row.boundary) as GridPolygon, lon, lat));
  }

  async function describe(trx: Executor, rows: readonly NewEvent[], session: AuthenticatedSession | null): Promise<EventView[]> {
    const ids = rows.map((row) => row.id);
    const [categories, grids, reporters, assisting, photos, departments] = await Promise.all([
      repo.categoriesByCodes(trx, rows.map((row) => row.category_code)),
      repo.gridNames(trx, rows.flatMap((row) => (row.grid_id ? [row.grid_id] : []))),
      repo.namesOfAccounts(trx, rows.flatMap((row) => (row.reporter_account_id ? [row.reporter_account_id] : []))),
      repo.assistingOf(trx, ids),
      repo.photosOfEvents(trx, ids),
      repo.departmentsByIds(trx, rows.flatMap((row) => (row.lead_department_id ? [row.lead_department_id] : []))),
    ]);
    const now = iso();
    const views: EventView[] = [];
    for (const row of rows) {
      const cards = row.step ? (await repo.cardsOfStep(trx, row.id, row.step_seq)).map((card) => card.level) : [];
      const lead = departments.find((department) => department.id === row.lead_department_id);
      views.push(
        toEventView(
          row,
          {
            categoryName: categoryNameOf(categories.find((category) => category.code === row.category_code), session?.user.locale ?? ctx.config.locale, row.category_code),
            gridName: grids.find((grid) => grid.id === row.grid_id)?.name ?? null,
            reporterName: reporters.find((account) => account.id === row.reporter_account_id)?.display_name ?? null,
            leadDepartment: lead ? { id: lead.id, name: lead.name } : null,
            assisting: assisting.filter((item) => item.event_id === row.id).map((item) => ({ id: item.id, name: item.name })),
            photos: photos.filter((photo) => photo.event_id === row.id),
            cards,
          },
          session,
          now,
        ),
      );
    }
    return views;
  }

  /**
   * The view of an event just reported, from what the report already holds: its category, grid and
   * reporter are known, and it has no department, card or assisting unit yet. Only its photos are
   * read back. Saves five lookups on the busiest write of the platform.
   */
  async function describeReported(
    trx: Executor,
    row: NewEvent,
    known: { category: Parameters<typeof categoryNameOf>[0]; gridName: string | null; photos: number },
    session: AuthenticatedSession,
  ): Promise<EventView> {
    const photos = await repo.photosOfEvents(trx, known.photos === 0 ? [] : [row.id]);
    return toEventView(
      row,
      {
        categoryName: categoryNameOf(known.category, session.user.locale, row.category_code),
        gridName: known.gridName,
        reporterName: session.user.displayName,
        leadDepartment: null,
        assisting: [],
        photos,
        cards: [],
      },
      session,
      iso(),
    );
  }

  async function describeOne(trx: Executor, row: NewEvent, session: AuthenticatedSession | null): Promise<EventView> {
    const [view] = await describe(trx, [row], session);
    if (!view) throw new DomainError('NOT_FOUND');
    return view;
  }

  /** Reports an event; `created` is false when the same client key had already made it. */
  async function report(session: AuthenticatedSession, actor: AuditActor, body: ReportEventBody): Promise<{ event: EventView; created: boolean }> {
    const owner = session.user.id;
    const hash = requestHash(body);
    const existing = await repo.findByClientKey(db.kysely, owner, body.clientKey);
    if (existing) {
      if (existing.request_hash !== hash) throw new DomainError('IDEMPOTENCY_KEY_REUSED', { clientKey: body.clientKey });
      return { event: await describeOne(db.kysely, existing, session), created: false };
    }
    if ((body.lon === undefined) !== (body.lat === undefined)) throw new DomainError('EVENT_LOCATION_REQUIRED');
    if (body.lon === undefined && !body.address?.trim()) throw new DomainError('EVENT_LOCATION_REQUIRED');
    const source: EventSource = GRID_WORKER_ROLES.includes(session.user.role) ? 'grid_worker' : 'operator';
    const scope = session.user.orgPath;
    try {
      return await db.write(async (trx) => {
        const category = await repo.findCategory(trx, body.categoryCode);
        if (!category) throw new DomainError('UNKNOWN_EVENT_CATEGORY', { category: body.categoryCode });
        if (category.disabled_at) throw new DomainError('CATEGORY_DISABLED', { category: category.name_zh });
        let grid = body.gridId ? await repo.findGrid(trx, scope, body.gridId) : undefined;
        if (body.gridId && !grid) throw new DomainError('EVENT_GRID_INVALID', { gridId: body.gridId });
        if (!grid && body.lon !== undefined && body.lat !== undefined) grid = await gridAt(trx, scope, body.lon, body.lat);
        const photoIds = body.photoIds ?? [];
        const known = await repo.existingPhotoIds(trx, photoIds);
        const missing = photoIds.find((id) => !known.has(id));
        if (missing) throw new DomainError('PHOTO_NOT_FOUND', { photoId: missing });
        const now = iso();
        const row: NewEvent = {
          id: newId(),
          client_key: body.clientKey,
          client_owner: owner,
          request_hash: hash,
          title: body.title.trim(),
          description: body.description.trim(),
          category_code: category.code,
          status: 'reported',
          source,
          // Without a grid the event belongs to the caller's own unit: still inside their scope.
          path: grid?.path ?? scope,
          grid_id: grid?.id ?? null,
          lon: body.lon ?? null,
          lat: body.lat ?? null,
          address: body.address?.trim() || null,
          reporter_account_id: session.user.id,
          caller_name: body.callerName?.trim() || null,
          contact_sealed: null,
          lead_department_id: null,
          duplicate_of_id: null,
          escalated_at: null,
          step: null,
          step_seq: 0,
          step_started_at: null,
          step_deadline: null,
          next_card_at: null,
          remind_at: null,
          reported_at: now,
          updated_at: now,
          closed_at: null,
        };
        await repo.insertEvent(trx, row);
        await repo.insertTimeline(trx, {
          event_id: row.id,
          seq: 1,
          action: 'report',
          from_status: null,
          to_status: 'reported',
          actor_id: session.user.id,
          actor_name: session.user.displayName,
          actor_role: session.user.role,
          note: null,
          details: JSON.stringify({ source, gridId: row.grid_id }),
          at: now,
        });
        await repo.attachPhotos(trx, row.id, photoIds, 'report', 1);
        await audit.append(trx, actor, { action: 'event.reported', objectType: 'event', objectId: row.id, orgPath: row.path, details: { category: row.category_code, source, photos: photoIds.length } });
        return { event: await describeReported(trx, row, { category, gridName: grid?.name ?? null, photos: photoIds.length }, session), created: true };
      });
    } catch (error) {
      // Two copies of one retry raced: the loser answers with the winner's event.
      const raced = await repo.findByClientKey(db.kysely, owner, body.clientKey);
      if (raced && !(error instanceof DomainError)) {
        if (raced.request_hash !== hash) throw new DomainError('IDEMPOTENCY_KEY_REUSED', { clientKey: body.clientKey });
        return { event: await describeOne(db.kysely, raced, session), created: false };
      }
      throw error;
    }
  }

  async function get(session: AuthenticatedSession, id: string): Promise<EventView> {
    const row = await repo.findVisibleEvent(db.kysely, visibilityOf(session), id);
    if (!row) throw new DomainError('NOT_FOUND');
    return describeOne(db.kysely, row, session);
  }

  async function timeline(session: AuthenticatedSession, id: string): Promise<EventTimelineEntry[]> {
    const row = await repo.findVisibleEvent(db.kysely, visibilityOf(session), id);
    if (!row) throw new DomainError('NOT_FOUND');
    const [entries, photos] = await Promise.all([repo.timelineOf(db.kysely, id), repo.photosOfEvents(db.kysely, [id])]);
    return entries.map((entry) => ({
      seq: entry.seq,
      action: entry.action,
      fromStatus: entry.from_status,
      toStatus: entry.to_status,
      actor: entry.actor_id ? { id: entry.actor_id, displayName: entry.actor_name ?? '', role: entry.actor_role ?? '' } : null,
      note: entry.note,
      details: JSON.parse(entry.details) as Record<string, unknown>,
      photoIds: photos.filter((photo) => photo.timeline_seq === entry.seq).map((photo) => photo.photo_id),
      at: entry.at,
    }));
  }

  async function list(session: AuthenticatedSession, query: EventListQuery): Promise<{ items: EventListItem[]; nextCursor: string | null }> {
    const limit = query.limit ?? 20;
    const visibility = visibilityOf(session);
    const now = iso();
    const filters: repo.EventFilters = {
      ...(query.status ? { statuses: [query.status] } : {}),
      ...(query.view === 'center_queue' ? { statuses: ['reported', 'accepted'] } : {}),
      ...(query.view === 'department_inbox' ? { statuses: ['dispatched', 'signed'] } : {}),
      ...(query.view === 'mine' ? { reporterAccountId: session.user.id } : {}),
      ...(query.categoryCode ? { categoryCode: query.categoryCode } : {}),
      ...(query.gridId ? { gridId: query.gridId } : {}),
      ...(query.departmentId ? { leadDepartmentId: query.departmentId } : {}),
      ...(query.overdue ? { overdueAt: now } : {}),
      ...(query.from ? { reportedFrom: shanghaiDayRange(query.from).start } : {}),
      ...(query.to ? { reportedBefore: shanghaiDayRange(query.to).end } : {}),
      ...(query.after ? { beforeId: query.after } : {}),
    };
    if (query.villageId) {
      const village = await territory.findUnitInScope(db.kysely, session.user.orgPath, query.villageId);
      if (!village) throw new DomainError('NOT_FOUND');
      Object.assign(filters, { pathPrefix: village.path });
    }
    const rows = await repo.listEventsQuery(db.kysely, visibility, filters, limit + 1).execute();
    const page = rows.slice(0, limit);
    return {
      items: page.map((row) => ({
        id: row.id,
        title: row.title,
        categoryCode: row.category_code,
        status: row.status,
        path: row.path,
        gridName: row.grid_name,
        leadDepartmentId: row.lead_department_id,
        deadline: row.step_deadline,
        overdue: row.step_deadline !== null && row.step_deadline < now,
        reportedAt: row.reported_at,
      })),
      nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    };
  }

  return { ensureCatalogue, report, get, timeline, list, describeOne };
}

export type EventsService = ReturnType<typeof createEventsService>;
