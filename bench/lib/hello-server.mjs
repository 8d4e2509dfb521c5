// The baseline: a bare Fastify 5 server that answers GET / and GET /api/health with {"status":"ok"},
// with no logger, plugins or hooks. It uses the very Fastify the product depends on (resolved from
// apps/server), so the ratio measures what the product adds, not a difference of framework version.
// Run directly (`node bench/lib/hello-server.mjs`) it listens on 127.0.0.1, port 0 by default, and
// prints `LISTENING http://127.0.0.1:<port>`; startHelloServer() does that in a child process.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startChildServer } from './child-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
const serverPackage = path.join(repoRoot, 'apps', 'server', 'package.json');

/** Fastify as apps/server resolves it. */
export async function loadFastify() {
  const resolved = createRequire(serverPackage).resolve('fastify');
  const module = await import(pathToFileURL(resolved).href);
  return module.default;
}

export async function createHelloServer() {
  const Fastify = await loadFastify();
  const app = Fastify({ logger: false });
  const hello = async () => ({ status: 'ok' });
  app.get('/', hello);
  app.get('/api/health', hello);
  // The baseline of a create: Fastify parses the JSON body and answers 201 with an id.
  let created = 0;
  app.post('/api/events', async (request, reply) =>
    reply.code(201).send({ id: String((created += 1)), title: request.body?.title }),
  );
  return app;
}

/** Starts the hello server in its own process; resolves with { url, pid, stop() }. */
export function startHelloServer() {
  return startChildServer({
    name: 'hello server',
    command: process.execPath,
    args: [fileURLToPath(import.meta.url)],
    cwd: repoRoot,
    timeoutMs: 15_000,
  });
}

async function main() {
  const app = await createHelloServer();
  const port = Number(process.env.PORT ?? 0);
  const address = await app.listen({ host: '127.0.0.1', port });
  process.stdout.write(`LISTENING ${address}\n`);
  const close = () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
