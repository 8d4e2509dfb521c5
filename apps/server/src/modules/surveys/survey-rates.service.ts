// The rates of a survey (知晓率、满意率) per village, per township and over the caller's scope:
// aware of those asked an awareness question and satisfied of those asked a satisfaction question,
// each with its 95% Wilson interval, and the response rate of the drawn people.
import { wilsonInterval, type SurveyRateRow, type SurveyRates, type SurveyStatus } from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { pathAtDepth } from '../assessment/assessment-units.repo.js';
import * as repo from './surveys.repo.js';
import type { SurveysService } from './surveys.service.js';
import { surveyScopeOf } from './surveys.service.js';

interface Tally {
  sampleSize: number;
  respondents: number;
  sampledRespondents: number;
  awarenessAsked: number;
  aware: number;
  satisfactionAsked: number;
  satisfied: number;
}

const emptyTally = (): Tally => ({ sampleSize: 0, respondents: 0, sampledRespondents: 0, awarenessAsked: 0, aware: 0, satisfactionAsked: 0, satisfied: 0 });

function add(into: Tally, from: Tally): void {
  for (const key of Object.keys(into) as (keyof Tally)[]) into[key] += from[key];
}

/** A row of figures: rates are null where nobody was asked (or nobody drawn). */
export function rateRow(unit: { unitId: string; unitName: string; path: string; parentName: string | null }, tally: Tally): SurveyRateRow {
  const rate = (successes: number, n: number) => (n > 0 ? successes / n : null);
  return {
    ...unit,
    ...tally,
    responseRate: rate(tally.sampledRespondents, tally.sampleSize),
    awarenessRate: rate(tally.aware, tally.awarenessAsked),
    awarenessInterval: wilsonInterval(tally.aware, tally.awarenessAsked),
    satisfactionRate: rate(tally.satisfied, tally.satisfactionAsked),
    satisfactionInterval: wilsonInterval(tally.satisfied, tally.satisfactionAsked),
  };
}

export function createSurveyRatesService(ctx: AppContext, surveys: SurveysService) {
  const { db } = ctx;

  async function rates(session: AuthenticatedSession, surveyId: string): Promise<SurveyRates> {
    const survey = await surveys.visible(db.kysely, session, surveyId);
    const scope = surveyScopeOf(session);
    const villages = await repo.surveyVillages(db.kysely, surveyId, scope);
    const counts = await repo.answerCountsByVillage(db.kysely, surveyId, scope);
    const townshipUnits = new Map((await repo.unitNamesByPath(db.kysely, villages.map((village) => pathAtDepth(village.village_path, 2)))).map((unit) => [unit.path, unit]));
    const townships = new Map<string, Tally>();
    const total = emptyTally();
    const villageRows = villages.map((village) => {
      const tally: Tally = { ...emptyTally(), ...counts.get(village.village_id), sampleSize: village.sample_size };
      const townshipPath = pathAtDepth(village.village_path, 2);
      const township = townships.get(townshipPath) ?? emptyTally();
      add(township, tally);
      townships.set(townshipPath, township);
      add(total, tally);
      return rateRow({ unitId: village.village_id, unitName: village.name, path: village.village_path, parentName: townshipUnits.get(townshipPath)?.name ?? null }, tally);
    });
    const townshipRows = [...townships.entries()].map(([path, tally]) => {
      const unit = townshipUnits.get(path);
      return rateRow({ unitId: unit?.id ?? path, unitName: unit?.name ?? path, path, parentName: null }, tally);
    });
    const [scopeUnit] = await repo.unitNamesByPath(db.kysely, [scope]);
    return {
      surveyId,
      half: survey.half,
      status: survey.status as SurveyStatus,
      villages: villageRows,
      townships: townshipRows,
      total: rateRow({ unitId: scopeUnit?.id ?? scope, unitName: scopeUnit?.name ?? scope, path: scope, parentName: null }, total),
    };
  }

  return { rates };
}

export type SurveyRatesService = ReturnType<typeof createSurveyRatesService>;
