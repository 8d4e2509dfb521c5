// Lighthouse (mobile preset: a mid-range phone on slow 4G, simulated) on the field app's home
// screen as the demo grid worker sees it, signed in, against the minimal React + antd-mobile page
// of bench/baselines/field built and served in the same run. Debian's Chromium, headless.
// Target of issue 7: performance score ≥ 90.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { makeTempDir } from './lib/child-server.mjs';
import { repoRoot } from './lib/hello-server.mjs';
import { startProductServer } from './lib/product-server.mjs';
import { signIn } from './lib/session.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const requireFromField = createRequire(path.join(repoRoot, 'apps', 'field', 'package.json'));
const { build } = await import(requireFromField.resolve('vite'));
const react = (await import(requireFromField.resolve('@vitejs/plugin-react'))).default;

/** The baseline app, built now and served from a plain static server. */
async function serveBaseline() {
  const outDir = path.join(makeTempDir('lighthouse-baseline'), 'dist');
  await build({
    root: path.join(repoRoot, 'bench', 'baselines', 'field'),
    base: '/',
    logLevel: 'silent',
    configFile: false,
    plugins: [react()],
    build: { outDir, emptyOutDir: true },
  });
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
  const server = http.createServer((request, response) => {
    const file = path.join(
      outDir,
      request.url === '/' ? 'index.html' : path.normalize(request.url.split('?')[0]),
    );
    if (!file.startsWith(outDir) || !fs.existsSync(file)) return response.writeHead(404).end();
    response
      .writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' })
      .end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function audit(chrome, url, headers) {
  const result = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    extraHeaders: headers,
  });
  const { categories, audits } = result.lhr;
  // LIGHTHOUSE_REPORT_DIR=<dir> keeps each full report (which scripts block, which tasks run long).
  if (process.env.LIGHTHOUSE_REPORT_DIR) {
    const name = new URL(url).pathname === '/' && !headers.Cookie ? 'baseline' : 'field-home';
    fs.writeFileSync(path.join(process.env.LIGHTHOUSE_REPORT_DIR, `${name}.json`), JSON.stringify(result.lhr));
  }
  const metric = (id) => audits[id]?.displayValue ?? '—';
  return {
    score: Math.round((categories.performance.score ?? 0) * 100),
    fcp: metric('first-contentful-paint'),
    lcp: metric('largest-contentful-paint'),
    tbt: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
  };
}

if (!fs.existsSync(CHROMIUM)) {
  console.log(`# no Chromium at ${CHROMIUM}: apt-get install chromium`);
  process.exit(1);
}
const product = await startProductServer({ demo: true });
const baseline = await serveBaseline();
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const cookie = await signIn(product.url, 'worker');
  const base = await audit(chrome, baseline.url, {});
  const home = await audit(chrome, `${product.url}/m/`, { Cookie: cookie });
  const line = (figures) =>
    `score ${String(figures.score).padStart(3)}  FCP ${figures.fcp}  LCP ${figures.lcp}  TBT ${figures.tbt}  CLS ${figures.cls}`;
  console.log('# Lighthouse mobile preset (simulated slow 4G, 4× CPU slowdown), performance only');
  console.log(`baseline: ${'minimal React + antd-mobile'.padEnd(30)} ${line(base)}`);
  console.log(`product:  ${'field app home, signed in'.padEnd(30)} ${line(home)}`);
  console.log(`ratio:    product/baseline = ${(home.score / Math.max(1, base.score)).toFixed(2)} (score)`);
  console.log(`# target: performance score ≥ 90 (${home.score >= 90 ? 'met' : 'NOT met'})`);
} finally {
  await chrome.kill();
  await baseline.stop();
  await product.stop();
}
