// GET /api/health of the real server against a bare Fastify hello-world on the same Fastify, each
// in its own process, measured in this run in interleaved rounds (compare() in lib/measure.mjs).
// The product's answer reads the migration table of its SQLite database and passes the app's
// hooks, request logging and schema serializer; the ratio is what all of that costs on the
// cheapest route there is.
import os from 'node:os';
import { compare, describeRun, expectJson, report } from './lib/measure.mjs';
import { startHelloServer } from './lib/hello-server.mjs';
import { startProductServer } from './lib/product-server.mjs';

const servers = [];
try {
  const hello = await startHelloServer();
  servers.push(hello);
  const product = await startProductServer();
  servers.push(product);

  await expectJson(`${hello.url}/api/health`, (body) => body.status === 'ok');
  await expectJson(`${product.url}/api/health`, (body) => body.status === 'ok' && body.database === 'sqlite');

  console.log(describeRun(`${os.cpus().length} cores, product LOG_LEVEL=${product.logLevel}`));
  const figures = await compare({ url: `${hello.url}/api/health` }, { url: `${product.url}/api/health` });
  report(
    { label: 'fastify hello-world', figures: figures.baseline },
    { label: 'GET /api/health', figures: figures.product },
  );
} finally {
  for (const server of servers.reverse()) await server.stop();
}
