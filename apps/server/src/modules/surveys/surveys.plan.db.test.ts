// Opening a survey reads each village's adults from the (village_code, id) index in id order: the
// database never scans the county's registry or sorts a village's people for the draw. Checked by
// asking each database for its plan.
import type { Compilable } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryPlan } from '../../test-support/query-plan.js';
import { describeEachDialect, openTestDb, type DialectName, type TestDb } from '../../test-support/test-db.js';
import { adultIdsQuery } from './surveys.repo.js';

describeEachDialect('the survey frame’s query plan', (dialect: DialectName) => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await openTestDb(dialect);
  });
  afterAll(async () => testDb.destroy());

  const planOf = (query: Compilable) => queryPlan(testDb, dialect, query);

  it('reads a village’s adults from the village index, in id order', async () => {
    const plan = await planOf(adultIdsQuery(testDb.db.kysely, '/511124/511124101/511124101001/', '2008-07-01'));
    expect(plan).toMatch(/person_village_idx/);
    expect(plan).not.toMatch(dialect === 'postgres' ? /\bSort\b/ : /USE TEMP B-TREE FOR ORDER BY/);
  });
});
