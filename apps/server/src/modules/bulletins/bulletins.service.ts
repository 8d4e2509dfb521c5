// The bulletins (通报): a period's scores recomputed, its figures gathered, written as a Word file
// and a workbook, both stored through the attachment store and archived in one transaction with
// the audit entry. The scheduled job writes last month's once (on PostgreSQL under an advisory
// lock; a second run, a second server or a restart finds it and stops); the county writes one on
// demand at any time. Readers list, open and download them.
import { DomainError, can, newId, shanghaiDate, type AssessedUnitKind, type Bulletin, type BulletinCreate, type BulletinFigures, type BulletinList, type BulletinListQuery, type BulletinSummary, type Ranking } from '@gridwork/core';
import type { AttachmentStore } from '../../platform/attachments.js';
import type { AuditActor } from '../../platform/audit.js';
import type { ContentHolder } from '../../platform/content-holders.js';
import type { AppContext } from '../../platform/context.js';
import { XLSX_TYPE } from '../../platform/downloads.js';
import { SYSTEM_ACTOR } from '../accounts/accounts.service.js';
import { pathAtDepth } from '../assessment/assessment-units.repo.js';
import { insertAttachment } from '../attachments/attachments.repo.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { bulletinFigures, periodInstants } from './bulletin-figures.js';
import { bulletinDocx, periodLabel } from './bulletin.document.js';
import { bulletinWorkbook } from './bulletin.workbook.js';
import * as repo from './bulletins.repo.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The attachment rows of the scheduled bulletin name this uploader (no account wrote them). */
const JOB_UPLOADER = 'system';

/** What the bulletins need of the scores: the county ranking of a period, recomputed first. */
export interface BulletinScores {
  rankingFor(period: string, unitKind: AssessedUnitKind, actor?: AuditActor): Promise<Ranking>;
  recompute(period: string, unitKind?: AssessedUnitKind, actor?: AuditActor): Promise<unknown>;
}

export type MonthlyOutcome = { readonly period: string; readonly outcome: 'written' | 'done_already' | 'no_county'; readonly id: string | null };

/** The Shanghai month before the one `nowIso` falls in. */
export function previousMonth(nowIso: string): string {
  const [year = 0, month = 1] = shanghaiDate(Date.parse(nowIso)).split('-').map(Number);
  const offset = year * 12 + (month - 1) - 1;
  return `${Math.floor(offset / 12)}-${String((offset % 12) + 1).padStart(2, '0')}`;
}

const fileUrl = (id: string, which: 'docx' | 'xlsx') => `/api/bulletins/${id}/${which}`;

function toSummary(row: repo.BulletinRow): BulletinSummary {
  return {
    id: row.id,
    period: row.period,
    kind: row.kind,
    title: row.title,
    createdAt: row.created_at,
    createdByName: row.creator_name ?? null,
    docx: { name: row.docx_name, bytes: row.docx_bytes, url: fileUrl(row.id, 'docx') },
    xlsx: { name: row.xlsx_name, bytes: row.xlsx_bytes, url: fileUrl(row.id, 'xlsx') },
  };
}

/** Anyone who may read bulletins may open their two files through the attachment routes too. */
export const bulletinAttachmentHolder: ContentHolder = async (db, session, id) => can(session.user.role, 'bulletin.read') && repo.isBulletinFile(db, id);

