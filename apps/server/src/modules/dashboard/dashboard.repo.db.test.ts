// The command center counts a whole county on every visit: each of its event queries must be
// answered from an index on the scope (the unit-code columns), never by reading the event table
// through. Checked by asking each database for its plan, as db/scope-index.db.test.ts does.
import type { Compilable } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryPlan } from '../../test-support/query-plan.js';
import { describeEachDialect, openTestDb, type DialectName, type TestDb } from '../../test-support/test-db.js';
import { monthsUpTo } from './dashboard.service.js';
import * as repo from './dashboard.repo.js';

describeEachDialect('the command center’s queries', (dialect: DialectName) => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await openTestDb(dialect);
  });
  afterAll(async () => testDb.destroy());

  const planOf = (query: Compilable) => queryPlan(testDb, dialect, query);

  it('reads the events of a county, township or village from the scope’s index', async () => {
    const db = testDb.db.kysely;
    const months = monthsUpTo('2026-11', 12);
    for (const path of ['/511124/', '/511124/511124101/', '/511124/511124101/511124101001/']) {
      const scope = { kind: 'path', path } as const;
      for (const query of [
        repo.countReportedQuery(db, scope, '2026-11-23T16:00:00.000Z', '2026-11-24T16:00:00.000Z'),
        repo.openEventGroupsQuery(db, scope, '2026-11-24T01:00:00.000Z'),
        repo.countByMonthQuery(db, scope, 'reported_at', months, '2026-11-30T16:00:00.000Z'),
        repo.countByMonthQuery(db, scope, 'closed_at', months, '2026-11-30T16:00:00.000Z'),
        repo.openEventsPerGridQuery(db, scope, '2026-11-24T01:00:00.000Z'),
        repo.openEventsWithPointQuery(db, scope, 2001),
      ]) {
        const plan = await planOf(query);
        if (dialect === 'postgres') expect(plan).not.toMatch(/Seq Scan on event\b/);
        else expect(plan).not.toMatch(/SCAN event\b(?! USING)/);
      }
    }
  });

  it('puts an instant in its Shanghai month: the month turns at 16:00 UTC the day before', () => {
    const months = monthsUpTo('2027-01', 3);
    expect(months).toEqual([
      { month: '2026-11', start: '2026-10-31T16:00:00.000Z' },
      { month: '2026-12', start: '2026-11-30T16:00:00.000Z' },
      { month: '2027-01', start: '2026-12-31T16:00:00.000Z' },
    ]);
  });
});
