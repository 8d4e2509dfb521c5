import BetterSqlite3 from 'better-sqlite3';
import { sql, type Transaction } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDialect, openTestDb, type TestDb } from '../test-support/test-db.js';
import { createGroupCommit } from './group-commit.js';
import type { Database } from './schema.js';

// A table of the test's own: the behaviour under test is the transaction, not any module's rows.
async function insertProbe(trx: Transaction<Database>, id: number, note: string): Promise<number> {
  await sql`insert into gc_probe (id, note) values (${id}, ${note})`.execute(trx);
  return id;
}

async function probes(test: TestDb): Promise<number[]> {
  const result = await sql<{ id: number }>`select id from gc_probe order by id`.execute(test.db.kysely);
  return result.rows.map((row) => Number(row.id));
}

describeEachDialect('writes through db.write', (dialect) => {
  let test: TestDb;
  beforeEach(async () => {
    test = await openTestDb(dialect, { migrate: false });
    await sql`create table gc_probe (id integer primary key, note varchar(20) not null unique)`.execute(
      test.db.kysely,
    );
  });
  afterEach(async () => {
    await test.destroy();
  });

  it('commits writes issued together and answers each caller with its own result', async () => {
    const ids = Array.from({ length: 30 }, (_, index) => index + 1);
    const results = await Promise.all(
      ids.map((id) => test.db.write((trx) => insertProbe(trx, id, `n${id}`))),
    );
    expect(results).toEqual(ids);
    expect(await probes(test)).toEqual(ids);
  });

  it('rolls back only the write that failed, tells its caller, and keeps the others', async () => {
    const outcomes = await Promise.allSettled([
      test.db.write((trx) => insertProbe(trx, 1, 'a')),
      test.db.write(async (trx) => {
        await insertProbe(trx, 2, 'b');
        throw new Error('refused after writing');
      }),
      // The same note as the first: a unique violation inside the shared transaction.
      test.db.write((trx) => insertProbe(trx, 3, 'a')),
      test.db.write((trx) => insertProbe(trx, 4, 'd')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('refused after writing'));
    expect(await probes(test)).toEqual([1, 4]);
  });

  it('sees, in a later write, what an earlier write of the same moment wrote', async () => {
    const [, count] = await Promise.all([
      test.db.write((trx) => insertProbe(trx, 1, 'a')),
      test.db.write(async (trx) => {
        const result = await sql<{ n: number }>`select count(*) as n from gc_probe`.execute(trx);
        return Number(result.rows[0]?.n);
      }),
    ]);
    expect(count).toBe(1);
  });
});

describe('group commit on SQLite', () => {
  let test: TestDb;
  beforeEach(async () => {
    test = await openTestDb('sqlite', { migrate: false });
    await sql`create table gc_probe (id integer primary key, note varchar(20) not null unique)`.execute(
      test.db.kysely,
    );
  });
  afterEach(async () => {
    await test.destroy();
  });

  it('shares one COMMIT among writes that arrive together, and answers only after it', async () => {
    const group = createGroupCommit(test.db.kysely, 8);
    // A second connection, as another process would read the file: it sees only committed rows.
    const reader = new BetterSqlite3(test.location, { readonly: true });
    const committedCount = () =>
      (reader.prepare('select count(*) as n from gc_probe').get() as { n: number }).n;
    const seenAtAnswer: number[] = [];
    const ids = Array.from({ length: 20 }, (_, index) => index + 1);
    await Promise.all(
      ids.map((id) =>
        group
          .write((trx) => insertProbe(trx, id, `n${id}`))
          .then(() => {
            seenAtAnswer.push(committedCount());
          }),
      ),
    );
    reader.close();
    // 20 writes, at most 8 to a batch: 3 commits, and every caller's row was on disk when answered.
    expect(group.stats()).toEqual({ writes: 20, commits: 3 });
    expect(seenAtAnswer.every((count, index) => count >= Math.min(20, 8 * Math.floor(index / 8) + 8))).toBe(
      true,
    );
    expect(await probes(test)).toEqual(ids);
    await group.idle();
  });

  it('answers every caller of a batch whose COMMIT fails with that failure, and keeps none of its rows', async () => {
    // A deferred foreign key is checked at COMMIT only: the whole batch fails there.
    await sql`create table gc_parent (id integer primary key)`.execute(test.db.kysely);
    await sql`create table gc_child (id integer primary key, parent_id integer references gc_parent (id) deferrable initially deferred)`.execute(
      test.db.kysely,
    );
    const group = createGroupCommit(test.db.kysely);
    const outcomes = await Promise.allSettled([
      group.write((trx) => insertProbe(trx, 1, 'a')),
      group.write(async (trx) => {
        await sql`insert into gc_child (id, parent_id) values (1, 99)`.execute(trx);
      }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toContain('FOREIGN KEY');
    expect(await probes(test)).toEqual([]);
    // The connection is usable again: the next write commits.
    await group.write((trx) => insertProbe(trx, 2, 'b'));
    expect(await probes(test)).toEqual([2]);
  });

  it('runs a write that arrives during a batch in the next one', async () => {
    const group = createGroupCommit(test.db.kysely);
    let late: Promise<number> | undefined;
    await group.write(async (trx) => {
      late = group.write((inner) => insertProbe(inner, 2, 'b'));
      return insertProbe(trx, 1, 'a');
    });
    expect(await late).toBe(2);
    expect(group.stats()).toEqual({ writes: 2, commits: 2 });
    expect(await probes(test)).toEqual([1, 2]);
  });
});
