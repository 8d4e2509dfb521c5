// Departments and the event categories each handles: the county and the system administrator
// keep them; everyone sees those that serve their area.
import {
  DomainError,
  newId,
  type CreateDepartmentBody,
  type Department,
  type UpdateDepartmentBody,
} from '@gridwork/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DepartmentTable } from '../../db/tables/territory.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import * as repo from './departments.repo.js';

/** Every category must be in the county's catalogue (the standard set and any the county added). */
async function assertCategories(db: Parameters<typeof repo.knownCategoryCodes>[0], categories: readonly string[]): Promise<void> {
  if (categories.length === 0) return;
  const known = await repo.knownCategoryCodes(db);
  const unknown = categories.find((category) => !known.has(category));
  if (unknown) throw new DomainError('UNKNOWN_EVENT_CATEGORY', { category: unknown });
}

export function createDepartmentsService(ctx: AppContext) {
  const { db, clock, audit } = ctx;
  const iso = () => new Date(clock()).toISOString();

  async function toDepartment(
    trx: Transaction<Database> | typeof db.kysely,
    row: DepartmentTable,
  ): Promise<Department> {
    const categories = (await repo.categoriesOf(trx, [row.id])).get(row.id) ?? [];
    const staff = await repo.staffOf(trx, row.id);
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      orgPath: row.org_path,
      categories,
      disabled: row.disabled_at !== null,
      staff: staff.map((member) => ({
        id: member.id,
        displayName: member.display_name,
        role: member.role,
        lastSignInAt: member.last_sign_in_at,
      })),
    };
  }

  async function list(
    session: AuthenticatedSession,
    includeDisabled: boolean,
  ): Promise<Omit<Department, 'staff'>[]> {
    const rows = await repo.listDepartments(db.kysely, session.user.orgPath, includeDisabled);
    const categories = await repo.categoriesOf(
      db.kysely,
      rows.map((row) => row.id),
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      orgPath: row.org_path,
      categories: categories.get(row.id) ?? [],
      disabled: row.disabled_at !== null,
    }));
  }

  async function get(session: AuthenticatedSession, id: string): Promise<Department> {
    const row = await repo.findVisibleDepartment(db.kysely, session.user.orgPath, id);
    if (!row) throw new DomainError('NOT_FOUND');
    return toDepartment(db.kysely, row);
  }

  async function create(
    session: AuthenticatedSession,
    actor: AuditActor,
    body: CreateDepartmentBody,
  ): Promise<Department> {
    return db.kysely.transaction().execute(async (trx) => {
      await assertCategories(trx, body.categories);
      if (!body.orgPath.startsWith(session.user.orgPath))
        throw new DomainError('UNKNOWN_ORG_UNIT', { orgPath: body.orgPath });
      const unit = await repo.findUnit(trx, body.orgPath);
      if (!unit || (unit.kind !== 'county' && unit.kind !== 'township'))
        throw new DomainError('UNKNOWN_ORG_UNIT', { orgPath: body.orgPath });
      if (await repo.nameTaken(trx, body.orgPath, body.name, null))
        throw new DomainError('DEPARTMENT_NAME_TAKEN', { name: body.name });
      const now = iso();
      const row: DepartmentTable = {
        id: newId(),
        name: body.name,
        kind: body.kind,
        org_path: body.orgPath,
        disabled_at: null,
        created_at: now,
        updated_at: now,
      };
      await repo.insertDepartment(trx, row);
      await repo.replaceCategories(trx, row.id, body.categories);
      await audit.append(trx, actor, {
        action: 'department.created',
        objectType: 'department',
        objectId: row.id,
        orgPath: row.org_path,
        details: { after: { ...body } },
      });
      return toDepartment(trx, row);
    });
  }

  async function update(
    session: AuthenticatedSession,
    actor: AuditActor,
    id: string,
    body: UpdateDepartmentBody,
  ): Promise<Department> {
    return db.kysely.transaction().execute(async (trx) => {
      if (body.categories) await assertCategories(trx, body.categories);
      const before = await repo.findVisibleDepartment(trx, session.user.orgPath, id);
      // Departments serving a wider area than the caller's are visible but not theirs to change.
      if (!before || !before.org_path.startsWith(session.user.orgPath)) throw new DomainError('NOT_FOUND');
      const name = body.name ?? before.name;
      if (name !== before.name && (await repo.nameTaken(trx, before.org_path, name, id)))
        throw new DomainError('DEPARTMENT_NAME_TAKEN', { name });
      const now = iso();
      const after: DepartmentTable = {
        ...before,
        name,
        disabled_at:
          body.disabled === undefined
            ? before.disabled_at
            : body.disabled
              ? (before.disabled_at ?? now)
              : null,
        updated_at: now,
      };
      const categoriesBefore = (await repo.categoriesOf(trx, [id])).get(id) ?? [];
      await repo.updateDepartment(trx, id, {
        name: after.name,
        disabled_at: after.disabled_at,
        updated_at: now,
      });
      if (body.categories) await repo.replaceCategories(trx, id, body.categories);
      await audit.append(trx, actor, {
        action: 'department.updated',
        objectType: 'department',
        objectId: id,
        orgPath: before.org_path,
        details: {
          before: { name: before.name, disabled: before.disabled_at !== null, categories: categoriesBefore },
          after: {
            name: after.name,
            disabled: after.disabled_at !== null,
            categories: body.categories ?? categoriesBefore,
          },
        },
      });
      return toDepartment(trx, after);
    });
  }

  return { list, get, create, update };
}

export type DepartmentsService = ReturnType<typeof createDepartmentsService>;
