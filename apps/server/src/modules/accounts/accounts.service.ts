// Account administration: create, edit, grant roles, reset passwords, disable, end sessions and
// hand over work. Every write checks the caller's scope, runs in one transaction and is audited
// with what it changed.
import {
  ADMINISTRATOR_ROLES,
  DomainError,
  checkPassword,
  newId,
  type Account,
  type AccountListQuery,
  type CreateAccountBody,
  type HandoverResult,
  type Role,
  type UpdateAccountBody,
} from '@gridwork/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AccountTable } from '../../db/tables/account.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { hashPassword } from '../../platform/passwords.js';
import * as authRepo from '../auth/auth.repo.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import * as repo from './accounts.repo.js';
import { toAccount } from './accounts.mapper.js';

export interface NewAccount {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly role: Role;
  readonly orgPath: string;
  readonly departmentId?: string | null;
  readonly mustChangePassword: boolean;
}

/** The actor of work done from the command line or at first start. */
export const SYSTEM_ACTOR: AuditActor = {
  id: null,
  username: 'system',
  role: null,
  ip: null,
  userAgent: 'gridwork-cli',
};

/**
 * A piece of work an account holds that must not be left unowned when it leaves (交接). Grid
 * assignments are the first; events, visits and other work join as their modules arrive.
 */
export type HandoverParticipant = (
  trx: Transaction<Database>,
  fromId: string,
  toId: string,
  at: string,
) => Promise<[string, number]>;

const GRID_ASSIGNMENTS: HandoverParticipant = async (trx, fromId, toId, at) => [
  'grids',
  await repo.moveGridAssignments(trx, fromId, toId, at),
];

const GRID_WORKER_ROLES: readonly Role[] = ['grid_worker_fulltime', 'grid_worker_parttime'];
const DEPARTMENT_ROLES: readonly Role[] = ['dept_handler', 'dept_leader'];

export function scopeOf(session: AuthenticatedSession): repo.AccountScope {
  if (session.user.role === 'dept_leader' && session.departmentId)
    return { departmentId: session.departmentId };
  return { pathPrefix: session.user.orgPath };
}

function snapshot(row: AccountTable) {
  return {
    displayName: row.display_name,
    role: row.role,
    orgPath: row.org_path,
    departmentId: row.department_id,
    disabled: row.disabled_at !== null,
  };
}

