// Indicators from events, cards and sign-ins: login rate, on-time sign-for and handling, closure,
// return and rework, report quota, valid reports, yellow and red cards. Each is one or two GROUP BY
// reads over the period and scope (by the event's village or township code, its lead department,
// the grid worker), rolled up here into the units asked; the steps' deadlines count working days.
import {
  countFigure,
  rateFigure,
  targetFigure,
  type IndicatorCode,
  type IndicatorFigure,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import { gridWorkersDuring } from './assessment-units.repo.js';
import { eventFacts } from './event-indicators.facts.js';
import { codeOf, daysOfHours, lastDayOf, monthsOf, reportTarget, unitOfPathIn, windowOf, workerLoginDays } from './indicator-period.js';
import * as repo from './event-indicators.repo.js';
import { rebuildSteps } from './event-steps.js';
import type { IndicatorComputation, IndicatorSource, SourceFigures } from './indicator-source.js';

export const EVENT_CODES = ['login_rate', 'sign_for_on_time', 'handle_on_time', 'closure_rate', 'rework_rate', 'quota_attainment', 'valid_report_rate', 'yellow_cards', 'red_cards'] as const satisfies readonly IndicatorCode[];
type EventCode = (typeof EVENT_CODES)[number];

const num = (value: string | number | null | undefined) => Number(value ?? 0);

class Figures {
  readonly map: SourceFigures = new Map();
  set(unitId: string, code: EventCode, figure: IndicatorFigure) {
    const figures = this.map.get(unitId) ?? {};
    figures[code] = figure;
    this.map.set(unitId, figures);
  }
}

async function loginRate(db: Executor, job: IndicatorComputation, out: Figures) {
  const last = lastDayOf(job);
  if (job.unitKind === 'grid_worker') {
    const hours = await repo.workerSessionHours(db, job.scopePath, windowOf(job));
    const byWorker = new Map<string, string[]>();
    for (const row of hours) {
      const list = byWorker.get(row.account_id);
      if (list) list.push(row.hour);
      else byWorker.set(row.account_id, [row.hour]);
    }
    for (const unit of job.units) {
      const days = workerLoginDays(job, unit, daysOfHours(byWorker.get(unit.id) ?? []));
      out.set(unit.id, 'login_rate', rateFigure(days.filter((day) => day.signedIn).length, days.length, job.minCases));
    }
    return;
  }
  const [checked, logged] = await Promise.all([repo.checkedDays(db, job.from, last), repo.loggedInDays(db, job.unitKind, job.scopePath, job.from, last)]);
  const byUnit = new Map(logged.map((row) => [row.unit_id, num(row.days)]));
  for (const unit of job.units) out.set(unit.id, 'login_rate', rateFigure(byUnit.get(unit.id) ?? 0, checked.length, job.minCases));
}

async function stepRates(db: Executor, job: IndicatorComputation, codes: readonly EventCode[], out: Figures) {
  const rows = await repo.stepRows(db, { path: job.scopePath }, windowOf(job));
  const { steps, dispatches } = rebuildSteps(rows, windowOf(job), job.now, job.calendar);
  const keyOf = (item: { departmentId: string | null; townshipCode: string | null }) => (job.unitKind === 'department' ? item.departmentId : item.townshipCode);
  const tally = new Map<string, { sign: [number, number]; handle: [number, number]; rework: [number, number] }>();
  const of = (key: string | null) => {
    if (key === null) return null;
    let entry = tally.get(key);
    if (!entry) tally.set(key, (entry = { sign: [0, 0], handle: [0, 0], rework: [0, 0] }));
    return entry;
  };
  for (const step of steps) {
    const entry = of(keyOf(step));
    if (!entry || step.onTime === null) continue;
    const pair = step.step === 'sign_for' ? entry.sign : entry.handle;
    pair[1] += 1;
    if (step.onTime) pair[0] += 1;
  }
  for (const dispatch of dispatches) {
    const entry = of(keyOf(dispatch));
    if (!entry) continue;
    entry.rework[1] += 1;
    if (dispatch.reworked) entry.rework[0] += 1;
  }
  for (const unit of job.units) {
    const entry = tally.get(job.unitKind === 'department' ? unit.id : codeOf(unit, 'township'));
    const put = (code: EventCode, pair: [number, number] | undefined) => {
      if (codes.includes(code)) out.set(unit.id, code, rateFigure(pair?.[0] ?? 0, pair?.[1] ?? 0, job.minCases));
    };
    put('sign_for_on_time', entry?.sign);
    put('handle_on_time', entry?.handle);
    put('rework_rate', entry?.rework);
  }
}

async function eventRates(db: Executor, job: IndicatorComputation, codes: readonly EventCode[], out: Figures) {
  const kind = job.unitKind;
  if (kind === 'grid_worker') return;
  const group = kind === 'department' ? 'lead_department_id' : kind === 'village' ? 'village_code' : 'township_code';
  const rows = await repo.eventTotals(db, group, job.scopePath, windowOf(job), kind === 'department' ? job.units.map((unit) => unit.id) : undefined);
  const byKey = new Map(rows.map((row) => [row.group_key, row]));
  for (const unit of job.units) {
    const row = byKey.get(kind === 'department' ? unit.id : codeOf(unit, kind));
    if (codes.includes('closure_rate')) out.set(unit.id, 'closure_rate', rateFigure(num(row?.closed), num(row?.valid), job.minCases));
    if (codes.includes('valid_report_rate') && kind !== 'department') out.set(unit.id, 'valid_report_rate', rateFigure(num(row?.worker_valid), num(row?.worker_reported), job.minCases));
  }
}

async function workerReports(db: Executor, job: IndicatorComputation, codes: readonly EventCode[], out: Figures) {
  const [reports, workers] = await Promise.all([repo.reportsByReporter(db, windowOf(job)), gridWorkersDuring(db, job.scopePath, job)]);
  const byWorker = new Map(reports.map((row) => [row.reporter_account_id, row]));
  if (job.unitKind === 'grid_worker') {
    const roles = new Map(workers.map((worker) => [worker.id, worker.role]));
    for (const unit of job.units) {
      const row = byWorker.get(unit.id);
      if (codes.includes('valid_report_rate')) out.set(unit.id, 'valid_report_rate', rateFigure(num(row?.valid), num(row?.reported), job.minCases));
      if (codes.includes('quota_attainment')) {
        const target = reportTarget(job, roles.get(unit.id) ?? 'grid_worker_fulltime');
        const met = Math.min(num(row?.valid), target);
        // A target, not a sample: the figure ranks whatever the minimum of cases.
        out.set(unit.id, 'quota_attainment', targetFigure(met, target));
      }
    }
    return;
  }
  if (!codes.includes('quota_attainment')) return;
  const unitOf = unitOfPathIn(job);
  const tally = new Map<string, [number, number]>();
  for (const worker of workers) {
    const unitId = unitOf(worker.org_path);
    if (worker.role !== 'grid_worker_parttime' || !unitId) continue;
    const pair = tally.get(unitId) ?? [0, 0];
    pair[1] += 1;
    if (num(byWorker.get(worker.id)?.valid) >= reportTarget(job, worker.role)) pair[0] += 1;
    tally.set(unitId, pair);
  }
  for (const unit of job.units) {
    const pair = tally.get(unit.id);
    out.set(unit.id, 'quota_attainment', rateFigure(pair?.[0] ?? 0, pair?.[1] ?? 0, job.minCases));
  }
}

async function cards(db: Executor, job: IndicatorComputation, codes: readonly EventCode[], out: Figures) {
  const months = monthsOf(job);
  const counts = new Map<string, { yellow: number; red: number }>();
  const add = (key: string | null | undefined, level: string, n: number) => {
    if (!key) return;
    const entry = counts.get(key) ?? { yellow: 0, red: 0 };
    if (level === 'yellow' || level === 'red') entry[level] += n;
    counts.set(key, entry);
  };
  if (job.unitKind === 'department') {
    for (const row of await repo.eventCardsByDepartment(db, job.units.map((unit) => unit.id), months)) add(row.department_id, row.level, num(row.n));
  } else {
    const unitOf = unitOfPathIn(job);
    const [eventCards, visitCards] = await Promise.all([repo.eventCardsByPath(db, job.scopePath, months), repo.visitCardsByPath(db, job.scopePath, months)]);
    // A village answers for its own cards; a township for every card under it, its departments' too.
    for (const row of eventCards) if (job.unitKind === 'township' || num(row.of_department) === 0) add(unitOf(row.unit_path), row.level, num(row.n));
    for (const row of visitCards) add(unitOf(row.unit_path), row.level, num(row.n));
  }
  for (const unit of job.units) {
    const entry = counts.get(unit.id);
    if (codes.includes('yellow_cards')) out.set(unit.id, 'yellow_cards', countFigure(entry?.yellow ?? 0));
    if (codes.includes('red_cards')) out.set(unit.id, 'red_cards', countFigure(entry?.red ?? 0));
  }
}

export const eventIndicators: IndicatorSource = {
  codes: EVENT_CODES,
  async compute(db, job) {
    const codes = EVENT_CODES.filter((code) => job.codes.includes(code));
    const out = new Figures();
    const asked = (...some: EventCode[]) => some.some((code) => codes.includes(code));
    const kind = job.unitKind;
    const work: Promise<void>[] = [];
    if (job.units.length === 0) return out.map;
    if (asked('login_rate')) work.push(loginRate(db, job, out));
    if (asked('sign_for_on_time', 'handle_on_time', 'rework_rate') && (kind === 'department' || kind === 'township')) work.push(stepRates(db, job, codes, out));
    if (asked('closure_rate', 'valid_report_rate') && kind !== 'grid_worker') work.push(eventRates(db, job, codes, out));
    if (asked('quota_attainment') || (asked('valid_report_rate') && kind === 'grid_worker')) work.push(workerReports(db, job, codes, out));
    if (asked('yellow_cards', 'red_cards') && kind !== 'grid_worker') work.push(cards(db, job, codes, out));
    await Promise.all(work);
    return out.map;
  },
  facts: (db, job) => eventFacts(db, job),
};
