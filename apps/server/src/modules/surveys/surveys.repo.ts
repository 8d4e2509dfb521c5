// SQL of the surveys (知晓率、满意率调查): the survey and its villages, the adult residents a sample is
// drawn from, the drawn people, the answers and the counts the rates are computed from. Every read
// of villages, people or answers takes the caller's scope prefix.
import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import { startsWith } from '../../db/sql-helpers.js';
import type { SurveyAnswerTable, SurveySampleTable, SurveyTable, SurveyVillageTable } from '../../db/tables/assessment.table.js';

/** The insert of a unique key that is already taken (PostgreSQL 23505, SQLite's UNIQUE constraint). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code } = error as { code?: unknown };
  // Not any SQLite constraint: a foreign key or NOT NULL failure is a fault, not a second answer.
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function findSurvey(db: Executor, id: string) {
  return db.selectFrom('survey').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listSurveys(db: Executor, year: number | undefined) {
  let query = db.selectFrom('survey').selectAll();
  if (year !== undefined) query = query.where('year', '=', year);
  return query.orderBy('year', 'desc').orderBy('half', 'desc').orderBy('created_at', 'desc').execute();
}

export async function insertSurvey(db: Executor, row: SurveyTable): Promise<void> {
  await db.insertInto('survey').values(row).execute();
}

/** Updates the survey when it still has the version (and status) read; false when someone else changed it. */
export async function updateSurvey(db: Executor, id: string, version: number, status: string, changes: Partial<SurveyTable>): Promise<boolean> {
  const result = await db.updateTable('survey').set(changes).where('id', '=', id).where('version', '=', version).where('status', '=', status).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Villages (村、社区、居民小组: depth 3, not grids, not retired) under a path, or only those of `ids`. */
export function villagesUnder(db: Executor, path: string, ids?: readonly string[]) {
  let query = db
    .selectFrom('org_unit')
    .select(['id', 'name', 'path', 'code'])
    .where(startsWith('path', path))
    .where('depth', '=', 3)
    .where('kind', '!=', 'grid')
    .where('retired_at', 'is', null);
  if (ids) {
    if (ids.length === 0) return Promise.resolve([]);
    query = query.where('id', 'in', [...ids]);
  }
  return query.orderBy('path').execute();
}

export function unitNamesByPath(db: Executor, paths: readonly string[]) {
  if (paths.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_unit').select(['id', 'path', 'name']).where('path', 'in', [...new Set(paths)]).execute();
}

/**
 * Adult residents per village: people placed under the village (its grids), living there (not
 * moved out or deceased, not overseas), born on or before `latestBirthDate` by their ID number.
 */
export async function adultCounts(db: Executor, villagePaths: readonly string[], latestBirthDate: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const path of villagePaths) counts.set(path, 0);
  const codes = new Map(villagePaths.map((path) => [path.split('/').filter(Boolean).at(-1) ?? '', path]));
  if (codes.size === 0) return counts;
  const rows = await adultsQuery(db, latestBirthDate)
    .where('village_code', 'in', [...codes.keys()])
    .select(['village_code', (eb) => eb.fn.countAll<number | string>().as('adults')])
    .groupBy('village_code')
    .execute();
  for (const row of rows) {
    const path = row.village_code ? codes.get(row.village_code) : undefined;
    if (path) counts.set(path, Number(row.adults));
  }
  return counts;
}

/**
 * The ids of a village's adult residents in id order (the draw sorts them again in core), read
 * from the (village_code, id) index: a village's code is unique, so its people need no path test.
 */
export function adultIdsQuery(db: Executor, villagePath: string, latestBirthDate: string) {
  const code = villagePath.split('/').filter(Boolean).at(-1) ?? '';
  return adultsQuery(db, latestBirthDate).where('village_code', '=', code).select('id').orderBy('id');
}

export async function adultIds(db: Executor, villagePath: string, latestBirthDate: string): Promise<string[]> {
  return (await adultIdsQuery(db, villagePath, latestBirthDate).execute()).map((row) => row.id);
}

function adultsQuery(db: Executor, latestBirthDate: string) {
  return db
    .selectFrom('person')
    .where('status', '=', 'active')
    .where('residence_status', '!=', 'overseas')
    .where('birth_date', 'is not', null)
    .where('birth_date', '<=', latestBirthDate);
}

export async function insertSurveyVillages(db: Executor, rows: readonly SurveyVillageTable[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 200) await db.insertInto('survey_village').values(rows.slice(start, start + 200)).execute();
}

export async function deleteSurveyVillages(db: Executor, surveyId: string, villageIds: readonly string[]): Promise<void> {
  if (villageIds.length === 0) return;
  await db.deleteFrom('survey_village').where('survey_id', '=', surveyId).where('village_id', 'in', [...villageIds]).execute();
}

export async function setVillageFigures(db: Executor, surveyId: string, villageId: string, adultPopulation: number, sampleSize: number): Promise<void> {
  await db.updateTable('survey_village').set({ adult_population: adultPopulation, sample_size: sampleSize }).where('survey_id', '=', surveyId).where('village_id', '=', villageId).execute();
}

/** The survey's villages within a scope, with their names. */
export function surveyVillages(db: Executor, surveyId: string, scopePath: string) {
  return db
    .selectFrom('survey_village')
    .innerJoin('org_unit', 'org_unit.id', 'survey_village.village_id')
    .select(['survey_village.village_id', 'survey_village.village_path', 'survey_village.public_code', 'survey_village.adult_population', 'survey_village.sample_size', 'org_unit.name'])
    .where('survey_village.survey_id', '=', surveyId)
    .where(startsWith('survey_village.village_path', scopePath))
    .orderBy('survey_village.village_path')
    .execute();
}

export function surveyVillage(db: Executor, surveyId: string, villageId: string, scopePath: string) {
  return db
    .selectFrom('survey_village')
    .innerJoin('org_unit', 'org_unit.id', 'survey_village.village_id')
    .select(['survey_village.village_id', 'survey_village.village_path', 'survey_village.public_code', 'survey_village.sample_size', 'org_unit.name'])
    .where('survey_village.survey_id', '=', surveyId)
    .where('survey_village.village_id', '=', villageId)
    .where(startsWith('survey_village.village_path', scopePath))
    .executeTakeFirst();
}

/** The village and survey a public code stands for. */
export function villageByPublicCode(db: Executor, code: string) {
  return db
    .selectFrom('survey_village')
    .innerJoin('survey', 'survey.id', 'survey_village.survey_id')
    .innerJoin('org_unit', 'org_unit.id', 'survey_village.village_id')
    .select(['survey_village.survey_id', 'survey_village.village_id', 'survey_village.village_path', 'survey_village.public_code', 'org_unit.name as village_name'])
    .where('survey_village.public_code', '=', code)
    .executeTakeFirst();
}

/** Per survey: villages, people drawn and answers within the scope. */
export async function surveyTotals(db: Executor, surveyIds: readonly string[], scopePath: string) {
  const totals = new Map<string, { villages: number; sampleSize: number; answered: number }>();
  if (surveyIds.length === 0) return totals;
  const villages = await db
    .selectFrom('survey_village')
    .select(['survey_id', (eb) => eb.fn.countAll<number | string>().as('villages'), (eb) => eb.fn.sum<number | string>('sample_size').as('sample_size')])
    .where('survey_id', 'in', [...surveyIds])
    .where(startsWith('village_path', scopePath))
    .groupBy('survey_id')
    .execute();
  const answers = await db
    .selectFrom('survey_answer')
    .select(['survey_id', (eb) => eb.fn.countAll<number | string>().as('answered')])
    .where('survey_id', 'in', [...surveyIds])
    .where(startsWith('village_path', scopePath))
    .groupBy('survey_id')
    .execute();
  for (const row of villages) totals.set(row.survey_id, { villages: Number(row.villages), sampleSize: Number(row.sample_size ?? 0), answered: 0 });
  for (const row of answers) {
    const entry = totals.get(row.survey_id);
    if (entry) entry.answered = Number(row.answered);
  }
  return totals;
}

export interface VillageAnswerCounts {
  readonly respondents: number;
  readonly sampledRespondents: number;
  readonly awarenessAsked: number;
  readonly aware: number;
  readonly satisfactionAsked: number;
  readonly satisfied: number;
}

/** Answer counts per village of a survey within the scope: the figures the rates are made of. */
export async function answerCountsByVillage(db: Executor, surveyId: string, scopePath: string): Promise<Map<string, VillageAnswerCounts>> {
  const rows = await db
    .selectFrom('survey_answer')
    .select([
      'village_id',
      (eb) => eb.fn.countAll<number | string>().as('respondents'),
      (eb) => eb.fn.count<number | string>('person_id').as('sampled'),
      (eb) => eb.fn.count<number | string>('aware').as('aware_asked'),
      (eb) => eb.fn.sum<number | string | null>('aware').as('aware'),
      (eb) => eb.fn.count<number | string>('satisfied').as('satisfied_asked'),
      (eb) => eb.fn.sum<number | string | null>('satisfied').as('satisfied'),
    ])
    .where('survey_id', '=', surveyId)
    .where(startsWith('village_path', scopePath))
    .groupBy('village_id')
    .execute();
  return new Map(
    rows.map((row) => [
      row.village_id,
      {
        respondents: Number(row.respondents),
        sampledRespondents: Number(row.sampled),
        awarenessAsked: Number(row.aware_asked),
        aware: Number(row.aware ?? 0),
        satisfactionAsked: Number(row.satisfied_asked),
        satisfied: Number(row.satisfied ?? 0),
      },
    ]),
  );
}

export async function insertSamples(db: Executor, rows: readonly SurveySampleTable[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) await db.insertInto('survey_sample').values(rows.slice(start, start + 500)).execute();
}

/** The drawn people of a village in draw order, with whether (and how) each has answered. */
export function sampleOfVillage(db: Executor, surveyId: string, villageId: string) {
  return db
    .selectFrom('survey_sample')
    .innerJoin('person', 'person.id', 'survey_sample.person_id')
    .leftJoin('survey_answer', (join) => join.onRef('survey_answer.survey_id', '=', 'survey_sample.survey_id').onRef('survey_answer.person_id', '=', 'survey_sample.person_id'))
    .select(['survey_sample.person_id', 'survey_sample.ordinal', 'person.name', 'person.gender', 'person.phone_masked', 'person.address', 'survey_answer.channel'])
    .where('survey_sample.survey_id', '=', surveyId)
    .where('survey_sample.village_id', '=', villageId)
    .orderBy('survey_sample.ordinal')
    .execute();
}

/** A drawn person of the village, with the registry's phone index (one answer per phone). */
export function sampledPerson(db: Executor, surveyId: string, villageId: string, personId: string) {
  return db
    .selectFrom('survey_sample')
    .innerJoin('person', 'person.id', 'survey_sample.person_id')
    .select(['person.id', 'person.phone_index'])
    .where('survey_sample.survey_id', '=', surveyId)
    .where('survey_sample.village_id', '=', villageId)
    .where('survey_sample.person_id', '=', personId)
    .executeTakeFirst();
}

export function answerByClientKey(db: Executor, clientKey: string) {
  return db.selectFrom('survey_answer').selectAll().where('client_key', '=', clientKey).executeTakeFirst();
}

/** Arbitrary but fixed, and no other lock's: the class of the per-respondent locks of survey answers. */
const SURVEY_RESPONDENT_LOCK_CLASS = 511_124_011;

/**
 * Serialises answers for one drawn person of a survey on PostgreSQL for the rest of the
 * transaction: two interviewers entering the same person at once would both find no answer and
 * both insert (no unique key holds person_id). SQLite runs one write transaction at a time anyway.
 */
export async function lockRespondent(db: Executor, kind: 'sqlite' | 'postgres', surveyId: string, personId: string): Promise<void> {
  if (kind === 'postgres') await sql`select pg_advisory_xact_lock(${SURVEY_RESPONDENT_LOCK_CLASS}, hashtext(${`${surveyId}/${personId}`}))`.execute(db);
}

/** Whether the survey already has an answer from this person or this phone. */
export async function answeredBy(db: Executor, surveyId: string, personId: string | null, phoneIndex: string | null): Promise<boolean> {
  if (!personId && !phoneIndex) return false;
  const row = await db
    .selectFrom('survey_answer')
    .select('id')
    .where('survey_id', '=', surveyId)
    .where((eb) => eb.or([...(personId ? [eb('person_id', '=', personId)] : []), ...(phoneIndex ? [eb('phone_index', '=', phoneIndex)] : [])]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertAnswer(db: Executor, row: SurveyAnswerTable): Promise<void> {
  await db.insertInto('survey_answer').values(row).execute();
}
