// Survey rows as the API shows them: the questionnaire parsed back from its JSON column, the
// figures of each village, and the questions of the public form without their positive flags.
import type { PublicSurvey, Survey, SurveyAnswer, SurveyQuestion, SurveySummary, SurveyVillage } from '@gridwork/core';
import type { SurveyAnswerTable, SurveyTable } from '../../db/tables/assessment.table.js';

export function questionsOf(row: Pick<SurveyTable, 'questions'>): SurveyQuestion[] {
  return JSON.parse(row.questions) as SurveyQuestion[];
}

export function toSurveySummary(row: SurveyTable, totals: { villages: number; sampleSize: number; answered: number } | undefined): SurveySummary {
  return {
    id: row.id,
    title: row.title,
    year: row.year,
    half: row.half,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    samplePerVillage: row.sample_per_village,
    status: row.status as SurveySummary['status'],
    version: row.version,
    villageCount: totals?.villages ?? 0,
    sampleSize: totals?.sampleSize ?? 0,
    answered: totals?.answered ?? 0,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toSurvey(row: SurveyTable, villages: SurveyVillage[]): Survey {
  const totals = {
    villages: villages.length,
    sampleSize: villages.reduce((sum, village) => sum + village.sampleSize, 0),
    answered: villages.reduce((sum, village) => sum + village.answered, 0),
  };
  return {
    ...toSurveySummary(row, totals),
    seed: row.seed,
    questions: questionsOf(row).map((question) => ({
      id: question.id,
      kind: question.kind,
      text: question.text,
      ...(question.options ? { options: question.options.map((option) => ({ label: option.label, positive: option.positive })) } : {}),
    })),
    villages,
  };
}

export function toPublicSurvey(row: SurveyTable, code: string, villageName: string, townshipName: string | null): PublicSurvey {
  return {
    code,
    title: row.title,
    year: row.year,
    half: row.half,
    endsOn: row.ends_on,
    villageName,
    townshipName,
    questions: questionsOf(row).map((question) => ({
      id: question.id,
      kind: question.kind,
      text: question.text,
      ...(question.options ? { options: question.options.map((option) => ({ label: option.label })) } : {}),
    })),
  };
}

const flag = (value: 0 | 1 | null): boolean | null => (value === null ? null : value === 1);

export function toSurveyAnswer(row: SurveyAnswerTable): SurveyAnswer {
  return {
    id: row.id,
    surveyId: row.survey_id,
    villageId: row.village_id,
    channel: row.channel,
    personId: row.person_id,
    aware: flag(row.aware),
    satisfied: flag(row.satisfied),
    createdAt: row.created_at,
  };
}
