// Payloads of the awareness and satisfaction surveys (知晓率、满意率调查): the county's questionnaire
// and its villages, the drawn sample an interviewer works through, answers from the three
// channels (phone interview, field visit, the public QR form) and the rates with their 95%
// confidence intervals per village and township.
import { Type, type Static } from 'typebox';
import {
  SURVEY_CHANNELS,
  SURVEY_FREE_ANSWER_MAX,
  SURVEY_HALVES,
  SURVEY_OPTION_LABEL_MAX,
  SURVEY_OPTIONS_MAX,
  SURVEY_QUESTION_ID_PATTERN,
  SURVEY_QUESTION_KINDS,
  SURVEY_QUESTION_TEXT_MAX,
  SURVEY_QUESTIONS_MAX,
  SURVEY_SAMPLE_MAX,
  SURVEY_STATUSES,
  SURVEY_TITLE_MAX,
} from '../assessment/survey-questionnaire.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Id = Type.String({ minLength: 1, maxLength: 36 });
const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const DateText = Type.String({ pattern: DATE_PATTERN, description: 'YYYY-MM-DD (Asia/Shanghai)' });
const ClientKey = Type.String({ minLength: 8, maxLength: 64, description: 'A retry with the same key answers the first result' });
const Version = Type.Integer({ minimum: 1, description: 'The version read; another answers 409 RECORD_CHANGED' });

export const SurveyHalfSchema = Type.Enum([...SURVEY_HALVES], { description: 'H1 上半年（知晓率）, H2 下半年（知晓率和满意率）' });
export const SurveyStatusSchema = Type.Enum([...SURVEY_STATUSES], { description: 'draft 草稿, open 进行中, closed 已结束' });
export const SurveyQuestionKindSchema = Type.Enum([...SURVEY_QUESTION_KINDS], { description: 'awareness 知晓, satisfaction 满意, free 开放题' });
export const SurveyChannelSchema = Type.Enum([...SURVEY_CHANNELS], { description: 'phone 电话访问, field 入户走访, public 扫码自填' });

export const SurveyOptionSchema = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: SURVEY_OPTION_LABEL_MAX }),
    positive: Type.Boolean({ description: 'Choosing it counts towards aware / satisfied' }),
  },
  { additionalProperties: false },
);

export const SurveyQuestionSchema = Type.Object(
  {
    id: Type.String({ pattern: SURVEY_QUESTION_ID_PATTERN, description: 'Unique within the survey, e.g. q1' }),
    kind: SurveyQuestionKindSchema,
    text: Type.String({ minLength: 1, maxLength: SURVEY_QUESTION_TEXT_MAX }),
    options: Type.Optional(Type.Array(SurveyOptionSchema, { maxItems: SURVEY_OPTIONS_MAX, description: 'Required (2 or more, one positive) for awareness and satisfaction; absent for free' })),
  },
  { additionalProperties: false },
);
export type SurveyQuestionBody = Static<typeof SurveyQuestionSchema>;

const Questions = Type.Array(SurveyQuestionSchema, { minItems: 1, maxItems: SURVEY_QUESTIONS_MAX });
const Title = Type.String({ minLength: 1, maxLength: SURVEY_TITLE_MAX });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const SamplePerVillage = Type.Integer({ minimum: 1, maximum: SURVEY_SAMPLE_MAX, description: 'People drawn per village' });
const Seed = Type.String({ minLength: 1, maxLength: 64, description: 'The draw is reproducible with the same seed; one is made up when absent' });
const VillageIds = Type.Array(Id, { minItems: 1, maxItems: 2000, uniqueItems: true, description: 'Default: every village of the county' });

export const CreateSurveyBodySchema = Type.Object(
  {
    clientKey: ClientKey,
    title: Title,
    year: Year,
    half: SurveyHalfSchema,
    startsOn: DateText,
    endsOn: DateText,
    samplePerVillage: SamplePerVillage,
    seed: Type.Optional(Seed),
    questions: Questions,
    villageIds: Type.Optional(VillageIds),
  },
  { additionalProperties: false },
);
export type CreateSurveyBody = Static<typeof CreateSurveyBodySchema>;

