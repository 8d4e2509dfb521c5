// The survey screens under /surveys (入户调查), each a chunk of its own: /surveys (open surveys of
// my village), /surveys/:id (the people drawn in my village) and /surveys/:id/:villageId/:personId
// (the questionnaire, answered with the person at the door).
import { lazy, type ReactNode } from 'react';
import { t } from '../../app/i18n.js';

const MySurveysPage = lazy(() => import('./my-surveys-page.js').then((module) => ({ default: module.MySurveysPage })));
const SurveySamplePage = lazy(() => import('./survey-sample-page.js').then((module) => ({ default: module.SurveySamplePage })));
const SurveyAnswerPage = lazy(() => import('./survey-answer-page.js').then((module) => ({ default: module.SurveyAnswerPage })));

/** The page for /surveys/<rest…>. */
export function surveyPage(rest: readonly string[]): { title: string; page: ReactNode } {
  const [surveyId, villageId, personId] = rest;
  if (surveyId && villageId && personId)
    return { title: t('调查问卷', 'Questionnaire'), page: <SurveyAnswerPage key={`${surveyId}/${personId}`} surveyId={surveyId} villageId={villageId} personId={personId} /> };
  if (surveyId) return { title: t('抽样名单', 'People to ask'), page: <SurveySamplePage key={surveyId} surveyId={surveyId} /> };
  return { title: t('入户调查', 'Surveys'), page: <MySurveysPage /> };
}
