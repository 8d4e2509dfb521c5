// Forward-only migrations, run on every start and by `gridwork migrate`. Kysely's migrator takes a
// lock (an advisory lock on PostgreSQL), so several app servers starting together migrate once.
import { Migrator, sql } from 'kysely';
import type { Db } from './database.js';
import { migrationProvider } from './migrations/index.js';

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly latest: string;
}

export class MigrationFailedError extends Error {
  constructor(
    readonly migration: string,
    options: { cause: unknown },
  ) {
    super(`迁移失败 / migration ${migration} failed`, options);
    this.name = 'MigrationFailedError';
  }
}

export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  // Named explicitly: Kysely otherwise finds its tables in any schema of the database, and a
  // second schema (one per county, or per test file) would make it skip creating its own.
  const migrator = new Migrator({
    db: db.kysely,
    provider: migrationProvider,
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationFailedError(failed, { cause: error });
  }
  return {
    applied: results.filter((result) => result.status === 'Success').map((result) => result.migrationName),
    latest: await currentMigration(db),
  };
}

/** Name of the latest applied migration, or '' on an empty database. */
export async function currentMigration(db: Db): Promise<string> {
  const result = await sql<{ name: string | null }>`select max(name) as name from kysely_migration`.execute(
    db.kysely,
  );
  return result.rows[0]?.name ?? '';
}
