// The questionnaire of an awareness and satisfaction survey (知晓率、满意率调查): the plan asks about
// awareness in the first half-year and about awareness and satisfaction in the second, so an H1
// survey may not ask satisfaction questions. A respondent counts as aware (satisfied) when at least
// half of the awareness (satisfaction) questions they answered were answered with a positive option.

export const SURVEY_HALVES = ['H1', 'H2'] as const;
export type SurveyHalf = (typeof SURVEY_HALVES)[number];

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const SURVEY_QUESTION_KINDS = ['awareness', 'satisfaction', 'free'] as const;
export type SurveyQuestionKind = (typeof SURVEY_QUESTION_KINDS)[number];

/** phone: a phone interview entered in the console; field: a visit in the field app; public: the QR form. */
export const SURVEY_CHANNELS = ['phone', 'field', 'public'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

export const SURVEY_TITLE_MAX = 200;
export const SURVEY_QUESTIONS_MAX = 40;
export const SURVEY_OPTIONS_MAX = 8;
export const SURVEY_QUESTION_TEXT_MAX = 500;
export const SURVEY_OPTION_LABEL_MAX = 100;
export const SURVEY_FREE_ANSWER_MAX = 1000;
export const SURVEY_SAMPLE_MAX = 1000;
export const SURVEY_QUESTION_ID_PATTERN = '^[A-Za-z0-9_-]{1,32}$';

export interface SurveyOption {
  readonly label: string;
  readonly positive: boolean;
}

export interface SurveyQuestion {
  readonly id: string;
  readonly kind: SurveyQuestionKind;
  readonly text: string;
  readonly options?: readonly SurveyOption[] | undefined;
}

export type SurveyAnswerValue = number | string;
export type SurveyAnswers = Readonly<Record<string, SurveyAnswerValue>>;

/** A problem with a questionnaire or an answer sheet, naming the field (e.g. questions[2].options). */
export interface SurveyProblem {
  readonly field: string;
  readonly rule:
    | 'duplicate_id'
    | 'options_required'
    | 'options_not_allowed'
    | 'positive_option_required'
    | 'satisfaction_in_h1'
    | 'no_question'
    | 'unknown_question'
    | 'option_out_of_range'
    | 'text_required'
    | 'text_too_long'
    | 'answer_required'
    | 'dates_order'
    | 'dates_year';
}

/** The first problem of a questionnaire for the given half-year, or null when it can be asked. */
export function questionnaireProblem(half: SurveyHalf, questions: readonly SurveyQuestion[]): SurveyProblem | null {
  if (!questions.some((q) => q.kind !== 'free')) return { field: 'questions', rule: 'no_question' };
  const seen = new Set<string>();
  for (const [index, question] of questions.entries()) {
    const at = `questions[${index}]`;
    if (seen.has(question.id)) return { field: `${at}.id`, rule: 'duplicate_id' };
    seen.add(question.id);
    if (question.kind === 'satisfaction' && half === 'H1') return { field: `${at}.kind`, rule: 'satisfaction_in_h1' };
    const options = question.options ?? [];
    if (question.kind === 'free') {
      if (options.length > 0) return { field: `${at}.options`, rule: 'options_not_allowed' };
      continue;
    }
    if (options.length < 2) return { field: `${at}.options`, rule: 'options_required' };
    if (!options.some((o) => o.positive)) return { field: `${at}.options`, rule: 'positive_option_required' };
  }
  return null;
}

/** The survey's period lies inside its year and ends on or after it starts (YYYY-MM-DD strings). */
export function surveyDatesProblem(year: number, startsOn: string, endsOn: string): SurveyProblem | null {
  if (!startsOn.startsWith(`${year}-`)) return { field: 'startsOn', rule: 'dates_year' };
  if (!endsOn.startsWith(`${year}-`)) return { field: 'endsOn', rule: 'dates_year' };
  if (endsOn < startsOn) return { field: 'endsOn', rule: 'dates_order' };
  return null;
}

/**
 * Checks an answer sheet against the questionnaire: every key is a question, choice questions take
 * an option index, free questions take text, and every awareness/satisfaction question is answered.
 */
export function answersProblem(questions: readonly SurveyQuestion[], answers: SurveyAnswers): SurveyProblem | null {
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const [id, value] of Object.entries(answers)) {
    const question = byId.get(id);
    const field = `answers.${id}`;
    if (!question) return { field, rule: 'unknown_question' };
    if (question.kind === 'free') {
      if (typeof value !== 'string') return { field, rule: 'text_required' };
      if (value.length > SURVEY_FREE_ANSWER_MAX) return { field, rule: 'text_too_long' };
      continue;
    }
    const count = question.options?.length ?? 0;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= count) {
      return { field, rule: 'option_out_of_range' };
    }
  }
  for (const question of questions) {
    if (question.kind !== 'free' && !Object.hasOwn(answers, question.id)) return { field: `answers.${question.id}`, rule: 'answer_required' };
  }
  return null;
}

/**
 * Whether the respondent is aware and satisfied: at least half of the questions of that kind they
 * answered were answered with a positive option; null when the survey asks no question of that kind.
 */
export function classifyRespondent(
  questions: readonly SurveyQuestion[],
  answers: SurveyAnswers,
): { aware: boolean | null; satisfied: boolean | null } {
  const verdict = (kind: SurveyQuestionKind): boolean | null => {
    let answered = 0;
    let positive = 0;
    for (const question of questions) {
      if (question.kind !== kind) continue;
      const value = answers[question.id];
      if (typeof value !== 'number') continue;
      answered += 1;
      if (question.options?.[value]?.positive) positive += 1;
    }
    return answered === 0 ? null : positive * 2 >= answered;
  };
  return { aware: verdict('awareness'), satisfied: verdict('satisfaction') };
}
