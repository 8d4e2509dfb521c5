// GET /api/events (20 items, newest first) as the demo township center operator, on a database
// holding 1 M generated events (BENCH_EVENTS), against the same SQL statement run raw: a bare
// Fastify server executing, with better-sqlite3 on the same file, the very statement the product's
// repository compiles for that request. Two requests are measured: the center's plain list and a
// filtered one (status and category), over one connection so that a response time is the work of
// one request. Target of issue 4: the product's p50 within 2 ms of the raw SQL's.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compare, describeRun, expectJson, report } from './lib/measure.mjs';
import { makeTempDir } from './lib/child-server.mjs';
import { Database, generateEvents } from './lib/event-generator.mjs';
import { repoRoot } from './lib/hello-server.mjs';
import { assertBuilt, serverBin, startProductServer } from './lib/product-server.mjs';
import { startRawSqlServer } from './lib/raw-sql-server.mjs';
import { signIn } from './lib/session.mjs';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const TOWNSHIP = '/511124/511124101/';

assertBuilt();
const dir = makeTempDir('events-list');
const servers = [];
try {
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir);
  const seeded = spawnSync(process.execPath, [serverBin, 'seed-demo'], {
    env: { ...process.env, GRIDWORK_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`seed-demo failed: ${seeded.stderr}`);
  const file = path.join(dataDir, 'gridwork.sqlite');
  const generated = generateEvents(file, EVENTS);
  console.log(
    `# generated ${generated.count} events over ${generated.villages} villages and ${generated.grids} grids in ${generated.seconds.toFixed(1)} s`,
  );

  // The statements the product's repository compiles for the two requests.
  const requireFromServer = createRequire(path.join(repoRoot, 'apps', 'server', 'package.json'));
  const { Kysely, SqliteDialect } = requireFromServer('kysely');
  const repo = await import(
    pathToFileURL(path.join(repoRoot, 'apps', 'server', 'dist', 'modules', 'events', 'events.repo.js')).href
  );
  const compiler = new Database(file, { readonly: true });
  const kysely = new Kysely({ dialect: new SqliteDialect({ database: compiler }) });
  const visibility = { kind: 'path', path: TOWNSHIP };
  const statementOf = (filters) => {
    const compiled = repo.listEventsQuery(kysely, visibility, filters, 21).compile();
    return { sql: compiled.sql, parameters: [...compiled.parameters] };
  };
  const cases = [
    { label: 'center list, 20 newest', query: 'limit=20', filters: {} },
    {
      label: 'status+category filter',
      query: 'limit=20&status=closed&categoryCode=dispute',
      filters: { statuses: ['closed'], categoryCode: 'dispute' },
    },
  ];
  await kysely.destroy();

  const product = await startProductServer({ dataDir });
  servers.push(product);
  const cookie = await signIn(product.url, 'center');
  console.log(
    describeRun(
      `${os.cpus().length} cores, product LOG_LEVEL=${product.logLevel}, ${EVENTS} events; the lists use 1 connection`,
    ),
  );
  for (const item of cases) {
    const raw = await startRawSqlServer(file, statementOf(item.filters));
    servers.push(raw);
    const productUrl = `${product.url}/api/events?${item.query}`;
    const rawBody = await expectJson(`${raw.url}/`, (body) => body.items.length === 21);
    await expectJson(
      productUrl,
      (body) =>
        body.items.length === 20 &&
        body.items[0].id === rawBody.items[0].id &&
        body.nextCursor === rawBody.items[19].id,
      { headers: { cookie } },
    );
    // One connection: each answer's time is then the work of that request alone, not a queue.
    const figures = await compare(
      { url: `${raw.url}/` },
      { url: productUrl, headers: { cookie } },
      { connections: 1 },
    );
    console.log(`# ${item.label}`);
    report(
      { label: 'same SQL raw (better-sqlite3)', figures: figures.baseline },
      { label: `GET /api/events?${item.query}`.slice(0, 28), figures: figures.product },
    );
    const gap = figures.product.p50 - figures.baseline.p50;
    console.log(
      `# p50 gap ${gap.toFixed(2)} ms, p99 gap ${(figures.product.p99 - figures.baseline.p99).toFixed(2)} ms; target: within 2 ms (${gap <= 2 ? 'met' : 'NOT met'})`,
    );
    await raw.stop();
    servers.pop();
  }
} finally {
  for (const server of servers.reverse()) await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
