// The county's scoring scheme of a year (目标分值): read (the latest version, an older one, the
// history) and changed. A change is a new version, audited with the scheme before and after; a
// past year's scheme never changes, and changing this year's recomputes this year's stored
// scores in the same transaction, so that the scheme and the scores always agree.
import {
  DomainError,
  SCORE_FORMULA,
  canonicalJson,
  defaultScoreScheme,
  newId,
  normalizeScheme,
  schemeProblem,
  type AssessedUnitKind,
  type Locale,
  type PutScoreSchemeBody,
  type PutScoreSchemeResult,
  type Recomputed,
  type ScoreScheme,
  type ScoreSchemeBody,
  type SchemeVersions,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import * as schemes from './scheme.repo.js';
import * as repo from './scores.repo.js';
import { STORE_ATTEMPTS, type ComputedScores, type ScoresService } from './scores.service.js';

const person = (id: string, name: string | null) => ({ id, name: name ?? (id === 'system' ? '系统' : id) });

export function createSchemeService(ctx: AppContext, scores: ScoresService) {
  const { db, clock, audit } = ctx;

  function view(row: schemes.SchemeRow | undefined, year: number, latestVersion: number, locale: Locale): ScoreScheme {
    const common = { year, latestVersion, editable: year >= scores.currentYear(), formula: SCORE_FORMULA[locale] };
    if (!row) return { ...common, id: null, version: 0, body: defaultScoreScheme(), note: '', createdBy: null, createdAt: null };
    return {
      ...common,
      id: row.id,
      version: row.version,
      body: JSON.parse(row.body) as ScoreScheme['body'],
      note: row.note,
      createdBy: person(row.created_by, row.display_name),
      createdAt: row.created_at,
    };
  }

  /** The latest version of the year (or the one asked); a year with none shows the default as version 0. */
  async function get(year: number, version: number | undefined, locale: Locale): Promise<ScoreScheme> {
    const latest = await schemes.latestScheme(db.kysely, year);
    if (version === undefined) return view(latest, year, latest?.version ?? 0, locale);
    const row = await schemes.schemeVersion(db.kysely, year, version);
    if (!row) throw new DomainError('NOT_FOUND');
    return view(row, year, latest?.version ?? 0, locale);
  }

  async function versions(year: number): Promise<SchemeVersions> {
    const rows = await schemes.schemeVersions(db.kysely, year);
    return { year, versions: rows.map((row) => ({ id: row.id, version: row.version, note: row.note, createdBy: person(row.created_by, row.display_name), createdAt: row.created_at })) };
  }

  /** The stored periods and kinds of the year, each once: what a change of this year's scheme recomputes (and the year itself). */
  async function storedPairs(executor: Executor, year: number) {
    const stored = await repo.storedPeriodsOfYear(executor, year);
    const kinds = new Set(stored.map((row) => row.unit_kind));
    const pairs = [...stored.map((row) => ({ period: row.period, unitKind: row.unit_kind as AssessedUnitKind })), ...[...kinds].map((unitKind) => ({ period: String(year), unitKind: unitKind as AssessedUnitKind }))];
    return [...new Map(pairs.map((pair) => [`${pair.period}/${pair.unitKind}`, pair])).values()].sort((left, right) => left.period.localeCompare(right.period) || left.unitKind.localeCompare(right.unitKind));
  }
  const keysOf = (pairs: readonly { period: string; unitKind: string }[]) => pairs.map((pair) => `${pair.period}/${pair.unitKind}`).join(',');

  /**
   * Computes this year's stored scores with the new version outside the transaction, then saves
   * the version and stores them in one: a reader who stored another period meanwhile (or a first
   * read of a kind) makes it compute again, so that no score stays on the old version. Null when
   * the stored periods kept changing.
   */
  async function saveAndRecompute(session: AuthenticatedSession, actor: AuditActor, year: number, scheme: { id: string; year: number; version: number; body: ScoreSchemeBody }, input: PutScoreSchemeBody): Promise<Recomputed[] | null> {
    const thisYear = year === scores.currentYear();
    for (let attempt = 1; attempt <= STORE_ATTEMPTS; attempt += 1) {
      const pairs = thisYear ? await storedPairs(db.kysely, year) : [];
      const recomputing: ComputedScores[] = [];
      for (const pair of pairs) {
        // A kind the new version no longer assesses loses its stored scores rather than keep the old version's.
        if (!scheme.body.units[pair.unitKind]) recomputing.push({ period: pair.period, unitKind: pair.unitKind, scheme, computedAt: new Date(clock()).toISOString(), rows: [] });
        else recomputing.push(await scores.compute(pair.period, pair.unitKind, scheme));
      }
      const done = await db.write(async (trx) => {
        await schemes.lockScores(trx, db.kind);
        const current = await schemes.latestScheme(trx, year);
        if ((current?.version ?? 0) !== input.baseVersion) throw new DomainError('RECORD_CHANGED', { field: 'baseVersion', version: current?.version ?? 0 });
        if (thisYear && keysOf(await storedPairs(trx, year)) !== keysOf(pairs)) return null;
        await schemes.insertScheme(trx, { id: scheme.id, year, version: scheme.version, body: JSON.stringify(scheme.body), note: input.note, created_by: session.user.id, created_at: new Date(clock()).toISOString() });
        await audit.append(trx, actor, {
          action: 'score_scheme.saved',
          objectType: 'score_scheme',
          objectId: scheme.id,
          orgPath: session.user.orgPath,
          details: { year, version: scheme.version, note: input.note, before: current ? (JSON.parse(current.body) as unknown) : null, after: scheme.body },
        });
        const stored: Recomputed[] = [];
        for (const computed of recomputing) stored.push(await scores.storeComputed(trx, actor, computed, 'scheme_change'));
        return stored;
      });
      if (done) return done;
    }
    return null;
  }

  async function put(session: AuthenticatedSession, actor: AuditActor, year: number, input: PutScoreSchemeBody, locale: Locale): Promise<PutScoreSchemeResult> {
    await scores.assertCountyLevel(session, actor, 'PUT /api/assessment/schemes/:year');
    if (year < scores.currentYear()) throw new DomainError('SCHEME_YEAR_CLOSED', { field: 'year', year });
    const body = normalizeScheme(input.body as ScoreSchemeBody);
    const problem = schemeProblem(body);
    if (problem) {
      const { code, ...details } = problem;
      throw new DomainError(code, details);
    }
    const latest = await schemes.latestScheme(db.kysely, year);
    if ((latest?.version ?? 0) !== input.baseVersion) throw new DomainError('RECORD_CHANGED', { field: 'baseVersion', version: latest?.version ?? 0 });
    // Nothing changed, nothing to version or recompute.
    if (latest && canonicalJson(normalizeScheme(JSON.parse(latest.body) as ScoreSchemeBody)) === canonicalJson(body)) throw new DomainError('SCHEME_UNCHANGED', { field: 'body', version: latest.version });
    const scheme = { id: newId(), year, version: input.baseVersion + 1, body };
    const recomputed = await saveAndRecompute(session, actor, year, scheme, input);
    if (!recomputed) throw new DomainError('RECORD_CHANGED', { field: 'baseVersion', version: input.baseVersion });
    return { scheme: await get(year, scheme.version, locale), recomputed };
  }

  return { get, versions, put };
}

export type SchemeService = ReturnType<typeof createSchemeService>;
