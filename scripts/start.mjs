// `npm start`: build what is missing or stale, then serve the whole platform with the demo
// county (migrates and seeds on first run, prints the URL and the demo logins).
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = [
  'packages/core/src',
  'packages/client/src',
  'apps/server/src',
  'apps/console/src',
  'apps/field/src',
  'apps/console/index.html',
  'apps/field/index.html',
];
const outputs = [
  'packages/core/dist/index.js',
  'apps/server/dist/cli.js',
  'apps/console/dist/index.html',
  'apps/field/dist/index.html',
];

function newestMtime(target) {
  const full = path.join(root, target);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(full, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

// tsc -b leaves up-to-date outputs untouched, so the build's own time is kept in a stamp file.
const stamp = 'apps/server/dist/.build-stamp';
const complete = outputs.every((output) => fs.existsSync(path.join(root, output)));
const builtAt = complete ? newestMtime(stamp) : 0;
const changedAt = Math.max(...sources.map((source) => newestMtime(source)));
if (builtAt === 0 || changedAt > builtAt) {
  console.log(
    builtAt === 0
      ? '首次运行：正在构建… / first run: building…'
      : '源代码有变化：正在重新构建… / sources changed: rebuilding…',
  );
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  fs.writeFileSync(path.join(root, stamp), new Date().toISOString());
}

const server = spawn(
  process.execPath,
  [path.join(root, 'apps/server/bin/gridwork.js'), 'serve', '--demo', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    // Request logs are JSON for a log collector; a person starting the demo wants the URL and logins.
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
