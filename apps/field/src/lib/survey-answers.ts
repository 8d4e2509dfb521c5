// What the two survey forms of this app share (the residents' QR form and the grid worker's
// questionnaire at the door): which choice questions still want an answer, and the answer sheet to
// send — free text trimmed, an empty free answer left out (it is optional).
import type { SurveyAnswerValue, SurveyQuestion } from '@gridwork/core';

type Question = Pick<SurveyQuestion, 'id' | 'kind'>;

/** The ids of the awareness and satisfaction questions not answered yet, in questionnaire order. */
export function unansweredQuestions(questions: readonly Question[], answers: Readonly<Record<string, SurveyAnswerValue>>): string[] {
  return questions.filter((question) => question.kind !== 'free' && typeof answers[question.id] !== 'number').map((question) => question.id);
}

/** The answer sheet as sent: choices as they are, free text trimmed, blank free text left out. */
export function answersToSend(answers: Readonly<Record<string, SurveyAnswerValue>>): Record<string, SurveyAnswerValue> {
  return Object.fromEntries(
    Object.entries(answers).flatMap(([id, value]): [string, SurveyAnswerValue][] => {
      if (typeof value !== 'string') return [[id, value]];
      const text = value.trim();
      return text === '' ? [] : [[id, text]];
    }),
  );
}
