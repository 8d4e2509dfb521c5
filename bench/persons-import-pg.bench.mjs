// The registry import on PostgreSQL. BENCH_PG_PEOPLE people (default 200 000) of the synthetic
// county as a CSV, then:
//   baseline: raw COPY of the same file (pg-copy-streams, FORMAT csv) into a table of the same
//             columns with a unique index on the document number;
//   product:  the whole import, upload and background job, by the product running on PostgreSQL.
// Both in schemas of their own on BENCH_DATABASE_URL (dropped at the end). Without
// BENCH_DATABASE_URL the benchmark says so and is skipped. Target of issue 5: ≥ 0.50 of COPY.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { makeTempDir } from './lib/child-server.mjs';
import { describeRun } from './lib/measure.mjs';
import { startProductServer } from './lib/product-server.mjs';
import { KEYS, productImport, rate, seconds, serverModule, syntheticPeople, villagesWithGrids, writeCsv } from './lib/registry-bench.mjs';
import { signIn } from './lib/session.mjs';
import { from as copyFrom } from 'pg-copy-streams';

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  console.log('# skipped: set BENCH_DATABASE_URL to a PostgreSQL database the bench may use (it works in schemas of its own and drops them)');
  process.exit(0);
}
const PEOPLE = Number(process.env.BENCH_PG_PEOPLE ?? 200_000);
const pg = serverModule('pg');
const productSchema = `bench_product_${process.pid}`;
const rawSchema = `bench_raw_${process.pid}`;

const dir = makeTempDir('persons-import-pg');
const client = new pg.Client({ connectionString: url });
await client.connect();
let product;
try {
  await client.query(`create schema ${productSchema}`);
  await client.query(`create schema ${rawSchema}`);
  product = await startProductServer({ demo: true, databaseUrl: url, env: { GRIDWORK_DB_SCHEMA: productSchema } });
  const county = await signIn(product.url, 'county');
  const places = await villagesWithGrids(product.url, county);
  const csvFile = path.join(dir, 'people.csv');
  const written = await writeCsv(csvFile, syntheticPeople({ seed: 9, count: PEOPLE, countyCode: '511124', places, today: new Date().toISOString().slice(0, 10) }));
  console.log(`# generated ${written} people: ${(fs.statSync(csvFile).size / 1e6).toFixed(0)} MB of CSV`);
  console.log(describeRun(`${os.cpus().length} cores, product LOG_LEVEL=${product.logLevel}, PostgreSQL`));

  await client.query(`create table ${rawSchema}.person_raw (${KEYS.map((key) => `"${key}" text`).join(', ')})`);
  await client.query(`create unique index on ${rawSchema}.person_raw ("idNumber")`);
  let start = process.hrtime.bigint();
  await pipeline(fs.createReadStream(csvFile), client.query(copyFrom(`copy ${rawSchema}.person_raw from stdin with (format csv, header true)`)));
  const rawSecs = seconds(start);

  start = process.hrtime.bigint();
  const imported = await productImport(product.url, county, csvFile, 'people.csv');
  if (imported.job.inserted + imported.job.updated !== written || imported.job.rejected !== 0) throw new Error(`expected ${written} landed, got ${JSON.stringify(imported.job)}`);
  const ratio = written / imported.secs / (written / rawSecs);
  console.log(`baseline: ${'raw COPY'.padEnd(28)} ${rate(written, rawSecs)}  ${rawSecs.toFixed(1)} s`);
  console.log(`product:  ${'CSV import (upload + job)'.padEnd(28)} ${rate(written, imported.secs)}  ${imported.secs.toFixed(1)} s`);
  console.log(`ratio:    product/baseline = ${ratio.toFixed(2)} (throughput)`);
  console.log(`# target: ratio ≥ 0.50 (${ratio >= 0.5 ? 'met' : 'NOT met'})`);
} finally {
  await product?.stop();
  await client.query(`drop schema if exists ${productSchema} cascade`);
  await client.query(`drop schema if exists ${rawSchema} cascade`);
  await client.end();
  fs.rmSync(dir, { recursive: true, force: true });
}
