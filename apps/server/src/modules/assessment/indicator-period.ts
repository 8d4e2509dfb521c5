// The period as every indicator source counts it, in one place: today and the last day counted,
// the instants up to now, the months of the cards and of the quotas, the grid workers' report
// target, the code of a unit's level, and the fact list handed back (capped at the caller's limit).
import { isYearPeriod, shanghaiDate, shanghaiMonth, workdaysBetween, type IndicatorFact, type Locale } from '@gridwork/core';
import { pathAtDepth, type AssessedUnit } from './assessment-units.repo.js';
import type { IndicatorComputation, IndicatorPeriod } from './indicator-source.js';

/** An instant window [start, end), ISO UTC. */
export interface Window {
  readonly start: string;
  readonly end: string;
}

/** Monthly report targets when the computation is given none: the configuration's defaults (GRIDWORK_QUOTA_PARTTIME / _FULLTIME). */
export const DEFAULT_REPORT_QUOTAS = { parttime: 4, fulltime: 20 } as const;

/** The unit a row's path rolls up to among the units asked: its village (depth 3) or township (depth 2). */
export function unitOfPathIn(job: Pick<IndicatorComputation, 'units' | 'unitKind'>): (path: string) => string | undefined {
  const byPath = new Map(job.units.map((unit) => [unit.path, unit.id]));
  const depth = job.unitKind === 'township' ? 2 : 3;
  return (path) => byPath.get(pathAtDepth(path, depth));
}

/** Today's Shanghai date at the time of computing. */
export function todayOf(job: Pick<IndicatorPeriod, 'now'>): string {
  return shanghaiDate(Date.parse(job.now));
}

/** The last day counted: the period's last day or today, whichever comes first. */
export function lastDayOf(job: Pick<IndicatorPeriod, 'to' | 'now'>): string {
  const today = todayOf(job);
  return job.to < today ? job.to : today;
}

/** The instants counted: the period up to now. */
export function windowOf(job: Pick<IndicatorPeriod, 'fromInstant' | 'toInstant' | 'now'>): Window {
  return { start: job.fromInstant, end: job.toInstant < job.now ? job.toInstant : job.now };
}

/** The months (YYYY-MM) of the period. */
export function monthsOf(job: Pick<IndicatorPeriod, 'period'>): string[] {
  if (!isYearPeriod(job.period)) return [job.period];
  return Array.from({ length: 12 }, (_, index) => `${job.period}-${String(index + 1).padStart(2, '0')}`);
}

/** The months of the period that have begun by now (a year's quota grows month by month, twelve once it is over). */
export function monthsBegun(job: Pick<IndicatorPeriod, 'from' | 'to' | 'now'>): { fromMonth: string; toMonth: string; months: number } {
  const current = shanghaiMonth(Date.parse(job.now));
  const fromMonth = job.from.slice(0, 7);
  const last = job.to.slice(0, 7);
  const toMonth = last < current ? last : current;
  if (toMonth < fromMonth) return { fromMonth, toMonth, months: 0 };
  const months = (Number(toMonth.slice(0, 4)) - Number(fromMonth.slice(0, 4))) * 12 + Number(toMonth.slice(5)) - Number(fromMonth.slice(5)) + 1;
  return { fromMonth, toMonth, months };
}

/**
 * A grid worker's valid-report target of the period: the monthly quota of the role × the months of
 * the period begun by now — a past year's is 12 ×, this year's grows month by month (as the
 * information report quota does), so that a year in progress is not judged against months to come.
 */
export function reportTarget(job: Pick<IndicatorPeriod, 'from' | 'to' | 'now' | 'reportQuotas'>, role: string): number {
  const quotas = job.reportQuotas ?? DEFAULT_REPORT_QUOTAS;
  const monthly = role === 'grid_worker_parttime' ? quotas.parttime : quotas.fulltime;
  return monthly * monthsBegun(job).months;
}

/** The code of a unit's level in its path: a village's 12 digits, a township's 9. */
export function codeOf(unit: Pick<AssessedUnit, 'path'>, kind: 'village' | 'township'): string {
  return unit.path.split('/').filter(Boolean)[kind === 'village' ? 2 : 1] ?? '';
}

/** The Shanghai days of UTC hours (YYYY-MM-DDTHH) a grid worker began sessions in. */
export function daysOfHours(hours: readonly string[]): Set<string> {
  return new Set(hours.map((hour) => shanghaiDate(Date.parse(`${hour}:00:00.000Z`))));
}

/**
 * The working days a grid worker is asked to sign in on, and whether he did: the period's working
 * days up to today while his account was open. Today, the day it was opened and the day it was
 * disabled count only once he signed in on them: he had not the whole day.
 */
export function workerLoginDays(
  job: Pick<IndicatorPeriod, 'from' | 'to' | 'now' | 'calendar'>,
  worker: Pick<AssessedUnit, 'openedAt' | 'disabledAt'>,
  signedIn: ReadonlySet<string>,
): { day: string; signedIn: boolean }[] {
  const last = lastDayOf(job);
  if (last < job.from) return [];
  const today = todayOf(job);
  const opened = worker.openedAt ? shanghaiDate(Date.parse(worker.openedAt)) : null;
  const disabled = worker.disabledAt ? shanghaiDate(Date.parse(worker.disabledAt)) : null;
  return workdaysBetween(job.from, last, job.calendar).flatMap((day) => {
    if ((opened !== null && day < opened) || (disabled !== null && day > disabled)) return [];
    const partial = day === today || day === opened || day === disabled;
    return partial && !signedIn.has(day) ? [] : [{ day, signedIn: signedIn.has(day) }];
  });
}

/** The facts' words in the reader's language: `t('中文', 'English')`. */
export function wordsOf(locale: Locale): (zh: string, en: string) => string {
  return (zh, en) => (locale === 'en-US' ? en : zh);
}

/** Shanghai wall-clock time to the minute: 2026-11-24 10:00. */
export function shanghaiMinute(iso: string | null): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export interface FactList {
  readonly facts: IndicatorFact[];
  readonly truncated: boolean;
}

/** At most `limit` facts; truncated when there were more (or a query already found more). */
export function cappedFacts(facts: readonly IndicatorFact[], limit: number, more = false): FactList {
  return { facts: facts.slice(0, limit), truncated: more || facts.length > limit };
}

/** The counted facts first, each group in its order. */
export function countedFirst(facts: readonly IndicatorFact[]): IndicatorFact[] {
  return [...facts.filter((fact) => fact.counted), ...facts.filter((fact) => !fact.counted)];
}
