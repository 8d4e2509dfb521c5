// Fixtures for tests, built through the real services so they obey the same rules as users' data.
import { newId, type Role } from '@gridwork/core';
import { createAccountsService } from '../modules/accounts/accounts.service.js';
import type { AppContext } from '../platform/context.js';

export const TEST_PASSWORD = 'Test@2026pw';

export async function anAccount(
  ctx: AppContext,
  overrides: Partial<{
    username: string;
    role: Role;
    orgPath: string;
    mustChangePassword: boolean;
    departmentId: string;
  }> = {},
): Promise<{ id: string; username: string; password: string }> {
  const username = overrides.username ?? `user${Math.random().toString(36).slice(2, 8)}`;
  const id = await createAccountsService(ctx).createAccountAsSystem({
    username,
    displayName: `测试用户 ${username}`,
    password: TEST_PASSWORD,
    role: overrides.role ?? 'center_operator',
    orgPath: overrides.orgPath ?? '/511124/',
    mustChangePassword: overrides.mustChangePassword ?? false,
    departmentId: overrides.departmentId ?? null,
  });
  return { id, username, password: TEST_PASSWORD };
}

/** An org unit row at a path like /511124/511124101/; its parent must exist unless it is a county. */
export async function anOrgUnit(
  ctx: AppContext,
  path: string,
  kind: 'county' | 'township' | 'village' | 'community' | 'resident_group' | 'grid',
  name = path,
): Promise<string> {
  const segments = path.split('/').filter(Boolean);
  const parentPath = segments.length > 1 ? `/${segments.slice(0, -1).join('/')}/` : null;
  const parent = parentPath
    ? await ctx.db.kysely
        .selectFrom('org_unit')
        .select('id')
        .where('path', '=', parentPath)
        .executeTakeFirstOrThrow()
    : null;
  const id = newId();
  const now = new Date(ctx.clock()).toISOString();
  await ctx.db.kysely
    .insertInto('org_unit')
    .values({
      id,
      code: segments.at(-1) ?? '',
      name,
      kind,
      parent_id: parent?.id ?? null,
      path,
      depth: segments.length,
      boundary: null,
      min_lon: null,
      min_lat: null,
      max_lon: null,
      max_lat: null,
      retired_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** The demo county's top of tree: 井研县, two townships, a village under each. */
export async function aSmallCounty(ctx: AppContext): Promise<void> {
  await anOrgUnit(ctx, '/511124/', 'county', '井研县');
  await anOrgUnit(ctx, '/511124/511124101/', 'township', '马踏镇');
  await anOrgUnit(ctx, '/511124/511124101/511124101001/', 'village', '马踏村');
  await anOrgUnit(ctx, '/511124/511124102/', 'township', '竹园镇');
  await anOrgUnit(ctx, '/511124/511124102/511124102001/', 'village', '竹园村');
}

export async function aDepartment(ctx: AppContext, name: string, orgPath: string): Promise<string> {
  const id = newId();
  const now = new Date(ctx.clock()).toISOString();
  await ctx.db.kysely
    .insertInto('department')
    .values({
      id,
      name,
      kind: 'township_department',
      org_path: orgPath,
      disabled_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}
