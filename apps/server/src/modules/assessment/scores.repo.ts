// SQL for the stored scores: one row per period, unit kind and unit, replaced all together when
// the period is recomputed.
import type { Executor } from '../../db/schema.js';
import type { ScoreResultTable } from '../../db/tables/assessment.table.js';
import { startsWith } from '../../db/sql-helpers.js';

/** Rows per INSERT: 13 parameters a row stays far below both databases' limits. */
const INSERT_CHUNK = 400;

export function storedScores(db: Executor, period: string, unitKind: string) {
  return db.selectFrom('score_result').selectAll().where('period', '=', period).where('unit_kind', '=', unitKind).execute();
}

export function storedScoresUnder(db: Executor, period: string, unitKind: string, scopePath: string) {
  return db
    .selectFrom('score_result')
    .selectAll()
    .where('period', '=', period)
    .where('unit_kind', '=', unitKind)
    .where(startsWith('unit_path', scopePath))
    .execute();
}

export function storedScore(db: Executor, period: string, unitKind: string, unitId: string) {
  return db.selectFrom('score_result').selectAll().where('period', '=', period).where('unit_kind', '=', unitKind).where('unit_id', '=', unitId).executeTakeFirst();
}

/** How many units of the period and kind are ranked (the rank's denominator). */
export async function rankedCount(db: Executor, period: string, unitKind: string): Promise<number> {
  const row = await db
    .selectFrom('score_result')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('period', '=', period)
    .where('unit_kind', '=', unitKind)
    .where('rank', 'is not', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The periods and unit kinds of a year that have stored scores (the months and the year itself). */
export function storedPeriodsOfYear(db: Executor, year: number) {
  const text = String(year);
  return db
    .selectFrom('score_result')
    .select(['period', 'unit_kind'])
    .distinct()
    .where((eb) => eb.or([eb('period', '=', text), startsWith('period', `${text}-`)]))
    .orderBy('period')
    .orderBy('unit_kind')
    .execute();
}

export async function replaceScores(db: Executor, period: string, unitKind: string, rows: readonly ScoreResultTable[]): Promise<void> {
  await db.deleteFrom('score_result').where('period', '=', period).where('unit_kind', '=', unitKind).execute();
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) await db.insertInto('score_result').values(rows.slice(start, start + INSERT_CHUNK)).execute();
}
