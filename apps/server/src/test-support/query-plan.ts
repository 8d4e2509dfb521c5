// The plan a database chooses for a query, as text, for tests that check a query is answered from
// an index. On PostgreSQL sequential scans are forbidden first: a tiny test table is cheaper to
// scan, so only a query no index can answer still scans.
import { CompiledQuery, type Compilable } from 'kysely';
import type { DialectName, TestDb } from './test-db.js';

export async function queryPlan(testDb: TestDb, dialect: DialectName, query: Compilable): Promise<string> {
  const compiled = query.compile();
  return testDb.db.kysely.transaction().execute(async (trx) => {
    if (dialect === 'postgres') {
      await trx.executeQuery(CompiledQuery.raw('set local enable_seqscan = off'));
      const result = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]));
      return result.rows.map((row) => row['QUERY PLAN']).join('\n');
    }
    const result = await trx.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
    return result.rows.map((row) => row.detail).join('\n');
  });
}
