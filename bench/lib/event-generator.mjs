// Fills a product SQLite database (already migrated and seeded with the demo county) with many
// generated events, spread over the county's villages and grids, the catalogue's categories and
// the whole workflow, a year of reports in time order, as a busy county accumulates them. Rows
// are written with one prepared statement in transactions of 50 000, straight into the tables
// the product reads, so that the product then serves a database of realistic size.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './hello-server.mjs';

const requireFromServer = createRequire(path.join(repoRoot, 'apps', 'server', 'package.json'));
export const Database = requireFromServer('better-sqlite3');

/** The product's own deterministic generator (mulberry32), so the same seed gives the same county. */
export const { seededRandom } = await import(pathToFileURL(path.join(repoRoot, 'apps', 'server', 'dist', 'modules', 'demo', 'synthetic-people.js')).href);

/** A UUIDv7 for the given millisecond, as the product makes them (time-ordered). */
export function uuidV7At(ms, random) {
  const hex = (n, digits) => Math.floor(n).toString(16).padStart(digits, '0');
  const time = hex(ms, 12);
  const rand = () => hex(random() * 0x10000, 4);
  const variant = (0x8000 | Math.floor(random() * 0x4000)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rand().slice(1)}-${variant}-${rand()}${rand()}${rand()}`;
}

const STATUS_SHARES = [
  ['closed', 0.8],
  ['handled', 0.04],
  ['signed', 0.04],
  ['dispatched', 0.04],
  ['accepted', 0.02],
  ['reported', 0.03],
  ['rejected', 0.03],
];
const STEP_OF = {
  reported: 'accept',
  accepted: 'dispatch',
  dispatched: 'sign_for',
  signed: 'handle',
  handled: 'verify',
};
const TITLES = [
  '路灯损坏',
  '邻里土地纠纷',
  '河道垃圾堆积',
  '危房裂缝扩大',
  '违规搭建彩钢棚',
  '独居老人需要送医',
  '村道塌方',
  '出租屋消防通道堵塞',
  '流动人员未登记',
  '电动车楼道充电',
];

function pickStatus(random) {
  let roll = random();
  for (const [status, share] of STATUS_SHARES) {
    if ((roll -= share) < 0) return status;
  }
  return 'closed';
}

/**
 * Writes `count` events into the database at `file`; returns what it used and how long it took.
 * @returns {{ count: number, seconds: number, villages: number, grids: number }}
 */
export function generateEvents(file, count, { seed = 42, now = Date.now() } = {}) {
  const started = process.hrtime.bigint();
  const random = seededRandom(seed);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const villages = db
    .prepare("select id, path from org_unit where kind in ('village', 'community', 'resident_group')")
    .all();
  const grids = db.prepare("select id, path from org_unit where kind = 'grid'").all();
  const categories = db.prepare('select code, default_lead_department_id as lead from event_category').all();
  const reporter = db.prepare("select id from account where username = 'worker'").get();
  if (villages.length === 0 || categories.length === 0 || !reporter)
    throw new Error(`${file} has no demo county: seed it first`);
  // The county, township and village codes the product keeps beside each path (fixed widths 6, 9, 12).
  const codesOf = (unitPath) => [unitPath.slice(1, 7), unitPath.slice(8, 17), unitPath.slice(18, 30)];
  const places = [
    ...grids.map((grid) => ({ gridId: grid.id, path: grid.path })),
    ...villages.map((village) => ({ gridId: null, path: village.path })),
  ].map((place) => ({ ...place, codes: codesOf(place.path) }));
  const insert =
    db.prepare(`insert into event (id, client_key, client_owner, request_hash, title, description, category_code, status, source, path, grid_id,
    lon, lat, address, reporter_account_id, lead_department_id, step, step_seq, step_started_at, step_deadline, next_card_at, reported_at, updated_at, closed_at,
    county_code, township_code, village_code)
    values (?, ?, ?, ?, ?, ?, ?, ?, 'grid_worker', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const year = 365 * 24 * 3600 * 1000;
  const start = now - year;
  const batch = db.transaction((from, to) => {
    for (let index = from; index < to; index += 1) {
      const reportedMs = start + Math.floor((index / count) * year);
      const status = pickStatus(random);
      const place = places[Math.floor(random() * places.length)];
      const category = categories[Math.floor(random() * categories.length)];
      const step = STEP_OF[status] ?? null;
      const reportedAt = new Date(reportedMs).toISOString();
      const deadline = step ? new Date(reportedMs + 3 * 24 * 3600 * 1000).toISOString() : null;
      const dispatched = status !== 'reported' && status !== 'accepted' && status !== 'rejected';
      insert.run(
        uuidV7At(reportedMs, random),
        `gen-${seed}-${index}`,
        reporter.id,
        '0'.repeat(64),
        TITLES[index % TITLES.length],
        '生成的事件，用于性能测试。',
        category.code,
        status,
        place.path,
        place.gridId,
        104 + random() * 0.03,
        29.5 + random() * 0.009,
        null,
        reporter.id,
        dispatched ? category.lead : null,
        step,
        step ? 2 : 0,
        step ? reportedAt : null,
        deadline,
        null,
        reportedAt,
        reportedAt,
        status === 'closed' ? new Date(reportedMs + 2 * 24 * 3600 * 1000).toISOString() : null,
        ...place.codes,
      );
    }
  });
  for (let from = 0; from < count; from += 50_000) batch(from, Math.min(count, from + 50_000));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { count, seconds, villages: villages.length, grids: grids.length };
}
