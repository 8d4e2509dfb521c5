// Registry imports as background jobs. The upload is written under the data directory and a job
// row queued in one request; a runner in the server then reads the file a batch at a time, each
// batch landing whole in one transaction with the job's progress and the rows it refused. A
// restart finds a job whose runner stopped and reads the file again from the top: rows that
// landed before are found by their document and left as they are, so nothing is doubled and
// nothing is lost. The uploaded file is deleted when the job ends: it holds personal data.
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DomainError,
  MAX_IMPORT_BYTES,
  PERSON_COLUMNS,
  errorTemplate,
  recordColumns,
  interpolate,
  isErrorCode,
  newId,
  shanghaiDate,
  type ImportJobView,
  type ImportKind,
  type Locale,
  type StartImportQuery,
} from '@gridwork/core';
import type { FastifyBaseLogger } from 'fastify';
import type { ImportJobTable } from '../../db/tables/import.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { messageParams } from '../../platform/errors.js';
import { collectGarbageWhenGrown } from '../../platform/memory.js';
import { openTable, tableFileTypeOf, TableFileError, type TableRow } from '../../platform/table-files.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { createPersonImporter } from '../persons/persons.import.js';
import { createRecordImporter } from '../records/records.import.js';
import * as repo from './imports.repo.js';

// Rows per transaction: config.importBatchRows (GRIDWORK_IMPORT_BATCH_ROWS, 25 000). Each commit
// writes every page its rows touched to the WAL, and a person's blind indexes and names land on
// random pages of their indexes: in a county of a million people a batch of 5 000 rewrote about one
// page per row and index, a batch of 25 000 shares each page among several rows (raw inserts into
// the person table at 1 M: 5 600 → 8 250 rows a second).
/**
 * A batch commits sooner once it has worked this long: SQLite has one connection, and everyone else's
 * requests wait for the batch's commit. In a county of a million a row costs about 0.2 ms, so a
 * batch commits after about 10 000 rows there, and after 25 000 in a smaller registry.
 */
const BATCH_MS = 2000;
/** Rows read, checked and written at a time within a batch: their objects die young. */
const CHUNK_ROWS = 1000;
/** A running job whose heartbeat is older than this has lost its runner. */
const STALE_MS = 2 * 60_000;

export function importFileOf(dataDir: string, job: Pick<ImportJobTable, 'id' | 'file_type'>): string {
  return path.join(dataDir, 'imports', `${job.id}.${job.file_type}`);
}

/** The columns of a kind's workbook: people's, or a record kind's. */
export function columnsOfImport(kind: ImportKind): readonly { key: string; header: Readonly<Record<Locale, string>>; required: boolean }[] {
  return kind === 'person' ? PERSON_COLUMNS : recordColumns(kind);
}

/** What the runner needs of an importer, whichever kind it reads. */
interface Importer {
  readHeaders(headers: readonly string[]): string[];
  importBatch(
    trx: Parameters<ReturnType<typeof createPersonImporter>['importBatch']>[0],
    rows: readonly TableRow[],
  ): Promise<{ inserted: number; updated: number; unchanged: number; rejections: readonly { rowNumber: number; cells: object; problems: readonly object[] }[]; seenKeys: string[] }>;
  /** Work owed once per batch, before it commits. */
  finishBatch?(trx: Parameters<ReturnType<typeof createPersonImporter>['importBatch']>[0]): Promise<void>;
  remember(keys: readonly string[]): void;
}

