// Visit schedules at county scale (issue 9): a county of BENCH_PERSONS people (default 1 M) with
// BENCH_RECORDS special-population and assistance records (default 20 000) and the demo's tagged
// people, then:
//   product:  the county changes a follow-up plan's intervals over HTTP (PATCH /api/follow-up-plans/:id);
//             in that request every schedule of the county is brought in line with the plans
//             (ended, moved, added, every due date recomputed) in the plan change's transaction;
//   baseline: the same SQL statements, compiled by the product's own repository from the same
//             plans, run raw with better-sqlite3 on the same file in one transaction.
// Rounds are interleaved (product, baseline, baseline, product, …). Then the p95 of one grid
// worker's due list (GET /api/visits/due, the demo worker) over one connection. With
// BENCH_DATABASE_URL the same runs again on PostgreSQL (BENCH_PG_PERSONS people, default 1 M, in a
// schema of its own, dropped at the end; the raw statements run through node-postgres).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeTempDir } from './lib/child-server.mjs';
import { Database, seededRandom, uuidV7At } from './lib/event-generator.mjs';
import { repoRoot } from './lib/hello-server.mjs';
import { assertBuilt, serverBin, startProductServer } from './lib/product-server.mjs';
import { signIn } from './lib/session.mjs';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const LIST_REQUESTS = Number(process.env.BENCH_LIST_REQUESTS ?? 300);
const TAGS = ['left_behind_child', 'left_behind_elderly', 'elderly_alone'];
const RISKS = ['low', 'medium', 'high'];
const ASSISTANCE = ['minimum_living', 'extreme_poverty', 'other'];

const requireFromServer = createRequire(path.join(repoRoot, 'apps', 'server', 'package.json'));
const { Kysely, PostgresDialect, SqliteDialect } = requireFromServer('kysely');
const pg = requireFromServer('pg');
const PG_URL = process.env.BENCH_DATABASE_URL ?? '';
const PG_PERSONS = Number(process.env.BENCH_PG_PERSONS ?? PERSONS);
const dist = (file) =>
  import(pathToFileURL(path.join(repoRoot, 'apps', 'server', 'dist', 'modules', 'visits', file)).href);
const schedulesRepo = await dist('visit-schedules.repo.js');
const { assignmentsOf, planRuleOf } = await dist('visit-schedules.service.js');

const secondsSince = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const ms = (value) => `${(value * 1000).toFixed(0)} ms`;
const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

/** The demo county's units, codes of a path's county, township and village. */
function codesOf(unitPath) {
  const parts = unitPath.split('/').filter(Boolean);
  return { county: parts[0] ?? null, township: parts[1] ?? null, village: parts[2] ?? null };
}

