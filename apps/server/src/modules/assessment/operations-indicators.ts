// Indicators from daily operations and the registry: visit compliance, registry accuracy and
// completeness, training compliance, information reports, duty lapses, survey rates. Each code is
// a few GROUP BY queries over the period and scope (by path, worker, grid or township), rolled up
// here into the units asked; the rules are the ones the visit, registry, training and
// information-report pages already apply.
import {
  INDICATORS,
  countFigure,
  rateFigure,
  targetFigure,
  type IndicatorCode,
  type IndicatorFigure,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import { infoReportSettingsOf } from '../info-reports/info-report-quota.service.js';
import type { IndicatorComputation, IndicatorSource, SourceFigures } from './indicator-source.js';
import { operationsFacts } from './operations-facts.js';
import * as repo from './operations-indicators.repo.js';
import { monthsBegun, todayOf, unitOfPathIn } from './indicator-period.js';
import { traineeCompliance } from './operations-training.js';

export const OPERATIONS_CODES = [
  'visit_compliance',
  'registry_accuracy',
  'registry_completeness',
  'training_compliance',
  'info_report_quota',
  'info_report_adoption',
  'duty_lapses',
  'survey_awareness',
  'survey_satisfaction',
] as const satisfies readonly IndicatorCode[];

/** Sums of a few counters per unit id. */
type Tally = Map<string, number[]>;

function tally<R extends { key: string | null }>(rows: readonly R[], unitOf: (key: string) => string | undefined, values: (row: R) => readonly (number | string | null)[]): Tally {
  const sums: Tally = new Map();
  for (const row of rows) {
    const unit = row.key === null ? undefined : unitOf(row.key);
    if (!unit) continue;
    const add = values(row).map(Number);
    const sum = sums.get(unit) ?? add.map(() => 0);
    sums.set(unit, sum.map((value, i) => value + (add[i] ?? 0)));
  }
  return sums;
}

type Compute = (db: Executor, job: IndicatorComputation, today: string) => Promise<Partial<Record<IndicatorCode, Map<string, IndicatorFigure>>>>;

const rates = (job: IndicatorComputation, sums: Tally, num: number, den: number) =>
  new Map(job.units.map((unit) => [unit.id, rateFigure(sums.get(unit.id)?.[num] ?? 0, sums.get(unit.id)?.[den] ?? 0, job.minCases)]));

const visitCompliance: Compute = async (db, job, today) => {
  const unitIds = new Set(job.units.map((unit) => unit.id));
  let sums: Tally;
  if (job.unitKind === 'grid_worker') {
    const [targets, overdue] = await Promise.all([
      repo.visitTargetsBy(db, 'worker', job.scopePath, job),
      repo.overdueSchedulesBy(db, 'grid', job.scopePath, job.from, job.to, today),
    ]);
    // An overdue schedule counts against the grid's answerable worker (the first assigned).
    const answerable = new Map<string, string>();
    for (const row of await repo.workersOfGrids(db, overdue.flatMap((row) => (row.key ? [row.key] : []))))
      if (!answerable.has(row.grid_id)) answerable.set(row.grid_id, row.id);
    const inUnits = (id: string | undefined) => (id && unitIds.has(id) ? id : undefined);
    sums = tally(targets, inUnits, (row) => [row.on_time, row.late, 0]);
    for (const [unit, [n = 0]] of tally(overdue, (grid) => inUnits(answerable.get(grid)), (row) => [row.n])) {
      const sum = sums.get(unit) ?? [0, 0, 0];
      sums.set(unit, [sum[0] ?? 0, sum[1] ?? 0, (sum[2] ?? 0) + n]);
    }
  } else {
    const unitOf = unitOfPathIn(job);
    const [targets, overdue] = await Promise.all([
      repo.visitTargetsBy(db, 'path', job.scopePath, job),
      repo.overdueSchedulesBy(db, 'path', job.scopePath, job.from, job.to, today),
    ]);
    sums = tally(
      [...targets.map((row) => ({ key: row.key, v: [row.on_time, row.late, 0] })), ...overdue.map((row) => ({ key: row.key, v: [0, 0, row.n] }))],
      unitOf,
      (row) => row.v,
    );
  }
  return {
    visit_compliance: new Map(job.units.map((unit) => {
      const [onTime = 0, late = 0, overdue = 0] = sums.get(unit.id) ?? [];
      return [unit.id, rateFigure(onTime, onTime + late + overdue, job.minCases)];
    })),
  };
};

const registryAccuracy: Compute = async (db, job) => {
  const rows = await repo.verificationsByPath(db, job.scopePath, job);
  return { registry_accuracy: rates(job, tally(rows, unitOfPathIn(job), (row) => [row.confirmed, row.total]), 0, 1) };
};

const registryCompleteness: Compute = async (db, job, today) => {
  const rows = await repo.completenessByPath(db, job.scopePath, job.toInstant, today);
  return { registry_completeness: rates(job, tally(rows, unitOfPathIn(job), (row) => [row.complete, row.total]), 0, 1) };
};

const trainingCompliance: Compute = async (db, job) => {
  const unitIds = new Set(job.units.map((unit) => unit.id));
  const filter = job.unitKind === 'department' ? { departmentIds: job.units.map((unit) => unit.id) } : { scopePath: job.scopePath };
  const people = await traineeCompliance(db, job, filter);
  const unitOf = unitOfPathIn(job);
  const sums: Tally = new Map();
  for (const person of people) {
    const unit =
      job.unitKind === 'department' ? (person.departmentId ?? undefined) : job.unitKind === 'grid_worker' ? person.id : unitOf(person.orgPath);
    if (!unit || !unitIds.has(unit)) continue;
    const [num = 0, den = 0] = sums.get(unit) ?? [];
    // A grid worker's own figure is the sessions credited of those asked; a unit's, its people meeting every rule.
    sums.set(unit, job.unitKind === 'grid_worker' ? [num + person.credited, den + person.required] : [num + (person.meets ? 1 : 0), den + 1]);
  }
  return {
    training_compliance:
      job.unitKind === 'grid_worker'
        ? new Map(job.units.map((unit) => [unit.id, targetFigure(sums.get(unit.id)?.[0] ?? 0, sums.get(unit.id)?.[1] ?? 0)]))
        : rates(job, sums, 0, 1),
  };
};

const infoReports: Compute = async (db, job) => {
  const { fromMonth, toMonth, months } = monthsBegun(job);
  const [settings, rows] = await Promise.all([infoReportSettingsOf(db), months > 0 ? repo.infoReportsByTownship(db, job.scopePath, fromMonth, toMonth) : Promise.resolve([])]);
  const ids = new Set(job.units.map((unit) => unit.id));
  const sums = tally(rows, (id) => (ids.has(id) ? id : undefined), (row) => [row.submitted, row.adopted]);
  const quota = settings.monthlyQuota * months;
  return {
    info_report_quota: new Map(job.units.map((unit) => [unit.id, targetFigure(Math.min(sums.get(unit.id)?.[0] ?? 0, quota), quota)])),
    info_report_adoption: rates(job, sums, 1, 0),
  };
};

const dutyLapses: Compute = async (db, job) => {
  const rows = await repo.dutyLapsesByUnit(db, job.units.map((unit) => unit.id), job.from, job.to);
  const counts = new Map(rows.map((row) => [row.key, Number(row.n)]));
  return { duty_lapses: new Map(job.units.map((unit) => [unit.id, countFigure(counts.get(unit.id) ?? 0)])) };
};

const surveys: Compute = async (db, job) => {
  const rows = await repo.surveyAnswersByVillage(db, job.scopePath, job.from, job.to);
  const sums = tally(rows, unitOfPathIn(job), (row) => [row.aware, row.asked_aware, row.satisfied, row.asked_satisfied]);
  return { survey_awareness: rates(job, sums, 0, 1), survey_satisfaction: rates(job, sums, 2, 3) };
};

const COMPUTES: readonly [readonly IndicatorCode[], Compute][] = [
  [['visit_compliance'], visitCompliance],
  [['registry_accuracy'], registryAccuracy],
  [['registry_completeness'], registryCompleteness],
  [['training_compliance'], trainingCompliance],
  [['info_report_quota', 'info_report_adoption'], infoReports],
  [['duty_lapses'], dutyLapses],
  [['survey_awareness', 'survey_satisfaction'], surveys],
];

export const operationsIndicators: IndicatorSource = {
  codes: OPERATIONS_CODES,
  async compute(db, job): Promise<SourceFigures> {
    const applies = (code: IndicatorCode) => job.codes.includes(code) && INDICATORS[code].unitKinds.includes(job.unitKind);
    const today = todayOf(job);
    const figures: SourceFigures = new Map(job.units.map((unit) => [unit.id, {}]));
    if (job.units.length === 0) return figures;
    const results = await Promise.all(COMPUTES.filter(([codes]) => codes.some(applies)).map(([, compute]) => compute(db, job, today)));
    for (const result of results) {
      for (const [code, byUnit] of Object.entries(result) as [IndicatorCode, Map<string, IndicatorFigure>][]) {
        if (!applies(code)) continue;
        for (const [unitId, figure] of byUnit) {
          const row = figures.get(unitId);
          if (row) row[code] = figure;
        }
      }
    }
    return figures;
  },
  facts: operationsFacts,
};
