// The monthly events indicators of a county (issue 11): 1 M people, 1 M events, 300 villages in
// 15 townships, 55 departments, 1 500 grid workers, cards, a daily check of every working day and
// the workers' sessions, generated straight into a freshly migrated SQLite database
// (lib/assessment-generator.mjs). For villages, townships and departments:
//   product:  computeIndicatorTable (the built server's) for the events indicators of the month:
//             the units in scope, the period and its working calendar, and the events source's
//             GROUP BY reads rolled up into the units;
//   baseline: hand-written GROUP BY statements for the same figures, run raw with better-sqlite3
//             on the same file (the on-time and rework rates read the same timeline rows and judge
//             them with the same rule, rebuildSteps, since a working-time deadline is no SQL).
// Rounds are interleaved; the figures of both are compared unit by unit (the bench fails if they
// differ). Then the whole table (events and operations indicators) is timed for each unit kind.
// Target of issue 11: product within 1.5× of the baseline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeTempDir } from './lib/child-server.mjs';
import { Database } from './lib/event-generator.mjs';
import { COUNTY_PATH, generateAssessmentCounty } from './lib/assessment-generator.mjs';
import { repoRoot } from './lib/hello-server.mjs';
import { assertBuilt } from './lib/product-server.mjs';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const PERIOD = process.env.BENCH_PERIOD ?? '2026-11';
const NOW_MS = Date.parse('2026-12-02T02:00:00.000Z');

assertBuilt();
const load = (file) => import(pathToFileURL(path.join(repoRoot, 'apps', 'server', 'dist', file)).href);
const { openSqlite } = await load('db/database.js');
const { migrateToLatest } = await load('db/migrate.js');
const { computeIndicatorTable } = await load('modules/assessment/indicators.service.js');
const { EVENT_CODES } = await load('modules/assessment/event-indicators.js');
const { rebuildSteps } = await load('modules/assessment/event-steps.js');
const core = await import(pathToFileURL(path.join(repoRoot, 'packages', 'core', 'dist', 'index.js')).href);

