// What an office PC or a phone downloads before the first page shows: the entry script of each
// built web app and every chunk the page preloads with it (lazy pages excluded), gzip -9, against
// a minimal app of the same framework built in this run (bench/baselines/: React + antd for the
// console, React + antd-mobile for the field app) with the same Vite and plugin.
// Targets: console ≤ 500 KB (issue 6); field app ≤ 170 KB and ≤ 1.5× its baseline (issue 7).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { makeTempDir } from './lib/child-server.mjs';
import { repoRoot } from './lib/hello-server.mjs';

const requireFromConsole = createRequire(path.join(repoRoot, 'apps', 'console', 'package.json'));
const { build } = await import(requireFromConsole.resolve('vite'));
const react = (await import(requireFromConsole.resolve('@vitejs/plugin-react'))).default;

/** gzip -9 bytes of the entry script and the chunks index.html preloads with it. */
function initialJs(distDir) {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((match) => match[1]);
  let raw = 0;
  let gzip = 0;
  for (const file of new Set(files)) {
    const bytes = fs.readFileSync(path.join(distDir, file.replace(/^\/(m\/)?/, '')));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { files: new Set(files).size, raw, gzip };
}

async function buildBaseline(name) {
  const outDir = path.join(makeTempDir(`baseline-${name}`), 'dist');
  await build({
    root: path.join(repoRoot, 'bench', 'baselines', name),
    base: '/',
    logLevel: 'silent',
    configFile: false,
    plugins: [react()],
    build: { outDir, emptyOutDir: true },
  });
  return initialJs(outDir);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
let failed = false;
for (const app of [
  {
    name: 'console',
    dist: path.join(repoRoot, 'apps', 'console', 'dist'),
    target: (product) => ({ met: product.gzip <= 500 * 1024, text: '≤ 500 KB' }),
  },
  {
    name: 'field',
    dist: path.join(repoRoot, 'apps', 'field', 'dist'),
    target: (product, baseline) => ({
      met: product.gzip <= 170 * 1024 && product.gzip <= 1.5 * baseline.gzip,
      text: '≤ 170 KB and ≤ 1.5× baseline',
    }),
  },
]) {
  if (!fs.existsSync(path.join(app.dist, 'index.html'))) {
    console.log(`# ${app.name}: not built (${path.relative(repoRoot, app.dist)}); run npm run build`);
    failed = true;
    continue;
  }
  const baseline = await buildBaseline(app.name);
  const product = initialJs(app.dist);
  const target = app.target(product, baseline);
  console.log(
    `baseline: ${`minimal ${app.name} (same framework)`.padEnd(34)} ${kb(baseline.gzip).padStart(10)} gzip  (${kb(baseline.raw)} raw, ${baseline.files} files)`,
  );
  console.log(
    `product:  ${`${app.name} initial JS`.padEnd(34)} ${kb(product.gzip).padStart(10)} gzip  (${kb(product.raw)} raw, ${product.files} files)`,
  );
  console.log(`ratio:    product/baseline = ${(product.gzip / baseline.gzip).toFixed(2)} (size)`);
  console.log(`# target: ${target.text} (${target.met ? 'met' : 'NOT met'})`);
}
if (failed) process.exitCode = 1;
