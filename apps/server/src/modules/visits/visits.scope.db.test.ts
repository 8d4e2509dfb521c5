// A due list is read from an index in due-date order at every level of scope (a county, a
// township, a village, a worker's grids): the database never reads a whole county's schedules
// and sorts them to answer one page. Checked by asking each database for its plan.
import type { Compilable } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryPlan } from '../../test-support/query-plan.js';
import {
  describeEachDialect,
  openTestDb,
  type DialectName,
  type TestDb,
} from '../../test-support/test-db.js';
import { dueListQuery, type DueListFilters } from './visits.repo.js';

describeEachDialect('the due list’s query plan', (dialect: DialectName) => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await openTestDb(dialect);
  });
  afterAll(async () => testDb.destroy());

  const planOf = (query: Compilable) => queryPlan(testDb, dialect, query);

  const filters: DueListFilters = { status: 'all', today: '2026-11-24' };
  const cases: [string, string, Partial<DueListFilters>][] = [
    ['a township', '/511124/511124101/', {}],
    ['a village', '/511124/511124101/511124101001/', {}],
    ['a grid', '/511124/511124101/511124101001/G01/', {}],
    [
      'a worker’s grids in a village',
      '/511124/511124101/511124101001/',
      { gridPaths: ['/511124/511124101/511124101001/G01/'] },
    ],
  ];

  for (const [label, scope, extra] of cases) {
    it(`reads ${label}’s open schedules from an index, in due-date order`, async () => {
      const plan = await planOf(dueListQuery(testDb.db.kysely, scope, { ...filters, ...extra }, 51));
      if (dialect === 'postgres') {
        expect(plan).not.toMatch(/Seq Scan on visit_schedule\b/);
      } else {
        expect(plan).toMatch(/visit_schedule_(path|village|township)_due_idx/);
        expect(plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
      }
    });
  }
});
