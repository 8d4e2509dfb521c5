// A page of publicity is read from an index in day order at every level of scope (the county, a
// township, a village): the database never reads a county's whole log and sorts it for one page.
// Checked by asking each database for its plan.
import type { Compilable } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryPlan } from '../../test-support/query-plan.js';
import { describeEachDialect, openTestDb, type DialectName, type TestDb } from '../../test-support/test-db.js';
import { activityListQuery } from './publicity.repo.js';

describeEachDialect('the publicity list’s query plan', (dialect: DialectName) => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await openTestDb(dialect);
  });
  afterAll(async () => testDb.destroy());

  const planOf = (query: Compilable) => queryPlan(testDb, dialect, query);

  for (const [label, scope] of [
    ['the county', '/511124/'],
    ['a township', '/511124/511124101/'],
    ['a village', '/511124/511124101/511124101001/'],
  ] as const) {
    it(`reads ${label}’s activities from an index, newest first`, async () => {
      const plan = await planOf(activityListQuery(testDb.db.kysely, scope, { status: 'active' }, 21));
      if (dialect === 'postgres') {
        // Seq scans are switched off, so that alone proves nothing: the page must come from one of
        // the day-ordered indexes, with no sort of the scope's rows.
        expect(plan).toMatch(/Index (Only )?Scan (Backward )?using publicity_activity_(county|township|village)_idx/);
        expect(plan).not.toMatch(/\bSort\b/);
      } else {
        expect(plan).toMatch(/publicity_activity_(county|township|village)_idx/);
        expect(plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
      }
    });
  }
});