export function createAccountsService(
  ctx: AppContext,
  participants: readonly HandoverParticipant[] = [GRID_ASSIGNMENTS],
) {
  const { db, config, clock, audit } = ctx;
  const iso = () => new Date(clock()).toISOString();

  function assertPassword(password: string, username: string): void {
    const problems = checkPassword(password, config.passwordPolicy, username);
    if (problems.length > 0) throw new DomainError('WEAK_PASSWORD', { problems });
  }

  async function assertPlacement(
    trx: Transaction<Database>,
    scopePrefix: string,
    orgPath: string,
    departmentId: string | null | undefined,
  ) {
    if (!orgPath.startsWith(scopePrefix)) throw new DomainError('UNKNOWN_ORG_UNIT', { orgPath });
    if (orgPath !== '/' && !(await repo.orgUnitExists(trx, orgPath)))
      throw new DomainError('UNKNOWN_ORG_UNIT', { orgPath });
    if (departmentId) {
      const department = await repo.findDepartment(trx, departmentId);
      if (!department || department.disabled_at || !department.org_path.startsWith(scopePrefix))
        throw new DomainError('UNKNOWN_DEPARTMENT');
    }
  }

  /** Creates an account; the CLI and the demo seed call it with the system actor. */
  async function insertAccount(
    trx: Transaction<Database>,
    actor: AuditActor,
    input: NewAccount,
    passwordHash: string,
  ): Promise<AccountTable> {
    if (await authRepo.findAccountByUsername(trx, input.username))
      throw new DomainError('USERNAME_TAKEN', { username: input.username });
    const now = iso();
    const row: AccountTable = {
      id: newId(),
      username: input.username,
      display_name: input.displayName,
      password_hash: passwordHash,
      role: input.role,
      org_path: input.orgPath,
      locale: config.locale,
      must_change_password: input.mustChangePassword ? 1 : 0,
      disabled_at: null,
      last_sign_in_at: null,
      failed_sign_ins: 0,
      locked_until: null,
      password_changed_at: now,
      department_id: input.departmentId ?? null,
      created_at: now,
      updated_at: now,
    };
    await authRepo.insertAccount(trx, row);
    await audit.append(trx, actor, {
      action: 'account.created',
      objectType: 'account',
      objectId: row.id,
      orgPath: row.org_path,
      details: { after: snapshot(row) },
    });
    return row;
  }

  async function createAccountAsSystem(input: NewAccount): Promise<string> {
    assertPassword(input.password, input.username);
    const hash = await hashPassword(input.password);
    const row = await db.kysely.transaction().execute((trx) => insertAccount(trx, SYSTEM_ACTOR, input, hash));
    return row.id;
  }

  async function list(session: AuthenticatedSession, query: AccountListQuery): Promise<Account[]> {
    const rows = await repo.listAccounts(db.kysely, scopeOf(session), { ...query, limit: query.limit ?? 50 });
    return rows.map((row) => toAccount(row, clock()));
  }

  async function get(session: AuthenticatedSession, id: string): Promise<Account> {
    const row = await repo.findAccountInScope(db.kysely, scopeOf(session), id);
    if (!row) throw new DomainError('NOT_FOUND');
    return toAccount(row, clock());
  }

  async function create(
    session: AuthenticatedSession,
    actor: AuditActor,
    body: CreateAccountBody,
  ): Promise<Account> {
    if (ADMINISTRATOR_ROLES.includes(body.role) && session.user.role !== 'security_admin') {
      throw new DomainError('ROLE_NOT_GRANTABLE', { role: body.role });
    }
    assertPassword(body.password, body.username);
    const hash = await hashPassword(body.password);
    const row = await db.kysely.transaction().execute(async (trx) => {
      await assertPlacement(trx, session.user.orgPath, body.orgPath, body.departmentId);
      return insertAccount(trx, actor, { ...body, mustChangePassword: true }, hash);
    });
    return toAccount(row, clock());
  }

  /** Loads an account in the caller's scope for a change; yourself only where allowed. */
  async function loadForChange(
    trx: Transaction<Database>,
    session: AuthenticatedSession,
    id: string,
    allowSelf = false,
  ) {
    const row = await repo.findAccountInScope(trx, scopeOf(session), id);
    if (!row) throw new DomainError('NOT_FOUND');
    if (!allowSelf && row.id === session.user.id) throw new DomainError('CANNOT_CHANGE_SELF');
    return row;
  }

  async function update(
    session: AuthenticatedSession,
    actor: AuditActor,
    id: string,
    body: UpdateAccountBody,
  ): Promise<Account> {
    return db.kysely.transaction().execute(async (trx) => {
      const before = await loadForChange(trx, session, id, true);
      const orgPath = body.orgPath ?? before.org_path;
      const departmentId = body.departmentId === undefined ? before.department_id : body.departmentId;
      await assertPlacement(
        trx,
        session.user.orgPath,
        orgPath,
        body.departmentId === undefined ? undefined : departmentId,
      );
      const after: AccountTable = {
        ...before,
        display_name: body.displayName ?? before.display_name,
        org_path: orgPath,
        department_id: departmentId,
        updated_at: iso(),
      };
      await repo.updateAccount(trx, id, {
        display_name: after.display_name,
        org_path: after.org_path,
        department_id: after.department_id,
        updated_at: after.updated_at,
      });
      await audit.append(trx, actor, {
        action: 'account.updated',
        objectType: 'account',
        objectId: id,
        orgPath: after.org_path,
        details: { before: snapshot(before), after: snapshot(after) },
      });
      return toAccount(after, clock());
    });
  }

  async function assignRole(
    session: AuthenticatedSession,
    actor: AuditActor,
    id: string,
    role: Role,
  ): Promise<Account> {
    return db.kysely.transaction().execute(async (trx) => {
      const before = await loadForChange(trx, session, id);
      const after: AccountTable = { ...before, role, updated_at: iso() };
      await repo.updateAccount(trx, id, { role, updated_at: after.updated_at });
      // A new role changes what the account may do: its open sessions end now.
      await authRepo.revokeOtherSessions(trx, id, null, after.updated_at);
      await audit.append(trx, actor, {
        action: 'account.role_changed',
        objectType: 'account',
        objectId: id,
        orgPath: before.org_path,
        details: { before: { role: before.role }, after: { role } },
      });
      return toAccount(after, clock());
    });
  }

  async function resetPassword(
    session: AuthenticatedSession,
    actor: AuditActor,
    id: string,
    newPassword: string,
  ): Promise<void> {
    const target = await repo.findAccountInScope(db.kysely, scopeOf(session), id);
    if (!target) throw new DomainError('NOT_FOUND');
    assertPassword(newPassword, target.username);
    const hash = await hashPassword(newPassword);
    await db.kysely.transaction().execute(async (trx) => {
      await loadForChange(trx, session, id);
      const now = iso();
      await authRepo.setPassword(trx, id, hash, now, 1);
      await authRepo.revokeOtherSessions(trx, id, null, now);
      await audit.append(trx, actor, {
        action: 'account.password_reset',
        objectType: 'account',
        objectId: id,
        orgPath: target.org_path,
      });
    });
  }

  async function setDisabled(
    session: AuthenticatedSession,
    actor: AuditActor,
    id: string,
    disabled: boolean,
  ): Promise<Account> {
    return db.kysely.transaction().execute(async (trx) => {
      const before = await loadForChange(trx, session, id);
      const now = iso();
      const after: AccountTable = {
        ...before,
        disabled_at: disabled ? (before.disabled_at ?? now) : null,
        updated_at: now,
      };
      await repo.updateAccount(trx, id, { disabled_at: after.disabled_at, updated_at: now });
      if (disabled) await authRepo.revokeOtherSessions(trx, id, null, now);
      await audit.append(trx, actor, {
        action: disabled ? 'account.disabled' : 'account.enabled',
        objectType: 'account',
        objectId: id,
        orgPath: before.org_path,
      });
      return toAccount(after, clock());
    });
  }

  async function revokeSessions(
    session: AuthenticatedSession,
    actor: AuditActor,
    id: string,
  ): Promise<number> {
    return db.kysely.transaction().execute(async (trx) => {
      const target = await loadForChange(trx, session, id, true);
      const ended = await authRepo.revokeOtherSessions(
        trx,
        id,
        id === session.user.id ? session.sessionId : null,
        iso(),
      );
      await audit.append(trx, actor, {
        action: 'account.sessions_revoked',
        objectType: 'account',
        objectId: id,
        orgPath: target.org_path,
        details: { ended },
      });
      return ended;
    });
  }

  /**
   * 交接: everything the departing account holds moves to its successor in one transaction, then
   * the departing account is disabled, so that nothing is left unowned.
   */
  async function handover(
    session: AuthenticatedSession,
    actor: AuditActor,
    fromId: string,
    toId: string,
  ): Promise<HandoverResult> {
    return db.kysely.transaction().execute(async (trx) => {
      const from = await loadForChange(trx, session, fromId);
      const to = await repo.findAccountInScope(trx, scopeOf(session), toId);
      if (!to) throw new DomainError('NOT_FOUND');
      if (to.id === from.id) throw new DomainError('HANDOVER_TO_SELF');
      if (to.disabled_at) throw new DomainError('HANDOVER_TARGET_DISABLED');
      const compatible =
        from.role === to.role ||
        (GRID_WORKER_ROLES.includes(from.role) && GRID_WORKER_ROLES.includes(to.role)) ||
        (DEPARTMENT_ROLES.includes(from.role) &&
          DEPARTMENT_ROLES.includes(to.role) &&
          from.department_id === to.department_id);
      if (!compatible) throw new DomainError('HANDOVER_INCOMPATIBLE');
      const now = iso();
      const moved: Record<string, number> = {};
      for (const participant of participants) {
        const [kind, count] = await participant(trx, from.id, to.id, now);
        moved[kind] = count;
      }
      await repo.updateAccount(trx, from.id, { disabled_at: now, updated_at: now });
      await authRepo.revokeOtherSessions(trx, from.id, null, now);
      await audit.append(trx, actor, {
        action: 'account.handover',
        objectType: 'account',
        objectId: from.id,
        orgPath: from.org_path,
        details: { to: to.id, moved },
      });
      return { fromAccountId: from.id, toAccountId: to.id, moved };
    });
  }

  return {
    createAccountAsSystem,
    list,
    get,
    create,
    update,
    assignRole,
    resetPassword,
    setDisabled,
    revokeSessions,
    handover,
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