export function toImportJobView(row: ImportJobTable, locale: Locale): ImportJobView {
  const percent = row.status === 'done' ? 100 : row.file_bytes > 0 ? Math.min(99, Math.floor((row.bytes_read / row.file_bytes) * 100)) : 0;
  let error: ImportJobView['error'] = null;
  if (row.error_code && isErrorCode(row.error_code)) {
    const details = row.error_details ? (JSON.parse(row.error_details) as Record<string, unknown>) : {};
    if (Array.isArray(details['columns'])) {
      details['columns'] = (details['columns'] as string[]).map((key) => columnsOfImport(row.kind).find((column) => column.key === key)?.header[locale] ?? key).join(locale === 'zh-CN' ? '、' : ', ');
    }
    error = { code: row.error_code, message: interpolate(errorTemplate(row.error_code, locale), messageParams(details, locale)) };
  }
  return {
    id: row.id,
    kind: row.kind,
    dryRun: row.dry_run === 1,
    fileName: row.file_name,
    status: row.status,
    percent,
    rows: row.rows,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    rejected: row.rejected,
    error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

/** Counts bytes as they pass and stops the upload past the limit. */
function sizeLimit(limit: number, onBytes: (total: number) => void): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      onBytes(total);
      if (total > limit) done(new DomainError('PAYLOAD_TOO_LARGE', { limit }));
      else done(null, chunk);
    },
  });
}

