// Scores and rankings (考核得分与排名): the units of a kind scored with the year's scheme from the
// indicator table of the period, stored one row per unit (replaced all together on recompute, in
// one audited transaction) so that a bulletin, the dashboard and a reader see the same figures.
// Ranks are the county's; a reader sees the units of his scope with their county ranks.
import {
  DomainError,
  SCORE_FORMULA,
  defaultScoreScheme,
  isYearPeriod,
  newId,
  normalizeScheme,
  orgPathDepth,
  periodDates,
  scoreUnits,
  shanghaiDate,
  type AssessedUnitKind,
  type IndicatorCode,
  type IndicatorFigure,
  type IndicatorTable,
  type Locale,
  type Ranking,
  type Recomputed,
  type ScoreSchemeBody,
  type ScoredUnit,
  type UnitFigures,
  type UnitScoreDetail,
} from '@gridwork/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ScoreResultTable } from '../../db/tables/assessment.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../accounts/accounts.service.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { assessmentScope, computeIndicatorTable, type IndicatorsService } from './indicators.service.js';
import * as schemes from './scheme.repo.js';
import * as repo from './scores.repo.js';

/** The whole territory: ranks are over every unit of the kind. */
export const COUNTY_SCOPE = '/';

export interface SchemeInForce {
  readonly id: string;
  readonly year: number;
  readonly version: number;
  readonly body: ScoreSchemeBody;
}

/** What a stored row's details hold beside its columns. */
interface StoredDetails {
  readonly parentName: string | null;
  readonly items: ScoredUnit['items'];
  readonly deductions: ScoredUnit['deductions'];
  readonly itemPoints: number;
  readonly deductionPoints: number;
  readonly cap: number;
}

export interface ComputedScores {
  readonly period: string;
  readonly unitKind: AssessedUnitKind;
  readonly scheme: SchemeInForce;
  readonly computedAt: string;
  readonly rows: ScoreResultTable[];
}

export type RecomputeTrigger = 'first_read' | 'refresh' | 'recompute' | 'scheme_change';

/** Tries at storing scores when a scheme is saved meanwhile, before answering 409. */
export const STORE_ATTEMPTS = 3;

/**
 * Stored scores are final once computed after their period ended. Those computed while it ran
 * are refreshed on the first read of a later Shanghai day (so a running month is at most a day
 * old, and a month read after it ended is scored on all of its data once).
 */
export function storedScoresStale(period: string, computedAt: string, today: string): boolean {
  const computedOn = shanghaiDate(Date.parse(computedAt));
  return computedOn <= periodDates(period).to && computedOn < today;
}

function parseScheme(row: schemes.SchemeRow): SchemeInForce {
  return { id: row.id, year: row.year, version: row.version, body: JSON.parse(row.body) as ScoreSchemeBody };
}

/**
 * Figures measured against a target (targetFigure: a worker's report quota and training sessions,
 * a township's information reports): never too few, whatever the minimum of cases.
 */
const TARGET_FIGURES: Partial<Record<AssessedUnitKind, readonly IndicatorCode[]>> = {
  grid_worker: ['quota_attainment', 'training_compliance'],
  township: ['info_report_quota'],
};

/**
 * Rate figures re-judged against the scheme's minimum when the table was computed with another
 * one (a new version changing it is scored before it is saved). A figure measured against a
 * target is left alone: a known one, or one the table's own minimum did not call too few.
 */
export function withMinCases(table: IndicatorTable, minCases: number): IndicatorTable {
  if (table.minCases === minCases) return table;
  const targets = TARGET_FIGURES[table.unitKind] ?? [];
  const target = (code: string, figure: IndicatorFigure) => targets.includes(code as IndicatorCode) || (figure.denominator !== null && !figure.tooFew && figure.denominator < table.minCases);
  return {
    ...table,
    minCases,
    rows: table.rows.map((row) => ({
      ...row,
      figures: Object.fromEntries(
        Object.entries(row.figures).map(([code, figure]) => [code, figure.denominator === null || target(code, figure) ? figure : { ...figure, tooFew: figure.denominator < minCases }]),
      ),
    })),
  };
}

