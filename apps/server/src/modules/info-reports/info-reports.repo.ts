// SQL for information reports. Every read takes the caller's view: reports under the scope, and
// of those, drafts only of the caller's own township (the county sees what was submitted to it).
import { sql } from 'kysely';
import type { InfoReportCategory, InfoReportLevel, InfoReportStatus } from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { InfoReportHistoryTable, InfoReportTable } from '../../db/tables/info-report.table.js';
import { startsWith } from '../../db/sql-helpers.js';

/** What a caller may see: everything under `scope` that was submitted, and the drafts of `ownTownship`. */
export interface ReportView {
  readonly scope: string;
  readonly ownTownship: string | null;
}

function visible(view: ReportView) {
  return sql<boolean>`(${startsWith('r.path', view.scope)} and (r.status <> 'draft' or r.path = ${view.ownTownship ?? ''}))`;
}

export function reportByClientKey(db: Executor, clientKey: string) {
  return db.selectFrom('info_report').selectAll().where('client_key', '=', clientKey).executeTakeFirst();
}

export function reportVisible(db: Executor, view: ReportView, id: string) {
  return db.selectFrom('info_report as r').selectAll('r').where('r.id', '=', id).where(visible(view)).executeTakeFirst();
}

export async function insertReport(db: Executor, row: InfoReportTable): Promise<void> {
  await db.insertInto('info_report').values(row).execute();
}