export const UpdateSurveyBodySchema = Type.Object(
  {
    version: Version,
    title: Type.Optional(Title),
    year: Type.Optional(Year),
    half: Type.Optional(SurveyHalfSchema),
    startsOn: Type.Optional(DateText),
    endsOn: Type.Optional(DateText),
    samplePerVillage: Type.Optional(SamplePerVillage),
    seed: Type.Optional(Seed),
    questions: Type.Optional(Questions),
    villageIds: Type.Optional(VillageIds),
  },
  { additionalProperties: false },
);
export type UpdateSurveyBody = Static<typeof UpdateSurveyBodySchema>;

export const SurveyListQuerySchema = Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false });
export type SurveyListQuery = Static<typeof SurveyListQuerySchema>;

export const SurveySummarySchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  year: Type.Integer(),
  half: SurveyHalfSchema,
  startsOn: Type.String(),
  endsOn: Type.String(),
  samplePerVillage: Type.Integer(),
  status: SurveyStatusSchema,
  version: Type.Integer(),
  villageCount: Type.Integer({ description: 'Villages of the survey within the caller’s scope' }),
  sampleSize: Type.Integer({ description: 'People drawn in those villages (0 before it opens)' }),
  answered: Type.Integer({ description: 'Answers from those villages, every channel' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type SurveySummary = Static<typeof SurveySummarySchema>;

export const SurveyListSchema = Type.Object({ items: Type.Array(SurveySummarySchema) });
export type SurveyList = Static<typeof SurveyListSchema>;

export const SurveyVillageSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  path: Type.String(),
  townshipId: Nullable(Type.String()),
  townshipName: Nullable(Type.String()),
  publicCode: Type.String({ description: 'Carried by the village’s QR code to the public form' }),
  adultPopulation: Type.Integer({ description: 'Adult residents (18+ on startsOn, not moved out or deceased): counted when created, fixed when opened' }),
  sampleSize: Type.Integer({ description: 'People drawn (0 before it opens)' }),
  answered: Type.Integer({ description: 'Answers from the village, every channel' }),
  sampled: Type.Integer({ description: 'Drawn people who have answered (the response rate is sampled ÷ sampleSize)' }),
});
export type SurveyVillage = Static<typeof SurveyVillageSchema>;

export const SurveySchema = Type.Object({
  ...SurveySummarySchema.properties,
  seed: Type.String(),
  questions: Type.Array(SurveyQuestionSchema),
  villages: Type.Array(SurveyVillageSchema, { description: 'The survey’s villages within the caller’s scope' }),
});
export type Survey = Static<typeof SurveySchema>;

export const SurveyOpenListSchema = Type.Object(
  { items: Type.Array(SurveySchema, { description: 'Open surveys with a village of mine, each with its questions and my villages' }) },
  { description: 'For interviewers (survey.answer): what they may answer now' },
);
export type SurveyOpenList = Static<typeof SurveyOpenListSchema>;

export const SurveySampleQuerySchema = Type.Object({ villageId: Id }, { additionalProperties: false });
export type SurveySampleQuery = Static<typeof SurveySampleQuerySchema>;

export const SurveySamplePersonSchema = Type.Object({
  personId: Type.String(),
  ordinal: Type.Integer({ description: 'Draw order, from 1' }),
  name: Type.String(),
  gender: Nullable(Type.Enum(['male', 'female'])),
  phoneMasked: Nullable(Type.String()),
  address: Nullable(Type.String()),
  answered: Type.Boolean(),
  answeredChannel: Nullable(SurveyChannelSchema),
});
export type SurveySamplePerson = Static<typeof SurveySamplePersonSchema>;

export const SurveySampleSchema = Type.Object({
  surveyId: Type.String(),
  villageId: Type.String(),
  villageName: Type.String(),
  title: Type.String(),
  half: SurveyHalfSchema,
  status: SurveyStatusSchema,
  questions: Type.Array(SurveyQuestionSchema),
  people: Type.Array(SurveySamplePersonSchema),
});
export type SurveySample = Static<typeof SurveySampleSchema>;

export const SurveyAnswerValuesSchema = Type.Record(
  Type.String({ pattern: SURVEY_QUESTION_ID_PATTERN }),
  Type.Union([Type.Integer({ minimum: 0 }), Type.String({ maxLength: SURVEY_FREE_ANSWER_MAX })]),
  { description: 'By question id: the index of the option chosen (0-based), or the text of a free question' },
);

