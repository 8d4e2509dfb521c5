// Sign-in and sessions. Sessions live in the database (not in memory) so that several app
// servers behind a load balancer are interchangeable; every sign-in, failure and lockout is
// audited, and five wrong passwords in a row lock the account (等保 登录失败处理).
import { createHash, randomBytes } from 'node:crypto';
import { DomainError, checkPassword, isLocale, newId, type CurrentUser, type Session } from '@gridwork/core';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../../platform/passwords.js';
import * as repo from './auth.repo.js';

/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60_000;

export interface RequestOrigin {
  readonly ip: string;
  readonly userAgent: string;
}

export interface SignInInput extends RequestOrigin {
  readonly username: string;
  readonly password: string;
}

export interface AuthenticatedSession {
  readonly sessionId: string;
  readonly user: CurrentUser;
  readonly departmentId: string | null;
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function actorOf(session: AuthenticatedSession, origin: RequestOrigin): AuditActor {
  return {
    id: session.user.id,
    username: session.user.username,
    role: session.user.role,
    ip: origin.ip,
    userAgent: origin.userAgent,
  };
}

export function createAuthService(ctx: AppContext) {
  const { db, config, clock, audit } = ctx;
  const idleMs = config.sessionIdleMinutes * 60_000;
  const absoluteMs = config.sessionAbsoluteHours * 3600_000;
  const lockoutMs = config.lockoutMinutes * 60_000;

  function passwordExpired(changedAt: string | null, nowMs: number): boolean {
    if (config.passwordMaxAgeDays === 0 || !changedAt) return false;
    return nowMs - Date.parse(changedAt) > config.passwordMaxAgeDays * 86_400_000;
  }

  async function signIn(input: SignInInput): Promise<{ token: string; session: AuthenticatedSession }> {
    const nowMs = clock();
    const anonymous: AuditActor = {
      id: null,
      username: input.username.slice(0, 64),
      role: null,
      ip: input.ip,
      userAgent: input.userAgent,
    };
    const recentFailures = await repo.countFailuresFromAddress(db.kysely, input.ip, iso(nowMs - lockoutMs));
    if (recentFailures >= config.addressFailureLimit) {
      await audit.appendAlone(anonymous, {
        action: 'auth.sign_in_failed',
        outcome: 'denied',
        details: { reason: 'address_rate_limited' },
      });
      throw new DomainError('RATE_LIMITED');
    }
    const account = await repo.findAccountByUsername(db.kysely, input.username);
    const actor: AuditActor = account ? { ...anonymous, id: account.id, role: account.role } : anonymous;
    if (account?.locked_until && Date.parse(account.locked_until) > nowMs) {
      await audit.appendAlone(actor, {
        action: 'auth.sign_in_failed',
        outcome: 'denied',
        objectType: 'account',
        objectId: account.id,
        details: { reason: 'locked' },
      });
      throw new DomainError('ACCOUNT_LOCKED', {
        minutes: Math.ceil((Date.parse(account.locked_until) - nowMs) / 60_000),
      });
    }
    const passwordOk = await verifyPassword(
      input.password,
      account?.password_hash ?? (await DUMMY_HASH_PROMISE),
    );
    if (!account || !passwordOk) {
      await db.kysely.transaction().execute(async (trx) => {
        await audit.append(trx, actor, {
          action: 'auth.sign_in_failed',
          outcome: 'failed',
          ...(account ? { objectType: 'account', objectId: account.id } : {}),
          details: { reason: account ? 'wrong_password' : 'unknown_user' },
        });
        if (!account) return;
        const failures = account.failed_sign_ins + 1;
        const locks = failures >= config.lockoutThreshold;
        await repo.recordFailedSignIn(
          trx,
          account.id,
          locks ? 0 : failures,
          locks ? iso(nowMs + lockoutMs) : null,
        );
        if (locks) {
          await audit.append(trx, actor, {
            action: 'auth.locked_out',
            outcome: 'denied',
            objectType: 'account',
            objectId: account.id,
            details: { failures, minutes: config.lockoutMinutes },
          });
        }
      });
      throw new DomainError('INVALID_CREDENTIALS');
    }
    if (account.disabled_at) {
      await audit.appendAlone(actor, {
        action: 'auth.sign_in_failed',
        outcome: 'denied',
        objectType: 'account',
        objectId: account.id,
        details: { reason: 'disabled' },
      });
      throw new DomainError('ACCOUNT_DISABLED');
    }
    const token = randomBytes(32).toString('base64url');
    const sessionId = newId();
    await db.kysely.transaction().execute(async (trx) => {
      await repo.insertSession(trx, {
        id: sessionId,
        token_hash: hashSessionToken(token),
        account_id: account.id,
        created_at: iso(nowMs),
        last_seen_at: iso(nowMs),
        expires_at: iso(nowMs + absoluteMs),
        ip: input.ip.slice(0, 64),
        user_agent: input.userAgent.slice(0, 512),
        revoked_at: null,
      });
      await repo.markSignedIn(trx, account.id, iso(nowMs));
      await audit.append(trx, actor, {
        action: 'auth.sign_in',
        objectType: 'account',
        objectId: account.id,
        orgPath: account.org_path,
        details: { sessionId },
      });
    });
    return {
      token,
      session: {
        sessionId,
        departmentId: account.department_id,
        user: {
          id: account.id,
          username: account.username,
          displayName: account.display_name,
          role: account.role,
          orgPath: account.org_path,
          mustChangePassword:
            account.must_change_password === 1 || passwordExpired(account.password_changed_at, nowMs),
          locale: isLocale(account.locale) ? account.locale : config.locale,
        },
      },
    };
  }

  /** The session behind a cookie, or UNAUTHENTICATED / SESSION_EXPIRED / ACCOUNT_DISABLED. */
  async function authenticate(token: string | undefined): Promise<AuthenticatedSession> {
    if (!token) throw new DomainError('UNAUTHENTICATED');
    const row = await repo.findLiveSession(db.kysely, hashSessionToken(token));
    if (!row || row.revoked_at) throw new DomainError('UNAUTHENTICATED');
    if (row.disabled_at) throw new DomainError('ACCOUNT_DISABLED');
    const nowMs = clock();
    const idleEnd = Date.parse(row.last_seen_at) + idleMs;
    if (nowMs >= Date.parse(row.expires_at) || nowMs >= idleEnd) {
      await repo.revokeSession(db.kysely, row.session_id, row.account_id, iso(nowMs));
      throw new DomainError('SESSION_EXPIRED');
    }
    if (nowMs - Date.parse(row.last_seen_at) >= TOUCH_INTERVAL_MS) {
      await repo.touchSession(db.kysely, row.session_id, iso(nowMs));
    }
    return {
      sessionId: row.session_id,
      departmentId: row.department_id,
      user: {
        id: row.account_id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        orgPath: row.org_path,
        mustChangePassword: row.must_change_password === 1 || passwordExpired(row.password_changed_at, nowMs),
        locale: isLocale(row.locale) ? row.locale : config.locale,
      },
    };
  }

  async function signOut(session: AuthenticatedSession, origin: RequestOrigin): Promise<void> {
    await db.kysely.transaction().execute(async (trx) => {
      await repo.revokeSession(trx, session.sessionId, session.user.id, iso(clock()));
      await audit.append(trx, actorOf(session, origin), {
        action: 'auth.sign_out',
        objectType: 'account',
        objectId: session.user.id,
      });
    });
  }

  async function changePassword(
    session: AuthenticatedSession,
    origin: RequestOrigin,
    input: { currentPassword: string; newPassword: string },
  ): Promise<void> {
    const account = await repo.findAccountById(db.kysely, session.user.id);
    if (!account) throw new DomainError('UNAUTHENTICATED');
    if (!(await verifyPassword(input.currentPassword, account.password_hash)))
      throw new DomainError('WRONG_CURRENT_PASSWORD');
    if (input.currentPassword === input.newPassword) throw new DomainError('PASSWORD_UNCHANGED');
    const problems = checkPassword(input.newPassword, config.passwordPolicy, account.username);
    if (problems.length > 0) throw new DomainError('WEAK_PASSWORD', { problems });
    const hash = await hashPassword(input.newPassword);
    const now = iso(clock());
    await db.kysely.transaction().execute(async (trx) => {
      await repo.setPassword(trx, account.id, hash, now, 0);
      // Other sessions may belong to whoever knew the old password.
      await repo.revokeOtherSessions(trx, account.id, session.sessionId, now);
      await audit.append(trx, actorOf(session, origin), {
        action: 'auth.password_changed',
        objectType: 'account',
        objectId: account.id,
      });
    });
  }

  async function listSessions(session: AuthenticatedSession): Promise<Session[]> {
    const rows = await repo.listOpenSessions(db.kysely, session.user.id, iso(clock()));
    return rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      ip: row.ip,
      userAgent: row.user_agent,
      current: row.id === session.sessionId,
    }));
  }

  /** Ends one of the caller's own sessions; another account's session answers 404. */
  async function revokeOwnSession(session: AuthenticatedSession, sessionId: string): Promise<void> {
    const revoked = await repo.revokeSession(db.kysely, sessionId, session.user.id, iso(clock()));
    if (revoked === 0) throw new DomainError('NOT_FOUND');
  }

  return { signIn, authenticate, signOut, changePassword, listSessions, revokeOwnSession };
}

export type AuthService = ReturnType<typeof createAuthService>;