/** Writes the change only if nobody changed the report since `version` was read. */
export async function updateReport(db: Executor, id: string, version: number, changes: Partial<InfoReportTable>): Promise<boolean> {
  const result = await db.updateTable('info_report').set(changes).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertHistory(db: Executor, row: InfoReportHistoryTable): Promise<void> {
  await db.insertInto('info_report_history').values(row).execute();
}

export function historyOf(db: Executor, reportId: string) {
  return db
    .selectFrom('info_report_history as h')
    .innerJoin('account', 'account.id', 'h.actor_id')
    .selectAll('h')
    .select('account.display_name as actor_name')
    .where('h.report_id', '=', reportId)
    .orderBy('h.version')
    .orderBy('h.at')
    .execute();
}

/** The entry that made the report's current version. */
export function historyAtVersion(db: Executor, reportId: string, version: number) {
  return db.selectFrom('info_report_history').selectAll().where('report_id', '=', reportId).where('version', '=', version).executeTakeFirst();
}

export async function replacePhotos(db: Executor, reportId: string, photoIds: readonly string[]): Promise<void> {
  await db.deleteFrom('info_report_photo').where('report_id', '=', reportId).execute();
  if (photoIds.length > 0) await db.insertInto('info_report_photo').values(photoIds.map((photo_id, seq) => ({ report_id: reportId, photo_id, seq }))).execute();
}

export async function replaceAttachments(db: Executor, reportId: string, attachmentIds: readonly string[]): Promise<void> {
  await db.deleteFrom('info_report_attachment').where('report_id', '=', reportId).execute();
  if (attachmentIds.length > 0)
    await db.insertInto('info_report_attachment').values(attachmentIds.map((attachment_id, seq) => ({ report_id: reportId, attachment_id, seq }))).execute();
}

export function photosOf(db: Executor, reportId: string) {
  return db.selectFrom('info_report_photo').select('photo_id').where('report_id', '=', reportId).orderBy('seq').execute();
}

export function attachmentsOf(db: Executor, reportId: string) {
  return db
    .selectFrom('info_report_attachment as l')
    .innerJoin('attachment', 'attachment.id', 'l.attachment_id')
    .select(['attachment.id', 'attachment.name', 'attachment.mime', 'attachment.bytes'])
    .where('l.report_id', '=', reportId)
    .orderBy('l.seq')
    .execute();
}

/**
 * Of `ids`, the photos the caller may put on a report: uploaded by them, or already on this report
 * (a colleague's). Photos are stored once per content, so the row names only the first uploader; an
 * account that uploaded the same bytes later is known from its audited upload.
 */
export async function usablePhotoIds(db: Executor, ids: readonly string[], uploaderId: string, reportId: string | null): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('photo')
    .select('photo.id')
    .where('photo.id', 'in', [...ids])
    .where((eb) =>
      eb.or([
        eb('photo.uploaded_by', '=', uploaderId),
        eb.exists(
          eb
            .selectFrom('audit_log as a')
            .select('a.seq')
            .where('a.object_type', '=', 'photo')
            .whereRef('a.object_id', '=', 'photo.id')
            .where('a.action', '=', 'photo.uploaded')
            .where('a.actor_id', '=', uploaderId),
        ),
        ...(reportId === null
          ? []
          : [eb.exists(eb.selectFrom('info_report_photo as l').select('l.report_id').where('l.report_id', '=', reportId).whereRef('l.photo_id', '=', 'photo.id'))]),
      ]),
    )
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** Whether the county ever adopted or returned the report. */
export async function wasReviewed(db: Executor, reportId: string): Promise<boolean> {
  const row = await db.selectFrom('info_report_history').select('id').where('report_id', '=', reportId).where('action', 'in', ['adopt', 'return']).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Of `ids`, the attachments the caller may link: uploaded by them, or already on this report. */
export async function usableAttachmentIds(db: Executor, ids: readonly string[], uploaderId: string, reportId: string | null): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('attachment')
    .select('attachment.id')
    .where('attachment.id', 'in', [...ids])
    .where((eb) =>
      eb.or([
        eb('attachment.uploaded_by', '=', uploaderId),
        ...(reportId === null
          ? []
          : [eb.exists(eb.selectFrom('info_report_attachment as l').select('l.report_id').where('l.report_id', '=', reportId).whereRef('l.attachment_id', '=', 'attachment.id'))]),
      ]),
    )
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** An active grid worker account placed within the township. */
export function gridWorkerOfTownship(db: Executor, accountId: string, townshipPath: string) {
  return db
    .selectFrom('account')
    .select(['id', 'display_name'])
    .where('id', '=', accountId)
    .where('role', 'in', ['grid_worker_fulltime', 'grid_worker_parttime'])
    .where('disabled_at', 'is', null)
    .where(startsWith('org_path', townshipPath))
    .executeTakeFirst();
}

export function unitByPath(db: Executor, path: string) {
  return db.selectFrom('org_unit').select(['id', 'name', 'path']).where('path', '=', path).where('retired_at', 'is', null).executeTakeFirst();
}

export function unitInScope(db: Executor, scope: string, id: string) {
  return db.selectFrom('org_unit').select(['id', 'name', 'path']).where('id', '=', id).where(startsWith('path', scope)).executeTakeFirst();
}

/** The townships (depth 2) under a path prefix. */
export function townshipsUnder(db: Executor, prefix: string) {
  return db.selectFrom('org_unit').select(['id', 'name', 'path']).where('depth', '=', 2).where('retired_at', 'is', null).where(startsWith('path', prefix)).orderBy('path').execute();
}

export function namesOfAccounts(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('account').select(['id', 'display_name']).where('id', 'in', [...ids]).execute();
}

export function namesOfUnits(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_unit').select(['id', 'name']).where('id', 'in', [...ids]).execute();
}

export interface ReportFilters {
  readonly townshipPath?: string;
  readonly status?: InfoReportStatus;
  readonly category?: InfoReportCategory;
  readonly level?: InfoReportLevel;
  readonly month?: string;
  readonly beforeId?: string;
}

/** Reports newest first (descending UUIDv7 ids), keyset paged. */
export function listReports(db: Executor, view: ReportView, filters: ReportFilters, limit: number) {
  let query = db.selectFrom('info_report as r').selectAll('r').where(visible(view));
  if (filters.townshipPath) query = query.where('r.path', '=', filters.townshipPath);
  if (filters.status) query = query.where('r.status', '=', filters.status);
  if (filters.category) query = query.where('r.category', '=', filters.category);
  if (filters.level) query = query.where('r.level', '=', filters.level);
  if (filters.month) query = query.where('r.first_submitted_month', '=', filters.month);
  if (filters.beforeId) query = query.where('r.id', '<', filters.beforeId);
  return query.orderBy('r.id', 'desc').limit(limit).execute();
}

/** Per township path: reports first submitted in the month and not withdrawn since, and how many of those were adopted. */
export function monthCounts(db: Executor, scope: string, month: string) {
  return db
    .selectFrom('info_report')
    .select((eb) => [
      'path',
      eb.fn.countAll<number | string>().as('submitted'),
      eb.fn.sum<number | string | null>(eb.case().when('status', '=', 'adopted').then(1).else(0).end()).as('adopted'),
    ])
    .where('first_submitted_month', '=', month)
    .where('status', '<>', 'draft')
    .where(startsWith('path', scope))
    .groupBy('path')
    .execute();
}

/** Whether a report the caller may see holds the photo. */
export async function visibleReportWithPhoto(db: Executor, view: ReportView, photoId: string): Promise<boolean> {
  const row = await db
    .selectFrom('info_report_photo as p')
    .innerJoin('info_report as r', 'r.id', 'p.report_id')
    .select('r.id')
    .where('p.photo_id', '=', photoId)
    .where(visible(view))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether a report the caller may see holds the attachment. */
export async function visibleReportWithAttachment(db: Executor, view: ReportView, attachmentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('info_report_attachment as a')
    .innerJoin('info_report as r', 'r.id', 'a.report_id')
    .select('r.id')
    .where('a.attachment_id', '=', attachmentId)
    .where(visible(view))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
