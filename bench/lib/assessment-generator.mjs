// A county for the assessment bench, written set-wise by SQLite itself (recursive CTEs, one
// INSERT … SELECT per table) into a freshly migrated product database: 15 townships of 20
// villages (300), 3 departments per township and 10 of the county, 5 grid workers per village
// (one full-time, four part-time), 1 M people, 1 M events over 23 months with their timelines
// through the whole workflow (some signed late, some returned to the center, some failing their
// verification, some still open), cards on some, a daily check for every working day and the grid
// workers' sessions. Bench-only: the product never writes its tables like this.
import { Database } from './event-generator.mjs';

export const COUNTY_PATH = '/511124/';
export const TOWNSHIPS = 15;
export const VILLAGES_PER_TOWNSHIP = 20;
const FROM_MS = Date.parse('2025-01-01T00:00:00.000Z');
const TO_MS = Date.parse('2026-11-30T12:00:00.000Z');

const ISO = (expr, modifier = '') => `strftime('%Y-%m-%dT%H:%M:%fZ', ${expr}${modifier ? `, ${modifier}` : ''})`;

/**
 * Writes the county into the migrated SQLite database at `file`.
 * @returns {{ seconds: number, rows: Record<string, number> }}
 */
export function generateAssessmentCounty(file, { persons = 1_000_000, events = 1_000_000 } = {}) {
  const started = process.hrtime.bigint();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -400000');
  const now = new Date().toISOString();
  // The grid workers' accounts were opened before the year measured: an account opened after a period is not assessed for it.
  const ACCOUNTS_OPENED = '2025-12-01T00:00:00.000Z';
  const run = (statement, ...params) => db.prepare(statement).run(...params);

  db.transaction(() => {
    // Territory: county, townships 511124101…115, villages …001…020, one grid each.
    run(`insert into org_unit (id, code, name, kind, parent_id, path, depth, boundary, min_lon, min_lat, max_lon, max_lat, retired_at, created_at, updated_at)
         values ('ou-county', '511124', '井研县', 'county', null, '/511124/', 1, null, null, null, null, null, null, ?, ?)`, now, now);
    run(`with recursive t(n) as (select 1 union all select n + 1 from t where n < ${TOWNSHIPS})
         insert into org_unit (id, code, name, kind, parent_id, path, depth, boundary, min_lon, min_lat, max_lon, max_lat, retired_at, created_at, updated_at)
         select 'ou-t' || n, '5111241' || printf('%02d', n), '乡镇' || n, 'township', 'ou-county', '/511124/5111241' || printf('%02d', n) || '/', 2, null, null, null, null, null, null, ?, ? from t`, now, now);
    run(`with recursive v(n) as (select 0 union all select n + 1 from v where n < ${TOWNSHIPS * VILLAGES_PER_TOWNSHIP - 1})
         insert into org_unit (id, code, name, kind, parent_id, path, depth, boundary, min_lon, min_lat, max_lon, max_lat, retired_at, created_at, updated_at)
         select 'ou-v' || n, '5111241' || printf('%02d', n / ${VILLAGES_PER_TOWNSHIP} + 1) || printf('%03d', n % ${VILLAGES_PER_TOWNSHIP} + 1), '村' || n, 'village', 'ou-t' || (n / ${VILLAGES_PER_TOWNSHIP} + 1),
           '/511124/5111241' || printf('%02d', n / ${VILLAGES_PER_TOWNSHIP} + 1) || '/5111241' || printf('%02d', n / ${VILLAGES_PER_TOWNSHIP} + 1) || printf('%03d', n % ${VILLAGES_PER_TOWNSHIP} + 1) || '/', 3,
           null, null, null, null, null, null, ?, ? from v`, now, now);
    // Departments: three per township (serving its path), ten of the county.
    run(`with recursive t(n) as (select 1 union all select n + 1 from t where n < ${TOWNSHIPS}), d(k) as (select 0 union all select k + 1 from d where k < 2)
         insert into department (id, name, kind, org_path, disabled_at, created_at, updated_at)
         select 'dp-t' || n || '-' || k, '乡镇' || n || '部门' || k, 'township_department', '/511124/5111241' || printf('%02d', n) || '/', null, ?, ? from t, d`, now, now);
    run(`with recursive d(k) as (select 0 union all select k + 1 from d where k < 9)
         insert into department (id, name, kind, org_path, disabled_at, created_at, updated_at)
         select 'dp-c-' || k, '县部门' || k, 'county_department', '/511124/', null, ?, ? from d`, now, now);
    // Grid workers: 5 a village, the first full-time.
    run(`insert into account (id, username, display_name, password_hash, role, org_path, locale, must_change_password, disabled_at, last_sign_in_at, failed_sign_ins, locked_until, password_changed_at, department_id, created_at, updated_at)
         select 'gw-' || (substr(o.id, 5) * 5 + k.k), 'gw' || (substr(o.id, 5) * 5 + k.k), '网格员' || (substr(o.id, 5) * 5 + k.k), 'x', case when k.k = 0 then 'grid_worker_fulltime' else 'grid_worker_parttime' end,
           o.path, 'zh-CN', 0, null, null, 0, null, null, null, ?, ?
         from org_unit o, (select 0 k union all select 1 union all select 2 union all select 3 union all select 4) k where o.kind = 'village'`, ACCOUNTS_OPENED, now);
    run(`insert or ignore into event_category (code, parent_code, name_zh, name_en, sign_for_hours, handle_days, on_spot_allowed, public_allowed, default_lead_department_id, sort_order, disabled_at, updated_at)
         values ('bench_a', null, '基层治理', 'Governance', 24, 7, 1, 1, null, 901, null, ?), ('bench_b', null, '安全隐患', 'Hazard', 4, 3, 0, 1, null, 902, null, ?), ('bench_c', null, '民生服务', 'Livelihood', 48, 15, 1, 1, null, 903, null, ?)`, now, now, now);
  })();

  // People: 1 M over the villages.
  db.transaction(() => {
    run(`with recursive p(i) as (select 0 union all select i + 1 from p where i < ${persons - 1})
         insert into person (id, path, county_code, township_code, village_code, grid_id, name, gender, ethnicity, birth_date, id_type, id_sealed, id_index, id_masked,
           phone_sealed, phone_index, phone_masked, hukou_place, address, residence_status, tags, status, status_reason, version, key_group, verified_at, verified_by, created_at, updated_at)
         select printf('pe-%010d', i), v.path, '511124', substr(v.path, 9, 9), substr(v.path, 19, 12), null, '居民' || i, null, null, null, 'resident_id', null, 'bench-' || i, null, null, null, null, null, null,
           'registered', '[]', 'active', null, 1, 0, null, null, ?, ?
         from p join org_unit v on v.id = 'ou-v' || (i % 300)`, now, now);
  })();

  // Events: i spread evenly over the months; village, status, department and category from hashes of i.
  const step = (TO_MS - FROM_MS) / events;
  db.transaction(() => {
    run(`with recursive n(i) as (select 0 union all select i + 1 from n where i < ${events - 1}),
         e as (select i, ${FROM_MS} + cast(i * ${step} as integer) as ms, (i * 37) % 300 as v, (i * 7919 + 13) % 100 as h, i % 5 as w from n)
         insert into event (id, client_key, client_owner, request_hash, title, description, category_code, status, source, path, grid_id, lon, lat, address, reporter_account_id,
           caller_name, contact_sealed, lead_department_id, duplicate_of_id, escalated_at, step, step_seq, step_started_at, step_deadline, next_card_at, remind_at, reported_at, updated_at, closed_at,
           county_code, township_code, village_code)
         select printf('%08x-%04x-7%03x-%x%03x-%012x', ms / 65536, ms % 65536, i % 4096, 8 + i % 4, (i / 4) % 4096, i), 'bench-' || i, 'bench', 'x', '事件' || i, '', 
           case i % 3 when 0 then 'bench_a' when 1 then 'bench_b' else 'bench_c' end,
           case when h < 3 then 'rejected' when h < 5 then 'merged' when h < 8 then 'reported' when h < 11 then 'accepted' when h < 15 then 'dispatched' when h < 19 then 'signed' when h < 22 then 'handled' else 'closed' end,
           case when h % 10 = 9 then 'operator' else 'grid_worker' end,
           o.path, null, null, null, null, 'gw-' || (v * 5 + w), null, null,
           case when h >= 11 and h < 22 or h >= 36 then case when i % 4 = 3 then 'dp-c-' || (i % 10) else 'dp-t' || (v / 20 + 1) || '-' || (i % 4) end end,
           null, null, null, 0, null, null, null, null,
           ${ISO('ms / 1000.0', "'unixepoch'")}, ${ISO('ms / 1000.0', "'unixepoch'")}, null,
           '511124', substr(o.path, 9, 9), substr(o.path, 19, 12)
         from e join org_unit o on o.id = 'ou-v' || v`);
  })();

  db.transaction(() => {
    const insertTimeline = (select) =>
      run(`insert into event_timeline (event_id, seq, action, from_status, to_status, actor_id, actor_name, actor_role, note, details, at) ${select}`);
    insertTimeline(`select id, 1, 'report', null, 'reported', reporter_account_id, null, null, null, '{}', reported_at from event`);
    insertTimeline(`select id, 2, case status when 'rejected' then 'reject' when 'merged' then 'merge' else case when status = 'closed' and lead_department_id is null then 'resolve_on_spot' else 'accept' end end,
      'reported', case when status in ('rejected', 'merged') then status when status = 'closed' and lead_department_id is null then 'closed' else 'accepted' end,
      null, null, null, null, '{}', ${ISO('reported_at', "'+10 minutes'")} from event where status <> 'reported'`);
    // One dispatch in ten is returned first and dispatched again the next day.
    insertTimeline(`select id, 3, 'dispatch', 'accepted', 'dispatched', null, null, null, null, '{"leadDepartmentId":"' || lead_department_id || '"}', ${ISO('reported_at', "'+30 minutes'")}
      from event where lead_department_id is not null`);
    insertTimeline(`select id, 4, 'return', 'dispatched', 'accepted', null, null, null, '非本单位职责', '{}', ${ISO('reported_at', "'+3 hours'")}
      from event where lead_department_id is not null and abs(random()) % 10 = 0 and status <> 'dispatched'`);
    insertTimeline(`select e.id, 5, 'dispatch', 'accepted', 'dispatched', null, null, null, null, '{"leadDepartmentId":"' || e.lead_department_id || '"}', ${ISO('e.reported_at', "'+1 day'")}
      from event e join event_timeline r on r.event_id = e.id and r.seq = 4`);
    // Signed for after 0 to 39 hours of the (last) dispatch: some late.
    insertTimeline(`select d.event_id, 6, 'sign_for', 'dispatched', 'signed', null, null, null, null, '{}', ${ISO('d.at', "'+' || (abs(random()) % 40) || ' hours'")}
      from event e join event_timeline d on d.event_id = e.id and d.action = 'dispatch' and d.seq = (select max(seq) from event_timeline x where x.event_id = e.id and x.action = 'dispatch')
      where e.status in ('signed', 'handled', 'closed') and e.lead_department_id is not null`);
    insertTimeline(`select s.event_id, 7, 'handle', 'signed', 'handled', null, null, null, null, '{}', ${ISO('s.at', "'+' || (abs(random()) % 12) || ' days'")}
      from event e join event_timeline s on s.event_id = e.id and s.seq = 6 where e.status in ('handled', 'closed')`);
    // One closing in twenty fails its verification first and is handled again.
    insertTimeline(`select h.event_id, 8, 'verify_fail', 'handled', 'signed', null, null, null, '未办好', '{}', ${ISO('h.at', "'+1 day'")}
      from event e join event_timeline h on h.event_id = e.id and h.seq = 7 where e.status = 'closed' and abs(random()) % 20 = 0`);
    insertTimeline(`select f.event_id, 9, 'handle', 'signed', 'handled', null, null, null, null, '{}', ${ISO('f.at', "'+' || (abs(random()) % 6) || ' days'")}
      from event_timeline f where f.seq = 8`);
    insertTimeline(`select e.id, 10, 'verify_pass', 'handled', 'closed', null, null, null, null, '{}', ${ISO('(select max(at) from event_timeline x where x.event_id = e.id)', "'+1 day'")}
      from event e where e.status = 'closed' and e.lead_department_id is not null`);
    run(`update event set closed_at = (select max(at) from event_timeline x where x.event_id = event.id) where status in ('closed', 'rejected', 'merged')`);
    // The open step of each open event, with its stored deadline (clock time here; the bench only reads it).
    run(`update event set step = case status when 'dispatched' then 'sign_for' when 'signed' then 'handle' else 'verify' end, step_seq = 1,
           step_started_at = (select max(at) from event_timeline x where x.event_id = event.id)
         where status in ('dispatched', 'signed', 'handled')`);
    run(`update event set step_deadline = ${ISO('step_started_at', "case step when 'sign_for' then '+24 hours' when 'handle' then '+7 days' else '+48 hours' end")} where step is not null`);
    // Cards: on one event in 30 of those that went to a department, and on one handled event in 4 waiting for its village.
    run(`insert into event_card (id, event_id, step_seq, step, level, department_id, unit_path, deadline, issued_at, month)
         select 'cy-' || e.id, e.id, 1, 'sign_for', 'yellow', e.lead_department_id, d.org_path, e.reported_at, e.reported_at, substr(e.reported_at, 1, 7)
         from event e join department d on d.id = e.lead_department_id where abs(random()) % 30 = 0`);
    run(`insert into event_card (id, event_id, step_seq, step, level, department_id, unit_path, deadline, issued_at, month)
         select 'cr-' || c.event_id, c.event_id, 1, 'sign_for', 'red', c.department_id, c.unit_path, c.deadline, c.issued_at, c.month from event_card c where abs(random()) % 3 = 0`);
    run(`insert into event_card (id, event_id, step_seq, step, level, department_id, unit_path, deadline, issued_at, month)
         select 'cv-' || e.id, e.id, 2, 'verify', 'yellow', null, substr(e.path, 1, 31), e.reported_at, e.reported_at, substr(e.reported_at, 1, 7)
         from event e where e.status = 'handled' and abs(random()) % 4 = 0`);
  })();

  db.transaction(() => {
    // Every working day (Monday to Friday) checked; units signed in on nine days in ten; grid workers on eight in ten.
    run(`with recursive d(day) as (select '2025-01-01' union all select date(day, '+1 day') from d where day < '2026-11-30')
         insert into daily_check_run (date, cutoff, as_of, units, checked_at)
         select day, '17:00', day || 'T09:00:00.000Z', 370, day || 'T09:00:00.000Z' from d where strftime('%w', day) not in ('0', '6')`);
    run(`insert into daily_unit_check (unit_kind, unit_id, date, name, path, accounts, logged_in, first_sign_in_at, waiting_count, late_signed_count, status, as_of, checked_at, notified_at, notified_by, notice_text, notice_recipients)
         select u.kind, u.id, r.date, u.name, u.path, 1, case when abs(random()) % 10 = 0 then 0 else 1 end, null, 0, 0, 'ok', r.as_of, r.checked_at, null, null, null, null
         from daily_check_run r
         cross join (select case kind when 'township' then 'township' else 'village' end kind, id, name, path from org_unit where kind in ('township', 'village')
                     union all select 'department', id, name, org_path from department) u`);
    run(`update daily_unit_check set first_sign_in_at = date || 'T01:00:00.000Z' where logged_in = 1`);
    run(`update daily_unit_check set status = 'not_logged_in' where logged_in = 0`);
    run(`insert into session (id, token_hash, account_id, created_at, last_seen_at, expires_at, ip, user_agent, revoked_at)
         select 'se-' || a.id || '-' || r.date, 'se-' || a.id || '-' || r.date, a.id, r.date || 'T00:30:00.000Z', r.date || 'T00:30:00.000Z', r.date || 'T12:00:00.000Z', '127.0.0.1', 'bench', null
         from daily_check_run r cross join account a where a.role like 'grid_worker%' and abs(random()) % 10 < 8`);
  })();
  db.exec('analyze');
  const rows = {};
  for (const table of ['org_unit', 'department', 'account', 'person', 'event', 'event_timeline', 'event_card', 'daily_unit_check', 'session']) {
    rows[table] = db.prepare(`select count(*) n from ${table}`).get().n;
  }
  db.close();
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, rows };
}
