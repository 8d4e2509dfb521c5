// The `gridwork` command as an operator meets it: help everywhere, usage and exit 2 on bad
// arguments, clear refusals to start, a graceful stop, and no acknowledged write lost to a crash.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_MIGRATION } from './db/migrations/index.js';
import { DEMO_PASSWORD } from './modules/demo/demo.seed.js';
import { assertServerBuilt, runGridwork, startServer } from './test-support/gridwork-process.js';
import {
  describeEachDialect,
  makeTempDir,
  openTestDb,
  TEST_POSTGRES_URL,
  type TestDb,
} from './test-support/test-db.js';

beforeAll(() => assertServerBuilt());

describe('gridwork help and usage', () => {
  it.each(['serve', 'migrate', 'create-admin', 'backup', 'seed-demo', 'import-divisions', 'audit verify'])(
    'prints help for %s and exits 0',
    async (command) => {
      const result = await runGridwork([...command.split(' '), '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: gridwork ${command}`);
    },
  );

  it('lists every command in the top-level help', async () => {
    const result = await runGridwork(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['serve', 'migrate', 'create-admin', 'backup', 'seed-demo', 'import-divisions', 'sweep-deadlines', 'audit'])
      expect(result.stdout).toContain(command);
  });

  it.each([
    [['frobnicate'], 'unknown command'],
    [['serve', '--bogus'], "unknown option '--bogus'"],
    [['serve', '--port', 'eighty'], 'must be a number from 0 to 65535'],
    [['create-admin', '--username', 'boss'], "required option '--password <password>' not specified"],
    [
      ['create-admin', '--username', 'boss', '--password', 'Abcdef1!', '--role', 'mayor'],
      'Allowed choices are',
    ],
    [['create-admin', '--username', 'a b', '--password', 'Abcdef1!'], '--username must be'],
    [
      ['create-admin', '--username', 'boss', '--password', 'Abcdef1!', '--org-path', '511124'],
      '--org-path must look like',
    ],
    [['backup'], "required option '--out <file>' not specified"],
    [['import-divisions', '--county', '5111', '--streets', 'a.csv', '--villages', 'b.csv'], '--county must be a 6-digit county code'],
    [['import-divisions', '--county', '511124', '--streets', 'a.csv'], "required option '--villages <file>' not specified"],
  ])('refuses %j with usage and exit code 2', async (args, message) => {
    const result = await runGridwork(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(/Usage: gridwork|help/);
  });
});

describe('gridwork on SQLite', () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dataDir = makeTempDir('gridwork-cli-');
    env = { GRIDWORK_DATA_DIR: dataDir };
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('migrates a new database, then has nothing to apply', async () => {
    const first = await runGridwork(['migrate'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`applied: 0001_\\w+, .*${LATEST_MIGRATION}`));
    const second = await runGridwork(['migrate'], env);
    expect(second.stdout).toContain('nothing to apply');
    expect(second.stdout).toContain(`sqlite is at ${LATEST_MIGRATION}`);
  });

  it('creates an administrator who must change the password, and refuses the same name twice', async () => {
    const created = await runGridwork(
      ['create-admin', '--username', 'admin', '--password', 'Str0ng!pass'],
      env,
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('created system_admin admin');
    const again = await runGridwork(
      ['create-admin', '--username', 'admin', '--password', 'Str0ng!pass'],
      env,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('用户名“admin”已被使用');
    const db = new BetterSqlite3(path.join(dataDir, 'gridwork.sqlite'), { readonly: true });
    const row = db.prepare('select role, must_change_password from account where username = ?').get('admin');
    db.close();
    expect(row).toEqual({ role: 'system_admin', must_change_password: 1 });
  });

  it('refuses a weak administrator password, saying why', async () => {
    const result = await runGridwork(['create-admin', '--username', 'weak', '--password', 'password1'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('密码不符合要求');
    expect(result.stderr).toContain('不能使用常见密码');
  });

  it('backs up a consistent copy that opens, and will not overwrite a file', async () => {
    const out = path.join(dataDir, 'backup.sqlite');
    const result = await runGridwork(['backup', '--out', out], env);
    expect(result.code).toBe(0);
    const copy = new BetterSqlite3(out, { readonly: true });
    const count = copy.prepare('select count(*) as n from account').get() as { n: number };
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(count.n).toBe(1);
    const again = await runGridwork(['backup', '--out', out], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('verifies the audit trail, and exits 1 naming the entry once one is tampered with', async () => {
    const intact = await runGridwork(['audit', 'verify'], env);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/audit trail intact: [1-9]\d* entries/);
    const db = new BetterSqlite3(path.join(dataDir, 'gridwork.sqlite'));
    db.prepare("update audit_log set details = '{}' where seq = 1").run();
    db.close();
    const broken = await runGridwork(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('the audit chain breaks at entry 1 (hash_mismatch)');
  });

  it('imports a county from division files, GB18030 from Excel too, and a second run changes nothing', async () => {
    const demoData = new URL('../demo-data/', import.meta.url);
    const villages = new URL('511124-villages.csv', demoData).pathname;
    const gbStreets = new URL('test-support/511124-streets.gb18030.csv', import.meta.url).pathname;
    const args = ['import-divisions', '--county', '511124', '--county-name', '井研县', '--streets', gbStreets, '--villages', villages];
    const first = await runGridwork(args, env);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('county 511124: 135 created, 0 renamed, 0 unchanged');
    const second = await runGridwork(args, env);
    expect(second.stdout).toContain('county 511124: 0 created, 0 renamed, 135 unchanged');
    const db = new BetterSqlite3(path.join(dataDir, 'gridwork.sqlite'), { readonly: true });
    const mata = db.prepare("select name, kind from org_unit where path = '/511124/511124101/'").get();
    db.close();
    expect(mata).toEqual({ name: '马踏镇', kind: 'township' });
  });

  it('refuses division files with bad rows, one line per problem, and writes nothing', async () => {
    const fresh = makeTempDir('gridwork-div-');
    const broken = path.join(fresh, 'villages.csv');
    fs.writeFileSync(broken, 'code,name,streetCode\n511124101201,"马踏村村民委员会",511124101\n511124101202,"",511124101\n51112410120X,"某村",511124101\n');
    const streets = new URL('../demo-data/511124-streets.csv', import.meta.url).pathname;
    const result = await runGridwork(['import-divisions', '--county', '511124', '--streets', streets, '--villages', broken], { GRIDWORK_DATA_DIR: fresh });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('villages.csv 第 3 行，name 列：名称为空');
    expect(result.stderr).toContain('villages.csv 第 4 行，code 列：不是有效的区划代码');
    expect(result.stderr).toContain('区划文件有 2 处错误，未导入任何数据');
    const english = await runGridwork(['import-divisions', '--county', '511124', '--streets', streets, '--villages', broken], { GRIDWORK_DATA_DIR: fresh, GRIDWORK_LOCALE: 'en-US' });
    expect(english.stderr).toContain('villages.csv line 3, column name: the name is empty');
    const db = new BetterSqlite3(path.join(fresh, 'gridwork.sqlite'), { readonly: true });
    const count = db.prepare('select count(*) as n from org_unit').get() as { n: number };
    db.close();
    expect(count.n).toBe(0);
    fs.rmSync(fresh, { recursive: true, force: true });
  });

  it('sweeps deadlines on demand', async () => {
    const result = await runGridwork(['sweep-deadlines'], env);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('cards issued: 0');
  });

  it('seeds the demo once', async () => {
    const fresh = makeTempDir('gridwork-demo-');
    const first = await runGridwork(['seed-demo'], { GRIDWORK_DATA_DIR: fresh });
    expect(first.stdout).toContain('demo seeded');
    const second = await runGridwork(['seed-demo'], { GRIDWORK_DATA_DIR: fresh });
    expect(second.stdout).toContain('nothing seeded');
    fs.rmSync(fresh, { recursive: true, force: true });
  });
});

describe('gridwork on PostgreSQL', () => {
  it('points backups to pg_dump', async () => {
    const result = await runGridwork(['backup', '--out', '/tmp/x.dump'], {
      DATABASE_URL: 'postgres://u:p@127.0.0.1:1/db',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pg_dump');
  });
});

describeEachDialect('gridwork migrate', (dialect) => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await openTestDb(dialect, { migrate: false });
  });
  afterAll(async () => testDb.destroy());

  it('migrates through the CLI', async () => {
    const env: Record<string, string> =
      dialect === 'sqlite'
        ? { DATABASE_URL: `sqlite:${testDb.location}` }
        : { DATABASE_URL: TEST_POSTGRES_URL, GRIDWORK_DB_SCHEMA: testDb.location };
    const result = await runGridwork(['migrate'], env);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`${dialect} is at ${LATEST_MIGRATION}`);
  });
});

describe('the server refuses to start on a bad setup, and says why', () => {
  it.each([
    [{ DATABASE_URL: 'postgres//nohost' }, 'DATABASE_URL is not a valid URL'],
    [
      { DATABASE_URL: 'postgres://u:secret@127.0.0.1:1/gridwork' },
      'cannot reach PostgreSQL at 127.0.0.1:1/gridwork',
    ],
    [{ PORT: 'x' }, 'PORT must be a whole number'],
  ])('%j', async (env, message) => {
    const result = await runGridwork(['serve'], { GRIDWORK_DATA_DIR: makeTempDir(), ...env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('secret');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('an unwritable data directory', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'not-a-dir');
    fs.writeFileSync(file, '');
    const result = await runGridwork(['serve'], { GRIDWORK_DATA_DIR: path.join(file, 'data') });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the data directory is not writable');
  });
});

async function signIn(url: string, username: string): Promise<{ status: number; cookie: string }> {
  const response = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  await response.arrayBuffer();
  return { status: response.status, cookie };
}

describe('the running server', () => {
  it('prints its URL and the demo logins, and serves them', async () => {
    const dataDir = makeTempDir('gridwork-serve-');
    const server = await startServer({ GRIDWORK_DATA_DIR: dataDir }, ['--demo']);
    expect(server.output()).toContain('演示账号 Demo logins');
    expect(server.output()).toMatch(/county\s+county_admin/);
    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'sqlite' });
    expect((await signIn(server.url, 'county')).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops on SIGTERM after finishing the requests in flight', async () => {
    const dataDir = makeTempDir('gridwork-stop-');
    const server = await startServer({ GRIDWORK_DATA_DIR: dataDir, LOG_LEVEL: 'info' }, ['--demo']);
    const received = () => server.output().match(/"msg":"incoming request"/g)?.length ?? 0;
    // Sign-ins take tens of milliseconds (scrypt): once the server has logged all four as
    // received, they are in flight when the signal lands.
    const inFlight = ['county', 'center', 'village', 'worker'].map((username) =>
      signIn(server.url, username),
    );
    while (received() < 4) await new Promise((resolve) => setTimeout(resolve, 1));
    server.child.kill('SIGTERM');
    const results = await Promise.all(inFlight);
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200]);
    expect(await server.exited).toBe(0);
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged write when killed with SIGKILL in the middle of a stream of writes', async () => {
    const dataDir = makeTempDir('gridwork-crash-');
    const env = { GRIDWORK_DATA_DIR: dataDir };
    const server = await startServer(env, ['--demo']);
    const acknowledged: string[] = [];
    let killed = false;
    // Four writers sign in again and again; each 200 is a session row the server committed.
    const writer = async () => {
      while (!killed) {
        try {
          const result = await signIn(server.url, 'worker');
          if (result.status === 200) acknowledged.push(result.cookie);
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const writers = [writer(), writer(), writer(), writer()];
    while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 5));
    server.child.kill('SIGKILL');
    killed = true;
    await Promise.all(writers);
    expect(await server.exited).toBeNull(); // killed by the signal, no clean exit

    const restarted = await startServer(env);
    const missing: string[] = [];
    for (const cookie of acknowledged) {
      const me = await fetch(`${restarted.url}/api/auth/me`, { headers: { cookie } });
      if (me.status !== 200) missing.push(cookie);
      await me.arrayBuffer();
    }
    restarted.child.kill('SIGTERM');
    await restarted.exited;
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    expect(missing).toEqual([]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
