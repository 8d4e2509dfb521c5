import { describe, expect, it } from 'vitest';
import { answersProblem, classifyRespondent, questionnaireProblem, surveyDatesProblem, type SurveyQuestion } from './survey-questionnaire.js';

const yesNo = [
  { label: '知道', positive: true },
  { label: '不知道', positive: false },
];
const satisfied = [
  { label: '满意', positive: true },
  { label: '基本满意', positive: true },
  { label: '不满意', positive: false },
];
const questions: SurveyQuestion[] = [
  { id: 'a1', kind: 'awareness', text: '您知道您所在的网格和网格员吗？', options: yesNo },
  { id: 'a2', kind: 'awareness', text: '您知道网格员的联系电话吗？', options: yesNo },
  { id: 'a3', kind: 'awareness', text: '您知道怎样反映问题吗？', options: yesNo },
  { id: 's1', kind: 'satisfaction', text: '您对网格员的服务满意吗？', options: satisfied },
  { id: 'f1', kind: 'free', text: '您的意见和建议' },
];

describe('questionnaireProblem', () => {
  it('accepts awareness and satisfaction questions in the second half-year', () => {
    expect(questionnaireProblem('H2', questions)).toBeNull();
  });

  it('refuses a satisfaction question in the first half-year, naming it', () => {
    expect(questionnaireProblem('H1', questions)).toEqual({ field: 'questions[3].kind', rule: 'satisfaction_in_h1' });
    expect(questionnaireProblem('H1', questions.filter((q) => q.kind !== 'satisfaction'))).toBeNull();
  });

  it('names duplicate ids, missing options, options without a positive one, options on a free question', () => {
    expect(questionnaireProblem('H2', [questions[0]!, { ...questions[1]!, id: 'a1' }])).toEqual({ field: 'questions[1].id', rule: 'duplicate_id' });
    expect(questionnaireProblem('H2', [{ id: 'a', kind: 'awareness', text: 'x', options: [yesNo[0]!] }])).toEqual({ field: 'questions[0].options', rule: 'options_required' });
    expect(questionnaireProblem('H2', [{ id: 'a', kind: 'awareness', text: 'x', options: [yesNo[1]!, yesNo[1]!] }])).toEqual({ field: 'questions[0].options', rule: 'positive_option_required' });
    expect(questionnaireProblem('H2', [questions[0]!, { id: 'f', kind: 'free', text: 'x', options: yesNo }])).toEqual({ field: 'questions[1].options', rule: 'options_not_allowed' });
    expect(questionnaireProblem('H2', [questions[4]!])).toEqual({ field: 'questions', rule: 'no_question' });
  });
});

describe('surveyDatesProblem', () => {
  it('keeps the survey inside its year and in order', () => {
    expect(surveyDatesProblem(2026, '2026-07-01', '2026-12-31')).toBeNull();
    expect(surveyDatesProblem(2026, '2025-12-01', '2026-01-31')).toEqual({ field: 'startsOn', rule: 'dates_year' });
    expect(surveyDatesProblem(2026, '2026-12-01', '2027-01-31')).toEqual({ field: 'endsOn', rule: 'dates_year' });
    expect(surveyDatesProblem(2026, '2026-08-01', '2026-07-31')).toEqual({ field: 'endsOn', rule: 'dates_order' });
  });
});

describe('answersProblem', () => {
  const full = { a1: 0, a2: 1, a3: 0, s1: 2, f1: '希望多来走访' };

  it('accepts a complete sheet, free questions being optional', () => {
    expect(answersProblem(questions, full)).toBeNull();
    const { f1: _free, ...withoutFree } = full;
    expect(answersProblem(questions, withoutFree)).toBeNull();
  });

  it('names the question that is unknown, out of range, of the wrong type or unanswered', () => {
    expect(answersProblem(questions, { ...full, zz: 0 })).toEqual({ field: 'answers.zz', rule: 'unknown_question' });
    expect(answersProblem(questions, { ...full, s1: 3 })).toEqual({ field: 'answers.s1', rule: 'option_out_of_range' });
    expect(answersProblem(questions, { ...full, a1: '知道' })).toEqual({ field: 'answers.a1', rule: 'option_out_of_range' });
    expect(answersProblem(questions, { ...full, f1: 2 })).toEqual({ field: 'answers.f1', rule: 'text_required' });
    const { a2: _skipped, ...missing } = full;
    expect(answersProblem(questions, missing)).toEqual({ field: 'answers.a2', rule: 'answer_required' });
  });
});

describe('classifyRespondent', () => {
  it('counts a respondent aware when at least half of the awareness answers are positive', () => {
    // 2 of 3 positive: aware; 1 of 3: not.
    expect(classifyRespondent(questions, { a1: 0, a2: 1, a3: 0, s1: 0 }).aware).toBe(true);
    expect(classifyRespondent(questions, { a1: 1, a2: 1, a3: 0, s1: 0 }).aware).toBe(false);
    // Exactly half: 1 of 2 answered counts.
    expect(classifyRespondent(questions, { a1: 0, a2: 1 }).aware).toBe(true);
  });

  it('counts satisfied likewise, and null when the survey asks nothing of a kind', () => {
    expect(classifyRespondent(questions, { a1: 0, a2: 0, a3: 0, s1: 1 }).satisfied).toBe(true);
    expect(classifyRespondent(questions, { a1: 0, a2: 0, a3: 0, s1: 2 }).satisfied).toBe(false);
    const h1 = questions.filter((q) => q.kind !== 'satisfaction');
    expect(classifyRespondent(h1, { a1: 0, a2: 0, a3: 0 })).toEqual({ aware: true, satisfied: null });
  });
});
