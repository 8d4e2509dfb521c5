// One Kysely instance over either embedded SQLite (the default, for a township office PC) or
// PostgreSQL (DATABASE_URL=postgres://…, for a county or a province). Everything above this file
// is written once for both.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { AppConfig, DatabaseKind } from '../platform/config.js';
import { createGroupCommit, type WriteWork } from './group-commit.js';
import type { Database } from './schema.js';
import { startWalCheckpointer, type CheckpointerOptions } from './wal-checkpointer.js';

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly kind: DatabaseKind;
  /** The raw SQLite handle, for the online backup; null on PostgreSQL. */
  readonly sqlite: BetterSqlite3.Database | null;
  /** The PostgreSQL schema everything lives in; null on SQLite. */
  readonly schema: string | null;
  /**
   * Refreshes the planner's statistics of `tables` after a bulk change (an import): without them
   * SQLite reads a township's index to find one phone number instead of the phone's own index.
   */
  refreshStatistics(tables: readonly string[]): Promise<void>;
  /**
   * Runs `work` in a transaction and resolves once it is committed. On SQLite, writes arriving
   * together share one COMMIT (group-commit.ts), each in its own savepoint; on PostgreSQL each
   * has its own transaction. `work` must use only `trx`, never `kysely`.
   */
  write<T>(work: WriteWork<T>): Promise<T>;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * SQLite pragmas decided in ARCHITECTURE.md: WAL with synchronous=FULL so that an acknowledged
 * commit survives a power cut in a township office, foreign keys on, deleted personal data
 * zeroed on disk, a busy timeout instead of immediate SQLITE_BUSY errors, and a larger page cache.
 */
export const SQLITE_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = FULL',
  'foreign_keys = ON',
  'secure_delete = ON',
  'busy_timeout = 5000',
  // 64 MB of page cache instead of SQLite's 2 MB: a million people's indexes (blind indexes are
  // random keys) otherwise send most inserts of an import to the disk.
  'cache_size = -65536',
  // A WAL grown large under heavy writes (wal-checkpointer.ts) is cut back to 64 MB when reset.
  'journal_size_limit = 67108864',
] as const;

function ensureWritableDirectory(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    const probe = path.join(dir, `.write-probe-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (cause) {
    throw new DatabaseUnavailableError(
      `数据目录不可写 / the data directory is not writable: ${dir} (set GRIDWORK_DATA_DIR to a writable folder)`,
      { cause },
    );
  }
}

/**
 * Kysely prepares every statement it runs; preparing costs more than running most of ours. The
 * queries are few and their text repeats (values are parameters), so prepared statements are
 * kept by their text, the least recently used dropped past `size`. A statement still being
 * iterated (a stream) is never handed out twice.
 */
function withStatementCache(sqlite: BetterSqlite3.Database, size = 1000): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      // Multi-row inserts (an import's batches) vary in length and are long: not worth keeping.
      if (text.length > 4096) return sqlite.prepare(text);
      const cached = cache.get(text);
      if (cached && !cached.busy) {
        cache.delete(text);
        cache.set(text, cached);
        return cached;
      }
      const statement = sqlite.prepare(text);
      cache.set(text, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}

/** `checkpoints`: when and how often checkpoints move to a thread of their own (wal-checkpointer.ts). */
export function openSqlite(file: string, checkpoints: CheckpointerOptions = {}): Db {
  ensureWritableDirectory(path.dirname(file));
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file);
  } catch (cause) {
    throw new DatabaseUnavailableError(`无法打开 SQLite 数据库 / cannot open the SQLite database ${file}`, {
      cause,
    });
  }
  for (const pragma of SQLITE_PRAGMAS) sqlite.pragma(pragma);
  // Statistics for the planner, as SQLite advises on opening a long-lived connection.
  sqlite.pragma('optimize = 0x10002');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const groupCommit = createGroupCommit(kysely);
  const checkpointer = startWalCheckpointer(sqlite, file, checkpoints);
  return {
    kysely,
    kind: 'sqlite',
    write: (work) => groupCommit.write(work),
    // `optimize` analyses what changed enough to matter, within a bounded effort (SQLite ≥ 3.46).
    refreshStatistics: async () => {
      sqlite.pragma('optimize');
    },
    sqlite,
    schema: null,
    close: async () => {
      await groupCommit.idle();
      await checkpointer.stop();
      await kysely.destroy();
      // Kysely closes only a connection it has opened: a database never queried through it is closed here.
      if (sqlite.open) sqlite.close();
    },
  };
}

function describePostgresTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}

export async function openPostgres(url: string, poolSize: number, schema = 'public'): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5000,
    options: `-c search_path=${schema}`,
    // COUNT(*) and other bigints come back as numbers; counts in this domain stay far below 2^53.
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === 20
          ? (value: string) => Number.parseInt(value, 10)
          : pg.types.getTypeParser(oid, format ?? 'text'),
    },
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (cause) {
    await pool.end().catch(() => undefined);
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new DatabaseUnavailableError(
      `无法连接 PostgreSQL / cannot reach PostgreSQL at ${describePostgresTarget(url)}: ${reason}`,
      { cause },
    );
  }
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const refreshStatistics = async (tables: readonly string[]) => {
    for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(kysely);
  };
  return {
    kysely,
    kind: 'postgres',
    sqlite: null,
    schema,
    refreshStatistics,
    write: (work) => kysely.transaction().execute(work),
    close: () => kysely.destroy(),
  };
}

export async function openDatabase(config: AppConfig['database']): Promise<Db> {
  return config.kind === 'sqlite'
    ? openSqlite(config.file)
    : openPostgres(config.url, config.poolSize, config.schema);
}

/** A cheap round trip that proves the database answers. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}
