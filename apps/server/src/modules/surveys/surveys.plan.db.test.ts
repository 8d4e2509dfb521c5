// Opening a survey reads each village's adults from the (village_code, id) index in id order: the
// database never scans the county's registry or sorts a village's people for the draw. Checked by
// asking each database for its plan.
import { CompiledQuery, type Compilable } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, openTestDb, type DialectName, type TestDb } from '../../test-support/test-db.js';
import { adultIdsQuery } from './surveys.repo.js';

describeEachDialect('the survey frame’s query plan', (dialect: DialectName) => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await openTestDb(dialect);
  });
  afterAll(async () => testDb.destroy());

  async function planOf(query: Compilable): Promise<string> {
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

  it('reads a village’s adults from the village index, in id order', async () => {
    const plan = await planOf(adultIdsQuery(testDb.db.kysely, '/511124/511124101/511124101001/', '2008-07-01'));
    expect(plan).toMatch(/person_village_idx/);
    expect(plan).not.toMatch(dialect === 'postgres' ? /\bSort\b/ : /USE TEMP B-TREE FOR ORDER BY/);
  });
});