export function createImportsService(ctx: AppContext, log: FastifyBaseLogger) {
  const { db, clock, audit, config } = ctx;
  const iso = () => new Date(clock()).toISOString();
  let draining: Promise<void> | null = null;
  let again = false;
  let stopping = false;

  async function start(session: AuthenticatedSession, actor: AuditActor, query: StartImportQuery, body: Readable, locale: Locale): Promise<ImportJobView> {
    const fileType = tableFileTypeOf(query.fileName);
    if (!fileType) throw new DomainError('IMPORT_FILE_UNSUPPORTED', { field: 'fileName', fileName: query.fileName });
    const id = newId();
    const file = importFileOf(config.dataDir, { id, file_type: fileType });
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    let bytes = 0;
    try {
      await pipeline(
        body,
        sizeLimit(MAX_IMPORT_BYTES, (total) => (bytes = total)),
        fs.createWriteStream(file, { mode: 0o600 }),
      );
      if (bytes === 0) throw new DomainError('IMPORT_FILE_EMPTY');
      if (fileType === 'xlsx' && !isZip(file)) throw new DomainError('IMPORT_FILE_UNREADABLE', { field: 'fileName' });
    } catch (error) {
      fs.rmSync(file, { force: true });
      throw error;
    }
    const now = iso();
    const row: ImportJobTable = {
      id,
      kind: query.kind,
      dry_run: query.dryRun ? 1 : 0,
      file_name: query.fileName.trim().slice(0, 200),
      file_type: fileType,
      file_bytes: bytes,
      status: 'queued',
      bytes_read: 0,
      rows: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      error_code: null,
      error_details: null,
      scope_path: session.user.orgPath,
      created_by: session.user.id,
      actor_ip: actor.ip,
      actor_agent: actor.userAgent?.slice(0, 300) ?? null,
      created_at: now,
      started_at: null,
      heartbeat_at: null,
      finished_at: null,
    };
    await repo.insertJob(db.kysely, row);
    void kick();
    return toImportJobView(row, locale);
  }

  function isZip(file: string): boolean {
    const handle = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(4);
      fs.readSync(handle, head, 0, 4, 0);
      return head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    } finally {
      fs.closeSync(handle);
    }
  }

  async function get(session: AuthenticatedSession, id: string, locale: Locale): Promise<ImportJobView> {
    const row = await repo.findJobVisible(db.kysely, session.user.id, session.user.orgPath, id);
    if (!row) throw new DomainError('NOT_FOUND');
    return toImportJobView(row, locale);
  }

  async function list(session: AuthenticatedSession, locale: Locale): Promise<ImportJobView[]> {
    return (await repo.jobsOf(db.kysely, session.user.id, 50)).map((row) => toImportJobView(row, locale));
  }

  /** The job (checked visible) and its refused rows, a page at a time, for the rejected-rows workbook. */
  async function rejections(session: AuthenticatedSession, id: string) {
    const job = await repo.findJobVisible(db.kysely, session.user.id, session.user.orgPath, id);
    if (!job) throw new DomainError('NOT_FOUND');
    async function* rows() {
      let after = 0;
      for (;;) {
        const page = await repo.rejectionsPage(db.kysely, id, after, 1000);
        for (const row of page) yield { rowNumber: row.row_number, cells: JSON.parse(row.cells) as Record<string, string>, problems: JSON.parse(row.problems) as { column: string | null; problem: string }[] };
        if (page.length < 1000) return;
        after = page.at(-1)!.row_number;
      }
    }
    return { job, rows: rows() };
  }

  // The runner

  async function countRows(file: string): Promise<number> {
    let rows = 0;
    for await (const row of openTable(file, 'xlsx').rows) if (row.cells.length > 0) rows += 1;
    return rows;
  }

  /** Starts the runner if it is not running; resolves when no job is left. */
  function kick(): Promise<void> {
    again = true;
    draining ??= drain().finally(() => {
      draining = null;
    });
    return draining;
  }

  async function drain(): Promise<void> {
    while (again && !stopping) {
      again = false;
      for (;;) {
        const job = await repo.nextRunnableJob(db.kysely, new Date(clock() - STALE_MS).toISOString());
        if (!job || stopping) break;
        if (!(await repo.claimJob(db.kysely, job, iso()))) continue;
        again = true;
        await run(job).catch((err: unknown) => log.error({ err, jobId: job.id }, 'import job failed'));
      }
    }
  }

  async function finish(job: ImportJobTable, changes: Partial<ImportJobTable>): Promise<void> {
    const now = iso();
    const final = { ...job, ...changes };
    const account = await repo.accountName(db.kysely, job.created_by);
    const actor: AuditActor = { id: job.created_by, username: account?.username ?? null, role: account?.role ?? null, ip: job.actor_ip, userAgent: job.actor_agent };
    await db.kysely.transaction().execute(async (trx) => {
      await repo.updateJob(trx, job.id, { ...changes, finished_at: now, heartbeat_at: now });
      await audit.append(trx, actor, {
        action: 'registry.imported',
        outcome: final.status === 'done' ? 'ok' : 'failed',
        objectType: 'import_job',
        objectId: job.id,
        orgPath: job.scope_path,
        details: { kind: job.kind, fileName: job.file_name, dryRun: job.dry_run === 1, rows: final.rows, inserted: final.inserted, updated: final.updated, unchanged: final.unchanged, rejected: final.rejected, error: final.error_code },
      });
    });
    fs.rmSync(importFileOf(config.dataDir, job), { force: true });
  }

  async function run(claimed: ImportJobTable): Promise<void> {
    const job: ImportJobTable = { ...claimed, rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, bytes_read: 0 };
    const file = importFileOf(config.dataDir, job);
    if (!fs.existsSync(file)) return finish(job, { status: 'failed', error_code: 'IMPORT_INTERRUPTED' });
    await repo.deleteRejections(db.kysely, job.id);
    await repo.updateJob(db.kysely, job.id, { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, bytes_read: 0 });
    const account = await repo.accountName(db.kysely, job.created_by);
    const common = { scopePath: job.scope_path, actorId: job.created_by, actorName: account?.display_name ?? '', fileName: job.file_name, dryRun: job.dry_run === 1, now: iso };
    const importer: Importer = job.kind === 'person' ? createPersonImporter(ctx, { ...common, today: shanghaiDate(clock()) }) : createRecordImporter(ctx, { ...common, kind: job.kind });
    // exceljs reads a workbook ahead of the rows it hands out, so bytes read say nothing of the
    // progress: a quick first pass counts the rows, and progress is rows done of rows there are.
    let totalRows = 0;
    const source = openTable(file, job.file_type);
    const rows = source.rows[Symbol.asyncIterator]();
    let ended = false;
    /** The next rows of the file, up to `count`; fewer only at its end. */
    const nextRows = async (count: number): Promise<TableRow[]> => {
      const taken: TableRow[] = [];
      while (taken.length < count && !ended) {
        const next = await rows.next();
        if (next.done) ended = true;
        else taken.push(next.value);
      }
      return taken;
    };

    /**
     * One transaction of up to config.importBatchRows rows, read and written a chunk at a time: each chunk's
     * rows are gone from memory before the next is read, and the batch commits whole with the
     * job's progress and the rows it refused, or not at all.
     */
    const landBatch = async () => {
      // The job's counts move only once the batch has landed: a batch that fails counts nothing.
      const after = { ...job };
      await db.kysely.transaction().execute(async (trx) => {
        let taken = 0;
        const started = performance.now();
        while (taken < config.importBatchRows && !ended && performance.now() - started < BATCH_MS) {
          const chunk = await nextRows(Math.min(CHUNK_ROWS, config.importBatchRows - taken));
          if (chunk.length === 0) break;
          taken += chunk.length;
          const outcome = await importer.importBatch(trx, chunk);
          // Seen at once, so that a document given twice within this batch is refused the second
          // time; if the batch fails the job fails, and a restart reads the file with a new importer.
          importer.remember(outcome.seenKeys);
          await repo.insertRejections(
            trx,
            outcome.rejections.map((rejection) => ({ job_id: job.id, row_number: rejection.rowNumber, cells: JSON.stringify(rejection.cells), problems: JSON.stringify(rejection.problems) })),
          );
          after.rows += chunk.length;
          after.inserted += outcome.inserted;
          after.updated += outcome.updated;
          after.unchanged += outcome.unchanged;
          after.rejected += outcome.rejections.length;
          collectGarbageWhenGrown();
        }
        if (taken === 0) return;
        await importer.finishBatch?.(trx);
        after.bytes_read = totalRows > 0 ? Math.floor(job.file_bytes * Math.min(1, (after.rows + 1) / totalRows)) : Math.min(source.bytesRead(), job.file_bytes);
        await repo.updateJob(trx, job.id, { rows: after.rows, inserted: after.inserted, updated: after.updated, unchanged: after.unchanged, rejected: after.rejected, bytes_read: after.bytes_read, heartbeat_at: iso() });
      });
      Object.assign(job, after);
    };

    try {
      if (job.file_type === 'xlsx') totalRows = await countRows(file);
      let header: TableRow | undefined;
      while (!header && !ended) {
        const [row] = await nextRows(1);
        if (row && !row.cells.every((cell) => cell.trim() === '')) header = row;
      }
      if (!header) return await finish(job, { status: 'failed', error_code: 'IMPORT_FILE_EMPTY' });
      const missing = importer.readHeaders(header.cells);
      if (missing.length > 0) return await finish(job, { status: 'failed', error_code: 'IMPORT_COLUMNS_MISSING', error_details: JSON.stringify({ columns: missing }) });
      while (!ended) {
        await landBatch();
        // Shutting down: the job stays running; after the restart its stale heartbeat gets it read again.
        if (stopping) return;
      }
      if (job.inserted + job.updated > 0) await db.refreshStatistics([job.kind === 'person' ? 'person' : 'registry_record']);
      return await finish(job, { status: 'done', rows: job.rows, inserted: job.inserted, updated: job.updated, unchanged: job.unchanged, rejected: job.rejected, bytes_read: job.file_bytes });
    } catch (error) {
      const code = error instanceof TableFileError ? 'IMPORT_FILE_UNREADABLE' : 'INTERNAL';
      if (code === 'INTERNAL') log.error({ err: error, jobId: job.id }, 'import job stopped');
      return finish(job, { status: 'failed', error_code: code, rows: job.rows, inserted: job.inserted, updated: job.updated, unchanged: job.unchanged, rejected: job.rejected });
    } finally {
      await rows.return?.();
    }
  }

  /** Lets the batch in flight land, then stops taking work (graceful shutdown). */
  async function stop(): Promise<void> {
    stopping = true;
    await draining;
  }

  return { start, get, list, rejections, kick, stop };
}

export type ImportsService = ReturnType<typeof createImportsService>;
