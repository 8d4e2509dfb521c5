// The baseline of a list: a bare Fastify server (no logger, no hooks) that runs one SQL statement
// with better-sqlite3 on the product's own database file and answers its rows as JSON. The
// statement and its parameters are the ones the product's repository compiles for the request
// being compared (GRIDWORK_BENCH_SQL: JSON { sql, parameters }), so the difference between the two
// is everything the product does around the query: session, scope, validation, mapping, logging.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChildServer } from './child-server.mjs';
import { Database } from './event-generator.mjs';
import { loadFastify, repoRoot } from './hello-server.mjs';

/** Starts the raw server on `file` for `statement` in its own process; resolves with { url, pid, stop() }. */
export function startRawSqlServer(file, statement) {
  return startChildServer({
    name: 'raw sql server',
    command: process.execPath,
    args: [fileURLToPath(import.meta.url)],
    env: { ...process.env, GRIDWORK_BENCH_DB: file, GRIDWORK_BENCH_SQL: JSON.stringify(statement) },
    cwd: repoRoot,
    timeoutMs: 15_000,
  });
}

async function main() {
  const { sql, parameters } = JSON.parse(process.env.GRIDWORK_BENCH_SQL);
  const db = new Database(process.env.GRIDWORK_BENCH_DB, { readonly: true });
  const statement = db.prepare(sql);
  const Fastify = await loadFastify();
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ items: statement.all(...parameters) }));
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  process.stdout.write(`LISTENING ${address}\n`);
  const close = () =>
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
