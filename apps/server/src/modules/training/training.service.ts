// Training sessions (教育培训): organised by the county or a township, read within scope, attended
// by sign-in sheet (all or nothing, idempotent per person); the QR check-in is in
// training-check-in.service.ts.
import { randomBytes } from 'node:crypto';
import {
  DomainError,
  TRAINEE_ROLES,
  ancestorPaths,
  can,
  isInvited,
  isTraineeRole,
  newId,
  orgPathDepth,
  shanghaiDate,
  type CreateTrainingSessionBody,
  type RecordAttendanceBody,
  type RecordAttendanceResult,
  type TrainingAttendance,
  type TrainingAudienceBody,
  type TrainingInvitee,
  type TrainingInviteeQuery,
  type TrainingSession,
  type TrainingSessionListQuery,
  type UpdateTrainingSessionBody,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { TrainingSessionTable } from '../../db/tables/training.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import * as repo from './training.repo.js';
import { accountUnitPaths, audienceOf, nameBook, pathAtDepth, toAttendanceViews, toSessionViews } from './training-views.js';

function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

function decodeCursor(cursor: string): { date: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string'))
      return { date: value[0] as string, id: value[1] as string };
  } catch {
    // Not one of ours: refused below.
  }
  throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'querystring.after', rule: 'cursor', message: 'cursor' }], summary: 'after' });
}

export function visibilityOf(session: AuthenticatedSession): repo.SessionVisibility {
  return { above: ancestorPaths(session.user.orgPath).filter((path) => path !== '/'), within: session.user.orgPath };
}

/** Whether the caller organises (and so manages) the session: it lies within their scope. */
export function managesSession(session: AuthenticatedSession, row: repo.SessionRow): boolean {
  return can(session.user.role, 'training.manage') && row.organiser_path.startsWith(session.user.orgPath);
}

export function newSignInToken(): string {
  return randomBytes(16).toString('base64url');
}