function toUnitScore(row: ScoreResultTable) {
  const details = JSON.parse(row.details) as StoredDetails;
  return {
    unitKind: row.unit_kind as AssessedUnitKind,
    unitId: row.unit_id,
    unitName: row.unit_name,
    path: row.unit_path,
    parentName: details.parentName,
    score: row.score,
    rank: row.rank,
    tooFew: row.too_few === 1,
    items: details.items,
    deductions: details.deductions,
    itemPoints: details.itemPoints,
    deductionPoints: details.deductionPoints,
    cap: details.cap,
  };
}

const byRank = (left: ScoreResultTable, right: ScoreResultTable) =>
  (left.rank ?? Number.MAX_SAFE_INTEGER) - (right.rank ?? Number.MAX_SAFE_INTEGER) || right.score - left.score || left.unit_name.localeCompare(right.unit_name, 'zh-CN');

export function createScoresService(ctx: AppContext, indicators: IndicatorsService) {
  const { db, clock, audit } = ctx;
  const currentYear = () => Number(shanghaiDate(clock()).slice(0, 4));

  /** The latest scheme of the year; a year with none gets the default, stored as its version 1. */
  async function schemeInForce(year: number): Promise<SchemeInForce> {
    const stored = await schemes.latestScheme(db.kysely, year);
    if (stored) return parseScheme(stored);
    return db.write(async (trx) => {
      await schemes.lockScores(trx, db.kind);
      const raced = await schemes.latestScheme(trx, year);
      if (raced) return parseScheme(raced);
      const scheme: SchemeInForce = { id: newId(), year, version: 1, body: normalizeScheme(defaultScoreScheme()) };
      await schemes.insertScheme(trx, { id: scheme.id, year, version: 1, body: JSON.stringify(scheme.body), note: '默认方案（系统生成）', created_by: 'system', created_at: new Date(clock()).toISOString() });
      await audit.append(trx, SYSTEM_ACTOR, { action: 'score_scheme.saved', objectType: 'score_scheme', objectId: scheme.id, details: { year, version: 1, default: true, before: null, after: scheme.body } });
      return scheme;
    });
  }

  function assertScorable(period: string): void {
    if (periodDates(period).from > shanghaiDate(clock())) throw new DomainError('SCORE_PERIOD_IN_FUTURE', { field: 'period', period });
  }

  /** Each month's figures of the codes judged month by month, for a year's score (months begun so far). */
  async function monthlyFigures(year: number, unitKind: AssessedUnitKind, codes: readonly IndicatorCode[]) {
    const today = shanghaiDate(clock());
    const months = Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`).filter((month) => `${month}-01` <= today);
    return Promise.all(
      months.map(async (period) => {
        const table = await computeIndicatorTable(db.kysely, clock(), { period, unitKind, scopePath: COUNTY_SCOPE, codes });
        return { period, figures: new Map(table.rows.map((row) => [row.unitId, row.figures as UnitFigures])), ended: periodDates(period).to < today };
      }),
    );
  }

  /** Scores every unit of the kind in the county with the scheme given (not yet stored). */
  async function compute(period: string, unitKind: AssessedUnitKind, scheme: SchemeInForce): Promise<ComputedScores> {
    assertScorable(period);
    const unitScheme = scheme.body.units[unitKind];
    if (!unitScheme) throw new DomainError('SCORE_UNIT_KIND_NOT_IN_SCHEME', { field: 'unitKind', unitKind, year: scheme.year });
    const table = withMinCases(await indicators.tableFor(COUNTY_SCOPE, period, unitKind), scheme.body.minCases);
    const monthlyCodes = [...new Set(unitScheme.deductions.filter((rule) => rule.basis === 'month').map((rule) => rule.indicator))];
    const months = isYearPeriod(period) && monthlyCodes.length > 0 ? await monthlyFigures(scheme.year, unitKind, monthlyCodes) : undefined;
    const scored = scoreUnits({
      unitKind,
      scheme: unitScheme,
      units: table.rows.map((row) => ({ unitId: row.unitId, unitName: row.unitName, path: row.path, parentName: row.parentName, figures: row.figures as UnitFigures })),
      ...(months ? { months } : {}),
      ended: periodDates(period).to < shanghaiDate(clock()),
    });
    const computedAt = new Date(clock()).toISOString();
    const rows = scored.map((unit): ScoreResultTable => {
      const details: StoredDetails = { parentName: unit.parentName, items: unit.items, deductions: unit.deductions, itemPoints: unit.itemPoints, deductionPoints: unit.deductionPoints, cap: unit.cap };
      return {
        id: newId(),
        scheme_id: scheme.id,
        period,
        unit_kind: unitKind,
        unit_id: unit.unitId,
        unit_path: unit.path,
        unit_name: unit.unitName.slice(0, 200),
        score: unit.score,
        rank: unit.rank,
        too_few: unit.tooFew ? 1 : 0,
        details: JSON.stringify(details),
        computed_at: computedAt,
      };
    });
    return { period, unitKind, scheme, computedAt, rows };
  }

  /** Replaces the stored scores of the period and kind, within the caller's transaction, audited. */
  async function storeComputed(trx: Transaction<Database>, actor: AuditActor, computed: ComputedScores, trigger: RecomputeTrigger): Promise<Recomputed> {
    const before = await repo.storedScores(trx, computed.period, computed.unitKind);
    const previous = new Map(before.map((row) => [row.unit_id, row.score]));
    const result = { period: computed.period, unitKind: computed.unitKind, units: computed.rows.length, schemeVersion: computed.scheme.version };
    // Nothing stored and nothing to store (no unit of the kind): no write, no audit entry. Another
    // reader that stored (or refreshed) the period meanwhile wins: the scores are the same.
    const fresh = before[0] !== undefined && !storedScoresStale(computed.period, before[0].computed_at, shanghaiDate(clock()));
    if ((before.length === 0 && computed.rows.length === 0) || ((trigger === 'first_read' || trigger === 'refresh') && fresh)) return result;
    await repo.replaceScores(trx, computed.period, computed.unitKind, computed.rows);
    const changed = computed.rows.filter((row) => previous.get(row.unit_id) !== row.score).length;
    await audit.append(trx, actor, {
      action: 'score.recomputed',
      objectType: 'score_result',
      objectId: `${computed.period}/${computed.unitKind}`,
      details: { period: computed.period, unitKind: computed.unitKind, trigger, schemeId: computed.scheme.id, schemeYear: computed.scheme.year, schemeVersion: computed.scheme.version, units: computed.rows.length, changed, previousSchemeIds: [...new Set(before.map((row) => row.scheme_id))] },
    });
    return result;
  }

  async function computeAndStore(period: string, unitKind: AssessedUnitKind, actor: AuditActor, trigger: RecomputeTrigger): Promise<Recomputed> {
    const year = Number(period.slice(0, 4));
    // Before the year's scheme is looked up: a period not yet begun must not leave a default scheme behind.
    assertScorable(period);
    for (let attempt = 1; ; attempt += 1) {
      const scheme = await schemeInForce(year);
      const computed = await compute(period, unitKind, scheme);
      const done = await db.write(async (trx) => {
        await schemes.lockScores(trx, db.kind);
        // A scheme saved while these were computed recomputed only what was stored then: storing
        // these would keep the old version's scores under the new one. Score again with it.
        const latest = await schemes.latestScheme(trx, year);
        if (latest && latest.id !== scheme.id) return null;
        return storeComputed(trx, actor, computed, trigger);
      });
      if (done) return done;
      if (attempt >= STORE_ATTEMPTS) throw new DomainError('RECORD_CHANGED', { field: 'period', period });
    }
  }

  async function storedRanking(period: string, unitKind: AssessedUnitKind): Promise<{ scheme: schemes.SchemeRow; rows: ScoreResultTable[] } | null> {
    const rows = await repo.storedScores(db.kysely, period, unitKind);
    const schemeId = rows[0]?.scheme_id;
    if (!schemeId) return null;
    const scheme = await schemes.schemeById(db.kysely, schemeId);
    return scheme ? { scheme, rows: rows.sort(byRank) } : null;
  }

  /** The county's scores of the period: the stored ones, else computed and stored first. */
  async function countyScores(period: string, unitKind: AssessedUnitKind, actor: AuditActor) {
    let stored = await storedRanking(period, unitKind);
    const computedAt = stored?.rows[0]?.computed_at;
    if (!stored || (computedAt !== undefined && storedScoresStale(period, computedAt, shanghaiDate(clock())))) {
      await computeAndStore(period, unitKind, actor, stored ? 'refresh' : 'first_read');
      stored = await storedRanking(period, unitKind);
    }
    // A period with no unit of the kind stores nothing: its ranking is empty.
    const scheme = stored?.scheme ?? (await schemes.latestScheme(db.kysely, Number(period.slice(0, 4))));
    if (!scheme) throw new DomainError('NOT_FOUND');
    return { scheme, computedAt: stored?.rows[0]?.computed_at ?? new Date(clock()).toISOString(), units: (stored?.rows ?? []).map(toUnitScore) };
  }

  /** The county's ranking of the period (the bulletins and the dashboard call it without a session). */
  async function rankingFor(period: string, unitKind: AssessedUnitKind, actor: AuditActor = SYSTEM_ACTOR): Promise<Ranking> {
    const county = await countyScores(period, unitKind, actor);
    return { period, unitKind, schemeId: county.scheme.id, schemeYear: county.scheme.year, schemeVersion: county.scheme.version, computedAt: county.computedAt, units: county.units };
  }

  /** Recomputes and stores the period for one kind or every kind of the scheme. */
  async function recompute(period: string, unitKind?: AssessedUnitKind, actor: AuditActor = SYSTEM_ACTOR): Promise<Recomputed[]> {
    assertScorable(period);
    const scheme = await schemeInForce(Number(period.slice(0, 4)));
    const kinds = unitKind ? [unitKind] : (Object.keys(scheme.body.units) as AssessedUnitKind[]);
    const done: Recomputed[] = [];
    for (const kind of kinds) done.push(await computeAndStore(period, kind, actor, 'recompute'));
    return done;
  }

  /** The scheme and the county's scores are the county's: an account placed below it cannot change them. */
  async function assertCountyLevel(session: AuthenticatedSession, actor: AuditActor, route: string): Promise<void> {
    if (orgPathDepth(session.user.orgPath) <= 1) return;
    await audit.appendAlone(actor, { action: 'access.denied', outcome: 'denied', details: { permission: 'assessment.manage', reason: 'below_county', route } });
    throw new DomainError('FORBIDDEN', { permission: 'assessment.manage' });
  }

  async function recomputeFor(session: AuthenticatedSession, actor: AuditActor, body: { period: string; unitKind?: AssessedUnitKind | undefined }): Promise<Recomputed[]> {
    await assertCountyLevel(session, actor, 'POST /api/assessment/scores/recompute');
    return recompute(body.period, body.unitKind, actor);
  }

  const scopeOf = (session: AuthenticatedSession, unitKind: AssessedUnitKind, orgUnitId?: string) => assessmentScope(db.kysely, session, unitKind, orgUnitId);

  const inScope = (scope: { scopePath: string; departmentId: string | null }, unit: { path: string; unitId: string }) =>
    unit.path.startsWith(scope.scopePath) && (scope.departmentId === null || unit.unitId === scope.departmentId);

  async function ranking(session: AuthenticatedSession, actor: AuditActor, query: { period: string; unitKind: AssessedUnitKind; orgUnitId?: string | undefined }): Promise<Ranking> {
    const scope = await scopeOf(session, query.unitKind, query.orgUnitId);
    const county = await rankingFor(query.period, query.unitKind, actor);
    return { ...county, units: county.units.filter((unit) => inScope(scope, unit)) };
  }

  async function unitScore(session: AuthenticatedSession, actor: AuditActor, query: { period: string; unitKind: AssessedUnitKind; unitId: string }, locale: Locale): Promise<UnitScoreDetail> {
    const scope = await scopeOf(session, query.unitKind);
    const county = await countyScores(query.period, query.unitKind, actor);
    const unit = county.units.find((candidate) => candidate.unitId === query.unitId);
    if (!unit || !inScope(scope, unit)) throw new DomainError('NOT_FOUND');
    return {
      ...unit,
      period: query.period,
      schemeYear: county.scheme.year,
      schemeVersion: county.scheme.version,
      computedAt: county.computedAt,
      rankedUnits: county.units.filter((candidate) => candidate.rank !== null).length,
      formula: SCORE_FORMULA[locale],
    };
  }

  return { rankingFor, recompute, recomputeFor, ranking, unitScore, schemeInForce, compute, storeComputed, currentYear, assertCountyLevel };
}

export type ScoresService = ReturnType<typeof createScoresService>;
