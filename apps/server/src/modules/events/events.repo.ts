// SQL for events. Every read takes the caller's visibility: a path prefix for the territory's
// people, the department for a department's people (what was dispatched to it).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { EventCardTable, EventCategoryTable, EventTable, EventTimelineTable, NewEvent } from '../../db/tables/event.table.js';
import { startsWith, unitCodeColumns, withinScope } from '../../db/sql-helpers.js';

type Executor = Kysely<Database> | Transaction<Database>;

export type EventVisibility = { readonly kind: 'path'; readonly path: string } | { readonly kind: 'department'; readonly departmentId: string };

function visible(db: Executor, visibility: EventVisibility) {
  const query = db.selectFrom('event');
  if (visibility.kind === 'path') return query.where(withinScope('event', visibility.path));
  const { departmentId } = visibility;
  return query.where((eb) =>
    eb.or([
      eb('event.lead_department_id', '=', departmentId),
      eb.exists(eb.selectFrom('event_assist').select('event_assist.event_id').whereRef('event_assist.event_id', '=', 'event.id').where('event_assist.department_id', '=', departmentId)),
    ]),
  );
}

// Catalogue

export function listCategories(db: Executor) {
  return db.selectFrom('event_category').selectAll().orderBy('sort_order').execute();
}

export function categoriesByCodes(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('event_category').selectAll().where('code', 'in', [...new Set(codes)]).execute();
}

