// What an indicator source gives the indicator table: figures of some indicators for the units
// of one kind in one period, and the facts behind one figure. Each source computes its codes
// with a few GROUP BY queries over the whole period and scope, never one query per unit.
import type { AssessedUnitKind, IndicatorCode, IndicatorFact, IndicatorFigure, Locale, WorkingCalendar } from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { AssessedUnit } from './assessment-units.repo.js';

export interface IndicatorPeriod {
  /** 2026-11 or 2026. */
  readonly period: string;
  /** First and last Shanghai dates of the period. */
  readonly from: string;
  readonly to: string;
  /** The period as instants: [fromInstant, toInstant), ISO UTC (Shanghai midnight of from, and of the day after to). */
  readonly fromInstant: string;
  readonly toInstant: string;
  /** The time of computing, ISO UTC: open work whose deadline passed before it counts as late. */
  readonly now: string;
  /** Working days from a month before the period to a month after it. */
  readonly calendar: WorkingCalendar;
  readonly minCases: number;
  /** Grid workers' monthly valid-report targets (config quotas); absent: the configuration's defaults. */
  readonly reportQuotas?: { readonly parttime: number; readonly fulltime: number };
}

export interface IndicatorComputation extends IndicatorPeriod {
  readonly unitKind: AssessedUnitKind;
  /** The units to compute for (in scope, in order); a source answers for these only. */
  readonly units: readonly AssessedUnit[];
  /** The scope path every unit lies under. */
  readonly scopePath: string;
  /** The codes asked: a source computes only those of its codes that are asked and apply to the kind. */
  readonly codes: readonly IndicatorCode[];
}

/** Figures per unit id, per code. */
export type SourceFigures = Map<string, Partial<Record<IndicatorCode, IndicatorFigure>>>;

export interface FactsComputation extends IndicatorPeriod {
  readonly unitKind: AssessedUnitKind;
  readonly unit: AssessedUnit;
  readonly code: IndicatorCode;
  /** The caller's scope: a fact outside it (an event a grid worker reported elsewhere) is counted but not described. */
  readonly scopePath: string;
  /** The language of the facts' labels and notes. */
  readonly locale: Locale;
  /** At most this many facts. */
  readonly limit: number;
}

export interface IndicatorSource {
  readonly codes: readonly IndicatorCode[];
  compute(db: Executor, job: IndicatorComputation): Promise<SourceFigures>;
  /** The facts behind one unit's figure of one of this source's codes, counted ones first. */
  facts(db: Executor, job: FactsComputation): Promise<{ facts: IndicatorFact[]; truncated: boolean }>;
}
