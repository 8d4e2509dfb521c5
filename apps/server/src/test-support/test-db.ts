// Runs the same database tests on SQLite and PostgreSQL. PostgreSQL needs
// GRIDWORK_TEST_DATABASE_URL; without it the PostgreSQL half is reported as skipped locally,
// and in CI (CI=true) its absence is an error, so CI cannot pass on one database only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { openPostgres, openSqlite, type Db } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

export type DialectName = 'sqlite' | 'postgres';

export const TEST_POSTGRES_URL = process.env['GRIDWORK_TEST_DATABASE_URL'] ?? '';

if (process.env['CI'] === 'true' && !TEST_POSTGRES_URL) {
  throw new Error(
    'CI=true but GRIDWORK_TEST_DATABASE_URL is not set: the PostgreSQL half of the suite must run in CI',
  );
}

export const DIALECTS: readonly { name: DialectName; available: boolean }[] = [
  { name: 'sqlite', available: true },
  { name: 'postgres', available: TEST_POSTGRES_URL !== '' },
];

/** `describe` once per database; the body receives the dialect to open. */
export function describeEachDialect(title: string, body: (dialect: DialectName) => void): void {
  for (const dialect of DIALECTS) {
    describe.skipIf(!dialect.available)(`${title} [${dialect.name}]`, () => body(dialect.name));
  }
}

export interface TestDb {
  readonly db: Db;
  /** The SQLite file, or the PostgreSQL schema, that this test database lives in. */
  readonly location: string;
  destroy(): Promise<void>;
}

export function makeTempDir(prefix = 'gridwork-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh, migrated database: a new SQLite file, or a new PostgreSQL schema. */
export async function openTestDb(dialect: DialectName, options: { migrate?: boolean } = {}): Promise<TestDb> {
  const migrate = options.migrate ?? true;
  if (dialect === 'sqlite') {
    const dir = makeTempDir();
    const file = path.join(dir, 'test.sqlite');
    const db = openSqlite(file);
    if (migrate) await migrateToLatest(db);
    return {
      db,
      location: file,
      destroy: async () => {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = await openPostgres(TEST_POSTGRES_URL, 4, schema);
  if (migrate) await migrateToLatest(db);
  return {
    db,
    location: schema,
    destroy: async () => {
      await db.close();
      const cleanup = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}
