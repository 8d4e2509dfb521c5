// The indicator table of a period (考核指标): every unit of a kind within the caller's scope with
// each indicator that applies to it, gathered from the sources, and the facts behind one figure.
// Jobs (scores, bulletins) call tableFor without a session, over the whole county.
import {
  DomainError,
  INDICATOR_MIN_CASES_DEFAULT,
  addCalendarDays,
  indicatorsFor,
  periodDates,
  shanghaiDayRange,
  type AssessedUnitKind,
  type IndicatorCode,
  type IndicatorFacts,
  type IndicatorFactsQuery,
  type IndicatorQuery,
  type IndicatorRow,
  type IndicatorTable,
  type Locale,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { loadWorkingCalendar } from '../calendar/working-calendar.repo.js';
import { findUnitInScope } from '../territory/territory.repo.js';
import { assessedUnits, minCasesOfYear } from './assessment-units.repo.js';
import { eventIndicators } from './event-indicators.js';
import type { IndicatorPeriod, IndicatorSource } from './indicator-source.js';
import { operationsIndicators } from './operations-indicators.js';

export const INDICATOR_SOURCES: readonly IndicatorSource[] = [eventIndicators, operationsIndicators];
export const FACTS_LIMIT = 500;

export async function indicatorPeriod(db: Executor, period: string, nowMs: number, reportQuotas?: IndicatorPeriod['reportQuotas']): Promise<IndicatorPeriod> {
  const { from, to } = periodDates(period);
  const calendar = await loadWorkingCalendar(db, addCalendarDays(from, -31), addCalendarDays(to, 31));
  const minCases = (await minCasesOfYear(db, Number(period.slice(0, 4)))) ?? INDICATOR_MIN_CASES_DEFAULT;
  return {
    period,
    from,
    to,
    fromInstant: shanghaiDayRange(from).start,
    toInstant: shanghaiDayRange(to).end,
    now: new Date(nowMs).toISOString(),
    calendar,
    minCases,
    ...(reportQuotas ? { reportQuotas } : {}),
  };
}

/** Every unit of the kind under the scope path, with the figures of the indicators that apply to it. */
export async function computeIndicatorTable(
  db: Executor,
  nowMs: number,
  input: { period: string; unitKind: AssessedUnitKind; scopePath: string; departmentId?: string; codes?: readonly IndicatorCode[]; reportQuotas?: IndicatorPeriod['reportQuotas'] },
): Promise<IndicatorTable> {
  const base = await indicatorPeriod(db, input.period, nowMs, input.reportQuotas);
  const units = await assessedUnits(db, input.unitKind, input.scopePath, base, input.departmentId);
  const codes = indicatorsFor(input.unitKind).filter((code) => !input.codes || input.codes.includes(code));
  const job = { ...base, unitKind: input.unitKind, units, scopePath: input.scopePath, codes };
  const results = await Promise.all(
    INDICATOR_SOURCES.filter((source) => source.codes.some((code) => codes.includes(code))).map((source) => source.compute(db, job)),
  );
  const rows: IndicatorRow[] = units.map((unit) => {
    const figures: IndicatorRow['figures'] = {};
    for (const result of results) {
      for (const [code, figure] of Object.entries(result.get(unit.id) ?? {})) if (figure && codes.includes(code as IndicatorCode)) figures[code] = figure;
    }
    return { unitKind: input.unitKind, unitId: unit.id, unitName: unit.name, path: unit.path, parentName: unit.parentName, figures };
  });
  return { period: input.period, unitKind: input.unitKind, from: base.from, to: base.to, minCases: base.minCases, computedAt: base.now, indicators: codes, rows };
}

/** A reader's scope: his org path narrowed to an org unit within it (404 outside); a department leader reads his department's figures only (403 for other kinds). */
export async function assessmentScope(db: Executor, session: AuthenticatedSession, unitKind: AssessedUnitKind, orgUnitId?: string): Promise<{ scopePath: string; departmentId: string | null }> {
  const departmentId = session.user.role === 'dept_leader' ? (session.departmentId ?? '-') : null;
  if (departmentId && unitKind !== 'department') throw new DomainError('FORBIDDEN', { permission: 'assessment.read' });
  if (!orgUnitId) return { scopePath: session.user.orgPath, departmentId };
  const unit = await findUnitInScope(db, session.user.orgPath, orgUnitId);
  if (!unit) throw new DomainError('NOT_FOUND');
  return { scopePath: unit.path, departmentId };
}

export function createIndicatorsService(ctx: AppContext) {
  const { db, clock } = ctx;
  const reportQuotas = ctx.config.quotas;

  async function table(session: AuthenticatedSession, query: IndicatorQuery): Promise<IndicatorTable> {
    const { scopePath, departmentId } = await assessmentScope(db.kysely, session, query.unitKind, query.orgUnitId);
    return computeIndicatorTable(db.kysely, clock(), { period: query.period, unitKind: query.unitKind, scopePath, ...(departmentId ? { departmentId } : {}), reportQuotas });
  }

  async function facts(session: AuthenticatedSession, query: IndicatorFactsQuery, locale: Locale = 'zh-CN'): Promise<IndicatorFacts> {
    const scope = await assessmentScope(db.kysely, session, query.unitKind);
    if (!indicatorsFor(query.unitKind).includes(query.indicator)) throw new DomainError('NOT_FOUND');
    const base = await indicatorPeriod(db.kysely, query.period, clock(), reportQuotas);
    const units = await assessedUnits(db.kysely, query.unitKind, scope.scopePath, base, scope.departmentId ?? undefined);
    const unit = units.find((candidate) => candidate.id === query.unitId);
    if (!unit) throw new DomainError('NOT_FOUND');
    const source = INDICATOR_SOURCES.find((candidate) => candidate.codes.includes(query.indicator));
    if (!source) throw new DomainError('NOT_FOUND');
    const [computed, listed] = await Promise.all([
      source.compute(db.kysely, { ...base, unitKind: query.unitKind, units: [unit], scopePath: unit.path, codes: [query.indicator] }),
      source.facts(db.kysely, { ...base, unitKind: query.unitKind, unit, code: query.indicator, scopePath: scope.scopePath, locale, limit: FACTS_LIMIT }),
    ]);
    const figure = computed.get(unit.id)?.[query.indicator] ?? { value: null, numerator: 0, denominator: 0, tooFew: true };
    return { period: query.period, unitKind: query.unitKind, unitId: unit.id, unitName: unit.name, indicator: query.indicator, figure, ...listed };
  }

  /** The whole county's table (for the scores and bulletins jobs). */
  function tableFor(scopePath: string, period: string, unitKind: AssessedUnitKind): Promise<IndicatorTable> {
    return computeIndicatorTable(db.kysely, clock(), { period, unitKind, scopePath, reportQuotas });
  }

  return { table, facts, tableFor };
}

export type IndicatorsService = ReturnType<typeof createIndicatorsService>;
