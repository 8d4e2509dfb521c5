// Sends a field survey answer (入户调查) from the outbox with the item's key as its client key: a
// repeat of one that landed (its answer lost) is answered with the first result. A refusal — the
// person already answered by phone or on the QR form (409), the survey closed (404) — waits for
// the worker as 需处理.
import { api } from '@gridwork/client';
import type { SurveyAnswer } from '@gridwork/core';
import type { SurveyAnswerItem } from '../outbox/outbox.types.js';

export function deliverSurveyAnswer(item: SurveyAnswerItem): Promise<SurveyAnswer> {
  return api.post<SurveyAnswer>(`/api/surveys/${item.surveyId}/answers`, { ...item.body, clientKey: item.key });
}
