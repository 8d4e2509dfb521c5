// SQL for the publicity log; every read of activities takes the caller's scope.
import type { Executor } from '../../db/schema.js';
import type { NewPublicityActivity, PublicityHistoryTable } from '../../db/tables/publicity.table.js';
import { unitCodeColumns, withinScope } from '../../db/sql-helpers.js';
import type { PublicityKind, PublicityStatus } from '@gridwork/core';

export function activityByClientKey(db: Executor, clientKey: string) {
  return db.selectFrom('publicity_activity').selectAll().where('client_key', '=', clientKey).executeTakeFirst();
}

export function activityInScope(db: Executor, scopePath: string, id: string) {
  return db.selectFrom('publicity_activity').selectAll().where('id', '=', id).where(withinScope('publicity_activity', scopePath)).executeTakeFirst();
}

export async function insertActivity(db: Executor, row: NewPublicityActivity, photoIds: readonly string[]): Promise<void> {
  await db.insertInto('publicity_activity').values({ ...row, ...unitCodeColumns(row.path) }).execute();
  await replacePhotos(db, row.id, photoIds);
}

export async function replacePhotos(db: Executor, activityId: string, photoIds: readonly string[]): Promise<void> {
  await db.deleteFrom('publicity_photo').where('activity_id', '=', activityId).execute();
  if (photoIds.length > 0) {
    await db
      .insertInto('publicity_photo')
      .values(photoIds.map((photo_id, position) => ({ activity_id: activityId, photo_id, position })))
      .execute();
  }
}

/** Writes the new state only if nobody changed the row since `version` was read. */
export async function updateActivity(db: Executor, id: string, version: number, changes: Partial<NewPublicityActivity>): Promise<boolean> {
  const result = await db.updateTable('publicity_activity').set(changes).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertHistory(db: Executor, row: PublicityHistoryTable): Promise<void> {
  await db.insertInto('publicity_history').values(row).execute();
}

/** An activity's history, oldest first, when the activity is within the scope. */
export function historyOf(db: Executor, scopePath: string, activityId: string) {
  return db
    .selectFrom('publicity_history')
    .innerJoin('publicity_activity', 'publicity_activity.id', 'publicity_history.activity_id')
    .innerJoin('account', 'account.id', 'publicity_history.changed_by')
    .where(withinScope('publicity_activity', scopePath))
    .select(['publicity_history.version', 'publicity_history.action', 'publicity_history.changed_by', 'publicity_history.changed_at', 'publicity_history.changes', 'account.display_name'])
    .where('publicity_history.activity_id', '=', activityId)
    .orderBy('publicity_history.version')
    .execute();
}

export function photosOf(db: Executor, activityIds: readonly string[]) {
  if (activityIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('publicity_photo').selectAll().where('activity_id', 'in', [...activityIds]).orderBy('activity_id').orderBy('position').execute();
}

export interface PublicityFilters {
  readonly unitPath?: string;
  readonly kind?: PublicityKind;
  readonly from?: string;
  readonly to?: string;
  readonly status: PublicityStatus;
  /** Keyset: rows after (older than) this day and id. */
  readonly before?: { readonly heldOn: string; readonly id: string };
}

/** Activities newest held first, then by descending id: read from the (level code, day, id) index. */
export function listActivities(db: Executor, scopePath: string, filters: PublicityFilters, limit: number) {
  return activityListQuery(db, scopePath, filters, limit).execute();
}

export function activityListQuery(db: Executor, scopePath: string, filters: PublicityFilters, limit: number) {
  let query = db
    .selectFrom('publicity_activity')
    .selectAll()
    .where(withinScope('publicity_activity', scopePath))
    .where('status', '=', filters.status);
  if (filters.unitPath) query = query.where(withinScope('publicity_activity', filters.unitPath));
  if (filters.kind) query = query.where('kind', '=', filters.kind);
  if (filters.from) query = query.where('held_on', '>=', filters.from);
  if (filters.to) query = query.where('held_on', '<=', filters.to);
  const before = filters.before;
  if (before) {
    query = query.where((eb) => eb.or([eb('held_on', '<', before.heldOn), eb.and([eb('held_on', '=', before.heldOn), eb('id', '<', before.id)])]));
  }
  return query.orderBy('held_on', 'desc').orderBy('id', 'desc').limit(limit);
}

/** Active activities of a month per unit and kind, with the audience summed. */
export function monthlyCounts(db: Executor, scopePath: string, from: string, to: string) {
  return db
    .selectFrom('publicity_activity')
    .select((eb) => ['unit_id', 'kind', eb.fn.countAll<number>().as('count'), eb.fn.sum<number | null>('audience').as('audience')])
    .where(withinScope('publicity_activity', scopePath))
    .where('status', '=', 'active')
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .groupBy(['unit_id', 'kind'])
    .execute();
}

/** Whether an activity within the scope holds the photo: who may see the record may see its photos. */
export async function scopeHoldsPhoto(db: Executor, scopePath: string, photoId: string): Promise<boolean> {
  const row = await db
    .selectFrom('publicity_photo')
    .innerJoin('publicity_activity', 'publicity_activity.id', 'publicity_photo.activity_id')
    .select('publicity_photo.activity_id')
    .where('publicity_photo.photo_id', '=', photoId)
    .where(withinScope('publicity_activity', scopePath))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
