// Information reports (信息报送): a township sub-center writes a report (title, body, category,
// photos, attachments, perhaps an exemplary grid worker it is about) and submits it to the county,
// which adopts it at a level or returns it with a note. Creates retry safely by client key; every
// other write carries the version read, and repeating the action that made the current version
// answers the same report again (a double-clicked 提交 is one submission).
import {
  DomainError,
  ancestorPaths,
  isInfoReportEditable,
  newId,
  orgPathDepth,
  shanghaiMonth,
  transitionInfoReport,
  type AdoptInfoReportBody,
  type CreateInfoReportBody,
  type InfoReport,
  type InfoReportAction,
  type InfoReportListQuery,
  type InfoReportPage,
  type InfoReportSummary,
  type ReturnInfoReportBody,
  type UpdateInfoReportBody,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { InfoReportHistoryAction, InfoReportTable } from '../../db/tables/info-report.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { requestHash } from '../events/events.service.js';
import { toInfoReport, toInfoReportSummary } from './info-reports.mapper.js';
import * as repo from './info-reports.repo.js';

/**
 * The caller's view of reports: their scope, and their own township's drafts. Reports belong to a
 * township, so an account placed below one (a village) sees its township's.
 */
export function reportViewOf(session: AuthenticatedSession): repo.ReportView {
  const path = session.user.orgPath;
  const ownTownship = orgPathDepth(path) >= 2 ? (ancestorPaths(path)[2] ?? null) : null;
  return { scope: ownTownship ?? path, ownTownship };
}

const AUDIT_ACTIONS = {
  submit: 'info_report.submitted',
  withdraw: 'info_report.withdrawn',
  adopt: 'info_report.adopted',
  return: 'info_report.returned',
} as const;

/** Plain text with paragraphs: one kind of line break, no trailing blanks. */
function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

export function createInfoReportsService(ctx: AppContext) {
  const { db, clock, audit } = ctx;
  const iso = () => new Date(clock()).toISOString();

  async function namesFor(executor: Executor, rows: readonly InfoReportTable[]) {
    const [units, accounts] = await Promise.all([
      repo.namesOfUnits(executor, [...new Set(rows.map((row) => row.township_id))]),
      repo.namesOfAccounts(executor, [...new Set(rows.flatMap((row) => [row.author_id, ...(row.subject_account_id ? [row.subject_account_id] : [])]))]),
    ]);
    return { units: new Map(units.map((unit) => [unit.id, unit.name])), accounts: new Map(accounts.map((account) => [account.id, account.display_name])) };
  }

  async function describe(executor: Executor, row: InfoReportTable): Promise<InfoReport> {
    const [names, photos, attachments, history] = await Promise.all([namesFor(executor, [row]), repo.photosOf(executor, row.id), repo.attachmentsOf(executor, row.id), repo.historyOf(executor, row.id)]);
    return toInfoReport(
      row,
      names,
      photos.map((photo) => photo.photo_id),
      attachments,
      history,
    );
  }

  /** The township the caller writes for, or 403 for an account above or outside a township. */
  async function ownTownship(executor: Executor, session: AuthenticatedSession) {
    const path = reportViewOf(session).ownTownship;
    const unit = path ? await repo.unitByPath(executor, path) : undefined;
    if (!unit) throw new DomainError('INFO_REPORT_TOWNSHIP_ONLY');
    return unit;
  }

  /** Checks what a report refers to; each failure names its field and nothing is written. */
  async function checkContent(executor: Executor, session: AuthenticatedSession, townshipPath: string, reportId: string | null, content: Partial<CreateInfoReportBody>) {
    for (const field of ['title', 'body'] as const) {
      const text = content[field];
      if (text !== undefined && normaliseText(text) === '') throw new DomainError('INFO_REPORT_TEXT_EMPTY', { field });
    }
    if (content.subjectAccountId && !(await repo.gridWorkerOfTownship(executor, content.subjectAccountId, townshipPath)))
      throw new DomainError('INFO_REPORT_SUBJECT_INVALID', { field: 'subjectAccountId' });
    const photoIds = content.photoIds ?? [];
    const photos = await repo.usablePhotoIds(executor, photoIds, session.user.id, reportId);
    const missingPhoto = photoIds.find((id) => !photos.has(id));
    if (missingPhoto) throw new DomainError('INFO_REPORT_PHOTO_INVALID', { field: 'photoIds', photoId: missingPhoto });
    const attachmentIds = content.attachmentIds ?? [];
    const usable = await repo.usableAttachmentIds(executor, attachmentIds, session.user.id, reportId);
    const missing = attachmentIds.find((id) => !usable.has(id));
    if (missing) throw new DomainError('ATTACHMENT_NOT_FOUND', { field: 'attachmentIds', attachmentId: missing });
  }

  async function history(trx: Executor, row: InfoReportTable, action: InfoReportHistoryAction, from: InfoReportTable['status'] | null, session: AuthenticatedSession, note: string | null, at: string) {
    await repo.insertHistory(trx, { id: newId(), report_id: row.id, action, from_status: from, to_status: row.status, level: row.level, note, version: row.version, actor_id: session.user.id, at });
  }

  async function create(session: AuthenticatedSession, actor: AuditActor, body: CreateInfoReportBody): Promise<{ report: InfoReport; created: boolean }> {
    const hash = requestHash(body);
    const replay = async () => {
      const first = await repo.reportByClientKey(db.kysely, body.clientKey);
      if (!first) return null;
      if (first.request_hash !== hash || !(await repo.reportVisible(db.kysely, reportViewOf(session), first.id)))
        throw new DomainError('IDEMPOTENCY_KEY_REUSED', { clientKey: body.clientKey });
      return { report: await describe(db.kysely, first), created: false };
    };
    const earlier = await replay();
    if (earlier) return earlier;
    const township = await ownTownship(db.kysely, session);
    await checkContent(db.kysely, session, township.path, null, body);
    try {
      return await db.write(async (trx) => {
        const now = iso();
        const row: InfoReportTable = {
          id: newId(),
          client_key: body.clientKey,
          request_hash: hash,
          township_id: township.id,
          path: township.path,
          title: normaliseText(body.title),
          body: normaliseText(body.body),
          category: body.category,
          subject_account_id: body.subjectAccountId ?? null,
          status: 'draft',
          level: null,
          submitted_at: null,
          first_submitted_at: null,
          first_submitted_month: null,
          adopted_at: null,
          returned_note: null,
          author_id: session.user.id,
          version: 1,
          created_at: now,
          updated_at: now,
        };
        await repo.insertReport(trx, row);
        await repo.replacePhotos(trx, row.id, body.photoIds ?? []);
        await repo.replaceAttachments(trx, row.id, body.attachmentIds ?? []);
        await history(trx, row, 'create', null, session, null, now);
        await audit.append(trx, actor, {
          action: 'info_report.created',
          objectType: 'info_report',
          objectId: row.id,
          orgPath: row.path,
          details: { category: row.category, photos: body.photoIds?.length ?? 0, attachments: body.attachmentIds?.length ?? 0, subjectAccountId: row.subject_account_id },
        });
        return { report: await describe(trx, row), created: true };
      });
    } catch (error) {
      // Two copies of one retry raced: the loser answers with the winner's report.
      const raced = error instanceof DomainError ? null : await replay();
      if (raced) return raced;
      throw error;
    }
  }

  /** The report as its author unit sees it, or 404 (another township's, or not the caller's to write). */
  async function authored(executor: Executor, session: AuthenticatedSession, id: string) {
    const view = reportViewOf(session);
    const row = await repo.reportVisible(executor, view, id);
    if (!row || row.path !== view.ownTownship) throw new DomainError('NOT_FOUND');
    return row;
  }

  async function update(session: AuthenticatedSession, actor: AuditActor, id: string, body: UpdateInfoReportBody): Promise<InfoReport> {
    return db.write(async (trx) => {
      const before = await authored(trx, session, id);
      if (before.version !== body.version) throw new DomainError('RECORD_CHANGED', { version: before.version });
      if (!isInfoReportEditable(before.status)) throw new DomainError('INFO_REPORT_NOT_EDITABLE', { status: before.status });
      await checkContent(trx, session, before.path, before.id, body);
      const now = iso();
      const changes: Partial<InfoReportTable> = { version: before.version + 1, updated_at: now };
      if (body.title !== undefined) changes.title = normaliseText(body.title);
      if (body.body !== undefined) changes.body = normaliseText(body.body);
      if (body.category !== undefined) changes.category = body.category;
      if (body.subjectAccountId !== undefined) changes.subject_account_id = body.subjectAccountId;
      if (!(await repo.updateReport(trx, id, before.version, changes))) throw new DomainError('RECORD_CHANGED', { version: before.version });
      if (body.photoIds) await repo.replacePhotos(trx, id, body.photoIds);
      if (body.attachmentIds) await repo.replaceAttachments(trx, id, body.attachmentIds);
      const after: InfoReportTable = { ...before, ...changes };
      await history(trx, after, 'update', before.status, session, null, now);
      const fields = Object.keys(body).filter((key) => key !== 'version');
      await audit.append(trx, actor, { action: 'info_report.updated', objectType: 'info_report', objectId: id, orgPath: before.path, details: { fields } });
      return describe(trx, after);
    });
  }

  /**
   * Takes one action: the author's (submit, withdraw) on its own township's report, the reviewer's
   * (adopt, return) on one submitted to it. Repeating the action that made the current version
   * answers the report as it is.
   */
  async function act(session: AuthenticatedSession, actor: AuditActor, id: string, action: InfoReportAction, body: { version: number; level?: AdoptInfoReportBody['level']; note?: string }): Promise<InfoReport> {
    const note = body.note?.trim() ? body.note.trim() : null;
    if (action === 'return' && note === null) throw new DomainError('INFO_REPORT_TEXT_EMPTY', { field: 'note' });
    return db.write(async (trx) => {
      const read = async () => {
        const row = action === 'submit' || action === 'withdraw' ? await authored(trx, session, id) : await repo.reportVisible(trx, reportViewOf(session), id);
        if (!row) throw new DomainError('NOT_FOUND');
        return row;
      };
      /** Whether this very action already made the report's current version from `body.version`. */
      const alreadyDone = async (row: InfoReportTable) => {
        if (row.version !== body.version + 1) return false;
        const last = await repo.historyAtVersion(trx, id, row.version);
        return last?.action === action && (action !== 'adopt' || last.level === body.level) && (action !== 'return' || last.note === note);
      };
      const before = await read();
      if (await alreadyDone(before)) return describe(trx, before);
      if (before.version !== body.version) throw new DomainError('RECORD_CHANGED', { version: before.version });
      const outcome = transitionInfoReport(before, action, body.level);
      if (!outcome.ok) throw new DomainError(outcome.code, { status: before.status, ...(action === 'adopt' ? { field: 'level' } : {}) });
      const now = iso();
      const changes: Partial<InfoReportTable> = { status: outcome.status, level: outcome.level, version: before.version + 1, updated_at: now };
      if (action === 'submit') {
        Object.assign(changes, { submitted_at: now, returned_note: null });
        if (!before.first_submitted_at) Object.assign(changes, { first_submitted_at: now, first_submitted_month: shanghaiMonth(clock()) });
      }
      if (action === 'withdraw') {
        changes.submitted_at = null;
        // Withdrawn before the county looked at it: it counts for the month it is submitted again.
        // One the county already returned stays counted for the month it first reached the county.
        if (!(await repo.wasReviewed(trx, id))) Object.assign(changes, { first_submitted_at: null, first_submitted_month: null });
      }
      if (action === 'adopt') changes.adopted_at = now;
      if (action === 'return') changes.returned_note = note;
      if (!(await repo.updateReport(trx, id, before.version, changes))) {
        // A concurrent copy of this request (a double-clicked 提交) committed first: on PostgreSQL
        // this statement waited for it and then matched nothing. Read the row as it is now.
        const current = await read();
        if (await alreadyDone(current)) return describe(trx, current);
        throw new DomainError('RECORD_CHANGED', { version: current.version });
      }
      const after: InfoReportTable = { ...before, ...changes };
      await history(trx, after, action, before.status, session, note, now);
      await audit.append(trx, actor, {
        action: AUDIT_ACTIONS[action],
        objectType: 'info_report',
        objectId: id,
        orgPath: before.path,
        details: { from: before.status, to: after.status, level: after.level, previousLevel: before.level },
      });
      return describe(trx, after);
    });
  }

  async function get(session: AuthenticatedSession, id: string): Promise<InfoReport> {
    const row = await repo.reportVisible(db.kysely, reportViewOf(session), id);
    if (!row) throw new DomainError('NOT_FOUND');
    return describe(db.kysely, row);
  }

  /** The list's filters, with a township narrowed to one within the caller's scope (else 404). */
  async function filtersOf(session: AuthenticatedSession, query: Omit<InfoReportListQuery, 'limit' | 'cursor' | 'after'>): Promise<repo.ReportFilters> {
    const filters: { -readonly [K in keyof repo.ReportFilters]: repo.ReportFilters[K] } = {};
    if (query.townshipId) {
      const unit = await repo.unitInScope(db.kysely, reportViewOf(session).ownTownship ?? session.user.orgPath, query.townshipId);
      if (!unit) throw new DomainError('NOT_FOUND', { townshipId: query.townshipId });
      filters.townshipPath = unit.path;
    }
    if (query.status) filters.status = query.status;
    if (query.category) filters.category = query.category;
    if (query.level) filters.level = query.level;
    if (query.month) filters.month = query.month;
    return filters;
  }

  async function summaries(rows: readonly InfoReportTable[]): Promise<InfoReportSummary[]> {
    const names = await namesFor(db.kysely, rows);
    return rows.map((row) => toInfoReportSummary(row, names));
  }

  async function list(session: AuthenticatedSession, query: InfoReportListQuery): Promise<InfoReportPage> {
    const limit = query.limit ?? 20;
    const cursor = query.cursor ?? query.after;
    const filters = { ...(await filtersOf(session, query)), ...(cursor ? { beforeId: cursor } : {}) };
    const rows = await repo.listReports(db.kysely, reportViewOf(session), filters, limit + 1);
    const page = rows.slice(0, limit);
    return { items: await summaries(page), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
  }

  /** Every report of a month for the workbook (bounded: a county writes a few hundred a month). */
  async function ofMonth(session: AuthenticatedSession, query: Omit<InfoReportListQuery, 'limit' | 'cursor' | 'after'> & { month: string }): Promise<InfoReportSummary[]> {
    const rows = await repo.listReports(db.kysely, reportViewOf(session), await filtersOf(session, query), 5000);
    return summaries(rows);
  }

  return {
    create,
    update,
    get,
    list,
    ofMonth,
    submit: (session: AuthenticatedSession, actor: AuditActor, id: string, body: { version: number }) => act(session, actor, id, 'submit', body),
    withdraw: (session: AuthenticatedSession, actor: AuditActor, id: string, body: { version: number }) => act(session, actor, id, 'withdraw', body),
    adopt: (session: AuthenticatedSession, actor: AuditActor, id: string, body: AdoptInfoReportBody) => act(session, actor, id, 'adopt', body),
    returnReport: (session: AuthenticatedSession, actor: AuditActor, id: string, body: ReturnInfoReportBody) => act(session, actor, id, 'return', body),
  };
}

export type InfoReportsService = ReturnType<typeof createInfoReportsService>;
