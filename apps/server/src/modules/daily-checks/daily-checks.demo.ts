// The demo county's daily checks: an account for every village of 马踏镇 and for every demo
// department, so the check has units to judge, and three weeks of stored results before today —
// most units fine, a few villages that did not sign in on some days, the building office
// (村镇建设办) leaving events unsigned, the police station signing one late now and then. Today is
// left to the live check, so the county's page and dashboard show the real state.
import { addCalendarDays, cutoffInstant, dailyCheckNotice, dailyCheckStatus, isAccountOf, shanghaiDate, shanghaiDayRange, workdaysBetween, type CheckedUnit } from '@gridwork/core';
import type { DailyUnitCheckTable } from '../../db/tables/daily-check.table.js';
import type { AppContext } from '../../platform/context.js';
import { createAccountsService } from '../accounts/accounts.service.js';
import { loadWorkingCalendar } from '../calendar/working-calendar.repo.js';
import * as signIns from '../sign-in-status/sign-in-status.repo.js';
import { loadDailyCheckSettings } from './daily-check-settings.service.js';
import * as repo from './daily-checks.repo.js';

const TOWNSHIP = '/511124/511124101/';
const HISTORY_DAYS = 21;
/** The demo logins' password (demo.seed.ts), repeated here so this module does not import the seed that calls it. */
const DEMO_PASSWORD = 'Grid@2026';

export interface DemoDailyCheckActors {
  /** The county center's demo account, who chased yesterday's stragglers. */
  readonly countyId: string;
}

/** Accounts so that every village of 马踏镇 and every department has someone who should sign in. */
async function demoAccounts(ctx: AppContext): Promise<void> {
  const accounts = createAccountsService(ctx);
  const [units, departments, present] = await Promise.all([signIns.unitsInScope(ctx.db.kysely, TOWNSHIP), signIns.departmentsInScope(ctx.db.kysely, '/511124/'), signIns.accountsInScope(ctx.db.kysely, '/511124/')]);
  const has = (unit: CheckedUnit) => present.some((account) => isAccountOf(unit, { id: account.id, orgPath: account.org_path, departmentId: account.department_id }));
  for (const unit of units) {
    if (unit.kind === 'township' || has({ kind: 'village', id: unit.id, name: unit.name, path: unit.path })) continue;
    const code = unit.path.split('/').filter(Boolean).at(-1) ?? '';
    await accounts.createAccountAsSystem({ username: `cun${code.slice(-3)}`, displayName: `${unit.name}负责人`, password: DEMO_PASSWORD, role: 'village_admin', orgPath: unit.path, departmentId: null, mustChangePassword: false });
  }
  for (const [index, department] of departments.entries()) {
    if (has({ kind: 'department', id: department.id, name: department.name, path: department.path })) continue;
    await accounts.createAccountAsSystem({ username: `bm${String(index + 1).padStart(2, '0')}`, displayName: `${department.name}经办人`, password: DEMO_PASSWORD, role: 'dept_handler', orgPath: department.path, departmentId: department.id, mustChangePassword: false });
  }
}

/** A stable pseudo-random number in [0, 1) for a unit on a day: the same demo every time. */
function dice(seed: string): number {
  let hash = 2166136261;
  for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return ((hash >>> 0) % 1000) / 1000;
}

export async function seedDemoDailyChecks(ctx: AppContext, existing: DemoDailyCheckActors): Promise<void> {
  await demoAccounts(ctx);
  const db = ctx.db.kysely;
  const today = shanghaiDate(ctx.clock());
  const from = addCalendarDays(today, -HISTORY_DAYS);
  const [settings, calendar, orgUnits, departments, accounts] = await Promise.all([
    loadDailyCheckSettings(db),
    loadWorkingCalendar(db, from, today),
    signIns.unitsInScope(db, TOWNSHIP),
    signIns.departmentsInScope(db, '/511124/'),
    signIns.accountsInScope(db, '/511124/'),
  ]);
  const units: CheckedUnit[] = [
    ...orgUnits.map((unit): CheckedUnit => ({ kind: unit.kind === 'township' ? 'township' : 'village', id: unit.id, name: unit.name, path: unit.path })),
    ...departments.map((department): CheckedUnit => ({ kind: 'department', id: department.id, name: department.name, path: department.path })),
  ];
  const rows: DailyUnitCheckTable[] = [];
  const days = workdaysBetween(from, addCalendarDays(today, -1), calendar);
  for (const [dayIndex, date] of days.entries()) {
    const cutoff = cutoffInstant(date, settings.cutoff);
    const dayStart = Date.parse(shanghaiDayRange(date).start);
    for (const unit of units) {
      const members = accounts.filter((account) => isAccountOf(unit, { id: account.id, orgPath: account.org_path, departmentId: account.department_id })).length;
      if (members === 0) continue;
      const roll = dice(`${unit.kind}:${unit.path}:${unit.name}:${date}`);
      // About one village in twelve misses a day; the building office leaves events unsigned most days.
      const loggedIn = unit.kind === 'village' ? roll >= 0.08 : unit.kind === 'department' ? roll >= 0.04 : true;
      const building = unit.name.includes('村镇建设办');
      const waiting = building ? (dayIndex % 3 === 2 ? 0 : 1 + (dayIndex % 2)) : unit.kind === 'township' && roll > 0.85 ? 1 : unit.kind === 'village' && roll > 0.93 ? 1 : 0;
      const lateSigned = unit.name.includes('派出所') && dayIndex % 4 === 1 ? 1 : building && dayIndex % 5 === 0 ? 1 : 0;
      const firstSignInAt = loggedIn ? new Date(dayStart + (8 * 60 + Math.floor(roll * 95)) * 60_000).toISOString() : null;
      const status = dailyCheckStatus({ accounts: members, loggedIn, waiting });
      const chased = status !== 'ok' && dayIndex === days.length - 1;
      rows.push({
        unit_kind: unit.kind,
        unit_id: unit.id,
        date,
        name: unit.name,
        path: unit.path,
        accounts: members,
        logged_in: loggedIn ? 1 : 0,
        first_sign_in_at: firstSignInAt,
        waiting_count: waiting,
        late_signed_count: lateSigned,
        status,
        as_of: cutoff,
        checked_at: cutoff,
        // The county chased yesterday's stragglers a few minutes after the cut-off.
        notified_at: chased ? new Date(Date.parse(cutoff) + 5 * 60_000).toISOString() : null,
        notified_by: chased ? existing.countyId : null,
        notice_text: chased ? dailyCheckNotice({ ...unit, date, cutoff: settings.cutoff, loggedIn, accounts: members, waiting }) : null,
        notice_recipients: chased ? members : null,
      });
    }
  }
  await db.transaction().execute(async (trx) => {
    await repo.upsertResults(trx, rows);
    for (const date of days) {
      const cutoff = cutoffInstant(date, settings.cutoff);
      await repo.insertRun(trx, { date, cutoff: settings.cutoff, as_of: cutoff, units: rows.filter((row) => row.date === date).length, checked_at: cutoff });
    }
  });
}
