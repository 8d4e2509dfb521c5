// The units an assessment table lists, within a scope: villages (村、社区、居民小组 at depth 3),
// townships, departments serving a path under the scope, and the grid workers placed there —
// those that existed during the period: a unit retired or an account disabled after the period
// began is still assessed for it, a grid worker whose account was opened after it ended is not.
import type { AssessedUnitKind } from '@gridwork/core';
import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../db/schema.js';
import { startsWith } from '../../db/sql-helpers.js';

export interface AssessedUnit {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly parentName: string | null;
  /** A grid worker's account: opened and disabled (ISO UTC); his days outside count only when he signed in. */
  readonly openedAt?: string;
  readonly disabledAt?: string | null;
}

/** The period's instants [fromInstant, toInstant), ISO UTC. */
export interface During {
  readonly fromInstant: string;
  readonly toInstant: string;
}

const GRID_WORKER_ROLES = ['grid_worker_fulltime', 'grid_worker_parttime'] as const;

/** Not retired (disabled) before the period began. */
const liveDuring = (column: string, during: During) => sql<SqlBool>`(${sql.ref(column)} is null or ${sql.ref(column)} >= ${during.fromInstant})`;

/** An account open at some time in the period: opened before it ended, not disabled before it began. */
export const accountOpenDuring = (table: string, during: During) =>
  sql<SqlBool>`(${sql.ref(`${table}.created_at`)} < ${during.toInstant} and ${liveDuring(`${table}.disabled_at`, during)})`;

/** Grid workers placed under the path whose account was open at some time in the period, with their role. */
export function gridWorkersDuring(db: Executor, scopePath: string, during: During) {
  return db
    .selectFrom('account')
    .select(['id', 'display_name', 'role', 'org_path', 'created_at', 'disabled_at'])
    .where('role', 'in', [...GRID_WORKER_ROLES])
    .where(startsWith('org_path', scopePath))
    .where(accountOpenDuring('account', during))
    .orderBy('org_path')
    .orderBy('display_name')
    .orderBy('id')
    .execute();
}

/** Path of the ancestor at a depth (1 county, 2 township, 3 village), or the path itself when shallower. */
export function pathAtDepth(path: string, depth: number): string {
  const codes = path.split('/').filter(Boolean);
  return codes.length <= depth ? path : `/${codes.slice(0, depth).join('/')}/`;
}

export async function assessedUnits(db: Executor, kind: AssessedUnitKind, scopePath: string, during: During, departmentId?: string): Promise<AssessedUnit[]> {
  if (kind === 'department') {
    let query = db
      .selectFrom('department')
      .select(['id', 'name', 'org_path as path'])
      .where(startsWith('org_path', scopePath))
      .where(liveDuring('disabled_at', during));
    if (departmentId) query = query.where('id', '=', departmentId);
    const rows = await query.orderBy('org_path').orderBy('name').execute();
    const names = await unitNames(db, rows.map((row) => row.path));
    return rows.map((row) => ({ id: row.id, name: row.name, path: row.path, parentName: names.get(row.path) ?? null }));
  }
  if (kind === 'grid_worker') {
    const rows = await gridWorkersDuring(db, scopePath, during);
    const names = await unitNames(db, rows.map((row) => pathAtDepth(row.org_path, 3)));
    return rows.map((row) => ({
      id: row.id,
      name: row.display_name,
      path: row.org_path,
      parentName: names.get(pathAtDepth(row.org_path, 3)) ?? null,
      openedAt: row.created_at,
      disabledAt: row.disabled_at,
    }));
  }
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'name', 'path'])
    .where(startsWith('path', scopePath))
    .where('depth', '=', kind === 'township' ? 2 : 3)
    .where('kind', kind === 'township' ? '=' : '!=', kind === 'township' ? 'township' : 'grid')
    .where(liveDuring('retired_at', during))
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
