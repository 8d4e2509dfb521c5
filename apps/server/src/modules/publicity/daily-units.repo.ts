// The units publicity and station standards are about: townships (each with its sub-center 分中心)
// and villages or communities (each with its station 网格工作站), always within the caller's scope.
import type { Executor } from '../../db/schema.js';
import { startsWith } from '../../db/sql-helpers.js';

export const DAILY_UNIT_KINDS = ['township', 'village', 'community'] as const;
export type DailyUnitKind = (typeof DAILY_UNIT_KINDS)[number];

/** A township or village of the scope (not retired), with its township's name; undefined when not one. */
export function dailyUnitInScope(db: Executor, scopePath: string, id: string) {
  return db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .select(['u.id', 'u.name', 'u.kind', 'u.path', 'p.name as parent_name'])
    .where('u.id', '=', id)
    .where('u.kind', 'in', [...DAILY_UNIT_KINDS])
    .where('u.retired_at', 'is', null)
    .where(startsWith('u.path', scopePath))
    .executeTakeFirst();
}

/** Every township and village of the scope, in path order (a township before its villages). */
export function dailyUnitsInScope(db: Executor, scopePath: string) {
  return db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .select(['u.id', 'u.name', 'u.kind', 'u.path', 'p.name as parent_name'])
    .where('u.kind', 'in', [...DAILY_UNIT_KINDS])
    .where('u.retired_at', 'is', null)
    .where(startsWith('u.path', scopePath))
    .orderBy('u.path')
    .execute();
}

/** Units by id, whatever their scope (the records that name them were checked). */
export function unitsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .select(['u.id', 'u.name', 'u.kind', 'u.path', 'p.name as parent_name'])
    .where('u.id', 'in', [...ids])
    .execute();
}

export function accountNames(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('account').select(['id', 'display_name']).where('id', 'in', [...ids]).execute();
}

export async function existingPhotoIds(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await db.selectFrom('photo').select('id').where('id', 'in', [...ids]).execute()).map((row) => row.id));
}
