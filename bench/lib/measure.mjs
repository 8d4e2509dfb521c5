// Load generation and reporting shared by every benchmark: autocannon, run programmatically against
// one URL, and the three lines `baseline:`, `product:`, `ratio:` every benchmark prints.
//
// Settings (environment):
//   BENCH_DURATION     seconds measured per target, whole number   (default 5)
//   BENCH_WARMUP       seconds of unmeasured warm-up per target     (default 1; 0 turns it off)
//   BENCH_CONNECTIONS  concurrent keep-alive connections            (default 10)
//   BENCH_ROUNDS       interleaved baseline/product rounds (compare) (default 2)
import autocannon from 'autocannon';

function readWhole(name, fallback, min) {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number of at least ${min}, got "${raw}"`);
  }
  return value;
}

/** The run settings, from the environment. */
export function benchSettings() {
  return {
    duration: readWhole('BENCH_DURATION', 5, 1),
    warmup: readWhole('BENCH_WARMUP', 1, 0),
    connections: readWhole('BENCH_CONNECTIONS', 10, 1),
    rounds: readWhole('BENCH_ROUNDS', 2, 1),
  };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

function runAutocannon(options, onResponse) {
  const instance = autocannon(options);
  if (onResponse) instance.on('response', onResponse);
  return instance;
}

function requestOptions(url, settings) {
  return {
    url,
    connections: settings.connections,
    method: settings.method ?? 'GET',
    headers: settings.headers ?? {},
    body: settings.body,
    // A request list with setupRequest gives each request its own body (a fresh client key);
    // overallRate caps the total rate, to measure latency at a given load rather than at saturation.
    ...(settings.requests ? { requests: settings.requests } : {}),
    ...(settings.overallRate ? { overallRate: settings.overallRate } : {}),
    pipelining: 1,
    timeout: 10,
    renderProgressBar: false,
    renderResultsTable: false,
    renderLatencyTable: false,
  };
}

/** Unmeasured load, so both servers are past start-up and JIT warm-up before any figure is taken. */
export async function warmUp(url, options = {}) {
  const settings = { ...benchSettings(), ...options };
  if (settings.warmup > 0)
    await runAutocannon({ ...requestOptions(url, settings), duration: settings.warmup });
}

/** One measured run; `sample.latencies` collects every 2xx response time in milliseconds. */
async function runOnce(url, settings, sample) {
  const result = await runAutocannon(
    { ...requestOptions(url, settings), duration: settings.duration },
    (_client, statusCode, _bytes, time) => {
      if (statusCode < 200 || statusCode > 299) return;
      if (sample.count === sample.latencies.length) {
        const bigger = new Float64Array(sample.latencies.length * 2);
        bigger.set(sample.latencies);
        sample.latencies = bigger;
      }
      sample.latencies[sample.count++] = time;
    },
  );
  const problems = [];
  if (result.errors > 0) problems.push(`${result.errors} errors (${result.timeouts} timeouts)`);
  if (result.non2xx > 0)
    problems.push(`${result.non2xx} non-2xx answers ${JSON.stringify(result.statusCodeStats)}`);
  if (result.requests.total === 0) problems.push('no successful answer');
  if (problems.length > 0) throw new Error(`${settings.method ?? 'GET'} ${url}: ${problems.join(', ')}`);
  sample.requests += result.requests.total;
  sample.seconds += result.duration;
  return result.requests.total / result.duration;
}

function newSample() {
  return { latencies: new Float64Array(1 << 16), count: 0, requests: 0, seconds: 0, rounds: [] };
}

function figuresOf(sample, settings) {
  const sorted = sample.latencies.subarray(0, sample.count).sort();
  return {
    requestsPerSecond: sample.requests / sample.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    requests: sample.requests,
    seconds: sample.seconds,
    connections: settings.connections,
    rounds: sample.rounds,
  };
}

/**
 * Drives `url` for `duration` seconds with `connections` keep-alive connections after `warmup`
 * seconds of unmeasured load. Any error, timeout or non-2xx answer fails the measurement: a fast
 * error page is not a result. Latency percentiles come from every 2xx response time (autocannon's
 * own histogram rounds to whole milliseconds, too coarse for sub-millisecond answers).
 * @returns {Promise<{ requestsPerSecond: number, p50: number, p99: number, requests: number,
 *   seconds: number, connections: number, rounds: number[] }>} latencies in milliseconds
 */
export async function measure(url, options = {}) {
  const settings = { ...benchSettings(), ...options };
  await warmUp(url, settings);
  const sample = newSample();
  sample.rounds.push(await runOnce(url, settings, sample));
  return figuresOf(sample, settings);
}

/**
 * Measures the baseline and the product in the same run, interleaved: both are warmed up, then
 * each of `rounds` rounds measures both for `duration` seconds, in alternating order (B P, P B, …),
 * so load from elsewhere on the machine and any drift fall on both alike. Figures are over all
 * rounds; `ratios` holds each round's throughput ratio, to judge the noise.
 * @param {{ url: string, method?: string, headers?: object, body?: string }} baseline
 * @param {{ url: string, method?: string, headers?: object, body?: string }} product
 */
export async function compare(baseline, product, options = {}) {
  const settings = { ...benchSettings(), ...options };
  const targets = [
    { ...settings, ...baseline, sample: newSample() },
    { ...settings, ...product, sample: newSample() },
  ];
  for (const target of targets) await warmUp(target.url, target);
  for (let round = 0; round < settings.rounds; round += 1) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) target.sample.rounds.push(await runOnce(target.url, target, target.sample));
  }
  const [b, p] = targets.map((target) => figuresOf(target.sample, settings));
  return { baseline: b, product: p, ratios: b.rounds.map((rate, i) => p.rounds[i] / rate) };
}

/** Fetches `url` once and checks the answer, so a benchmark never measures the wrong page. */
export async function expectJson(url, check, init = {}) {
  const response = await fetch(url, init);
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${url} answered ${response.status} with non-JSON: ${text.slice(0, 200)}`);
  }
  if (!response.ok || !check(body)) {
    throw new Error(`${url} answered ${response.status} ${text.slice(0, 200)}`);
  }
  return body;
}

