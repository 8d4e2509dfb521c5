// The daily login and sign-for check (每天定时登录签收): gathers a day's facts in a few set-wise
// queries (units, accounts, first sign-ins, the timelines of the events open at the moment, the
// day's sign-fors), lets the core rule judge every unit, and stores the results at the cut-off.
// The scheduled run and its catch-up after a restart go through `catchUp`; the console reads the
// stored days, today's live state and a month per unit.
import {
  DAILY_CHECK_LOOK_BACK_DAYS,
  DEFAULT_CARD_RULES,
  addCalendarDays,
  checkUnits,
  cutoffInstant,
  isCheckedDay,
  shanghaiDate,
  shanghaiDayRange,
  summarizeMonth,
  type CheckedUnit,
  type DailyCheckStatus,
  type DailyChecks,
  type DailyChecksQuery,
  type DailyMonthly,
  type DailyTodayQuery,
  type DailyUnitCheck,
  type DailyUnitKind,
  type DailyUnitResult,
  type EventStatus,
  type SignForFact,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { DailyUnitCheckTable } from '../../db/tables/daily-check.table.js';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../accounts/accounts.service.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { loadWorkingCalendar } from '../calendar/working-calendar.repo.js';
import * as signIns from '../sign-in-status/sign-in-status.repo.js';
import { loadDailyCheckSettings } from './daily-check-settings.service.js';
import * as repo from './daily-checks.repo.js';

/** How many days back a run looks for checks it missed (a server down over a long weekend). */
export const CATCH_UP_DAYS = DAILY_CHECK_LOOK_BACK_DAYS;

const VILLAGE_KINDS = new Set(['village', 'community', 'resident_group']);
const SEVERITY: Record<DailyCheckStatus, number> = { both: 0, not_logged_in: 1, unsigned: 2, ok: 3 };

export type DailyRunOutcome = { readonly date: string; readonly outcome: 'rest_day' | 'done_already' | 'checked' | 'busy'; readonly units: number };

/** The units the caller may see: under their path, and for a department leader only their department. */
export function scopeOf(session: AuthenticatedSession): repo.DailyCheckScope {
  if (session.user.role === 'dept_leader') return { path: '/', departmentId: session.departmentId };
  return { path: session.user.orgPath };
}

function parseLead(details: string): string | null {
  try {
    const parsed = JSON.parse(details) as { leadDepartmentId?: unknown };
    return typeof parsed.leadDepartmentId === 'string' ? parsed.leadDepartmentId : null;
  } catch {
    return null;
  }
}

/** The last day of a YYYY-MM month. */
function monthEnd(month: string): string {
  return addCalendarDays(`${addCalendarDays(`${month}-28`, 4).slice(0, 7)}-01`, -1);
}

export function createDailyChecksService(ctx: AppContext) {
  const { db, clock, audit } = ctx;
  const rules = { ...DEFAULT_CARD_RULES, ...ctx.config.cardRules };

  /** Every unit's result within the scope for `date`, as things stood at `asOf`. */
  async function computeDay(executor: Executor, scopePath: string, date: string, asOf: string): Promise<DailyUnitResult[]> {
    const day = shanghaiDayRange(date);
    const [orgUnits, departments, accounts, signedIn, timeline, signFors, dispatches] = await Promise.all([
      signIns.unitsInScope(executor, scopePath),
      signIns.departmentsInScope(executor, scopePath),
      signIns.accountsInScope(executor, scopePath),
      repo.firstSignIns(executor, day.start, asOf),
      repo.openEventTimelines(executor, scopePath, asOf),
      repo.signForsBetween(executor, scopePath, day.start, asOf),
      repo.dispatchesOfSignFors(executor, scopePath, day.start, asOf),
    ]);
    const units: CheckedUnit[] = [
      ...orgUnits.flatMap((unit): CheckedUnit[] => {
        if (unit.kind === 'township') return [{ kind: 'township', id: unit.id, name: unit.name, path: unit.path }];
        return VILLAGE_KINDS.has(unit.kind) && unit.path.split('/').filter(Boolean).length === 3 ? [{ kind: 'village', id: unit.id, name: unit.name, path: unit.path }] : [];
      }),
      ...departments.map((department): CheckedUnit => ({ kind: 'department', id: department.id, name: department.name, path: department.path })),
    ];
    const dispatchesOf = new Map<string, (typeof dispatches)[number][]>();
    for (const row of dispatches) dispatchesOf.set(row.event_id, [...(dispatchesOf.get(row.event_id) ?? []), row]);
    const signForFacts = signFors.flatMap((signFor): SignForFact[] => {
      // The sign-for answers the latest dispatch before it.
      const dispatch = (dispatchesOf.get(signFor.event_id) ?? []).reduce<(typeof dispatches)[number] | null>((latest, row) => (row.seq < signFor.seq && (!latest || row.seq > latest.seq) ? row : latest), null);
      const departmentId = dispatch ? parseLead(dispatch.details) : null;
      return dispatch && departmentId ? [{ eventId: signFor.event_id, departmentId, dispatchedAt: dispatch.at, signedAt: signFor.at, signForHours: signFor.sign_for_hours }] : [];
    });
    const earliest = signForFacts.reduce((min, fact) => (fact.dispatchedAt < min ? fact.dispatchedAt : min), day.start);
    const calendar = await loadWorkingCalendar(executor, shanghaiDate(Date.parse(earliest)), date);
    const open = new Map<string, { id: string; path: string; escalatedAt: string | null }>();
    for (const row of timeline) open.set(row.event_id, { id: row.event_id, path: row.path, escalatedAt: row.escalated_at });
    return checkUnits({
      asOf,
      units,
      accounts: accounts.map((account) => ({ id: account.id, orgPath: account.org_path, departmentId: account.department_id })),
      firstSignIns: new Map(signedIn.flatMap((row) => (row.actor_id && row.first_at ? [[row.actor_id, String(row.first_at)] as const] : []))),
      openEvents: [...open.values()],
      timeline: timeline.map((row) => ({ eventId: row.event_id, seq: row.seq, action: row.action, toStatus: row.to_status as EventStatus, leadDepartmentId: row.action === 'dispatch' ? parseLead(row.details) : null })),
      signFors: signForFacts,
      rules,
      calendar,
    });
  }

  function toRow(result: DailyUnitResult, date: string, asOf: string, now: string): DailyUnitCheckTable {
    return {
      unit_kind: result.kind,
      unit_id: result.id,
      date,
      name: result.name,
      path: result.path,
      accounts: result.accounts,
      logged_in: result.loggedIn ? 1 : 0,
      first_sign_in_at: result.firstSignInAt,
      waiting_count: result.waiting,
      late_signed_count: result.lateSigned,
      status: result.status,
      as_of: asOf,
      checked_at: now,
      notified_at: null,
      notified_by: null,
      notice_text: null,
      notice_recipients: null,
    };
  }

  /**
   * Checks one day and stores every unit's result, as of its cut-off (or of `now` when that is
   * earlier). A rest day is not checked unless the county asks; a day already done (its run row,
   * written with the results at the cut-off in force then) is left alone, so a rerun, a second
   * server or a cut-off moved later writes nothing twice.
   */
  async function runDailyCheck(date: string, now: string): Promise<DailyRunOutcome> {
    const settings = await loadDailyCheckSettings(db.kysely);
    const calendar = await loadWorkingCalendar(db.kysely, date, date);
    if (!isCheckedDay(date, calendar, settings)) return { date, outcome: 'rest_day', units: 0 };
    const cutoff = cutoffInstant(date, settings.cutoff);
    const asOf = now < cutoff ? now : cutoff;
    return db.kysely.transaction().execute(async (trx): Promise<DailyRunOutcome> => {
      if (!(await repo.tryDailyCheckLock(trx, db.kind))) return { date, outcome: 'busy', units: 0 };
      if ((await repo.runsBetween(trx, date, date)).length > 0) return { date, outcome: 'done_already', units: 0 };
      const results = await computeDay(trx, '/', date, asOf);
      await repo.upsertResults(
        trx,
        results.map((result) => toRow(result, date, asOf, now)),
      );
      // Before the cut-off the figures are provisional: the day is done only at it.
      if (asOf === cutoff) await repo.insertRun(trx, { date, cutoff: settings.cutoff, as_of: asOf, units: results.length, checked_at: now });
      const count = (statuses: readonly DailyCheckStatus[]) => results.filter((result) => statuses.includes(result.status)).length;
      await audit.append(trx, SYSTEM_ACTOR, {
        action: 'daily_check.run',
        objectType: 'daily_unit_check',
        objectId: date,
        details: { date, asOf, units: results.length, notLoggedIn: count(['not_logged_in', 'both']), unsigned: count(['unsigned', 'both']) },
      });
      return { date, outcome: 'checked', units: results.length };
    });
  }

  /** Checks every day of the last week whose cut-off has passed and that the check has not done yet. */
  async function catchUp(now: string): Promise<DailyRunOutcome[]> {
    const today = shanghaiDate(Date.parse(now));
    const from = addCalendarDays(today, -CATCH_UP_DAYS);
    const settings = await loadDailyCheckSettings(db.kysely);
    const calendar = await loadWorkingCalendar(db.kysely, from, today);
    const dates = Array.from({ length: CATCH_UP_DAYS + 1 }, (_, index) => addCalendarDays(from, index));
    const done = new Set((await repo.runsBetween(db.kysely, from, today)).map((run) => run.date));
    const due = dates.filter((date) => cutoffInstant(date, settings.cutoff) <= now && isCheckedDay(date, calendar, settings) && !done.has(date));
    const outcomes: DailyRunOutcome[] = [];
    for (const date of due) outcomes.push(await runDailyCheck(date, now));
    return outcomes;
  }

  type StoredRow = Awaited<ReturnType<typeof repo.resultsOfDay>>[number];

  function fromStored(row: StoredRow): DailyUnitCheck {
    return {
      kind: row.unit_kind,
      id: row.unit_id,
      name: row.name,
      path: row.path,
      date: row.date,
      accounts: row.accounts,
      loggedIn: row.logged_in === 1,
      firstSignInAt: row.first_sign_in_at,
      waiting: row.waiting_count,
      lateSigned: row.late_signed_count,
      status: row.status,
      checkedAt: row.checked_at,
      notifiedAt: row.notified_at,
      notifiedBy: row.notified_by ? { id: row.notified_by, name: row.notified_by_name ?? '' } : null,
    };
  }

  function answer(date: string, cutoff: string, workday: boolean, live: boolean, asOf: string, all: DailyUnitCheck[], query: { status?: DailyCheckStatus; kind?: DailyUnitKind }): DailyChecks {
    const sorted = [...all].sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status] || a.kind.localeCompare(b.kind) || a.path.localeCompare(b.path) || a.name.localeCompare(b.name));
    const counts = {
      units: all.length,
      ok: all.filter((item) => item.status === 'ok').length,
      notLoggedIn: all.filter((item) => item.status === 'not_logged_in' || item.status === 'both').length,
      unsigned: all.filter((item) => item.status === 'unsigned' || item.status === 'both').length,
      lateSigned: all.filter((item) => item.lateSigned > 0).length,
    };
    const items = sorted.filter((item) => (!query.status || item.status === query.status) && (!query.kind || item.kind === query.kind));
    return { date, cutoff, workday, live, asOf, counts, items };
  }

  /** A day's stored results within the caller's scope (the latest checked day by default). */
  async function list(session: AuthenticatedSession, query: DailyChecksQuery): Promise<DailyChecks> {
    const scope = scopeOf(session);
    const today = shanghaiDate(clock());
    const date = query.date ?? (await repo.latestCheckedDate(db.kysely, scope, today)) ?? today;
    const [settings, calendar, rows, runs] = await Promise.all([loadDailyCheckSettings(db.kysely), loadWorkingCalendar(db.kysely, date, date), repo.resultsOfDay(db.kysely, scope, date), repo.runsBetween(db.kysely, date, date)]);
    // A done day answers with the cut-off it was checked at; a day not done yet is provisional.
    const run = runs[0];
    const cutoff = cutoffInstant(date, settings.cutoff);
    const asOf = run?.as_of ?? rows.reduce((max, row) => (row.as_of > max ? row.as_of : max), '');
    return answer(date, run?.cutoff ?? settings.cutoff, isCheckedDay(date, calendar, settings), !run && asOf !== '' && asOf < cutoff, asOf || cutoff, rows.map(fromStored), query);
  }

  /** Today as it stands now, within the caller's scope, with who has been chased already. */
  async function today(session: AuthenticatedSession, query: DailyTodayQuery): Promise<DailyChecks> {
    const scope = scopeOf(session);
    const now = new Date(clock()).toISOString();
    const date = shanghaiDate(clock());
    const [settings, calendar, stored] = await Promise.all([loadDailyCheckSettings(db.kysely), loadWorkingCalendar(db.kysely, date, date), repo.resultsOfDay(db.kysely, scope, date)]);
    const results = (await computeDay(db.kysely, scope.path, date, now)).filter((result) => scope.departmentId === undefined || (result.kind === 'department' && result.id === scope.departmentId));
    const told = new Map(stored.map((row) => [`${row.unit_kind}:${row.unit_id}`, row]));
    const items = results.map((result): DailyUnitCheck => {
      const row = told.get(`${result.kind}:${result.id}`);
      return {
        ...result,
        date,
        checkedAt: now,
        notifiedAt: row?.notified_at ?? null,
        notifiedBy: row?.notified_by ? { id: row.notified_by, name: row.notified_by_name ?? '' } : null,
      };
    });
    return answer(date, settings.cutoff, isCheckedDay(date, calendar, settings), true, now, items, query);
  }

  /** A month per unit: the checked working days, days signed in, days with events left waiting. */
  async function monthly(session: AuthenticatedSession, query: { month?: string; kind?: DailyUnitKind }): Promise<DailyMonthly> {
    const today = shanghaiDate(clock());
    const month = query.month ?? today.slice(0, 7);
    const from = `${month}-01`;
    const end = monthEnd(month);
    const to = end < today ? end : today;
    if (to < from) return { month, checkedDays: [], items: [] };
    const [runs, rows] = await Promise.all([repo.runsBetween(db.kysely, from, to), repo.resultsBetween(db.kysely, scopeOf(session), from, to)]);
    // A day counts once its check ran at the cut-off: a unit chased this morning does not make today a checked day.
    const checkedDays = runs.map((run) => run.date);
    const items = summarizeMonth(
      rows.filter((row) => !query.kind || row.unit_kind === query.kind).map((row) => ({ kind: row.unit_kind, id: row.unit_id, name: row.name, path: row.path, date: row.date, loggedIn: row.logged_in === 1, waiting: row.waiting_count, lateSigned: row.late_signed_count })),
      checkedDays,
    );
    return { month, checkedDays, items };
  }

  return { computeDay, runDailyCheck, catchUp, list, today, monthly, toRow };
}

export type DailyChecksService = ReturnType<typeof createDailyChecksService>;