export const CreateSurveyAnswerBodySchema = Type.Object(
  {
    clientKey: ClientKey,
    villageId: Id,
    channel: Type.Enum(['phone', 'field'], { description: 'phone 电话访问 (console), field 入户走访 (field app)' }),
    personId: Type.Optional(Id),
    phone: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'The respondent’s phone when no sampled person is named' })),
    answers: SurveyAnswerValuesSchema,
  },
  { additionalProperties: false },
);
export type CreateSurveyAnswerBody = Static<typeof CreateSurveyAnswerBodySchema>;

export const SurveyAnswerSchema = Type.Object({
  id: Type.String(),
  surveyId: Type.String(),
  villageId: Type.String(),
  channel: SurveyChannelSchema,
  personId: Nullable(Type.String()),
  aware: Nullable(Type.Boolean()),
  satisfied: Nullable(Type.Boolean()),
  createdAt: Type.String(),
});
export type SurveyAnswer = Static<typeof SurveyAnswerSchema>;

export const SurveyIntervalSchema = Type.Object({ low: Type.Number(), high: Type.Number() }, { description: '95% Wilson score interval' });

export const SurveyRateRowSchema = Type.Object({
  unitId: Type.String(),
  unitName: Type.String(),
  path: Type.String(),
  /** A village's township; null for a township row. */
  parentName: Nullable(Type.String()),
  sampleSize: Type.Integer(),
  respondents: Type.Integer({ description: 'Answers, every channel' }),
  sampledRespondents: Type.Integer({ description: 'Drawn people who answered' }),
  responseRate: Nullable(Type.Number({ description: 'sampledRespondents ÷ sampleSize; null before the draw' })),
  awarenessAsked: Type.Integer({ description: 'Respondents who answered an awareness question' }),
  aware: Type.Integer(),
  awarenessRate: Nullable(Type.Number()),
  awarenessInterval: Nullable(SurveyIntervalSchema),
  satisfactionAsked: Type.Integer({ description: 'Respondents who answered a satisfaction question' }),
  satisfied: Type.Integer(),
  satisfactionRate: Nullable(Type.Number()),
  satisfactionInterval: Nullable(SurveyIntervalSchema),
});
export type SurveyRateRow = Static<typeof SurveyRateRowSchema>;

export const SurveyRatesSchema = Type.Object({
  surveyId: Type.String(),
  half: SurveyHalfSchema,
  status: SurveyStatusSchema,
  villages: Type.Array(SurveyRateRowSchema),
  townships: Type.Array(SurveyRateRowSchema),
  total: SurveyRateRowSchema,
});
export type SurveyRates = Static<typeof SurveyRatesSchema>;

export const PublicSurveyParamsSchema = Type.Object({ code: Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: false });
export type PublicSurveyParams = Static<typeof PublicSurveyParamsSchema>;

export const PublicSurveyQuestionSchema = Type.Object({
  id: Type.String(),
  kind: SurveyQuestionKindSchema,
  text: Type.String(),
  options: Type.Optional(Type.Array(Type.Object({ label: Type.String() }), { description: 'Labels only: which option counts as positive is not shown to respondents' })),
});

export const PublicSurveySchema = Type.Object({
  code: Type.String(),
  title: Type.String(),
  year: Type.Integer(),
  half: SurveyHalfSchema,
  endsOn: Type.String(),
  villageName: Type.String(),
  townshipName: Nullable(Type.String()),
  questions: Type.Array(PublicSurveyQuestionSchema),
});
export type PublicSurvey = Static<typeof PublicSurveySchema>;

export const PublicSurveyAnswerBodySchema = Type.Object(
  {
    clientKey: ClientKey,
    phone: Type.String({ minLength: 1, maxLength: 32, description: 'Required: one answer per phone per survey' }),
    answers: SurveyAnswerValuesSchema,
  },
  { additionalProperties: false },
);
export type PublicSurveyAnswerBody = Static<typeof PublicSurveyAnswerBodySchema>;

export const PublicSurveyReceiptSchema = Type.Object({ id: Type.String(), createdAt: Type.String() });
export type PublicSurveyReceipt = Static<typeof PublicSurveyReceiptSchema>;
