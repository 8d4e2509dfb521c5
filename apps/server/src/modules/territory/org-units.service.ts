// The org tree as a caller walks it: their own unit first, then the children of any unit in
// their scope, each with how many children it has so that the tree expands lazily.
import { DomainError, type OrgUnit } from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import * as repo from './territory.repo.js';

export function createOrgUnitsService(ctx: AppContext) {
  const db = ctx.db.kysely;

  async function roots(scope: string): Promise<OrgUnit[]> {
    const own = await repo.findUnitByPath(db, scope);
    if (own && own.retired_at === null) {
      return [{ id: own.id, code: own.code, name: own.name, kind: own.kind, path: own.path, parentId: own.parent_id, children: await repo.countChildren(db, own.id) }];
    }
    // Platform-wide accounts (path "/") start at the counties.
    const counties = await repo.countiesInScope(db, scope);
    const items: OrgUnit[] = [];
    for (const county of counties) {
      items.push({ id: county.id, code: county.code, name: county.name, kind: county.kind, path: county.path, parentId: null, children: await repo.countChildren(db, county.id) });
    }
    return items;
  }

  async function list(session: AuthenticatedSession, parentId: string | undefined): Promise<OrgUnit[]> {
    const scope = session.user.orgPath;
    if (!parentId) return roots(scope);
    const parent = await repo.findUnitInScope(db, scope, parentId);
    if (!parent) throw new DomainError('NOT_FOUND');
    const rows = await repo.childrenOf(db, parent.id);
    return rows.map((row) => ({ id: row.id, code: row.code, name: row.name, kind: row.kind, path: row.path, parentId: row.parent_id, children: Number(row.children ?? 0) }));
  }

  return { list };
}

export type OrgUnitsService = ReturnType<typeof createOrgUnitsService>;
