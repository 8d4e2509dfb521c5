// The registry import on PostgreSQL. BENCH_PG_PEOPLE people (default 200 000) of the synthetic
// county as a CSV, then:
//   baseline: raw COPY of the same file (pg-copy-streams, FORMAT csv) into a table of the same
//             columns with a unique index on the document number;
//   floor:    raw COPY of the same rows into copies of the product's own person and person_history
//             tables (every index, no foreign keys), each row sealed and blind-indexed as the product
//             stores it (that shaping untimed, written to CSV beforehand): what PostgreSQL alone
//             needs for these rows in this schema;
//   product:  the whole import, upload and background job, by the product running on PostgreSQL.
// All in schemas of their own on BENCH_DATABASE_URL (dropped at the end). Without
// BENCH_DATABASE_URL the benchmark says so and is skipped. Target of issue 5: ≥ 0.50 of COPY.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { makeTempDir } from './lib/child-server.mjs';
import { describeRun } from './lib/measure.mjs';
import { startProductServer } from './lib/product-server.mjs';
import { FLOOR_COLUMNS, KEYS, productImport, productShapedPerson, rate, seconds, serverModule, syntheticPeople, villagesWithGrids, writeCsv } from './lib/registry-bench.mjs';
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
const floorSchema = `bench_floor_${process.pid}`;
const { parse } = serverModule('csv-parse');

/** The CSV's rows shaped as the product stores them, written as CSV files of person and person_history rows. */
async function writeFloorFiles(csvFile, places, personFile, historyFile) {
  const now = new Date().toISOString();
  const shape = productShapedPerson(places, now);
  const persons = fs.createWriteStream(personFile);
  const histories = fs.createWriteStream(historyFile);
  const cell = (value) => (value === null || value === undefined ? '' : `"${String(value).replaceAll('"', '""')}"`);
  let header = true;
  for await (const record of fs.createReadStream(csvFile).pipe(parse({ bom: true, relax_column_count: true }))) {
    if (header) {
      header = false;
      continue;
    }
    const row = shape(record);
    if (!persons.write(`${row.map(cell).join(',')}\n`)) await new Promise((resolve) => persons.once('drain', resolve));
    histories.write(`${[row[0], 1, 'imported', '导入 people.csv', null, '操作员', '{}', now].map(cell).join(',')}\n`);
  }
  await Promise.all([persons, histories].map((out) => new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())))));
}

const dir = makeTempDir('persons-import-pg');
const client = new pg.Client({ connectionString: url });
await client.connect();
let product;
try {
  await client.query(`create schema ${productSchema}`);
  await client.query(`create schema ${rawSchema}`);
  await client.query(`create schema ${floorSchema}`);
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

  // The product's tables as its migrations made them (still empty), copied with every index.
  for (const table of ['person', 'person_history']) await client.query(`create table ${floorSchema}.${table} (like ${productSchema}.${table} including all)`);
  const floorPersons = path.join(dir, 'floor-person.csv');
  const floorHistories = path.join(dir, 'floor-history.csv');
  await writeFloorFiles(csvFile, places, floorPersons, floorHistories);
  start = process.hrtime.bigint();
  await client.query('begin');
  await pipeline(fs.createReadStream(floorPersons), client.query(copyFrom(`copy ${floorSchema}.person (${FLOOR_COLUMNS.join(', ')}) from stdin with (format csv)`)));
  await pipeline(fs.createReadStream(floorHistories), client.query(copyFrom(`copy ${floorSchema}.person_history (person_id, version, action, reason, actor_id, actor_name, changes, at) from stdin with (format csv)`)));
  await client.query('commit');
  const floorSecs = seconds(start);

  start = process.hrtime.bigint();
  const imported = await productImport(product.url, county, csvFile, 'people.csv');
  if (imported.job.inserted + imported.job.updated !== written || imported.job.rejected !== 0) throw new Error(`expected ${written} landed, got ${JSON.stringify(imported.job)}`);
  const ratio = written / imported.secs / (written / rawSecs);
  console.log(`baseline: ${'raw COPY'.padEnd(28)} ${rate(written, rawSecs)}  ${rawSecs.toFixed(1)} s`);
  console.log(`product:  ${'CSV import (upload + job)'.padEnd(28)} ${rate(written, imported.secs)}  ${imported.secs.toFixed(1)} s`);
  console.log(`ratio:    product/baseline = ${ratio.toFixed(2)} (throughput)`);
  console.log(`# target: ratio ≥ 0.50 (${ratio >= 0.5 ? 'met' : 'NOT met'})`);
  console.log(`baseline: ${'floor: COPY into person table'.padEnd(28)} ${rate(written, floorSecs)}  ${floorSecs.toFixed(1)} s`);
  console.log(`ratio:    product/floor = ${(floorSecs / imported.secs).toFixed(2)}, floor/baseline = ${(rawSecs / floorSecs).toFixed(2)} (throughput)`);
} finally {
  await product?.stop();
  await client.query(`drop schema if exists ${productSchema} cascade`);
  await client.query(`drop schema if exists ${rawSchema} cascade`);
  await client.query(`drop schema if exists ${floorSchema} cascade`);
  await client.end();
  fs.rmSync(dir, { recursive: true, force: true });
}