// BENCH_DB=<file>: measure a county generated before (kept with BENCH_KEEP=1) instead of a new one.
const reuse = process.env.BENCH_DB ?? '';
const dir = reuse ? path.dirname(reuse) : makeTempDir('assessment');
const file = reuse || path.join(dir, 'gridwork.sqlite');
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  const migrating = await openSqlite(file);
  await migrateToLatest(migrating);
  await migrating.close();
  if (!reuse) {
    const generated = generateAssessmentCounty(file, { persons: PERSONS, events: EVENTS });
    console.log(`# generated in ${generated.seconds.toFixed(1)} s: ${Object.entries(generated.rows).map(([table, n]) => `${table} ${n}`).join(', ')}`);
  }

  const product = openSqlite(file);
  const raw = new Database(file, { readonly: true });
  const { from, to } = core.periodDates(PERIOD);
  const window = { start: core.shanghaiDayRange(from).start, end: core.shanghaiDayRange(to).end };
  if (window.end > new Date(NOW_MS).toISOString()) window.end = new Date(NOW_MS).toISOString();
  const today = core.shanghaiDate(NOW_MS);
  const lastDay = to < today ? to : today;
  const months = core.isYearPeriod(PERIOD) ? Array.from({ length: 12 }, (_, i) => `${PERIOD}-${String(i + 1).padStart(2, '0')}`) : [PERIOD];
  const calendarRows = raw.prepare('select date, kind from working_day where date >= ? and date <= ?').all(core.addCalendarDays(from, -31), core.addCalendarDays(to, 31));
  const calendar = core.workingCalendar(calendarRows);
  const quota = (core.isYearPeriod(PERIOD) ? 12 : 1) * 4;
  const monthList = months.map(() => '?').join(', ');

  const statements = {
    events: (group) =>
      raw.prepare(`select ${group} k, sum(status not in ('rejected', 'merged')) valid, sum(status = 'closed') closed, sum(source = 'grid_worker') wr,
        sum(source = 'grid_worker' and status not in ('rejected', 'merged')) wv from event where reported_at >= ? and reported_at < ? and ${group} is not null group by ${group}`),
    login: raw.prepare(`select c.unit_id k, count(*) n from daily_unit_check c join daily_check_run r on r.date = c.date
      where c.unit_kind = ? and c.logged_in = 1 and c.date >= ? and c.date <= ? group by c.unit_id`),
    runs: raw.prepare('select count(*) n from daily_check_run where date >= ? and date <= ?'),
    quota: raw.prepare(`with r as (select reporter_account_id id, count(*) n from event where reported_at >= ? and reported_at < ? and status not in ('rejected', 'merged') group by reporter_account_id)
      select substr(a.org_path, 1, ?) k, sum(coalesce(r.n, 0) >= ?) met, count(*) n from account a left join r on r.id = a.id
      where a.role = 'grid_worker_parttime' and a.created_at < ? and (a.disabled_at is null or a.disabled_at >= ?) group by k`),
    villageCards: raw.prepare(`select unit_path k, level, count(*) n from event_card where month in (${monthList}) and department_id is null group by unit_path, level
      union all select unit_path, level, count(*) from visit_card where month in (${monthList}) group by unit_path, level`),
    townshipCards: raw.prepare(`select substr(unit_path, 1, 18) k, level, count(*) n from event_card where month in (${monthList}) and length(unit_path) >= 18 group by k, level
      union all select substr(unit_path, 1, 18), level, count(*) from visit_card where month in (${monthList}) group by 1, 2`),
    departmentCards: raw.prepare(`select department_id k, level, count(*) n from event_card where month in (${monthList}) and department_id is not null group by department_id, level`),
    steps: raw.prepare(`select t.event_id, t.seq, t.action, t.at, case when t.action = 'dispatch' then t.details end details, e.title, e.township_code, e.step_started_at, e.step_deadline,
        c.sign_for_hours, c.handle_days
      from event_timeline t join event e on e.id = t.event_id join event_category c on c.code = e.category_code
      where t.action in ('dispatch', 'return', 'sign_for', 'handle', 'verify_fail')
        and t.event_id in (select event_id from event_timeline where action in ('dispatch', 'sign_for', 'verify_fail') and at >= ? and at < ?)`),
  };

  const unitCodes = raw.prepare('select id, code from org_unit');
  /** The baseline: the figures by unit key (village or township code, department id), as [numerator, denominator] or a count. */
  function baseline(kind) {
    const figures = new Map();
    const put = (key, code, value) => {
      const entry = figures.get(key) ?? {};
      entry[code] = value;
      figures.set(key, entry);
    };
    const group = { village: 'village_code', township: 'township_code', department: 'lead_department_id' }[kind];
    for (const row of statements.events(group).all(window.start, window.end)) {
      put(row.k, 'closure_rate', [row.closed, row.valid]);
      if (kind !== 'department') put(row.k, 'valid_report_rate', [row.wv, row.wr]);
    }
    const checked = statements.runs.get(from, lastDay).n;
    figures.checked = checked;
    const codeOfUnit = kind === 'department' ? null : new Map(unitCodes.all().map((unit) => [unit.id, unit.code]));
    for (const row of statements.login.all(kind, from, lastDay)) put(codeOfUnit ? codeOfUnit.get(row.k) : row.k, 'login_rate', [row.n, checked]);
    if (kind !== 'department') {
      const periodEnd = core.shanghaiDayRange(to).end;
      for (const row of statements.quota.all(window.start, window.end, kind === 'village' ? 31 : 18, quota, periodEnd, window.start)) {
        put(row.k.split('/').filter(Boolean).at(-1), 'quota_attainment', [row.met, row.n]);
      }
    }
    const cards = kind === 'village' ? statements.villageCards : kind === 'township' ? statements.townshipCards : statements.departmentCards;
    for (const row of cards.all(...months, ...(kind === 'department' ? [] : months))) {
      const key = kind === 'department' ? row.k : row.k.split('/').filter(Boolean).at(-1);
      const code = row.level === 'red' ? 'red_cards' : 'yellow_cards';
      put(key, code, (figures.get(key)?.[code] ?? 0) + row.n);
    }
    if (kind !== 'village') {
      const { steps, dispatches } = rebuildSteps(statements.steps.all(window.start, window.end), window, new Date(NOW_MS).toISOString(), calendar);
      const tally = (key, code, counted) => {
        const pair = figures.get(key)?.[code] ?? [0, 0];
        put(key, code, [pair[0] + (counted ? 1 : 0), pair[1] + 1]);
      };
      const keyOf = (item) => (kind === 'department' ? item.departmentId : item.townshipCode);
      for (const step of steps) if (step.onTime !== null && keyOf(step)) tally(keyOf(step), step.step === 'sign_for' ? 'sign_for_on_time' : 'handle_on_time', step.onTime);
      for (const dispatch of dispatches) if (keyOf(dispatch)) tally(keyOf(dispatch), 'rework_rate', dispatch.reworked !== null);
    }
    return figures;
  }

  const codesOf = (kind) => EVENT_CODES.filter((code) => core.INDICATORS[code].unitKinds.includes(kind));
  const productTable = (kind, codes = codesOf(kind)) => computeIndicatorTable(product.kysely, NOW_MS, { period: PERIOD, unitKind: kind, scopePath: COUNTY_PATH, codes });

  /** Every product figure against the baseline's (a unit the baseline never saw has 0 of everything). */
  function compareFigures(kind, table, figures) {
    let compared = 0;
    for (const row of table.rows) {
      const key = kind === 'department' ? row.unitId : row.path.split('/').filter(Boolean).at(-1);
      for (const [code, figure] of Object.entries(row.figures)) {
        const found = figures.get(key)?.[code];
        const expected = core.INDICATORS[code].kind === 'count' ? (found ?? 0) : code === 'login_rate' ? [found?.[0] ?? 0, figures.checked] : (found ?? [0, 0]);
        const got = core.INDICATORS[code].kind === 'count' ? figure.numerator : [figure.numerator, figure.denominator];
        if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error(`${kind} ${row.unitName} ${code}: product ${JSON.stringify(got)}, baseline ${JSON.stringify(expected)}`);
        compared += 1;
      }
    }
    return compared;
  }

  console.log(`# ${os.cpus().length} cores, node ${process.version}, SQLite, period ${PERIOD}, ${ROUNDS} interleaved rounds, median`);
  const kinds = (process.env.BENCH_KINDS ?? 'village,township,department').split(',');
  for (const kind of kinds) {
    const times = { product: [], baseline: [] };
    let table;
    let figures;
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? ['product', 'baseline'] : ['baseline', 'product'];
      for (const side of order) {
        const start = process.hrtime.bigint();
        if (side === 'product') table = await productTable(kind);
        else figures = baseline(kind);
        times[side].push(seconds(start));
      }
    }
    const compared = compareFigures(kind, table, figures);
    const base = median(times.baseline);
    const mine = median(times.product);
    const label = `${kind}s (${table.rows.length})`;
    console.log(`baseline: raw GROUP BY, ${label.padEnd(18)} ${(base * 1000).toFixed(0).padStart(6)} ms`);
    console.log(`product:  computeIndicatorTable, ${label.padEnd(10)} ${(mine * 1000).toFixed(0).padStart(6)} ms`);
    console.log(`ratio:    product/baseline = ${(mine / base).toFixed(2)} (time; target ≤ 1.5: ${mine / base <= 1.5 ? 'met' : 'NOT met'})`);
    console.log(`#         ${compared} figures equal to the baseline's; rounds product ${times.product.map((t) => (t * 1000).toFixed(0)).join(' ')} ms, baseline ${times.baseline.map((t) => (t * 1000).toFixed(0)).join(' ')} ms`);
  }
  for (const kind of process.env.BENCH_KINDS ? [] : ['village', 'township', 'department', 'grid_worker']) {
    const start = process.hrtime.bigint();
    const table = await computeIndicatorTable(product.kysely, NOW_MS, { period: PERIOD, unitKind: kind, scopePath: COUNTY_PATH });
    const all = seconds(start);
    const eventsStart = process.hrtime.bigint();
    await productTable(kind);
    console.log(`# whole table, ${kind} (${table.rows.length} units, ${table.indicators.length} indicators): ${(all * 1000).toFixed(0)} ms; its events indicators alone ${(seconds(eventsStart) * 1000).toFixed(0)} ms`);
  }
  raw.close();
  await product.close();
} finally {
  if (process.env.BENCH_KEEP === '1' || reuse) console.log(`# kept ${file}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
