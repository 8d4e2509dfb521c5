// The product under test: the built `gridwork serve` exactly as an operator starts it, in its own
// process, on a fresh SQLite database in a temp directory (it migrates on start). It listens on
// 127.0.0.1 (HOST) and an ephemeral port (--port 0) and prints `LISTENING http://…`.
// Logging stays at the product's default (LOG_LEVEL=info: two JSON lines per request), written to
// a file as in production; set LOG_LEVEL in the environment to measure another level.
import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir, startChildServer } from './child-server.mjs';
import { repoRoot } from './hello-server.mjs';

export const serverBin = path.join(repoRoot, 'apps', 'server', 'bin', 'gridwork.js');
const builtCli = path.join(repoRoot, 'apps', 'server', 'dist', 'cli.js');

export class NotBuiltError extends Error {
  constructor() {
    super(
      `the server is not built (${path.relative(repoRoot, builtCli)} is missing): run \`npm run build\` first, then \`npm run bench\``,
    );
    this.name = 'NotBuiltError';
  }
}

/** Throws NotBuiltError when apps/server/dist is missing. */
export function assertBuilt() {
  if (!fs.existsSync(builtCli)) throw new NotBuiltError();
}

/**
 * Starts `gridwork serve --port 0` on an empty data directory; resolves with { url, pid, dataDir, stop() }.
 * @param {{ demo?: boolean, dataDir?: string, databaseUrl?: string, env?: NodeJS.ProcessEnv }} [options] demo seeds the demo county
 *   (`--demo`); dataDir serves an existing data directory (prepared by the bench, kept on stop);
 *   databaseUrl runs the product on that PostgreSQL database instead of a fresh SQLite file.
 */
export async function startProductServer(options = {}) {
  assertBuilt();
  const dir = makeTempDir('product');
  const dataDir = options.dataDir ?? path.join(dir, 'data');
  if (!options.dataDir) fs.mkdirSync(dataDir);
  const env = { ...process.env, ...options.env, GRIDWORK_DATA_DIR: dataDir, HOST: '127.0.0.1' };
  // The product's own database settings must not leak in: the bench always uses a fresh SQLite file.
  if (!options.databaseUrl) delete env.DATABASE_URL;
  else env.DATABASE_URL = options.databaseUrl;
  delete env.PORT;
  // BENCH_PROFILE_DIR=<dir> writes the server's CPU profile there when it stops (open in Chrome's
  // DevTools); BENCH_NODE_ARGS adds Node.js options to the server's command line (e.g. --trace-gc).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE_DIR)}`] : [];
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const args = [...profile, ...nodeArgs, serverBin, 'serve', '--port', '0', ...(options.demo ? ['--demo'] : [])];
  const server = await startChildServer({
    name: 'gridwork serve',
    command: process.execPath,
    args,
    env,
    cwd: repoRoot,
    dir,
    timeoutMs: 60_000,
  });
  return { ...server, dataDir, logLevel: env.LOG_LEVEL || 'info' };
}
