// Visits (走访): a grid worker records one from the phone (idempotent by client key), it counts
// for the person's open schedules and moves their next due dates by the plan's rule, and it is
// flagged for the center's review when far from the known address or in impossible succession.
// Due lists resolve the responsible worker from the grid when read, so a handover moves them at once.
import {
  DomainError,
  afterVisit,
  can,
  distanceFromAddress,
  milestonesOf,
  missedCountAt,
  newId,
  scheduleStatusAt,
  shanghaiDate,
  shanghaiDayRange,
  visitFlags,
  type DueVisit,
  type DueVisitQuery,
  type RecordVisitBody,
  type ReviewVisitBody,
  type Visit,
  type VisitFlag,
  type VisitListQuery,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { VisitTable, VisitTargetTable } from '../../db/tables/visit.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { requestHash } from '../events/events.service.js';
import * as repo from './visits.repo.js';
import { planRuleOf } from './visit-schedules.service.js';
import { visitSettingsOf } from './visit-settings.service.js';

/** The photos of a visit open to whoever may read visits within their scope (the center reviewing a flagged visit). */
export async function visitPhotoHolder(db: Executor, session: AuthenticatedSession, photoId: string): Promise<boolean> {
  return can(session.user.role, 'visit.read') && (await repo.visitWithPhotoInScope(db, session.user.orgPath, photoId));
}

const GRID_WORKER_ROLES: readonly string[] = ['grid_worker_fulltime', 'grid_worker_parttime'];
/** Phones' clocks drift: a visit up to five minutes "ahead" of the server is now, not the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

function decodeCursor(cursor: string, length: number): string[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === length && value.every((part) => typeof part === 'string'))
      return value as string[];
  } catch {
    // Not one of ours: refused below.
  }
  throw new DomainError('VALIDATION_FAILED', { field: 'cursor', summary: 'cursor' });
}

export function toVisitView(row: repo.VisitRow, photoIds: readonly string[]): Visit {
  return {
    id: row.id,
    clientKey: row.client_key,
    personId: row.person_id,
    personName: row.person_name,
    scheduleId: row.schedule_id,
    workerId: row.worker_id,
    workerName: row.worker_name,
    visitedAt: row.visited_at,
    location:
      row.lon !== null && row.lat !== null ? { lon: row.lon, lat: row.lat, accuracy: row.accuracy } : null,
    met: row.met,
    situation: row.situation,
    eventId: row.event_id,
    notes: row.notes,
    photoIds: [...photoIds],
    distanceM: row.distance_m,
    flags: JSON.parse(row.flags) as VisitFlag[],
    review: row.review,
    reviewNote: row.review_note,
    path: row.path,
    createdAt: row.created_at,
  };
}

export function createVisitsService(ctx: AppContext) {
  const { db, clock, audit } = ctx;
  const iso = () => new Date(clock()).toISOString();
  const isGridWorker = (session: AuthenticatedSession) => GRID_WORKER_ROLES.includes(session.user.role);

  async function describe(executor: Executor, rows: readonly repo.VisitRow[]): Promise<Visit[]> {
    const photos = await repo.photosOfVisits(
      executor,
      rows.map((row) => row.id),
    );
    return rows.map((row) =>
      toVisitView(
        row,
        photos.filter((photo) => photo.visit_id === row.id).map((photo) => photo.photo_id),
      ),
    );
  }

  /** A path filter within the caller's scope, or 404 when it names a unit outside it. */
  async function scopedPath(
    session: AuthenticatedSession,
    orgPath: string | undefined,
  ): Promise<string | undefined> {
    if (!orgPath) return undefined;
    if (!(await repo.unitInScope(db.kysely, session.user.orgPath, orgPath)))
      throw new DomainError('NOT_FOUND');
    return orgPath;
  }

  async function dueList(
    session: AuthenticatedSession,
    query: DueVisitQuery,
  ): Promise<{ items: DueVisit[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const today = shanghaiDate(clock());
    const filters: repo.DueListFilters = { status: query.status ?? 'all', today };
    const pathPrefix = await scopedPath(session, query.orgPath);
    if (pathPrefix) Object.assign(filters, { pathPrefix });
    if (query.workerId) {
      if (!(await repo.accountInScope(db.kysely, session.user.orgPath, query.workerId)))
        throw new DomainError('NOT_FOUND');
      Object.assign(filters, { gridPaths: await repo.gridPathsOfWorker(db.kysely, query.workerId) });
    } else if (isGridWorker(session) && !query.orgPath) {
      Object.assign(filters, { gridPaths: await repo.gridPathsOfWorker(db.kysely, session.user.id) });
    }
    const cursor = query.cursor ?? query.after;
    if (cursor) {
      const [dueOn, id] = decodeCursor(cursor, 2);
      Object.assign(filters, { after: { dueOn, id } });
    }
    const rows = await repo.dueList(db.kysely, session.user.orgPath, filters, limit + 1);
    const page = rows.slice(0, limit);
    const workers = await repo.workersOfGrids(db.kysely, [
      ...new Set(page.flatMap((row) => (row.grid_id ? [row.grid_id] : []))),
    ]);
    const workerOfGrid = new Map<string, { id: string; display_name: string }>();
    for (const worker of workers)
      if (!workerOfGrid.has(worker.grid_id)) workerOfGrid.set(worker.grid_id, worker);
    const mayReadSpecial = can(session.user.role, 'person.special');
    const items = page.map((row): DueVisit => {
      const rule = { intervalsDays: JSON.parse(row.intervals_days) as number[], graceDays: row.grace_days };
      const state = {
        baseOn: row.base_on,
        dueOn: row.due_on,
        visitsDone: row.visits_done,
        missedCount: row.missed_count,
      };
      const worker = row.grid_id ? workerOfGrid.get(row.grid_id) : undefined;
      return {
        scheduleId: row.id,
        personId: row.person_id,
        personName: row.person_name,
        gridId: row.grid_id,
        gridName: row.grid_name,
        path: row.path,
        // A special population's category is seen only by roles that may read it.
        subjectLabel:
          row.subject_kind !== 'special_population' || mayReadSpecial ? row.plan_name : '重点人员',
        planId: row.plan_id,
        dueOn: row.due_on,
        status: scheduleStatusAt(state, rule, today),
        missedCount: missedCountAt(state, rule, today),
        lastVisitedAt: row.last_visited_at,
        workerId: worker?.id ?? null,
        workerName: worker?.display_name ?? null,
      };
    });
    const last = page.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.due_on, last.id]) : null };
  }

  /** The person, if the caller may visit them: a grid worker in their own grids, anyone else in their scope. */
  async function visitablePerson(executor: Executor, session: AuthenticatedSession, personId: string) {
    const person = await repo.personForVisit(executor, session.user.orgPath, personId);
    if (!person) return undefined;
    if (
      isGridWorker(session) &&
      !(await repo.gridPathsOfWorker(executor, session.user.id)).includes(person.path)
    )
      return undefined;
    return person;
  }

  async function record(
    session: AuthenticatedSession,
    actor: AuditActor,
    body: RecordVisitBody,
  ): Promise<{ visit: Visit; created: boolean }> {
    const owner = session.user.id;
    const hash = requestHash(body);
    const replay = async (): Promise<{ visit: Visit; created: boolean } | null> => {
      const existing = await repo.findByClientKey(db.kysely, owner, body.clientKey);
      if (!existing) return null;
      if (existing.request_hash !== hash)
        throw new DomainError('IDEMPOTENCY_KEY_REUSED', { clientKey: body.clientKey });
      const [visit] = await describe(db.kysely, [await repo.findVisitById(db.kysely, existing.id)]);
      return { visit: visit!, created: false };
    };
    const first = await replay();
    if (first) return first;
    const visitedMs = Date.parse(body.visitedAt);
    if (Number.isNaN(visitedMs))
      throw new DomainError('VALIDATION_FAILED', { field: 'visitedAt', summary: 'visitedAt' });
    if (visitedMs > clock() + CLOCK_SKEW_MS) throw new DomainError('VISIT_IN_FUTURE', { field: 'visitedAt' });
    const visitedAt = new Date(visitedMs).toISOString();
    const visitedOn = shanghaiDate(visitedMs);
    try {
      return await db.kysely.transaction().execute(async (trx) => {
        const person = await visitablePerson(trx, session, body.personId);
        if (!person) throw new DomainError('NOT_FOUND');
        if (visitedAt < person.created_at)
          throw new DomainError('VISIT_BEFORE_REGISTRATION', {
            field: 'visitedAt',
            registeredOn: shanghaiDate(Date.parse(person.created_at)),
          });
        const open = await repo.openSchedulesOfPerson(trx, person.id);
        if (body.scheduleId && !open.some((schedule) => schedule.id === body.scheduleId))
          throw new DomainError('VISIT_SCHEDULE_INVALID', { field: 'scheduleId' });
        if (body.eventId && !(await repo.eventInScope(trx, session.user.orgPath, body.eventId)))
          throw new DomainError('VISIT_EVENT_NOT_FOUND', { field: 'eventId' });
        const photoIds = body.photoIds ?? [];
        const known = await repo.existingPhotoIds(trx, photoIds);
        const missing = photoIds.find((id) => !known.has(id));
        if (missing) throw new DomainError('PHOTO_NOT_FOUND', { photoId: missing, field: 'photoIds' });
        const settings = await visitSettingsOf(ctx, trx);
        const location = body.location ? { lon: body.location.lon, lat: body.location.lat } : null;
        const house = await repo.houseLocationOf(trx, person.id);
        const distanceM = distanceFromAddress(
          location,
          house && house.lon !== null && house.lat !== null ? { lon: house.lon, lat: house.lat } : null,
        );
        const previous = await repo.previousLocatedVisit(trx, owner, visitedAt);
        const flags = visitFlags(
          distanceM,
          previous && previous.lon !== null && previous.lat !== null
            ? { at: previous.visited_at, location: { lon: previous.lon, lat: previous.lat } }
            : null,
          { at: visitedAt, location },
          settings,
        );
        const now = iso();
        const counted = body.scheduleId ? open.filter((schedule) => schedule.id === body.scheduleId) : open;
        const row: VisitTable = {
          id: newId(),
          client_key: body.clientKey,
          client_owner: owner,
          request_hash: hash,
          person_id: person.id,
          schedule_id: body.scheduleId ?? counted[0]?.id ?? null,
          worker_id: owner,
          path: person.path,
          county_code: person.county_code,
          township_code: person.township_code,
          village_code: person.village_code,
          visited_at: visitedAt,
          lon: body.location?.lon ?? null,
          lat: body.location?.lat ?? null,
          accuracy: body.location?.accuracy ?? null,
          met: body.met,
          situation: body.situation,
          event_id: body.eventId ?? null,
          notes: body.notes?.trim() || null,
          distance_m: distanceM,
          flags: JSON.stringify(flags),
          review: flags.length > 0 ? 'pending' : 'none',
          review_note: null,
          reviewed_by: null,
          reviewed_at: null,
          created_at: now,
        };
        const targets: VisitTargetTable[] = [];
        const moves: { id: string; changes: Parameters<typeof repo.updateSchedule>[2] }[] = [];
        for (const schedule of counted) {
          // A visit older than the last one counted (sent late from a phone) changes no due date.
          if (schedule.last_visited_at && visitedAt <= schedule.last_visited_at) continue;
          const rule = planRuleOf(schedule);
          const state = {
            baseOn: schedule.base_on,
            dueOn: schedule.due_on,
            visitsDone: schedule.visits_done,
            missedCount: schedule.missed_count,
          };
          const next = afterVisit(state, rule, visitedOn);
          const milestones = milestonesOf(next, rule);
          targets.push({
            visit_id: row.id,
            schedule_id: schedule.id,
            due_on: schedule.due_on,
            on_time: visitedOn <= schedule.overdue_after ? 1 : 0,
          });
          moves.push({
            id: schedule.id,
            changes: {
              base_on: next.baseOn,
              due_on: next.dueOn,
              visits_done: next.visitsDone,
              missed_count: next.missedCount,
              due_week_on: milestones.dueWeekFrom,
              overdue_after: milestones.overdueAfter,
              missed_after: milestones.missedAfter,
              next_card_after: milestones.overdueAfter,
              last_visited_at: visitedAt,
              updated_at: now,
            },
          });
        }
        await repo.insertVisit(trx, row, photoIds, targets);
        for (const move of moves) await repo.updateSchedule(trx, move.id, move.changes);
        await audit.append(trx, actor, {
          action: 'visit.recorded',
          objectType: 'visit',
          objectId: row.id,
          orgPath: row.path,
          details: {
            personId: person.id,
            schedules: targets.map((target) => target.schedule_id),
            flags,
            met: row.met,
            situation: row.situation,
            eventId: row.event_id,
          },
        });
        const [visit] = await describe(trx, [await repo.findVisitById(trx, row.id)]);
        return { visit: visit!, created: true };
      });
    } catch (error) {
      // Two copies of one retry raced: the loser answers with the winner's visit.
      if (!(error instanceof DomainError)) {
        const raced = await replay();
        if (raced) return raced;
      }
      throw error;
    }
  }

  async function ofPerson(session: AuthenticatedSession, personId: string): Promise<{ items: Visit[] }> {
    if (!(await repo.personForVisit(db.kysely, session.user.orgPath, personId)))
      throw new DomainError('NOT_FOUND');
    return { items: await describe(db.kysely, await repo.visitsOfPerson(db.kysely, personId, 200)) };
  }

  async function list(
    session: AuthenticatedSession,
    query: VisitListQuery,
  ): Promise<{ items: Visit[]; nextCursor: string | null }> {
    const limit = query.limit ?? 20;
    const pathPrefix = await scopedPath(session, query.orgPath);
    const listCursor = query.cursor ?? query.after;
    const filters: repo.VisitListFilters = {
      ...(pathPrefix ? { pathPrefix } : {}),
      ...(query.flagged !== undefined ? { flagged: query.flagged } : {}),
      ...(query.review ? { review: query.review } : {}),
      ...(query.from ? { from: shanghaiDayRange(query.from).start } : {}),
      ...(query.to ? { to: shanghaiDayRange(query.to).end } : {}),
      ...(listCursor ? { beforeId: decodeCursor(listCursor, 1)[0]! } : {}),
    };
    const rows = await repo.listVisits(db.kysely, session.user.orgPath, filters, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: await describe(db.kysely, page),
      nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null,
    };
  }

  async function review(
    session: AuthenticatedSession,
    actor: AuditActor,
    id: string,
    body: ReviewVisitBody,
  ): Promise<Visit> {
    return db.kysely.transaction().execute(async (trx) => {
      const visit = await repo.findVisitInScope(trx, session.user.orgPath, id);
      if (!visit) throw new DomainError('NOT_FOUND');
      const changes = {
        review: body.outcome,
        review_note: body.note?.trim() || null,
        reviewed_by: session.user.id,
        reviewed_at: iso(),
      } as const;
      if (visit.review !== 'pending' || !(await repo.reviewVisit(trx, id, changes)))
        throw new DomainError('VISIT_NOT_PENDING', { field: 'id' });
      await audit.append(trx, actor, {
        action: 'visit.reviewed',
        objectType: 'visit',
        objectId: id,
        orgPath: visit.path,
        details: {
          outcome: body.outcome,
          flags: JSON.parse(visit.flags) as unknown,
          note: changes.review_note,
        },
      });
      const [view] = await describe(trx, [{ ...visit, ...changes }]);
      return view!;
    });
  }

  return { dueList, record, ofPerson, list, review };
}

export type VisitsService = ReturnType<typeof createVisitsService>;