export function findCategory(db: Executor, code: string) {
  return db.selectFrom('event_category').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertCategories(db: Executor, rows: readonly EventCategoryTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('event_category').values([...rows]).execute();
}

export async function updateCategory(db: Executor, code: string, changes: Partial<EventCategoryTable>): Promise<void> {
  await db.updateTable('event_category').set(changes).where('code', '=', code).execute();
}

// Events

export function findByClientKey(db: Executor, owner: string, clientKey: string) {
  return db.selectFrom('event').selectAll().where('client_owner', '=', owner).where('client_key', '=', clientKey).executeTakeFirst();
}

export async function insertEvent(db: Executor, row: NewEvent): Promise<void> {
  await db.insertInto('event').values({ ...row, ...unitCodeColumns(row.path) }).execute();
}

export async function updateEvent(db: Executor, id: string, changes: Partial<NewEvent>): Promise<void> {
  await db
    .updateTable('event')
    .set({ ...changes, ...(changes.path === undefined ? {} : unitCodeColumns(changes.path)) })
    .where('id', '=', id)
    .execute();
}

export function findVisibleEvent(db: Executor, visibility: EventVisibility, id: string) {
  return visible(db, visibility).selectAll('event').where('event.id', '=', id).executeTakeFirst();
}

export interface EventFilters {
  readonly statuses?: readonly string[];
  readonly categoryCode?: string;
  readonly pathPrefix?: string;
  readonly gridId?: string;
  readonly leadDepartmentId?: string;
  readonly reporterAccountId?: string;
  readonly overdueAt?: string;
  readonly reportedFrom?: string;
  readonly reportedBefore?: string;
  /** Keyset: only events with a smaller id (ids are time-ordered UUIDv7, newest first). */
  readonly beforeId?: string;
}

/** One page, newest first, by keyset on the time-ordered id. */
export function listEventsQuery(db: Executor, visibility: EventVisibility, filters: EventFilters, limit: number) {
  let query = visible(db, visibility)
    .leftJoin('org_unit as grid', 'grid.id', 'event.grid_id')
    .select(['event.id', 'event.title', 'event.category_code', 'event.status', 'event.path', 'grid.name as grid_name', 'event.lead_department_id', 'event.step_deadline', 'event.reported_at']);
  if (filters.statuses && filters.statuses.length > 0) query = query.where('event.status', 'in', [...filters.statuses] as EventTable['status'][]);
  if (filters.categoryCode) query = query.where('event.category_code', '=', filters.categoryCode);
  if (filters.pathPrefix) query = query.where(withinScope('event', filters.pathPrefix));
  if (filters.gridId) query = query.where('event.grid_id', '=', filters.gridId);
  if (filters.leadDepartmentId) query = query.where('event.lead_department_id', '=', filters.leadDepartmentId);
  if (filters.reporterAccountId) query = query.where('event.reporter_account_id', '=', filters.reporterAccountId);
  if (filters.overdueAt) query = query.where('event.step_deadline', '<', filters.overdueAt);
  if (filters.reportedFrom) query = query.where('event.reported_at', '>=', filters.reportedFrom);
  if (filters.reportedBefore) query = query.where('event.reported_at', '<', filters.reportedBefore);
  if (filters.beforeId) query = query.where('event.id', '<', filters.beforeId);
  return query.orderBy('event.id', 'desc').limit(limit);
}

// Timeline, photos, assisting departments

export async function nextTimelineSeq(db: Executor, eventId: string): Promise<number> {
  const row = await db.selectFrom('event_timeline').select((eb) => eb.fn.max('seq').as('seq')).where('event_id', '=', eventId).executeTakeFirst();
  return Number(row?.seq ?? 0) + 1;
}

export async function insertTimeline(db: Executor, row: EventTimelineTable): Promise<void> {
  await db.insertInto('event_timeline').values(row).execute();
}

export function timelineOf(db: Executor, eventId: string) {
  return db.selectFrom('event_timeline').selectAll().where('event_id', '=', eventId).orderBy('seq').execute();
}

export function photosOfEvents(db: Executor, eventIds: readonly string[]) {
  if (eventIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('event_photo').selectAll().where('event_id', 'in', eventIds).orderBy('timeline_seq').execute();
}

export async function attachPhotos(db: Executor, eventId: string, photoIds: readonly string[], stage: string, timelineSeq: number): Promise<void> {
  if (photoIds.length === 0) return;
  await db.insertInto('event_photo').values(photoIds.map((photo_id) => ({ event_id: eventId, photo_id, stage, timeline_seq: timelineSeq }))).execute();
}

export async function existingPhotoIds(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('photo').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}

export async function insertPhotoIfAbsent(db: Executor, row: { id: string; mime: string; bytes: number; uploaded_by: string; created_at: string }): Promise<void> {
  await db.insertInto('photo').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
}

export function findPhoto(db: Executor, id: string) {
  return db.selectFrom('photo').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Events holding the photo that the caller may see. */
export function visibleEventsWithPhoto(db: Executor, visibility: EventVisibility, photoId: string) {
  return visible(db, visibility)
    .innerJoin('event_photo', 'event_photo.event_id', 'event.id')
    .select('event.id')
    .where('event_photo.photo_id', '=', photoId)
    .limit(1)
    .execute();
}

export function assistingOf(db: Executor, eventIds: readonly string[]) {
  if (eventIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('event_assist')
    .innerJoin('department', 'department.id', 'event_assist.department_id')
    .select(['event_assist.event_id', 'department.id', 'department.name'])
    .where('event_assist.event_id', 'in', eventIds)
    .execute();
}

export async function replaceAssisting(db: Executor, eventId: string, departmentIds: readonly string[]): Promise<void> {
  await db.deleteFrom('event_assist').where('event_id', '=', eventId).execute();
  if (departmentIds.length > 0) await db.insertInto('event_assist').values(departmentIds.map((department_id) => ({ event_id: eventId, department_id }))).execute();
}

export function departmentsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('department').select(['id', 'name', 'org_path', 'disabled_at']).where('id', 'in', ids).execute();
}

export function namesOfAccounts(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('account').select(['id', 'display_name']).where('id', 'in', ids).execute();
}

export function findGrid(db: Executor, scopePath: string, id: string) {
  return db.selectFrom('org_unit').selectAll().where('id', '=', id).where('kind', '=', 'grid').where('retired_at', 'is', null).where(startsWith('path', scopePath)).executeTakeFirst();
}

export function gridNames(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_unit').select(['id', 'name']).where('id', 'in', ids).execute();
}

// Who to tell

export function activeStaffOfDepartments(db: Executor, departmentIds: readonly string[]) {
  if (departmentIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('account').select(['id']).where('department_id', 'in', departmentIds).where('disabled_at', 'is', null).execute();
}

/** Active accounts of the given roles at exactly one of the paths. */
export function activeAccountsAt(db: Executor, paths: readonly string[], roles: readonly string[]) {
  if (paths.length === 0) return Promise.resolve([]);
  return db.selectFrom('account').select(['id']).where('org_path', 'in', paths).where('role', 'in', roles as never[]).where('disabled_at', 'is', null).execute();
}

export async function insertInboxMessages(db: Executor, rows: readonly { id: string; account_id: string; kind: string; event_id: string | null; text: string; created_at: string }[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('inbox_message').values(rows.map((row) => ({ ...row, read_at: null }))).execute();
}


// Cards

/** Events whose current step has a card due by `now`. */
export function stepsWithCardDue(db: Executor, now: string, limit: number) {
  return db.selectFrom('event').selectAll().where('next_card_at', '<=', now).orderBy('next_card_at').limit(limit).execute();
}

/** Events whose step should be reminded of by `now`. */
export function stepsToRemind(db: Executor, now: string, limit: number) {
  return db.selectFrom('event').selectAll().where('remind_at', '<=', now).orderBy('remind_at').limit(limit).execute();
}

export async function cardsOfStep(db: Executor, eventId: string, stepSeq: number) {
  return db.selectFrom('event_card').select('level').where('event_id', '=', eventId).where('step_seq', '=', stepSeq).execute();
}

/** Inserts a card unless the step already holds it (another instance may have just issued it). */
export async function insertCardOnce(db: Executor, row: EventCardTable): Promise<boolean> {
  const result = await db.insertInto('event_card').values(row).onConflict((oc) => oc.columns(['event_id', 'step_seq', 'level']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function cardsOfEvent(db: Executor, eventId: string) {
  return db.selectFrom('event_card').selectAll().where('event_id', '=', eventId).orderBy('issued_at').execute();
}


// Open311: what the public reported, as the public may see it

export interface PublicRequestFilters {
  readonly ids?: readonly string[];
  readonly serviceCodes?: readonly string[];
  readonly from?: string;
  readonly before?: string;
  readonly statuses?: readonly EventTable['status'][];
}

export function publicRequests(db: Executor, countyPath: string, filters: PublicRequestFilters, limit: number, offset: number) {
  let query = db
    .selectFrom('event')
    .innerJoin('event_category', 'event_category.code', 'event.category_code')
    .leftJoin('department', 'department.id', 'event.lead_department_id')
    .select([
      'event.id',
      'event.status',
      'event.category_code',
      'event_category.name_zh as category_name',
      'event.description',
      'department.name as department_name',
      'event.reported_at',
      'event.updated_at',
      'event.step_deadline',
      'event.address',
      'event.lon',
      'event.lat',
    ])
    .where('event.source', '=', 'public')
    .where(startsWith('event.path', countyPath));
  if (filters.ids) query = query.where('event.id', 'in', filters.ids.length > 0 ? [...filters.ids] : ['']);
  else {
    if (filters.serviceCodes && filters.serviceCodes.length > 0) query = query.where('event.category_code', 'in', [...filters.serviceCodes]);
    if (filters.from) query = query.where('event.reported_at', '>=', filters.from);
    if (filters.before) query = query.where('event.reported_at', '<', filters.before);
    if (filters.statuses) query = query.where('event.status', 'in', [...filters.statuses]);
  }
  return query.orderBy('event.id', 'desc').limit(limit).offset(offset).execute();
}

export function countyUnits(db: Executor) {
  return db.selectFrom('org_unit').select(['id', 'code', 'name', 'path']).where('kind', '=', 'county').where('retired_at', 'is', null).orderBy('path').execute();
}

// Quotas and the inbox

/** Active grid workers within a scope (or one account). */
export function gridWorkersInScope(db: Executor, scopePath: string, onlyAccountId: string | null) {
  let query = db
    .selectFrom('account')
    .select(['id', 'display_name', 'role', 'org_path'])
    .where('role', 'in', ['grid_worker_fulltime', 'grid_worker_parttime'])
    .where('disabled_at', 'is', null)
    .where(startsWith('org_path', scopePath));
  if (onlyAccountId) query = query.where('id', '=', onlyAccountId);
  return query.orderBy('org_path').orderBy('display_name').execute();
}

/** Valid events (not rejected or merged) each account reported in [from, before). */
export function validReportsBy(db: Executor, accountIds: readonly string[], from: string, before: string) {
  if (accountIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('event')
    .select((eb) => ['reporter_account_id', eb.fn.countAll<number>().as('n')])
    .where('reporter_account_id', 'in', accountIds)
    .where('reported_at', '>=', from)
    .where('reported_at', '<', before)
    .where('status', 'not in', ['rejected', 'merged'])
    .groupBy('reporter_account_id')
    .execute();
}

export function inboxOf(db: Executor, accountId: string, unreadOnly: boolean, beforeId: string | undefined, limit: number) {
  let query = db.selectFrom('inbox_message').selectAll().where('account_id', '=', accountId);
  if (unreadOnly) query = query.where('read_at', 'is', null);
  if (beforeId) query = query.where('id', '<', beforeId);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

export async function markRead(db: Executor, accountId: string, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('inbox_message').set({ read_at: at }).where('id', '=', id).where('account_id', '=', accountId).where('read_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function findInboxMessage(db: Executor, accountId: string, id: string) {
  return db.selectFrom('inbox_message').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
}

export function countUnread(db: Executor, accountId: string) {
  return db.selectFrom('inbox_message').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).where('read_at', 'is', null).executeTakeFirstOrThrow();
}

export function cardLedger(db: Executor, visibility: EventVisibility, month: string) {
  const query = db
    .selectFrom('event_card')
    .innerJoin('event', 'event.id', 'event_card.event_id')
    .leftJoin('department', 'department.id', 'event_card.department_id')
    .leftJoin('org_unit as village', 'village.path', 'event_card.unit_path')
    .select([
      'event_card.id',
      'event_card.event_id',
      'event.title',
      'event_card.step',
      'event_card.level',
      'event_card.department_id',
      'event_card.unit_path',
      'department.name as department_name',
      'village.name as village_name',
      'event_card.deadline',
      'event_card.issued_at',
    ])
    .where('event_card.month', '=', month);
  return (visibility.kind === 'path' ? query.where(startsWith('event_card.unit_path', visibility.path)) : query.where('event_card.department_id', '=', visibility.departmentId))
    .orderBy('event_card.issued_at')
    .execute();
}
