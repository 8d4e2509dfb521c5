// The invariant that keeps a province-sized database fast: a caller's scope is a prefix of org
// paths, and the database answers it from an index, never by reading every row. The same holds
// for finding the grid of a GPS point. Checked here by asking each database for its plan.
import type { Compilable } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryPlan } from '../test-support/query-plan.js';
import { newId } from '@gridwork/core';
import { describeEachDialect, openTestDb, type DialectName, type TestDb } from '../test-support/test-db.js';
import { prefixUpperBound, startsWith } from './sql-helpers.js';
import { listDepartments } from '../modules/departments/departments.repo.js';
import * as territory from '../modules/territory/territory.repo.js';
import { listEventsQuery } from '../modules/events/events.repo.js';
import { listPersonsQuery } from '../modules/persons/persons.repo.js';

describeEachDialect('scope filters', (dialect: DialectName) => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await openTestDb(dialect);
    const now = new Date().toISOString();
    const unit = (path: string, kind: 'county' | 'township' | 'village' | 'grid', parent: string | null) => ({
      id: newId(),
      code: path.split('/').at(-2) ?? '',
      name: path,
      kind,
      parent_id: parent,
      path,
      depth: path.split('/').length - 2,
      boundary: null,
      min_lon: null,
      min_lat: null,
      max_lon: null,
      max_lat: null,
      retired_at: null,
      created_at: now,
      updated_at: now,
    });
    const county = unit('/511124/', 'county', null);
    const rows = [county, unit('/511124/511124101/', 'township', county.id), unit('/5111240/', 'county', null), unit('/511125/', 'county', null), unit('/51112/', 'county', null)];
    await testDb.db.kysely.insertInto('org_unit').values(rows).execute();
  });
  afterAll(async () => testDb.destroy());

  /** The database's plan for a query, as one string. */
  const planOf = (query: Compilable) => queryPlan(testDb, dialect, query);

  function expectIndexOnly(plan: string, table: string) {
    if (dialect === 'postgres') expect(plan).not.toMatch(new RegExp(`Seq Scan on ${table}\\b`));
    else expect(plan).not.toMatch(new RegExp(`SCAN ${table}\\b(?! USING)`));
  }

  it('finds exactly the units under a path, not a sibling code that shares its digits', async () => {
    const rows = await testDb.db.kysely.selectFrom('org_unit').select('path').where(startsWith('path', '/511124/')).orderBy('path').execute();
    expect(rows.map((row) => row.path)).toEqual(['/511124/', '/511124/511124101/']);
    expect(prefixUpperBound('/511124/')).toBe('/5111240');
  });

  it('answers a scope filter on units, accounts and departments from an index', async () => {
    const db = testDb.db.kysely;
    expectIndexOnly(await planOf(db.selectFrom('org_unit').selectAll().where(startsWith('path', '/511124/'))), 'org_unit');
    expectIndexOnly(await planOf(db.selectFrom('account').selectAll().where(startsWith('org_path', '/511124/'))), 'account');
    expectIndexOnly(await planOf(db.selectFrom('department').select('id').where(startsWith('org_path', '/511124/'))), 'department');
    expect(await listDepartments(db, '/511124/511124101/', false)).toEqual([]);
  });

  it('reads the newest events and people of a county, township, village or grid in id order from one index, without sorting the scope', async () => {
    const db = testDb.db.kysely;
    for (const scope of ['/511124/', '/511124/511124101/', '/511124/511124101/511124101201/', '/511124/511124101/511124101201/G01/']) {
      for (const plan of [await planOf(listEventsQuery(db, { kind: 'path', path: scope }, {}, 21)), await planOf(listPersonsQuery(db, scope, {}, 21))]) {
        expectIndexOnly(plan, 'event');
        expectIndexOnly(plan, 'person');
        if (dialect === 'postgres') expect(plan).not.toMatch(/\bSort\b/);
        else expect(plan).not.toContain('TEMP B-TREE');
      }
    }
  });

  it('reads a name search within a township or village in name order from one index', async () => {
    const db = testDb.db.kysely;
    for (const scope of ['/511124/511124101/', '/511124/511124101/511124101201/']) {
      const plan = await planOf(listPersonsQuery(db, scope, { namePrefix: '王' }, 21));
      expectIndexOnly(plan, 'person');
      if (dialect === 'postgres') expect(plan).not.toMatch(/\bSort\b/);
      else expect(plan).not.toContain('TEMP B-TREE');
    }
  });

  it('finds the grid of a GPS point through the tile index', async () => {
    const plan = await planOf(territory.gridsWhoseBoxHoldsQuery(testDb.db.kysely, '/511124/', '10406:2965', 104.065, 29.655));
    expectIndexOnly(plan, 'grid_cell');
    expectIndexOnly(plan, 'org_unit');
  });
});
