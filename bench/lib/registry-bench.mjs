// What the registry benchmarks share: the synthetic county written as the people workbook (CSV),
// one grid drawn in each village of the demo county, the import run as an operator runs it
// (upload, then follow the job), and the server's peak memory.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './hello-server.mjs';

const requireFromServer = createRequire(path.join(repoRoot, 'apps', 'server', 'package.json'));
export const serverModule = (name) => requireFromServer(name);
const core = await import(pathToFileURL(path.join(repoRoot, 'packages', 'core', 'dist', 'index.js')).href);
export const { syntheticPeople } = await import(pathToFileURL(path.join(repoRoot, 'apps', 'server', 'dist', 'modules', 'demo', 'synthetic-people.js')).href);
export const KEYS = core.PERSON_COLUMNS.map((column) => column.key);
export const HEADERS = core.PERSON_COLUMNS.map((column) => column.header['zh-CN']);

export const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
export const rate = (rows, secs) => `${Math.round(rows / secs)} rows/s`.padStart(14);

/** The server's peak resident memory (VmHWM), in MB. */
export function peakRssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Math.round(Number(match[1]) / 1024) : Number.NaN;
}

/** Writes people as a CSV of the people workbook; resolves with how many. */
export async function writeCsv(file, people) {
  const out = fs.createWriteStream(file);
  const write = (line) => (out.write(line) ? undefined : new Promise((resolve) => out.once('drain', resolve)));
  await write(`${HEADERS.join(',')}\n`);
  let count = 0;
  for (const person of people) {
    await write(`${KEYS.map((key) => person[key]).join(',')}\n`);
    count += 1;
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  return count;
}

/** One grid in each village of the demo county that has none; answers the places for the generator. */
export async function villagesWithGrids(url, cookie) {
  const unitsUnder = async (parentId) =>
    (await (await fetch(`${url}/api/org-units${parentId ? `?parentId=${parentId}` : ''}`, { headers: { cookie } })).json()).items;
  const villages = [];
  for (const root of await unitsUnder(null)) {
    for (const township of await unitsUnder(root.id)) {
      for (const unit of await unitsUnder(township.id)) {
        if (['village', 'community', 'resident_group'].includes(unit.kind)) villages.push(unit);
      }
    }
  }
  if (villages.length === 0) throw new Error('the demo county has no villages');
  const places = [];
  for (const village of villages) {
    if (village.code === '511124101201') {
      places.push({ villageCode: village.code, villageName: village.name, gridCodes: ['G01', 'G02', 'G03'] });
      continue;
    }
    const created = await fetch(`${url}/api/grids`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ villageId: village.id, name: `${village.name}一组` }) });
    if (created.status !== 201) throw new Error(`grid for ${village.name}: ${created.status} ${await created.text()}`);
    places.push({ villageCode: village.code, villageName: village.name, gridCodes: ['G01'] });
  }
  return places;
}

/** Uploads a file as the operator does and follows the job; answers the ended job and the time. */
export async function productImport(url, cookie, file, fileName) {
  const start = process.hrtime.bigint();
  const type = fileName.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
  const response = await fetch(`${url}/api/imports?kind=person&fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { cookie, 'content-type': type, 'content-length': String(fs.statSync(file).size) },
    body: fs.createReadStream(file),
    duplex: 'half',
  });
  const started = await response.json();
  if (response.status !== 202) throw new Error(`import answered ${response.status}: ${JSON.stringify(started)}`);
  let lastPercent = -1;
  for (;;) {
    const job = await (await fetch(`${url}/api/imports/${started.id}`, { headers: { cookie } })).json();
    if (job.percent >= lastPercent + 20 || job.status === 'done' || job.status === 'failed') {
      console.log(`#   ${fileName}: ${job.status} ${job.percent}% (${job.rows} rows) after ${seconds(start).toFixed(1)} s`);
      lastPercent = job.percent;
    }
    if (job.status === 'failed') throw new Error(`the import failed: ${JSON.stringify(job.error)}`);
    if (job.status === 'done') return { job, secs: seconds(start) };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