/** People over the county's villages (the demo village's over its three grids), a few tagged; records on some of them. */
function generateCounty(file) {
  const started = process.hrtime.bigint();
  const random = seededRandom(9);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const villages = db
    .prepare("select id, path from org_unit where kind in ('village', 'community', 'resident_group')")
    .all();
  const grids = db.prepare("select id, path from org_unit where kind = 'grid'").all();
  const plans = db
    .prepare(
      "select subject_value, category_index from follow_up_plan where subject_kind = 'special_population' and active = 1",
    )
    .all();
  const categoryIndex = new Map(plans.map((plan) => [plan.subject_value, plan.category_index]));
  const author = db.prepare("select id from account where username = 'center'").get();
  const now = Date.now();
  const insertPerson =
    db.prepare(`insert into person (id, path, county_code, township_code, village_code, grid_id, name, gender, ethnicity, birth_date, id_type, id_sealed, id_index, id_masked,
    phone_sealed, phone_index, phone_masked, hukou_place, address, residence_status, tags, status, status_reason, version, key_group, verified_at, verified_by, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, null, null, null, 'resident_id', null, ?, null, null, null, null, null, null, 'registered', ?, 'active', null, 1, ?, null, null, ?, ?)`);
  const insertSpecial =
    db.prepare(`insert into special_population (id, person_id, category_sealed, category_index, risk_level, supervising_unit, start_date, end_date, end_reason, details_sealed, version, created_by, created_at, updated_at)
    values (?, ?, 'bench', ?, ?, '司法所', ?, null, null, null, 1, ?, ?, ?)`);
  const insertAssistance =
    db.prepare(`insert into assistance_record (id, person_id, kind, measures, start_date, end_date, end_reason, version, created_by, created_at, updated_at)
    values (?, ?, ?, '走访', ?, null, null, 1, ?, ?, ?)`);
  const personIds = [];
  let tagged = 0;
  const people = db.transaction((from, to) => {
    for (let index = from; index < to; index += 1) {
      const village = villages[index % villages.length];
      const grid = village.path.includes('511124101201') ? grids[index % grids.length] : null;
      const place = grid?.path ?? village.path;
      const codes = codesOf(place);
      const createdMs = now - Math.floor(random() * 2 * 365 * 86_400_000);
      const created = new Date(createdMs).toISOString();
      const tag = random() < 0.03 ? TAGS[index % TAGS.length] : null;
      if (tag) tagged += 1;
      const id = uuidV7At(createdMs, random);
      insertPerson.run(
        id,
        place,
        codes.county,
        codes.township,
        codes.village,
        grid?.id ?? null,
        `居民${index}`,
        `bench-${index}`,
        JSON.stringify(tag ? [tag] : []),
        tag ? 1 : 0,
        created,
        created,
      );
      personIds.push(id);
    }
  });
  for (let from = 0; from < PERSONS; from += 50_000) people(from, Math.min(PERSONS, from + 50_000));
  const categories = [...categoryIndex.keys()];
  const records = db.transaction(() => {
    for (let index = 0; index < RECORDS; index += 1) {
      const personId = personIds[Math.floor(random() * personIds.length)];
      const startMs = now - Math.floor(random() * 365 * 86_400_000);
      const start = new Date(startMs).toISOString();
      const id = uuidV7At(startMs, random);
      if (index % 4 === 3)
        insertAssistance.run(
          id,
          personId,
          ASSISTANCE[index % ASSISTANCE.length],
          start.slice(0, 10),
          author.id,
          start,
          start,
        );
      else
        insertSpecial.run(
          id,
          personId,
          categoryIndex.get(categories[index % categories.length]),
          RISKS[index % RISKS.length],
          start.slice(0, 10),
          author.id,
          start,
          start,
        );
    }
  });
  records();
  db.exec('analyze');
  db.close();
  return { seconds: secondsSince(started), tagged, villages: villages.length };
}

/** The sync's statements, compiled by the product's repository for these plans, as the product runs them. */
function syncStatements(kind, kysely, plans) {
  const now = new Date().toISOString();
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const covered = schedulesRepo.desiredSubjects(kind, assignmentsOf(plans), today, null);
  const desired = schedulesRepo.MATERIALIZED_DESIRED;
  const compile = (statement) => statement.compile(kysely);
  return {
    covered: schedulesRepo.materializeDesiredSql(kind, covered).map(compile),
    end: compile(schedulesRepo.endUncoveredSql(desired, null, now)),
    move: compile(schedulesRepo.moveCoveredSql(desired, now, today)),
    missing: compile(schedulesRepo.subjectsWithoutScheduleSql(desired)),
    drop: compile(schedulesRepo.dropDesiredSql(kind)),
    dates: plans.map((plan) => {
      const rule = planRuleOf(plan);
      return compile(
        schedulesRepo.recomputeDatesSql(
          kind,
          { planId: plan.id, intervalsDays: rule.intervalsDays, graceDays: rule.graceDays },
          null,
          now,
        ),
      );
    }),
  };
}

/** Times each part of the sync: covered subjects, end, move, new ones, dates. */
function partTimer() {
  const parts = { covered: 0, end: 0, move: 0, missing: 0, dates: 0 };
  return {
    parts,
    async timed(part, work) {
      const start = process.hrtime.bigint();
      const result = await work();
      parts[part] += secondsSince(start);
      return result;
    },
  };
}

