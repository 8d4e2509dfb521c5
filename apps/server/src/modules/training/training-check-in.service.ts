// QR sign-in to a training (扫码签到) by the signed-in trainee from the field app: the session is
// one organised at or above their unit, the token is the one in its QR code, the day is the
// session's Shanghai day (an offline check-in counts by when it was made), and a retry with the
// same client key answers the first result.
import { createHash, timingSafeEqual } from 'node:crypto';
import {
  DomainError,
  newId,
  shanghaiDate,
  type CheckInBody,
  type CheckInSession,
  type TrainingAttendance,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import * as repo from './training.repo.js';
import { visibilityOf } from './training.service.js';
import { toAttendanceViews, toSessionViews } from './training-views.js';

/** Whether a presented token is the session's, compared in constant time (digests of equal length). */
export function tokenMatches(presented: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/** Phones' clocks drift: a check-in up to five minutes "ahead" of the server is now. */
const CLOCK_SKEW_MS = 5 * 60_000;

export function createTrainingCheckInService(ctx: AppContext) {
  const { db, clock, audit } = ctx;

  /** A session a trainee may sign in to: organised at or above their unit. */
  async function sessionForTrainee(
    executor: Executor,
    session: AuthenticatedSession,
    id: string,
  ): Promise<repo.SessionRow> {
    const row = await repo.findSessionOrganisedAt(executor, visibilityOf(session).above, id);
    if (!row) throw new DomainError('NOT_FOUND');
    return row;
  }

  async function checkInView(
    session: AuthenticatedSession,
    id: string,
    token: string,
  ): Promise<CheckInSession> {
    const row = await sessionForTrainee(db.kysely, session, id);
    if (!tokenMatches(token, row.sign_in_token)) throw new DomainError('TRAINING_TOKEN_INVALID');
    const [view] = await toSessionViews(db.kysely, [row], () => false);
    const { kind, topic, date, startTime, endTime, place, trainer, organiserName, status, materials } = view!;
    const mine = await repo.findAttendance(db.kysely, id, session.user.id);
    const myAttendance = mine ? { how: mine.how, at: mine.at } : null;
    return { id: row.id, kind, topic, date, startTime, endTime, place, trainer, organiserName, status, materials, myAttendance };
  }

  async function attendanceView(
    executor: Executor,
    sessionId: string,
    accountId: string,
    orgPath: string,
  ): Promise<TrainingAttendance> {
    const rows = (await repo.attendanceOfSession(executor, sessionId, orgPath)).filter(
      (row) => row.account_id === accountId,
    );
    const [view] = await toAttendanceViews(executor, rows);
    return view!;
  }

  /** QR sign-in by the signed-in trainee; a retry with the same client key answers the first result. */
  async function checkIn(
    session: AuthenticatedSession,
    actor: AuditActor,
    body: CheckInBody,
  ): Promise<{ attendance: TrainingAttendance; created: boolean }> {
    const me = session.user.id;
    const replay = async (executor: Executor) => {
      const earlier = await repo.findAttendanceByClientKey(executor, body.clientKey);
      if (!earlier) return null;
      if (earlier.session_id !== body.sessionId || earlier.account_id !== me)
        throw new DomainError('IDEMPOTENCY_KEY_REUSED', { clientKey: body.clientKey });
      return { attendance: await attendanceView(executor, earlier.session_id, me, session.user.orgPath), created: false };
    };
    const first = await replay(db.kysely);
    if (first) return first;
    const nowMs = clock();
    const atMs = body.at ? Date.parse(body.at) : nowMs;
    if (atMs > nowMs + CLOCK_SKEW_MS) throw new DomainError('TRAINING_CHECK_IN_IN_FUTURE');
    const atClamped = Math.min(atMs, nowMs);
    const at = new Date(atClamped).toISOString();
    return db.kysely.transaction().execute(async (trx) => {
      const row = await sessionForTrainee(trx, session, body.sessionId);
      if (!tokenMatches(body.token, row.sign_in_token)) throw new DomainError('TRAINING_TOKEN_INVALID');
      if (row.status === 'cancelled') throw new DomainError('TRAINING_SESSION_CANCELLED');
      if (shanghaiDate(atClamped) !== row.date)
        throw new DomainError('TRAINING_CHECK_IN_CLOSED', { date: row.date });
      const again = await replay(trx);
      if (again) return again;
      // Already present (by the sheet, or another check-in): counted once, answered as it stands.
      if (await repo.findAttendance(trx, row.id, me))
        return { attendance: await attendanceView(trx, row.id, me, session.user.orgPath), created: false };
      const now = new Date(nowMs).toISOString();
      const added = await repo.insertAttendance(trx, [
        {
          id: newId(),
          session_id: row.id,
          account_id: me,
          how: 'qr',
          at,
          recorded_by: me,
          client_key: body.clientKey,
          created_at: now,
        },
      ]);
      if (added.length === 0) {
        // A concurrent check-in (same client key, or another one of mine) landed first: answer it.
        const raced = await replay(trx);
        if (raced) return raced;
        return { attendance: await attendanceView(trx, row.id, me, session.user.orgPath), created: false };
      }
      await repo.markSessionHeld(trx, row.id, now);
      await audit.append(trx, actor, {
        action: 'training.checked_in',
        objectType: 'training_session',
        objectId: row.id,
        orgPath: session.user.orgPath,
        details: { at, clientKey: body.clientKey },
      });
      return { attendance: await attendanceView(trx, row.id, me, session.user.orgPath), created: true };
    });
  }

  return { checkInView, checkIn };
}

export type TrainingCheckInService = ReturnType<typeof createTrainingCheckInService>;
