// Surveys of awareness and satisfaction (知晓率、满意率调查): the county writes the questionnaire,
// its period, villages and sample size per village; opening it draws each village's sample from
// the registry's adult residents with the survey's seed (reproducible, without replacement; a
// village with fewer adults than the sample refuses the whole opening), and closing it ends the
// answering. Readers see the survey's villages within their scope.
import { createHash, randomBytes } from 'node:crypto';
import {
  DomainError,
  ancestorPaths,
  drawSample,
  latestAdultBirthDate,
  questionnaireProblem,
  surveyDatesProblem,
  type CreateSurveyBody,
  type Survey,
  type SurveyHalf,
  type SurveyList,
  type SurveyListQuery,
  type SurveyOpenList,
  type SurveyProblem,
  type SurveyQuestion,
  type SurveyVillage,
  type UpdateSurveyBody,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { SurveyTable, SurveyVillageTable } from '../../db/tables/assessment.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { pathAtDepth } from '../assessment/assessment-units.repo.js';
import { questionsOf, toSurvey, toSurveySummary } from './surveys.mapper.js';
import * as repo from './surveys.repo.js';

/** Surveys are asked per village: a grid worker placed in a grid sees the whole village's survey. */
export function surveyScopeOf(session: AuthenticatedSession): string {
  return pathAtDepth(session.user.orgPath, 3);
}

/** The survey's id follows from the client key, so that a retried creation finds the first one. */
export function surveyIdOfClientKey(clientKey: string): string {
  const hex = createHash('sha256').update(`survey:${clientKey}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** The code a village's QR code carries: 10 characters from an alphabet without look-alikes. */
export function newPublicCode(): string {
  return [...randomBytes(10)].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
}

function throwProblem(problem: SurveyProblem): never {
  if (problem.rule === 'satisfaction_in_h1') throw new DomainError('SURVEY_SATISFACTION_IN_H1', { field: problem.field });
  if (problem.rule === 'dates_order' || problem.rule === 'dates_year') throw new DomainError('SURVEY_DATES_INVALID', { field: problem.field, rule: problem.rule });
  throw new DomainError('SURVEY_QUESTION_INVALID', { field: problem.field, rule: problem.rule });
}

function checkSurvey(half: SurveyHalf, year: number, startsOn: string, endsOn: string, questions: readonly SurveyQuestion[]): void {
  const problem = questionnaireProblem(half, questions) ?? surveyDatesProblem(year, startsOn, endsOn);
  if (problem) throwProblem(problem);
}

function normaliseQuestions(questions: readonly SurveyQuestion[]): SurveyQuestion[] {
  return questions.map((question) => ({
    id: question.id,
    kind: question.kind,
    text: question.text.trim(),
    ...(question.kind === 'free' ? {} : { options: (question.options ?? []).map((option) => ({ label: option.label.trim(), positive: option.positive })) }),
  }));
}

export function createSurveysService(ctx: AppContext) {
  const { db, clock, audit } = ctx;
  const iso = () => new Date(clock()).toISOString();

  /** The villages a survey asks: the ones named (each must be a village of the county), else all of the county's. */
  async function pickVillages(executor: Executor, countyPath: string, villageIds: readonly string[] | undefined) {
    const villages = await repo.villagesUnder(executor, countyPath, villageIds);
    if (villageIds) {
      const found = new Set(villages.map((village) => village.id));
      const missing = villageIds.findIndex((id) => !found.has(id));
      if (missing >= 0) throw new DomainError('SURVEY_VILLAGE_INVALID', { field: `villageIds[${missing}]`, villageId: villageIds[missing] });
    }
    if (villages.length === 0) throw new DomainError('SURVEY_VILLAGE_INVALID', { field: 'villageIds' });
    return villages;
  }

  async function describe(executor: Executor, row: SurveyTable, scopePath: string): Promise<Survey> {
    const villages = await repo.surveyVillages(executor, row.id, scopePath);
    const counts = await repo.answerCountsByVillage(executor, row.id, scopePath);
    const townships = new Map((await repo.unitNamesByPath(executor, villages.map((village) => pathAtDepth(village.village_path, 2)))).map((unit) => [unit.path, unit]));
    const shown: SurveyVillage[] = villages.map((village) => {
      const township = townships.get(pathAtDepth(village.village_path, 2));
      const count = counts.get(village.village_id);
      return {
        id: village.village_id,
        name: village.name,
        path: village.village_path,
        townshipId: township?.id ?? null,
        townshipName: township?.name ?? null,
        publicCode: village.public_code,
        adultPopulation: village.adult_population,
        sampleSize: village.sample_size,
        answered: count?.respondents ?? 0,
        sampled: count?.sampledRespondents ?? 0,
      };
    });
    return toSurvey(row, shown);
  }

  /** The survey when the caller may see it: county-wide callers see all, others one with a village of theirs. */
  async function visible(executor: Executor, session: AuthenticatedSession, id: string): Promise<SurveyTable> {
    const row = await repo.findSurvey(executor, id);
    if (!row) throw new DomainError('NOT_FOUND');
    const scope = surveyScopeOf(session);
    if ((await repo.surveyTotals(executor, [row.id], scope)).get(row.id) === undefined) throw new DomainError('NOT_FOUND');
    return row;
  }

  async function list(session: AuthenticatedSession, query: SurveyListQuery): Promise<SurveyList> {
    const scope = surveyScopeOf(session);
    const rows = await repo.listSurveys(db.kysely, query.year);
    const totals = await repo.surveyTotals(db.kysely, rows.map((row) => row.id), scope);
    return { items: rows.filter((row) => totals.has(row.id)).map((row) => toSurveySummary(row, totals.get(row.id))) };
  }

  /** Open surveys with a village in the caller's scope, each with its questions: what an interviewer may answer. */
  async function openForMe(session: AuthenticatedSession): Promise<SurveyOpenList> {
    const scope = surveyScopeOf(session);
    const rows = (await repo.listSurveys(db.kysely, undefined)).filter((row) => row.status === 'open');
    const totals = await repo.surveyTotals(db.kysely, rows.map((row) => row.id), scope);
    const items: Survey[] = [];
    for (const row of rows.filter((candidate) => totals.has(candidate.id))) items.push(await describe(db.kysely, row, scope));
    return { items };
  }

  async function get(session: AuthenticatedSession, id: string): Promise<Survey> {
    return describe(db.kysely, await visible(db.kysely, session, id), surveyScopeOf(session));
  }

  async function create(session: AuthenticatedSession, actor: AuditActor, body: CreateSurveyBody): Promise<{ survey: Survey; created: boolean }> {
    const id = surveyIdOfClientKey(body.clientKey);
    const scope = surveyScopeOf(session);
    const replay = async () => {
      const first = await repo.findSurvey(db.kysely, id);
      if (!first) return null;
      if (first.created_by !== session.user.id) throw new DomainError('IDEMPOTENCY_KEY_REUSED', { clientKey: body.clientKey });
      return { survey: await describe(db.kysely, first, scope), created: false };
    };
    const earlier = await replay();
    if (earlier) return earlier;
    const questions = normaliseQuestions(body.questions);
    checkSurvey(body.half, body.year, body.startsOn, body.endsOn, questions);
    const countyPath = ancestorPaths(session.user.orgPath)[1] ?? session.user.orgPath;
    const villages = await pickVillages(db.kysely, countyPath, body.villageIds);
    const adults = await repo.adultCounts(db.kysely, villages.map((village) => village.path), latestAdultBirthDate(body.startsOn));
    try {
      return await db.write(async (trx) => {
        const now = iso();
        const row: SurveyTable = {
          id,
          title: body.title.trim(),
          year: body.year,
          half: body.half,
          starts_on: body.startsOn,
          ends_on: body.endsOn,
          sample_per_village: body.samplePerVillage,
          seed: body.seed ?? randomBytes(8).toString('hex'),
          questions: JSON.stringify(questions),
          status: 'draft',
          version: 1,
          created_by: session.user.id,
          created_at: now,
          updated_at: now,
        };
        await repo.insertSurvey(trx, row);
        await repo.insertSurveyVillages(trx, villages.map((village) => villageRow(row.id, village, adults.get(village.path) ?? 0)));
        await audit.append(trx, actor, {
          action: 'survey.created',
          objectType: 'survey',
          objectId: row.id,
          orgPath: countyPath,
          details: { title: row.title, year: row.year, half: row.half, samplePerVillage: row.sample_per_village, villages: villages.length, questions: questions.length },
        });
        return { survey: await describe(trx, row, scope), created: true };
      });
    } catch (error) {
      const raced = error instanceof DomainError ? null : await replay();
      if (raced) return raced;
      throw error;
    }
  }

  function villageRow(surveyId: string, village: { id: string; path: string }, adults: number): SurveyVillageTable {
    return { survey_id: surveyId, village_id: village.id, village_path: village.path, public_code: newPublicCode(), adult_population: adults, sample_size: 0 };
  }

  /** A draft the county may still change (404 for a reader outside it; 409 once opened). */
  async function draft(executor: Executor, session: AuthenticatedSession, id: string, version?: number): Promise<SurveyTable> {
    const row = await visible(executor, session, id);
    if (version !== undefined && row.version !== version) throw new DomainError('RECORD_CHANGED', { version: row.version });
    if (row.status !== 'draft') throw new DomainError('SURVEY_NOT_DRAFT', { status: row.status });
    return row;
  }

  async function update(session: AuthenticatedSession, actor: AuditActor, id: string, body: UpdateSurveyBody): Promise<Survey> {
    const scope = surveyScopeOf(session);
    const before = await draft(db.kysely, session, id, body.version);
    const questions = body.questions ? normaliseQuestions(body.questions) : questionsOf(before);
    const half = body.half ?? before.half;
    const year = body.year ?? before.year;
    const startsOn = body.startsOn ?? before.starts_on;
    const endsOn = body.endsOn ?? before.ends_on;
    checkSurvey(half, year, startsOn, endsOn, questions);
    const countyPath = ancestorPaths(session.user.orgPath)[1] ?? session.user.orgPath;
    const current = await repo.surveyVillages(db.kysely, id, '/');
    const villages = body.villageIds ? await pickVillages(db.kysely, countyPath, body.villageIds) : current.map((village) => ({ id: village.village_id, path: village.village_path }));
    const adults = await repo.adultCounts(db.kysely, villages.map((village) => village.path), latestAdultBirthDate(startsOn));
    return db.write(async (trx) => {
      const now = iso();
      const changes: Partial<SurveyTable> = { version: before.version + 1, updated_at: now, half, year, starts_on: startsOn, ends_on: endsOn, questions: JSON.stringify(questions) };
      if (body.title !== undefined) changes.title = body.title.trim();
      if (body.samplePerVillage !== undefined) changes.sample_per_village = body.samplePerVillage;
      if (body.seed !== undefined) changes.seed = body.seed;
      if (!(await repo.updateSurvey(trx, id, before.version, 'draft', changes))) throw new DomainError('RECORD_CHANGED', { version: before.version });
      const kept = new Set(villages.map((village) => village.id));
      const existing = new Set(current.map((village) => village.village_id));
      await repo.deleteSurveyVillages(trx, id, current.filter((village) => !kept.has(village.village_id)).map((village) => village.village_id));
      await repo.insertSurveyVillages(trx, villages.filter((village) => !existing.has(village.id)).map((village) => villageRow(id, village, adults.get(village.path) ?? 0)));
      for (const village of villages.filter((candidate) => existing.has(candidate.id))) await repo.setVillageFigures(trx, id, village.id, adults.get(village.path) ?? 0, 0);
      await audit.append(trx, actor, { action: 'survey.updated', objectType: 'survey', objectId: id, orgPath: countyPath, details: { fields: Object.keys(body).filter((key) => key !== 'version') } });
      return describe(trx, { ...before, ...changes }, scope);
    });
  }

  /**
   * Draws every village's sample and opens the survey, all or nothing: a village whose adult
   * residents are fewer than the sample size refuses the opening (422 naming the village).
   */
  async function open(session: AuthenticatedSession, actor: AuditActor, id: string): Promise<Survey> {
    const scope = surveyScopeOf(session);
    return db.write(async (trx) => {
      const before = await draft(trx, session, id);
      const villages = await repo.surveyVillages(trx, id, '/');
      const latestBirth = latestAdultBirthDate(before.starts_on);
      const drawn: { villageId: string; path: string; adults: number; people: string[] }[] = [];
      for (const village of villages) {
        const adults = await repo.adultIds(trx, village.village_path, latestBirth);
        if (adults.length < before.sample_per_village) {
          throw new DomainError('SURVEY_SAMPLE_TOO_LARGE', { field: 'samplePerVillage', villageId: village.village_id, villageName: village.name, adults: adults.length, sample: before.sample_per_village });
        }
        drawn.push({ villageId: village.village_id, path: village.village_path, adults: adults.length, people: drawSample(adults, before.sample_per_village, before.seed, village.village_id) });
      }
      const now = iso();
      const changes: Partial<SurveyTable> = { status: 'open', version: before.version + 1, updated_at: now };
      if (!(await repo.updateSurvey(trx, id, before.version, 'draft', changes))) throw new DomainError('RECORD_CHANGED', { version: before.version });
      for (const village of drawn) {
        await repo.setVillageFigures(trx, id, village.villageId, village.adults, village.people.length);
        await repo.insertSamples(trx, village.people.map((personId, index) => ({ survey_id: id, village_id: village.villageId, person_id: personId, ordinal: index + 1 })));
      }
      await audit.append(trx, actor, {
        action: 'survey.opened',
        objectType: 'survey',
        objectId: id,
        orgPath: ancestorPaths(session.user.orgPath)[1] ?? session.user.orgPath,
        details: { seed: before.seed, villages: drawn.length, drawn: drawn.reduce((sum, village) => sum + village.people.length, 0) },
      });
      return describe(trx, { ...before, ...changes }, scope);
    });
  }

  async function close(session: AuthenticatedSession, actor: AuditActor, id: string): Promise<Survey> {
    const scope = surveyScopeOf(session);
    return db.write(async (trx) => {
      const before = await visible(trx, session, id);
      if (before.status !== 'open') throw new DomainError('SURVEY_NOT_OPEN', { status: before.status });
      const changes: Partial<SurveyTable> = { status: 'closed', version: before.version + 1, updated_at: iso() };
      if (!(await repo.updateSurvey(trx, id, before.version, 'open', changes))) throw new DomainError('RECORD_CHANGED', { version: before.version });
      await audit.append(trx, actor, { action: 'survey.closed', objectType: 'survey', objectId: id, orgPath: ancestorPaths(session.user.orgPath)[1] ?? session.user.orgPath, details: {} });
      return describe(trx, { ...before, ...changes }, scope);
    });
  }

  return { list, openForMe, get, create, update, open, close, visible };
}

export type SurveysService = ReturnType<typeof createSurveysService>;