/** SQLite: the same change of the plan as the product makes (the version aside), then the sync's statements, in one transaction. */
function sqliteRawSync(file, kysely) {
  return async (planId, intervalsDays) => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const started = process.hrtime.bigint();
    db.prepare('update follow_up_plan set intervals_days = ? where id = ?').run(
      JSON.stringify(intervalsDays),
      planId,
    );
    const statements = syncStatements(
      'sqlite',
      kysely,
      db.prepare('select * from follow_up_plan where active = 1').all(),
    );
    const { parts } = partTimer();
    const timed = (part, work) => {
      const start = process.hrtime.bigint();
      const result = work();
      parts[part] += secondsSince(start);
      return result;
    };
    const run = (statement) => db.prepare(statement.sql).run(...statement.parameters).changes;
    let updated = 0;
    db.transaction(() => {
      timed('covered', () => statements.covered.forEach(run));
      updated += timed('end', () => run(statements.end));
      updated += timed('move', () => run(statements.move));
      timed('missing', () => db.prepare(statements.missing.sql).all(...statements.missing.parameters));
      run(statements.drop);
      for (const statement of statements.dates) updated += timed('dates', () => run(statement));
    })();
    const secs = secondsSince(started);
    db.close();
    return { secs, updated, parts };
  };
}

