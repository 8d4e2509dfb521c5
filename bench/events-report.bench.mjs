// POST /api/events as the demo grid worker, each request with a fresh client key, against a bare
// Fastify POST that parses the same JSON body, measured in this run in interleaved rounds. The
// product's request passes the session check, schema validation, the category lookup, the grid
// lookup from the GPS point (tile index), the deadline computation, the insert of the event and
// its first timeline entry, the idempotency record and the hash-chained audit row, all in one
// SQLite transaction with synchronous=FULL. Then the product is driven again at half the
// throughput it just reached, to report its tail latency under a load it can carry.
// Targets of issue 4: ratio ≥ 0.30; p99 ≤ 50 ms at half rate.
import os from 'node:os';
import {
  benchSettings,
  compare,
  describeRun,
  expectJson,
  formatFigures,
  measure,
  report,
} from './lib/measure.mjs';
import { startHelloServer } from './lib/hello-server.mjs';
import { startProductServer } from './lib/product-server.mjs';
import { signIn } from './lib/session.mjs';

const servers = [];
try {
  const hello = await startHelloServer();
  servers.push(hello);
  const product = await startProductServer({ demo: true });
  servers.push(product);
  const cookie = await signIn(product.url, 'worker');

  // A point inside demo grid G02 of 马踏村: the server finds the grid from it.
  const base = {
    title: '路灯损坏',
    description: '村道 3 号路灯不亮，夜间行人看不清路面。',
    categoryCode: 'livelihood',
    lon: 104.015,
    lat: 29.504,
    address: '马踏村村道 3 号',
  };
  const run = `${process.pid}x${Date.now().toString(36)}`;
  let sequence = 0;
  const nextBody = () => JSON.stringify({ ...base, clientKey: `bench-${run}-${(sequence += 1)}` });
  const headers = { 'content-type': 'application/json', cookie };
  const target = (url) => ({
    url,
    method: 'POST',
    headers,
    requests: [
      {
        method: 'POST',
        path: '/api/events',
        headers,
        setupRequest: (request) => ({ ...request, body: nextBody() }),
      },
    ],
  });

  await expectJson(`${hello.url}/api/events`, (body) => typeof body.id === 'string', {
    method: 'POST',
    headers,
    body: nextBody(),
  });
  const first = await expectJson(
    `${product.url}/api/events`,
    (body) => body.status === 'reported' && body.gridId !== null,
    { method: 'POST', headers, body: nextBody() },
  );

  console.log(
    describeRun(`${os.cpus().length} cores, product LOG_LEVEL=${product.logLevel}, SQLite synchronous=FULL`),
  );
  const figures = await compare(target(`${hello.url}/api/events`), target(`${product.url}/api/events`));
  const ratio = report(
    { label: 'fastify hello POST', figures: figures.baseline },
    { label: 'POST /api/events', figures: figures.product },
  );

  const halfRate = Math.max(1, Math.floor(figures.product.requestsPerSecond / 2));
  const settings = benchSettings();
  const paced = await measure(`${product.url}/api/events`, {
    ...target(`${product.url}/api/events`),
    overallRate: halfRate,
    duration: settings.duration * settings.rounds,
    warmup: 0,
  });
  console.log(`product:  ${`POST /api/events @ ${halfRate}/s`.padEnd(28)} ${formatFigures(paced)}`);
  console.log(
    `# targets: throughput ratio ≥ 0.30 (${ratio >= 0.3 ? 'met' : 'NOT met'}), p99 ≤ 50 ms at half rate (${paced.p99 <= 50 ? 'met' : 'NOT met'})`,
  );
  console.log(`# grid found from the point: ${first.gridId}; ${sequence} events reported in this run`);
} finally {
  for (const server of servers.reverse()) await server.stop();
}
