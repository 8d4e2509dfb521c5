// SQL of the bulletins: the archive rows and their files, the county's totals of a period (events,
// cards, information reports) read from the other capabilities' tables, the stored score averages
// of the trend, and the advisory lock that lets one server write the monthly bulletin.
import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import type { BulletinTable } from '../../db/tables/assessment.table.js';
import { startsWith } from '../../db/sql-helpers.js';

/** Arbitrary but fixed, and no other job's: the advisory lock of the monthly bulletin. */
const BULLETIN_LOCK_KEY = 5_111_241_021;

/** On PostgreSQL, waits for the bulletin lock for the rest of the transaction; SQLite has one writer anyway. */
export async function lockBulletins(db: Executor, kind: 'sqlite' | 'postgres'): Promise<void> {
  if (kind === 'postgres') await sql`select pg_advisory_xact_lock(${BULLETIN_LOCK_KEY})`.execute(db);
}

/** The county an org path lies in (its depth-1 unit), or the first county when the path is the root. */
export function countyOf(db: Executor, countyPath: string | null) {
  let query = db.selectFrom('org_unit').select(['id', 'name', 'path']).where('depth', '=', 1).where('retired_at', 'is', null);
  if (countyPath) query = query.where('path', '=', countyPath);
  return query.orderBy('path').limit(1).executeTakeFirst();
}

/** Events reported and closed in [from, to) under the scope; only those a department leads when `departmentId` is given. */
export async function eventTotals(db: Executor, scopePath: string, fromInstant: string, toInstant: string, departmentId: string | null = null) {
  const events = () => {
    const query = db.selectFrom('event').where(startsWith('path', scopePath));
    return departmentId === null ? query : query.where('lead_department_id', '=', departmentId);
  };
  const reported = await events()
    .select((eb) => [eb.fn.countAll<string | number>().as('reported'), eb.fn.count<string | number>('closed_at').as('closed_of_reported')])
    .where('reported_at', '>=', fromInstant)
    .where('reported_at', '<', toInstant)
    .executeTakeFirst();
  const closed = await events()
    .select((eb) => eb.fn.countAll<string | number>().as('closed'))
    .where('closed_at', '>=', fromInstant)
    .where('closed_at', '<', toInstant)
    .executeTakeFirst();
  return { reported: Number(reported?.reported ?? 0), closedOfReported: Number(reported?.closed_of_reported ?? 0), closed: Number(closed?.closed ?? 0) };
}

/** Event cards of the months per answering unit (a department, or the village path), level and month. */
export function eventCardCounts(db: Executor, scopePath: string, months: readonly string[]) {
  return db
    .selectFrom('event_card')
    .select((eb) => ['department_id', 'unit_path', 'level', 'month', eb.fn.countAll<string | number>().as('cards')])
    .where('month', 'in', months)
    .where(startsWith('unit_path', scopePath))
    .groupBy(['department_id', 'unit_path', 'level', 'month'])
    .execute();
}

/** Visit cards of the months per village path, level and month. */
export function visitCardCounts(db: Executor, scopePath: string, months: readonly string[]) {
  return db
    .selectFrom('visit_card')
    .select((eb) => ['unit_path', 'level', 'month', eb.fn.countAll<string | number>().as('cards')])
    .where('month', 'in', months)
    .where(startsWith('unit_path', scopePath))
    .groupBy(['unit_path', 'level', 'month'])
    .execute();
}

export function departmentsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('department').select(['id', 'name', 'org_path']).where('id', 'in', ids).execute();
}

export async function unitNamesByPath(db: Executor, paths: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(paths)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('org_unit').select(['path', 'name']).where('path', 'in', unique).execute();
  return new Map(rows.map((row) => [row.path, row.name]));
}

/** Townships under the scope, in code order. */
export function townshipsUnder(db: Executor, scopePath: string) {
  return db.selectFrom('org_unit').select(['id', 'name', 'path']).where(startsWith('path', scopePath)).where('depth', '=', 2).where('retired_at', 'is', null).orderBy('path').execute();
}

