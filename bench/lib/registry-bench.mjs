// What the registry benchmarks share: the synthetic county written as the people workbook (CSV),
// one grid drawn in each village of the demo county, the import run as an operator runs it
// (upload, then follow the job), and the server's peak memory.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './hello-server.mjs';

const requireFromServer = createRequire(path.join(repoRoot, 'apps', 'server', 'package.json'));
export const serverModule = (name) => requireFromServer(name);
const core = await import(pathToFileURL(path.join(repoRoot, 'packages', 'core', 'dist', 'index.js')).href);
export const { syntheticPeople } = await import(pathToFileURL(path.join(repoRoot, 'apps', 'server', 'dist', 'modules', 'demo', 'synthetic-people.js')).href);
const { createFieldCrypto } = await import(pathToFileURL(path.join(repoRoot, 'apps', 'server', 'dist', 'platform', 'field-crypto.js')).href);
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

/** The person table's columns that the floors write (the product's own table, its other columns left to their defaults). */
export const FLOOR_COLUMNS = ['id', 'path', 'county_code', 'township_code', 'village_code', 'name', 'gender', 'ethnicity', 'birth_date', 'id_type', 'id_sealed', 'id_index', 'id_masked', 'phone_sealed', 'phone_index', 'phone_masked', 'hukou_place', 'address', 'residence_status', 'tags', 'status', 'version', 'key_group', 'created_at', 'updated_at'];

/**
 * A parsed CSV row as the product stores it, for the floors: the document and phone sealed and
 * blind-indexed by the product's own field crypto (AES-256-GCM, HMAC-SHA256, a throwaway key), so
 * that the floor's rows and index keys are as long and as random as the product's.
 */
export function productShapedPerson(places, now) {
  const crypto = createFieldCrypto('intl', { current: 'k1', index: 'k1', keys: new Map([['k1', randomBytes(32)]]) });
  const townshipOf = new Map(places.map((place) => [place.villageCode, place.villageCode.slice(0, 9)]));
  const at = Object.fromEntries(KEYS.map((key, index) => [key, index]));
  return (row) => {
    const village = row[at.village];
    const personPath = `/511124/${townshipOf.get(village) ?? village.slice(0, 9)}/${village}/${row[at.grid]}/`;
    const codes = core.unitCodesOfPath(personPath);
    const idNumber = row[at.idNumber];
    const phone = row[at.phone] || null;
    return [
      core.newId(), personPath, codes.countyCode, codes.townshipCode, codes.villageCode, row[at.name], row[at.gender], row[at.ethnicity], row[at.birthDate], 'resident_id',
      crypto.seal(idNumber), crypto.blindIndex('id_number', idNumber), core.maskIdNumber(idNumber),
      phone && crypto.seal(phone), phone && crypto.blindIndex('phone', phone), phone && core.maskPhone(phone),
      row[at.hukouPlace], row[at.address], row[at.residenceStatus], '[]', 'active', 1, 0, now, now,
    ];
  };
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