/** PostgreSQL: the same, through node-postgres on the product's schema, in one transaction. */
function postgresRawSync(client, kysely, schema) {
  return async (planId, intervalsDays) => {
    const started = process.hrtime.bigint();
    const { parts, timed } = partTimer();
    const run = async (statement) =>
      (await client.query(statement.sql, [...statement.parameters])).rowCount ?? 0;
    let updated = 0;
    await client.query('begin');
    try {
      await client.query(`set local search_path to ${schema}`);
      await client.query('update follow_up_plan set intervals_days = $1 where id = $2', [
        JSON.stringify(intervalsDays),
        planId,
      ]);
      const statements = syncStatements(
        'postgres',
        kysely,
        (await client.query('select * from follow_up_plan where active = 1')).rows,
      );
      await timed('covered', async () => {
        for (const statement of statements.covered) await run(statement);
      });
      updated += await timed('end', () => run(statements.end));
      updated += await timed('move', () => run(statements.move));
      await timed('missing', () => run(statements.missing));
      await run(statements.drop);
      for (const statement of statements.dates) updated += await timed('dates', () => run(statement));
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
    return { secs: secondsSince(started), updated, parts };
  };
}

/** The product's plan change against the raw sync, interleaved; then one worker's due list. */
async function measureCounty(product, label, rawSync) {
  const county = await signIn(product.url, 'county');
  const call = async (method, route, body) => {
    const response = await fetch(`${product.url}${route}`, {
      method,
      headers: { cookie: county, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = await response.json();
    if (!response.ok)
      throw new Error(
        `${method} ${route} answered ${response.status}: ${JSON.stringify(payload).slice(0, 300)}`,
      );
    return payload;
  };
  const plan = (await call('GET', '/api/follow-up-plans')).items.find(
    (item) => item.name === '刑满释放 中风险 每月',
  );
  if (!plan) throw new Error('the demo plan 刑满释放 中风险 每月 is missing');
  let version = plan.version;
  // Product and baseline take turns changing the same plan, each to the other value, so every turn moves its schedules.
  let days = 30;
  const flip = () => (days = days === 30 ? 28 : 30);
  const change = async () => {
    flip();
    const started = process.hrtime.bigint();
    const answer = await call('PATCH', `/api/follow-up-plans/${plan.id}`, { version, intervalsDays: [days] });
    version = answer.version;
    return secondsSince(started);
  };
  // The first change also creates every schedule of the generated records and people.
  const first = await change();
  const plansNow = (await call('GET', '/api/follow-up-plans')).items;
  const schedules = plansNow.reduce((sum, item) => sum + item.schedules, 0);
  console.log(
    `# ${label}: the first plan change created the county's schedules: ${schedules} open schedules over ${plansNow.length} plans in ${ms(first)}`,
  );
  console.log(
    `# ${label}: node ${process.version}, ${os.cpus().length} cores, product LOG_LEVEL=${product.logLevel}, ${ROUNDS} interleaved rounds (BENCH_ROUNDS), ${schedules} schedules`,
  );
  const productTimes = [];
  const rawTimes = [];
  let last = null;
  for (let round = 0; round < ROUNDS; round += 1) {
    const runRaw = async () => {
      last = await rawSync(plan.id, [flip()]);
      rawTimes.push(last.secs);
    };
    if (round % 2 === 0) {
      productTimes.push(await change());
      await runRaw();
    } else {
      await runRaw();
      productTimes.push(await change());
    }
  }
  const median = (values) => percentile(values, 50);
  console.log(
    `# ${label}: raw SQL by statement (last round): ${Object.entries(last.parts)
      .map(([part, secs]) => `${part} ${ms(secs)}`)
      .join(', ')}`,
  );
  console.log(
    `baseline: ${label} raw SQL of the sync          ${ms(median(rawTimes)).padStart(8)} median  (${rawTimes.map(ms).join(' ')}; ${last.updated} rows written)`,
  );
  console.log(
    `product:  ${label} PATCH /api/follow-up-plans/:id ${ms(median(productTimes)).padStart(8)} median  (${productTimes.map(ms).join(' ')})`,
  );
  console.log(
    `ratio:    ${label} product/baseline = ${(median(rawTimes) / median(productTimes)).toFixed(2)} (speed; 1.00 = as fast as the raw SQL)  time x${(median(productTimes) / median(rawTimes)).toFixed(2)}`,
  );

  // One grid worker's due list, one request at a time.
  const worker = await signIn(product.url, 'worker');
  const times = [];
  let items = 0;
  for (let request = 0; request < LIST_REQUESTS; request += 1) {
    const started = process.hrtime.bigint();
    const response = await fetch(
      `${product.url}/api/visits/due${request % 2 === 0 ? '' : '?status=overdue'}`,
      { headers: { cookie: worker } },
    );
    const body = await response.json();
    if (!response.ok) throw new Error(`the due list answered ${response.status}`);
    times.push(secondsSince(started));
    if (request === 0) items = body.items.length;
  }
  console.log(
    `product:  ${label} GET /api/visits/due (worker, ${items} items a page)  p50 ${(percentile(times, 50) * 1000).toFixed(2)} ms  p95 ${(percentile(times, 95) * 1000).toFixed(2)} ms  (${LIST_REQUESTS} requests, 1 connection)`,
  );
}

/** PostgreSQL: people and records written set-wise (generate_series) into the product's schema, as generateCounty does on SQLite. */
async function generatePostgresCounty(client, schema, persons) {
  const started = process.hrtime.bigint();
  await client.query(`set search_path to ${schema}`);
  const villages = (
    await client.query(
      "select path from org_unit where kind in ('village', 'community', 'resident_group') order by path",
    )
  ).rows.map((row) => row.path);
  const grids = (await client.query("select id, path from org_unit where kind = 'grid' order by path")).rows;
  const categories = (
    await client.query(
      "select subject_value, category_index from follow_up_plan where subject_kind = 'special_population' and active = 1",
    )
  ).rows;
  const author = (await client.query("select id from account where username = 'center'")).rows[0].id;
  const demoVillage = villages.findIndex((village) => village.includes('511124101201'));
  // Person i lives in village i mod n (the demo village's people in its three grids), 3 % are tagged.
  await client.query(
    `insert into person (id, path, county_code, township_code, village_code, grid_id, name, id_type, id_index, residence_status, tags, status, version, key_group, created_at, updated_at)
     select 'bench-' || lpad(i::text, 9, '0'), place.path, split_part(place.path, '/', 2), split_part(place.path, '/', 3), split_part(place.path, '/', 4), place.grid_id,
       '居民' || i, 'resident_id', 'bench-' || i, 'registered',
       case when i % 33 = 0 then '["' || ($4::text[])[1 + (i / 33) % 3] || '"]' else '[]' end, 'active', 1, case when i % 33 = 0 then 1 else 0 end,
       to_char((now() - (i % 730) * interval '1 day') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
     from generate_series(0, $1::int - 1) as i
     cross join lateral (select case when i % $2::int = $3::int then ($5::text[])[1 + (i / $2::int) % 3] else ($6::text[])[1 + i % $2::int] end as path,
                                case when i % $2::int = $3::int then ($7::text[])[1 + (i / $2::int) % 3] else null end as grid_id) as place`,
    [
      persons,
      villages.length,
      demoVillage,
      TAGS,
      grids.map((grid) => grid.path),
      villages,
      grids.map((grid) => grid.id),
    ],
  );
  await client.query(
    `insert into special_population (id, person_id, category_sealed, category_index, risk_level, supervising_unit, start_date, version, created_by, created_at, updated_at)
     select 'bench-sp-' || j, 'bench-' || lpad(((j * 7919) % $1::int)::text, 9, '0'), 'bench', ($3::text[])[1 + j % array_length($3::text[], 1)], ($4::text[])[1 + j % 3], '司法所',
       to_char(current_date - (j % 365), 'YYYY-MM-DD'), 1, $5, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
     from generate_series(0, $2::int - 1) as j where j % 4 <> 3`,
    [persons, RECORDS, categories.map((row) => row.category_index), RISKS, author],
  );
  await client.query(
    `insert into assistance_record (id, person_id, kind, measures, start_date, version, created_by, created_at, updated_at)
     select 'bench-ar-' || j, 'bench-' || lpad(((j * 7919) % $1::int)::text, 9, '0'), ($3::text[])[1 + j % 3], '走访', to_char(current_date - (j % 365), 'YYYY-MM-DD'), 1, $4, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
     from generate_series(0, $2::int - 1) as j where j % 4 = 3`,
    [persons, RECORDS, ASSISTANCE, author],
  );
  for (const table of ['person', 'special_population', 'assistance_record'])
    await client.query(`analyze ${table}`);
  await client.query('reset search_path');
  return { seconds: secondsSince(started), villages: villages.length };
}

assertBuilt();
const dir = makeTempDir('due-list');
let product;
try {
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir);
  const seeded = spawnSync(process.execPath, [serverBin, 'seed-demo'], {
    env: { ...process.env, GRIDWORK_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`seed-demo failed: ${seeded.stderr}`);
  const file = path.join(dataDir, 'gridwork.sqlite');
  const generated = generateCounty(file);
  console.log(
    `# generated ${PERSONS} people (${generated.tagged} tagged) over ${generated.villages} villages and ${RECORDS} special-population and assistance records in ${generated.seconds.toFixed(1)} s`,
  );

  product = await startProductServer({ dataDir });
  const compiler = new Database(file, { readonly: true });
  const kysely = new Kysely({ dialect: new SqliteDialect({ database: compiler }) });
  await measureCounty(product, 'SQLite', sqliteRawSync(file, kysely));
  await kysely.destroy();
  await product.stop();
  product = undefined;

  if (!PG_URL)
    console.log(
      '# PostgreSQL skipped: set BENCH_DATABASE_URL to a database the bench may use (it works in a schema of its own and drops it)',
    );
  else {
    const schema = `bench_due_list_${process.pid}`;
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await client.query(`create schema ${schema}`);
      product = await startProductServer({
        demo: true,
        databaseUrl: PG_URL,
        env: { GRIDWORK_DB_SCHEMA: schema },
      });
      const pgGenerated = await generatePostgresCounty(client, schema, PG_PERSONS);
      console.log(
        `# PostgreSQL: generated ${PG_PERSONS} people (3 % tagged) over ${pgGenerated.villages} villages and ${RECORDS} records in ${pgGenerated.seconds.toFixed(1)} s`,
      );
      const pgKysely = new Kysely({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: PG_URL, max: 1 }) }),
      });
      await measureCounty(product, 'PostgreSQL', postgresRawSync(client, pgKysely, schema));
      await pgKysely.destroy();
    } finally {
      await product?.stop();
      product = undefined;
      if (process.env.BENCH_KEEP === '1') console.log(`# kept schema ${schema}`);
      else await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
  }
} finally {
  await product?.stop();
  // BENCH_KEEP=1 keeps the generated county for a look at the query plans.
  if (process.env.BENCH_KEEP === '1') console.log(`# kept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