function formatRate(value) {
  return `${Math.round(value)}`.padStart(7);
}

function formatMs(value) {
  const digits = value < 10 ? 2 : 1;
  return value.toFixed(digits);
}

/** `12345 req/s  p50 0.62 ms  p99 2.10 ms` */
export function formatFigures(figures) {
  return `${formatRate(figures.requestsPerSecond)} req/s  p50 ${formatMs(figures.p50)} ms  p99 ${formatMs(figures.p99)} ms`;
}

const LABEL_WIDTH = 28;

/**
 * Prints the three lines of one comparison:
 *   baseline: fastify hello-world          12345 req/s  p50 0.62 ms  p99 2.10 ms
 *   product:  GET /api/health              10234 req/s  p50 0.80 ms  p99 2.90 ms
 *   ratio:    product/baseline = 0.83 (throughput)  p50 x1.29  p99 x1.38 (latency)
 * A throughput ratio under 1 means the product serves fewer requests per second than the baseline.
 */
export function report(baseline, product) {
  const ratio = product.figures.requestsPerSecond / baseline.figures.requestsPerSecond;
  console.log(`baseline: ${baseline.label.padEnd(LABEL_WIDTH)} ${formatFigures(baseline.figures)}`);
  console.log(`product:  ${product.label.padEnd(LABEL_WIDTH)} ${formatFigures(product.figures)}`);
  console.log(
    `ratio:    product/baseline = ${ratio.toFixed(2)} (throughput)  ` +
      `p50 x${(product.figures.p50 / baseline.figures.p50).toFixed(2)}  ` +
      `p99 x${(product.figures.p99 / baseline.figures.p99).toFixed(2)} (latency)`,
  );
  const rounds = product.figures.rounds ?? [];
  if (rounds.length > 1) {
    const each = rounds.map((rate, i) => (rate / baseline.figures.rounds[i]).toFixed(2));
    console.log(`#         throughput ratio per round: ${each.join(' ')}`);
  }
  return ratio;
}

/** One line describing the run, printed before the figures so a result can be reproduced. */
export function describeRun(extra = '') {
  const s = benchSettings();
  const head =
    `# ${s.connections} connections, ${s.warmup} s warm-up, ${s.rounds} interleaved round(s) of ${s.duration} s ` +
    `per target, node ${process.version}`;
  return extra ? `${head}, ${extra}` : head;
}