export function createBulletinsService(ctx: AppContext, scores: BulletinScores, store: AttachmentStore) {
  const { db, clock, audit } = ctx;
  const nowIso = () => new Date(clock()).toISOString();

  /** The rankings of the period, recomputed so that the bulletin reads the figures of today. */
  async function rankings(period: string, actor: AuditActor): Promise<{ village: Ranking; department: Ranking }> {
    const out: Partial<Record<'village' | 'department', Ranking>> = {};
    for (const kind of ['village', 'department'] as const) {
      await scores.recompute(period, kind, actor);
      out[kind] = await scores.rankingFor(period, kind, actor);
    }
    return { village: out.village as Ranking, department: out.department as Ranking };
  }

  /** Writes a bulletin; a monthly one that another run wrote meanwhile is answered instead of a second. */
  async function write(period: string, kind: 'monthly' | 'on_demand', actor: AuditActor, countyPath: string | null): Promise<{ id: string; written: boolean }> {
    const county = await repo.countyOf(db.kysely, countyPath);
    if (!county) throw new DomainError('BULLETIN_NO_COUNTY');
    const ranked = await rankings(period, actor);
    const now = nowIso();
    const figures = await bulletinFigures(db.kysely, { county, period, issuedOn: shanghaiDate(Date.parse(now)), village: ranked.village, department: ranked.department });
    const [docx, xlsx] = await Promise.all([bulletinDocx(figures), bulletinWorkbook(figures, ranked)]);
    const baseName = `${periodLabel(period)}网格化服务管理工作考核通报`;
    const uploader = actor.id ?? JOB_UPLOADER;
    return db.write(async (trx) => {
      await repo.lockBulletins(trx, db.kind);
      if (kind === 'monthly') {
        const existing = await repo.findMonthly(trx, period);
        if (existing) return { id: existing.id, written: false };
      }
      // Stored only once this run is the one that writes: a run that lost the race leaves no file behind.
      const files = [
        { id: newId(), sha256: store.put(docx), name: `${baseName}.docx`, mime: DOCX_TYPE, bytes: docx.length, uploaded_by: uploader, created_at: now },
        { id: newId(), sha256: store.put(xlsx), name: `${baseName}（附表）.xlsx`, mime: XLSX_TYPE, bytes: xlsx.length, uploaded_by: uploader, created_at: now },
      ] as const;
      const id = newId();
      for (const file of files) await insertAttachment(trx, file);
      await repo.insertBulletin(trx, {
        id,
        period,
        kind,
        title: figures.title,
        docx_attachment_id: files[0].id,
        xlsx_attachment_id: files[1].id,
        summary: JSON.stringify(figures),
        created_by: actor.id,
        created_at: now,
      });
      await audit.append(trx, actor, {
        action: 'bulletin.generated',
        objectType: 'bulletin',
        objectId: id,
        orgPath: county.path,
        details: { period, kind, docxBytes: docx.length, xlsxBytes: xlsx.length, criticised: figures.criticised.length },
      });
      return { id, written: true };
    });
  }

  /** The scheduled run: last month's bulletin, once. */
  async function runMonthly(now: string): Promise<MonthlyOutcome> {
    const period = previousMonth(now);
    const existing = await repo.findMonthly(db.kysely, period);
    if (existing) return { period, outcome: 'done_already', id: existing.id };
    if (!(await repo.countyOf(db.kysely, null))) return { period, outcome: 'no_county', id: null };
    const result = await write(period, 'monthly', SYSTEM_ACTOR, null);
    return { period, outcome: result.written ? 'written' : 'done_already', id: result.id };
  }

  async function get(_session: AuthenticatedSession, id: string): Promise<Bulletin> {
    const row = await repo.findBulletin(db.kysely, id);
    if (!row) throw new DomainError('NOT_FOUND');
    return { ...toSummary(row), figures: JSON.parse(row.summary) as BulletinFigures };
  }

  /** On demand (county): a month or a year that has begun; the current month reads its figures so far. */
  async function create(session: AuthenticatedSession, actor: AuditActor, input: BulletinCreate): Promise<Bulletin> {
    const { fromInstant } = periodInstants(input.period);
    if (fromInstant > nowIso()) throw new DomainError('BULLETIN_PERIOD_IN_FUTURE', { field: 'period', period: input.period });
    const { id } = await write(input.period, 'on_demand', actor, pathAtDepth(session.user.orgPath, 1));
    return get(session, id);
  }

  async function list(_session: AuthenticatedSession, query: BulletinListQuery): Promise<BulletinList> {
    const rows = await repo.listBulletins(db.kysely, { period: query.period, limit: query.limit ?? 50 });
    return { items: rows.map(toSummary) };
  }

  /** A bulletin's Word file or workbook: its name, type and where the store keeps it. */
  async function file(_session: AuthenticatedSession, id: string, which: 'docx' | 'xlsx'): Promise<{ name: string; mime: string; path: string }> {
    const row = await repo.findBulletin(db.kysely, id);
    if (!row) throw new DomainError('NOT_FOUND');
    return which === 'docx'
      ? { name: row.docx_name, mime: row.docx_mime, path: store.fileOf(row.docx_sha256) }
      : { name: row.xlsx_name, mime: row.xlsx_mime, path: store.fileOf(row.xlsx_sha256) };
  }

  return { runMonthly, create, list, get, file, write };
}

export type BulletinsService = ReturnType<typeof createBulletinsService>;