export function createTrainingService(ctx: AppContext) {
  const { db, clock, audit } = ctx;
  const iso = () => new Date(clock()).toISOString();

  const views = (executor: Executor, session: AuthenticatedSession, rows: readonly repo.SessionRow[]) =>
    toSessionViews(executor, rows, (row) => managesSession(session, row));

  async function visibleSession(executor: Executor, session: AuthenticatedSession, id: string): Promise<repo.SessionRow> {
    const row = await repo.findVisibleSession(executor, visibilityOf(session), id);
    if (!row) throw new DomainError('NOT_FOUND');
    return row;
  }

  async function managedSession(executor: Executor, session: AuthenticatedSession, id: string): Promise<repo.SessionRow> {
    const row = await visibleSession(executor, session, id);
    if (!managesSession(session, row)) throw new DomainError('FORBIDDEN', { permission: 'training.manage' });
    return row;
  }

  /** Invited units must lie within the organiser's area, and departments must exist there. */
  async function checkAudience(executor: Executor, organiserPath: string, audience: TrainingAudienceBody): Promise<void> {
    const units = new Set((await repo.unitsByPaths(executor, audience.orgPaths)).map((unit) => unit.path));
    audience.orgPaths.forEach((path, index) => {
      if (!path.startsWith(organiserPath) || !units.has(path))
        throw new DomainError('TRAINING_AUDIENCE_INVALID', { field: `audience.orgPaths[${index}]` });
    });
    const departments = new Map((await repo.departmentsByIds(executor, audience.departmentIds)).map((d) => [d.id, d]));
    audience.departmentIds.forEach((id, index) => {
      const department = departments.get(id);
      // A county department serves townships too: it may be invited by a township's session.
      if (!department || !(department.org_path.startsWith(organiserPath) || organiserPath.startsWith(department.org_path)))
        throw new DomainError('TRAINING_AUDIENCE_INVALID', { field: `audience.departmentIds[${index}]` });
    });
  }

  async function checkMaterials(executor: Executor, session: AuthenticatedSession, ids: readonly string[], held: readonly string[]): Promise<void> {
    const wanted = ids.filter((id) => !held.includes(id));
    const found = new Set((await repo.attachmentsUploadedBy(executor, wanted, session.user.id)).map((row) => row.id));
    ids.forEach((id, index) => {
      if (!held.includes(id) && !found.has(id)) throw new DomainError('TRAINING_MATERIAL_INVALID', { field: `materialIds[${index}]` });
    });
  }

  async function list(session: AuthenticatedSession, query: TrainingSessionListQuery) {
    const limit = query.limit ?? 50;
    const filters: repo.SessionFilters = {
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      ...(query.after ? { after: decodeCursor(query.after) } : {}),
    };
    const rows = await repo.listSessions(db.kysely, visibilityOf(session), filters, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: await views(db.kysely, session, page),
      nextCursor: rows.length > limit && last ? encodeCursor([last.date, last.id]) : null,
    };
  }

  async function get(session: AuthenticatedSession, id: string): Promise<TrainingSession> {
    const [view] = await views(db.kysely, session, [await visibleSession(db.kysely, session, id)]);
    return view!;
  }

  async function create(session: AuthenticatedSession, actor: AuditActor, body: CreateTrainingSessionBody): Promise<TrainingSession> {
    const depth = orgPathDepth(session.user.orgPath);
    if (depth < 1) throw new DomainError('TRAINING_ORGANISER_INVALID');
    // The county or a township organises: an account placed lower organises for its township.
    const organiserPath = pathAtDepth(session.user.orgPath, 2);
    if (body.endTime <= body.startTime) throw new DomainError('TRAINING_TIME_INVALID');
    const audience = body.audience ?? { roles: [], orgPaths: [], departmentIds: [] };
    const materialIds = body.materialIds ?? [];
    return db.kysely.transaction().execute(async (trx) => {
      await checkAudience(trx, organiserPath, audience);
      await checkMaterials(trx, session, materialIds, []);
      const now = iso();
      const row: TrainingSessionTable = {
        id: newId(),
        kind: body.kind,
        topic: body.topic.trim(),
        date: body.date,
        start_time: body.startTime,
        end_time: body.endTime,
        place: body.place.trim(),
        trainer: body.trainer.trim(),
        organiser_path: organiserPath,
        audience: JSON.stringify(audience),
        sign_in_token: newSignInToken(),
        status: 'planned',
        version: 1,
        created_by: session.user.id,
        created_at: now,
        updated_at: now,
      };
      await repo.insertSession(trx, row);
      await repo.setMaterials(trx, row.id, materialIds);
      await audit.append(trx, actor, {
        action: 'training.session_created',
        objectType: 'training_session',
        objectId: row.id,
        orgPath: organiserPath,
        details: { kind: row.kind, topic: row.topic, date: row.date, materials: materialIds.length },
      });
      const [view] = await views(trx, session, [row]);
      return view!;
    });
  }

  async function update(session: AuthenticatedSession, actor: AuditActor, id: string, body: UpdateTrainingSessionBody): Promise<TrainingSession> {
    return db.kysely.transaction().execute(async (trx) => {
      const before = await managedSession(trx, session, id);
      if (before.version !== body.version) throw new DomainError('RECORD_CHANGED', { version: before.version });
      const startTime = body.startTime ?? before.start_time;
      const endTime = body.endTime ?? before.end_time;
      if (endTime <= startTime) throw new DomainError('TRAINING_TIME_INVALID');
      if (body.audience) await checkAudience(trx, before.organiser_path, body.audience);
      if (body.date && body.date !== before.date) {
        const [attended] = await repo.attendanceCounts(trx, [id]);
        if (attended && Number(attended.count) > 0) throw new DomainError('TRAINING_DATE_FIXED');
      }
      const held = (await repo.materialsOf(trx, [id])).map((m) => m.attachment_id);
      if (body.materialIds) await checkMaterials(trx, session, body.materialIds, held);
      const changes: Partial<TrainingSessionTable> = {
        ...(body.kind ? { kind: body.kind } : {}),
        ...(body.topic ? { topic: body.topic.trim() } : {}),
        ...(body.date ? { date: body.date } : {}),
        start_time: startTime,
        end_time: endTime,
        ...(body.place ? { place: body.place.trim() } : {}),
        ...(body.trainer ? { trainer: body.trainer.trim() } : {}),
        ...(body.audience ? { audience: JSON.stringify(body.audience) } : {}),
        ...(body.status ? { status: body.status } : {}),
        version: before.version + 1,
        updated_at: iso(),
      };
      // A concurrent change of the same version got there first: this one is stale.
      if (!(await repo.updateSessionAtVersion(trx, id, before.version, changes)))
        throw new DomainError('RECORD_CHANGED', { version: before.version + 1 });
      if (body.materialIds) await repo.setMaterials(trx, id, body.materialIds);
      const { version: _version, ...changed } = body;
      await audit.append(trx, actor, {
        action: 'training.session_updated',
        objectType: 'training_session',
        objectId: id,
        orgPath: before.organiser_path,
        details: { changed: Object.keys(changed), status: body.status ?? before.status },
      });
      const [view] = await views(trx, session, [{ ...before, ...changes }]);
      return view!;
    });
  }

  async function remove(session: AuthenticatedSession, actor: AuditActor, id: string): Promise<void> {
    await db.kysely.transaction().execute(async (trx) => {
      const row = await managedSession(trx, session, id);
      const [count] = await repo.attendanceCounts(trx, [id]);
      if (count && Number(count.count) > 0) throw new DomainError('TRAINING_SESSION_HAS_ATTENDANCE');
      await repo.deleteSession(trx, id);
      await audit.append(trx, actor, {
        action: 'training.session_deleted',
        objectType: 'training_session',
        objectId: id,
        orgPath: row.organiser_path,
        details: { topic: row.topic, date: row.date },
      });
    });
  }

  async function attendance(session: AuthenticatedSession, id: string): Promise<TrainingAttendance[]> {
    await visibleSession(db.kysely, session, id);
    return toAttendanceViews(db.kysely, await repo.attendanceOfSession(db.kysely, id, session.user.orgPath));
  }

  /** The sign-in sheet: every named account present, or none (the first bad one named). */
  async function recordSheet(session: AuthenticatedSession, actor: AuditActor, id: string, body: RecordAttendanceBody): Promise<RecordAttendanceResult> {
    return db.kysely.transaction().execute(async (trx) => {
      const row = await managedSession(trx, session, id);
      if (row.status === 'cancelled') throw new DomainError('TRAINING_SESSION_CANCELLED');
      const now = iso();
      if (row.date > shanghaiDate(clock())) throw new DomainError('TRAINING_NOT_YET_HELD', { date: row.date });
      const accounts = new Map((await repo.accountsByIds(trx, body.accountIds)).map((account) => [account.id, account]));
      body.accountIds.forEach((accountId, index) => {
        const account = accounts.get(accountId);
        if (!account || account.disabled_at !== null || !isTraineeRole(account.role) || !account.org_path.startsWith(row.organiser_path))
          throw new DomainError('TRAINING_ATTENDEE_INVALID', { field: `accountIds[${index}]`, accountId });
      });
      const present = new Set((await repo.attendanceOfSession(trx, id, session.user.orgPath)).map((a) => a.account_id));
      const named = [...new Set(body.accountIds)];
      // Those a concurrent sheet or check-in added meanwhile are left out by the insert itself.
      const added = await repo.insertAttendance(
        trx,
        named
          .filter((accountId) => !present.has(accountId))
          .map((accountId) => ({ id: newId(), session_id: id, account_id: accountId, how: 'sheet', at: now, recorded_by: session.user.id, client_key: null, created_at: now })),
      );
      if (added.length > 0) await repo.markSessionHeld(trx, id, now);
      await audit.append(trx, actor, {
        action: 'training.attendance_recorded',
        objectType: 'training_session',
        objectId: id,
        orgPath: row.organiser_path,
        details: { added, alreadyPresent: named.length - added.length },
      });
      return {
        added: added.length,
        alreadyPresent: named.length - added.length,
        items: await toAttendanceViews(trx, await repo.attendanceOfSession(trx, id, session.user.orgPath)),
      };
    });
  }

  /** Accounts the sheet may name: trainees within the organiser's area, the invited ones marked. */
  async function invitees(session: AuthenticatedSession, id: string, query: TrainingInviteeQuery): Promise<TrainingInvitee[]> {
    const row = await managedSession(db.kysely, session, id);
    const audience = audienceOf(row);
    const accounts = await repo.traineesInScope(db.kysely, row.organiser_path, TRAINEE_ROLES, query.q ? { q: query.q } : {});
    const present = new Set((await repo.attendanceOfSession(db.kysely, id, session.user.orgPath)).map((a) => a.account_id));
    const names = await nameBook(
      db.kysely,
      accounts.map((account) => accountUnitPaths(account.org_path)),
      accounts.flatMap((account) => (account.department_id ? [account.department_id] : [])),
    );
    return accounts
      .map((account) => ({
        accountId: account.id,
        name: account.display_name,
        role: account.role,
        orgPath: account.org_path,
        unitName: names.department(account.department_id) || names.unit(accountUnitPaths(account.org_path)),
        invited: isInvited(audience, { role: account.role, orgPath: account.org_path, departmentId: account.department_id }),
        present: present.has(account.id),
      }))
      .filter((invitee) => !query.invitedOnly || invitee.invited || invitee.present);
  }

  return { list, get, create, update, remove, attendance, recordSheet, invitees };
}

export type TrainingService = ReturnType<typeof createTrainingService>;
