// Sign-in, sessions and account creation. Sessions live in the database (not in memory) so that
// several app servers behind a load balancer are interchangeable.
import { createHash, randomBytes } from 'node:crypto';
import {
  DomainError,
  PASSWORD_PROBLEM_LABELS,
  checkPassword,
  isLocale,
  newId,
  type CurrentUser,
  type Locale,
  type Role,
  type Session,
} from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../../platform/passwords.js';
import * as repo from './auth.repo.js';

/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60_000;

export interface SignInInput {
  readonly username: string;
  readonly password: string;
  readonly ip: string;
  readonly userAgent: string;
}

export interface AuthenticatedSession {
  readonly sessionId: string;
  readonly user: CurrentUser;
}

export interface NewAccount {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly role: Role;
  readonly orgPath: string;
  readonly mustChangePassword: boolean;
  readonly locale?: Locale;
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function createAuthService(ctx: AppContext) {
  const { db, config, clock } = ctx;
  const idleMs = config.sessionIdleMinutes * 60_000;
  const absoluteMs = config.sessionAbsoluteHours * 3600_000;

  async function createAccount(input: NewAccount): Promise<string> {
    const problems = checkPassword(input.password, config.passwordPolicy, input.username);
    if (problems.length > 0) {
      throw new DomainError('WEAK_PASSWORD', {
        problems,
        reason: problems.map((p) => PASSWORD_PROBLEM_LABELS[p][config.locale]).join('；'),
      });
    }
    const id = newId();
    const now = iso(clock());
    const passwordHash = await hashPassword(input.password);
    await db.kysely.transaction().execute(async (trx) => {
      if (await repo.findAccountByUsername(trx, input.username)) {
        throw new DomainError('USERNAME_TAKEN', { username: input.username });
      }
      await repo.insertAccount(trx, {
        id,
        username: input.username,
        display_name: input.displayName,
        password_hash: passwordHash,
        role: input.role,
        org_path: input.orgPath,
        locale: input.locale ?? config.locale,
        must_change_password: input.mustChangePassword ? 1 : 0,
        disabled_at: null,
        last_sign_in_at: null,
        created_at: now,
        updated_at: now,
      });
    });
    return id;
  }

  async function signIn(input: SignInInput): Promise<{ token: string; session: AuthenticatedSession }> {
    const account = await repo.findAccountByUsername(db.kysely, input.username);
    const passwordOk = await verifyPassword(
      input.password,
      account?.password_hash ?? (await DUMMY_HASH_PROMISE),
    );
    if (!account || !passwordOk) throw new DomainError('INVALID_CREDENTIALS');
    if (account.disabled_at) throw new DomainError('ACCOUNT_DISABLED');
    const token = randomBytes(32).toString('base64url');
    const nowMs = clock();
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
    });
    return {
      token,
      session: {
        sessionId,
        user: {
          id: account.id,
          username: account.username,
          displayName: account.display_name,
          role: account.role,
          orgPath: account.org_path,
          mustChangePassword: account.must_change_password === 1,
          locale: isLocale(account.locale) ? account.locale : config.locale,
        },
      },
    };
  }

  /** The session behind a cookie, or UNAUTHENTICATED / SESSION_EXPIRED. */
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
      user: {
        id: row.account_id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        orgPath: row.org_path,
        mustChangePassword: row.must_change_password === 1,
        locale: isLocale(row.locale) ? row.locale : config.locale,
      },
    };
  }

  async function signOut(session: AuthenticatedSession): Promise<void> {
    await repo.revokeSession(db.kysely, session.sessionId, session.user.id, iso(clock()));
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

  return { createAccount, signIn, authenticate, signOut, listSessions, revokeOwnSession };
}

export type AuthService = ReturnType<typeof createAuthService>;
