// The units an assessment table lists, within a scope: villages (村、社区、居民小组 at depth 3),
// townships, departments serving a path under the scope, and the grid workers placed there.
import type { AssessedUnitKind } from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import { startsWith } from '../../db/sql-helpers.js';

export interface AssessedUnit {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly parentName: string | null;
}

/** Path of the ancestor at a depth (1 county, 2 township, 3 village), or the path itself when shallower. */
export function pathAtDepth(path: string, depth: number): string {
  const codes = path.split('/').filter(Boolean);
  return codes.length <= depth ? path : `/${codes.slice(0, depth).join('/')}/`;
}

export async function assessedUnits(db: Executor, kind: AssessedUnitKind, scopePath: string, departmentId?: string): Promise<AssessedUnit[]> {
  if (kind === 'department') {
    let query = db
      .selectFrom('department')
      .select(['id', 'name', 'org_path as path'])
      .where(startsWith('org_path', scopePath))
      .where('disabled_at', 'is', null);
    if (departmentId) query = query.where('id', '=', departmentId);
    const rows = await query.orderBy('org_path').orderBy('name').execute();
    const names = await unitNames(db, rows.map((row) => row.path));
    return rows.map((row) => ({ id: row.id, name: row.name, path: row.path, parentName: names.get(row.path) ?? null }));
  }
  if (kind === 'grid_worker') {
    const rows = await db
      .selectFrom('account')
      .select(['id', 'display_name as name', 'org_path as path'])
      .where('role', 'in', ['grid_worker_fulltime', 'grid_worker_parttime'])
      .where(startsWith('org_path', scopePath))
      .where('disabled_at', 'is', null)
      .orderBy('org_path')
      .orderBy('display_name')
      .execute();
    const names = await unitNames(db, rows.map((row) => pathAtDepth(row.path, 3)));
    return rows.map((row) => ({ id: row.id, name: row.name, path: row.path, parentName: names.get(pathAtDepth(row.path, 3)) ?? null }));
  }
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'name', 'path'])
    .where(startsWith('path', scopePath))
    .where('depth', '=', kind === 'township' ? 2 : 3)
    .where('kind', kind === 'township' ? '=' : '!=', kind === 'township' ? 'township' : 'grid')
    .where('retired_at', 'is', null)
    .orderBy('path')
    .execute();
  const names = kind === 'village' ? await unitNames(db, rows.map((row) => pathAtDepth(row.path, 2))) : new Map<string, string>();
  return rows.map((row) => ({ id: row.id, name: row.name, path: row.path, parentName: kind === 'village' ? (names.get(pathAtDepth(row.path, 2)) ?? null) : null }));
}

async function unitNames(db: Executor, paths: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(paths)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('org_unit').select(['path', 'name']).where('path', 'in', unique).execute();
  return new Map(rows.map((row) => [row.path, row.name]));
}

/** The minimum number of cases for a rate to rank, from the latest scheme of the year (none: the default). */
export async function minCasesOfYear(db: Executor, year: number): Promise<number | null> {
  const row = await db.selectFrom('score_scheme').select('body').where('year', '=', year).orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  const minCases = (JSON.parse(row.body) as { minCases?: unknown }).minCases;
  return typeof minCases === 'number' && Number.isInteger(minCases) && minCases >= 1 ? minCases : null;
}
