// `npm run bench`: runs every benchmark in bench/*.bench.mjs, one at a time, each in its own process;
// `npm run bench -- health` runs only bench/health.bench.mjs. It builds nothing: the benchmarks
// start the built server, so it stops early with a message when `npm run build` has not been run.
// Exits non-zero when any benchmark fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const SUFFIX = '.bench.mjs';

const builtCli = path.join(root, 'apps', 'server', 'dist', 'cli.js');
if (!fs.existsSync(builtCli)) {
  console.error(
    `bench: the server is not built (${path.relative(root, builtCli)} is missing). Run \`npm run build\` first, then \`npm run bench\`.`,
  );
  process.exit(1);
}

const available = fs
  .readdirSync(benchDir)
  .filter((name) => name.endsWith(SUFFIX))
  .sort()
  .map((name) => name.slice(0, -SUFFIX.length));

const requested = process.argv.slice(2).map((arg) =>
  path
    .basename(arg)
    .replace(/\.bench\.mjs$/, '')
    .replace(/\.mjs$/, ''),
);
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(
    `bench: no benchmark named ${unknown.join(', ')}; available: ${available.join(', ') || 'none'}`,
  );
  process.exit(2);
}
const selected = requested.length > 0 ? [...new Set(requested)] : available;
if (selected.length === 0) {
  console.error(`bench: no bench/*${SUFFIX} files found`);
  process.exit(1);
}

const failed = [];
for (const name of selected) {
  console.log(`\n== ${name} (bench/${name}${SUFFIX})`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(benchDir, `${name}${SUFFIX}`)], {
    cwd: root,
    stdio: 'inherit',
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) {
    console.log(`== ${name}: done in ${seconds} s`);
  } else {
    const why = result.error ? result.error.message : (result.signal ?? `exit code ${result.status}`);
    console.log(`== ${name}: FAILED (${why}) after ${seconds} s`);
    failed.push(name);
  }
}

console.log(
  `\n${selected.length - failed.length} benchmark(s) passed, ${failed.length} failed${failed.length ? `: ${failed.join(', ')}` : ''}`,
);
process.exit(failed.length > 0 ? 1 : 0);
