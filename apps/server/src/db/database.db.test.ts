import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, nowUtc } from '@gridwork/core';
import { DatabaseUnavailableError, openPostgres, openSqlite } from './database.js';
import { currentMigration, migrateToLatest } from './migrate.js';
import { LATEST_MIGRATION } from './migrations/index.js';
import { BACKSTOP_PAGES } from './wal-checkpointer.js';
import { describeEachDialect, makeTempDir, openTestDb, type TestDb } from '../test-support/test-db.js';

describe('SQLite as a township office runs it', () => {
  it('opens with WAL, synchronous=FULL, foreign keys, secure delete and a busy timeout', async () => {
    const dir = makeTempDir();
    const db = openSqlite(path.join(dir, 'x.sqlite'));
    const pragma = (name: string) => db.sqlite?.pragma(name, { simple: true });
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('synchronous')).toBe(2); // FULL
    expect(pragma('foreign_keys')).toBe(1);
    expect(pragma('secure_delete')).toBe(1);
    expect(pragma('busy_timeout')).toBe(5000);
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checkpoints on a thread of its own once the WAL has grown, and the writer no longer does', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'x.sqlite');
    const db = openSqlite(file, { startAfterBytes: 256 * 1024, watchEveryMs: 20, everyMs: 20 });
    const sqlite = db.sqlite!;
    sqlite.exec('create table t (id integer primary key, body text not null)');
    const insert = sqlite.prepare('insert into t (body) values (?)');
    const databaseBytes = () => fs.statSync(file).size;
    const before = databaseBytes();
    // 2 MB of rows, a transaction at a time: far past the start, far below the writer's backstop.
    for (let batch = 0; batch < 20; batch += 1) sqlite.transaction(() => {
      for (let row = 0; row < 100; row += 1) insert.run('x'.repeat(1000));
    })();
    const waitFor = async (done: () => boolean) => {
      for (let tries = 0; tries < 250 && !done(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
      return done();
    };
    expect(await waitFor(() => db.sqlite !== null && sqlite.pragma('wal_autocheckpoint', { simple: true }) === BACKSTOP_PAGES)).toBe(true);
    // Only a checkpoint writes pages into the database file; the writer's own waits for BACKSTOP_PAGES.
    expect(await waitFor(() => databaseBytes() > before + 1024 * 1024)).toBe(true);
    expect(sqlite.prepare('select count(*) as n from t').get()).toEqual({ n: 2000 });
    await db.close();
    expect(sqlite.open).toBe(false);
    // Everything is in the file: reopened, nothing was lost.
    const again = openSqlite(file);
    expect(again.sqlite!.prepare('select count(*) as n from t').get()).toEqual({ n: 2000 });
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('leaves checkpoints to the writer while the WAL stays small', async () => {
    const dir = makeTempDir();
    const db = openSqlite(path.join(dir, 'x.sqlite'), { watchEveryMs: 20 });
    db.sqlite!.exec('create table t (id integer primary key)');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(db.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a data directory it cannot write, naming it', () => {
    const dir = makeTempDir();
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, '');
    expect(() => openSqlite(path.join(blocker, 'sub', 'x.sqlite'))).toThrow(DatabaseUnavailableError);
    expect(() => openSqlite(path.join(blocker, 'sub', 'x.sqlite'))).toThrow(path.join(blocker, 'sub'));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('PostgreSQL that cannot be reached', () => {
  it('fails at once with the host it tried and without the password', async () => {
    const attempt = openPostgres('postgres://grid:s3cret@127.0.0.1:1/gridwork', 2);
    await expect(attempt).rejects.toThrow(DatabaseUnavailableError);
    await expect(openPostgres('postgres://grid:s3cret@127.0.0.1:1/gridwork', 2)).rejects.toThrow(
      /127\.0\.0\.1:1\/gridwork/,
    );
    await expect(openPostgres('postgres://grid:s3cret@127.0.0.1:1/gridwork', 2)).rejects.not.toThrow(
      /s3cret/,
    );
  });
});

describeEachDialect('migrations and stored values', (dialect) => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await openTestDb(dialect, { migrate: false });
  });
  afterAll(async () => testDb.destroy());

  it('migrates an empty database to the latest migration, and a second run applies nothing', async () => {
    expect(await currentMigration(testDb.db).catch(() => '')).toBe('');
    const first = await migrateToLatest(testDb.db);
    expect(first.applied).toContain(LATEST_MIGRATION);
    expect(first.latest).toBe(LATEST_MIGRATION);
    const second = await migrateToLatest(testDb.db);
    expect(second.applied).toEqual([]);
    expect(second.latest).toBe(LATEST_MIGRATION);
  });

  it('stores UUIDv7 ids and UTC times as the same text on both databases, in time order', async () => {
    const { kysely } = testDb.db;
    const times = ['2026-01-02T03:04:05.006Z', '2025-12-31T23:59:59.999Z', '2026-11-24T01:00:00.000Z'];
    for (const [index, time] of times.entries()) {
      await kysely
        .insertInto('account')
        .values({
          id: newId(),
          username: `clock${index}`,
          display_name: '时间测试',
          password_hash: 'x',
          role: 'leader',
          org_path: '/511124/',
          locale: 'zh-CN',
          must_change_password: 0,
          disabled_at: null,
          last_sign_in_at: time,
          failed_sign_ins: 0,
          locked_until: null,
          password_changed_at: null,
          department_id: null,
          created_at: nowUtc(),
          updated_at: nowUtc(),
        })
        .execute();
    }
    const rows = await kysely
      .selectFrom('account')
      .select(['last_sign_in_at', 'must_change_password'])
      .where('username', 'like', 'clock%')
      .orderBy('last_sign_in_at')
      .execute();
    expect(rows.map((row) => row.last_sign_in_at)).toEqual([...times].sort());
    expect(rows.every((row) => row.must_change_password === 0)).toBe(true);
  });

  it('enforces the foreign key from a session to its account', async () => {
    const orphan = testDb.db.kysely
      .insertInto('session')
      .values({
        id: newId(),
        token_hash: 'f'.repeat(64),
        account_id: newId(),
        created_at: nowUtc(),
        last_seen_at: nowUtc(),
        expires_at: nowUtc(),
        ip: '127.0.0.1',
        user_agent: 'test',
        revoked_at: null,
      })
      .execute();
    await expect(orphan).rejects.toThrow();
  });

  it('rejects a flag that is neither 0 nor 1', async () => {
    const bad =
      sql`insert into account (id, username, display_name, password_hash, role, org_path, locale, must_change_password, created_at, updated_at)
      values (${newId()}, 'flag', 'x', 'x', 'leader', '/', 'zh-CN', 2, ${nowUtc()}, ${nowUtc()})`.execute(
        testDb.db.kysely,
      );
    await expect(bad).rejects.toThrow();
  });
});