export async function reportsSubmitted(db: Executor, scopePath: string, months: readonly string[]): Promise<number> {
  const row = await db
    .selectFrom('info_report')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where(startsWith('path', scopePath))
    .where('first_submitted_month', 'in', months)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Reports adopted in [from, to), with their township and the grid worker they are about. */
export function adoptedReports(db: Executor, scopePath: string, fromInstant: string, toInstant: string) {
  return db
    .selectFrom('info_report')
    .innerJoin('org_unit as township', 'township.id', 'info_report.township_id')
    .leftJoin('account as subject', 'subject.id', 'info_report.subject_account_id')
    .select([
      'info_report.id',
      'info_report.title',
      'info_report.category',
      'info_report.level',
      'info_report.adopted_at',
      'township.name as township_name',
      'subject.id as subject_id',
      'subject.display_name as subject_name',
      'subject.org_path as subject_path',
    ])
    .where(startsWith('info_report.path', scopePath))
    .where('info_report.status', '=', 'adopted')
    .where('info_report.adopted_at', '>=', fromInstant)
    .where('info_report.adopted_at', '<', toInstant)
    .orderBy('info_report.adopted_at')
    .orderBy('info_report.id')
    .execute();
}

/** The average score of the ranked units of a kind per stored period (of one unit when `unitId` is given). */
export async function storedAverages(db: Executor, unitKind: string, periods: readonly string[], scopePath: string, unitId: string | null = null): Promise<Map<string, number>> {
  if (periods.length === 0) return new Map();
  let query = db.selectFrom('score_result');
  if (unitId !== null) query = query.where('unit_id', '=', unitId);
  const rows = await query
    .select((eb) => ['period', eb.fn.avg<string | number>('score').as('average')])
    .where('unit_kind', '=', unitKind)
    .where('period', 'in', periods)
    .where('rank', 'is not', null)
    .where(startsWith('unit_path', scopePath))
    .groupBy('period')
    .execute();
  return new Map(rows.map((row) => [row.period, Number(row.average)]));
}

export async function insertBulletin(db: Executor, row: BulletinTable): Promise<void> {
  await db.insertInto('bulletin').values(row).execute();
}

export function findMonthly(db: Executor, period: string) {
  return db.selectFrom('bulletin').select(['id']).where('period', '=', period).where('kind', '=', 'monthly').executeTakeFirst();
}

function bulletinQuery(db: Executor) {
  return db
    .selectFrom('bulletin')
    .innerJoin('attachment as docx', 'docx.id', 'bulletin.docx_attachment_id')
    .innerJoin('attachment as xlsx', 'xlsx.id', 'bulletin.xlsx_attachment_id')
    .leftJoin('account as creator', 'creator.id', 'bulletin.created_by')
    .select([
      'bulletin.id',
      'bulletin.period',
      'bulletin.kind',
      'bulletin.title',
      'bulletin.created_at',
      'creator.display_name as creator_name',
      'docx.name as docx_name',
      'docx.bytes as docx_bytes',
      'docx.sha256 as docx_sha256',
      'docx.mime as docx_mime',
      'xlsx.name as xlsx_name',
      'xlsx.bytes as xlsx_bytes',
      'xlsx.sha256 as xlsx_sha256',
      'xlsx.mime as xlsx_mime',
    ]);
}

export type BulletinRow = Awaited<ReturnType<ReturnType<typeof bulletinQuery>['executeTakeFirstOrThrow']>>;

export function listBulletins(db: Executor, options: { period?: string | undefined; limit: number }) {
  let query = bulletinQuery(db);
  if (options.period) query = query.where('bulletin.period', '=', options.period);
  return query.orderBy('bulletin.created_at', 'desc').orderBy('bulletin.id', 'desc').limit(options.limit).execute();
}

export function findBulletin(db: Executor, id: string) {
  return bulletinQuery(db).select('bulletin.summary').where('bulletin.id', '=', id).executeTakeFirst();
}

/** Whether an attachment is one of a bulletin's two files. */
export async function isBulletinFile(db: Executor, attachmentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('bulletin')
    .select('id')
    .where((eb) => eb.or([eb('docx_attachment_id', '=', attachmentId), eb('xlsx_attachment_id', '=', attachmentId)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
