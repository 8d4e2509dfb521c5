// SQL for the scoring schemes: one row per year and version, the latest being the one in force.
import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import type { ScoreSchemeTable } from '../../db/tables/assessment.table.js';

/** Any key will do as long as every server uses the same one. */
const SCORES_LOCK_KEY = 511_124_021;

/**
 * Serialises scheme versions and stored scores on PostgreSQL: two first readers of a period
 * would both store it, two saves would both take version n+1. SQLite writes one at a time anyway.
 */
export async function lockScores(db: Executor, kind: 'sqlite' | 'postgres'): Promise<void> {
  if (kind === 'postgres') await sql`select pg_advisory_xact_lock(${SCORES_LOCK_KEY})`.execute(db);
}

function schemes(db: Executor) {
  return db
    .selectFrom('score_scheme')
    .leftJoin('account', 'account.id', 'score_scheme.created_by')
    .select(['score_scheme.id', 'score_scheme.year', 'score_scheme.version', 'score_scheme.body', 'score_scheme.note', 'score_scheme.created_by', 'score_scheme.created_at', 'account.display_name']);
}

export type SchemeRow = NonNullable<Awaited<ReturnType<typeof latestScheme>>>;

export function latestScheme(db: Executor, year: number) {
  return schemes(db).where('score_scheme.year', '=', year).orderBy('score_scheme.version', 'desc').limit(1).executeTakeFirst();
}

export function schemeVersion(db: Executor, year: number, version: number) {
  return schemes(db).where('score_scheme.year', '=', year).where('score_scheme.version', '=', version).executeTakeFirst();
}

export function schemeById(db: Executor, id: string) {
  return schemes(db).where('score_scheme.id', '=', id).executeTakeFirst();
}

export function schemeVersions(db: Executor, year: number) {
  return db
    .selectFrom('score_scheme')
    .leftJoin('account', 'account.id', 'score_scheme.created_by')
    .select(['score_scheme.id', 'score_scheme.version', 'score_scheme.note', 'score_scheme.created_by', 'score_scheme.created_at', 'account.display_name'])
    .where('score_scheme.year', '=', year)
    .orderBy('score_scheme.version', 'desc')
    .execute();
}

export async function insertScheme(db: Executor, row: ScoreSchemeTable): Promise<void> {
  await db.insertInto('score_scheme').values(row).execute();
}
