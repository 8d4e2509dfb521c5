// Answers to a survey from its three channels: phone interviews entered in the console and field
// visits from the field app (a drawn person of the interviewer's village, or a respondent's
// phone), and residents themselves through the village's public QR form. One answer per person and
// per phone and survey, the phone found by its keyed blind index (never stored in clear); a retry
// with the same client key answers the first answer.
import {
  DomainError,
  answersProblem,
  classifyRespondent,
  newId,
  parsePhone,
  type CreateSurveyAnswerBody,
  type PublicSurvey,
  type PublicSurveyAnswerBody,
  type PublicSurveyReceipt,
  type SurveyAnswer,
  type SurveyAnswers,
  type SurveySample,
  type SurveyStatus,
} from '@gridwork/core';
import type { SurveyAnswerTable, SurveyTable } from '../../db/tables/assessment.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { pathAtDepth } from '../assessment/assessment-units.repo.js';
import { questionsOf, toPublicSurvey, toSurvey, toSurveyAnswer } from './surveys.mapper.js';
import * as repo from './surveys.repo.js';
import { surveyScopeOf } from './surveys.service.js';

interface NewAnswer {
  readonly survey: SurveyTable;
  readonly village: { village_id: string; village_path: string };
  readonly channel: SurveyAnswerTable['channel'];
  readonly personId: string | null;
  readonly phoneIndex: string | null;
  readonly answers: SurveyAnswers;
  readonly clientKey: string;
  readonly enteredBy: string | null;
}

export function createSurveyAnswersService(ctx: AppContext) {
  const { db, clock, audit } = ctx;

  function phoneIndexOf(phone: string): string {
    const parsed = parsePhone(phone);
    if (!parsed.ok) throw new DomainError('PHONE_INVALID', { field: 'phone', problem: parsed.problem });
    return ctx.fieldCrypto().blindIndex('phone', parsed.value);
  }

  function checkAnswers(survey: SurveyTable, answers: SurveyAnswers): void {
    if (survey.status !== 'open') throw new DomainError('SURVEY_NOT_OPEN', { status: survey.status });
    const problem = answersProblem(questionsOf(survey), answers);
    if (problem) throw new DomainError('SURVEY_ANSWER_INVALID', { field: problem.field, rule: problem.rule });
  }

  /** Writes the answer with its aware/satisfied verdicts, or 409 when the person or phone has answered. */
  async function record(actor: AuditActor, input: NewAnswer): Promise<{ row: SurveyAnswerTable; created: boolean }> {
    const verdict = classifyRespondent(questionsOf(input.survey), input.answers);
    const row: SurveyAnswerTable = {
      id: newId(),
      survey_id: input.survey.id,
      village_id: input.village.village_id,
      village_path: input.village.village_path,
      channel: input.channel,
      person_id: input.personId,
      phone_index: input.phoneIndex,
      answers: JSON.stringify(input.answers),
      aware: verdict.aware === null ? null : verdict.aware ? 1 : 0,
      satisfied: verdict.satisfied === null ? null : verdict.satisfied ? 1 : 0,
      entered_by: input.enteredBy,
      client_key: input.clientKey,
      created_at: new Date(clock()).toISOString(),
    };
    try {
      return await db.write(async (trx) => {
        if (row.person_id) await repo.lockRespondent(trx, db.kind, row.survey_id, row.person_id);
        if (await repo.answeredBy(trx, row.survey_id, row.person_id, row.phone_index)) throw new DomainError('SURVEY_ALREADY_ANSWERED', { field: row.person_id ? 'personId' : 'phone' });
        await repo.insertAnswer(trx, row);
        await audit.append(trx, actor, {
          action: 'survey.answered',
          objectType: 'survey',
          objectId: row.survey_id,
          orgPath: row.village_path,
          details: { answerId: row.id, channel: row.channel, villageId: row.village_id, personId: row.person_id },
        });
        return { row, created: true };
      });
    } catch (error) {
      // Two submissions raced past the check: the database's unique keys decide.
      if (repo.isUniqueViolation(error)) {
        const first = await replayed(input.clientKey, row.survey_id, row.village_id);
        if (first) return { row: first, created: false };
        throw new DomainError('SURVEY_ALREADY_ANSWERED', { field: row.person_id ? 'personId' : 'phone' });
      }
      throw error;
    }
  }

  /** The answer an earlier call with this client key wrote, when it was for the same survey and village. */
  async function replayed(clientKey: string, surveyId: string, villageId: string): Promise<SurveyAnswerTable | null> {
    const first = await repo.answerByClientKey(db.kysely, clientKey);
    if (!first) return null;
    if (first.survey_id !== surveyId || first.village_id !== villageId) throw new DomainError('IDEMPOTENCY_KEY_REUSED', { clientKey });
    return first;
  }

  async function answer(session: AuthenticatedSession, actor: AuditActor, surveyId: string, body: CreateSurveyAnswerBody): Promise<{ answer: SurveyAnswer; created: boolean }> {
    const survey = await repo.findSurvey(db.kysely, surveyId);
    const village = survey ? await repo.surveyVillage(db.kysely, surveyId, body.villageId, surveyScopeOf(session)) : undefined;
    if (!survey || !village) throw new DomainError('NOT_FOUND');
    const earlier = await replayed(body.clientKey, surveyId, body.villageId);
    if (earlier) return { answer: toSurveyAnswer(earlier), created: false };
    checkAnswers(survey, body.answers);
    let personId: string | null = null;
    let phoneIndex = body.phone ? phoneIndexOf(body.phone) : null;
    if (body.personId) {
      const person = await repo.sampledPerson(db.kysely, surveyId, body.villageId, body.personId);
      if (!person) throw new DomainError('SURVEY_RESPONDENT_INVALID', { field: 'personId' });
      personId = person.id;
      // The registry's phone stands for the person: the public form cannot answer for them again.
      phoneIndex ??= person.phone_index;
    } else if (!phoneIndex) {
      throw new DomainError('SURVEY_RESPONDENT_INVALID', { field: 'personId' });
    }
    const { row, created } = await record(actor, { survey, village, channel: body.channel, personId, phoneIndex, answers: body.answers, clientKey: body.clientKey, enteredBy: session.user.id });
    return { answer: toSurveyAnswer(row), created };
  }

  async function sample(session: AuthenticatedSession, surveyId: string, villageId: string): Promise<SurveySample> {
    const survey = await repo.findSurvey(db.kysely, surveyId);
    const village = survey ? await repo.surveyVillage(db.kysely, surveyId, villageId, surveyScopeOf(session)) : undefined;
    if (!survey || !village) throw new DomainError('NOT_FOUND');
    const people = await repo.sampleOfVillage(db.kysely, surveyId, villageId);
    return {
      surveyId,
      villageId,
      villageName: village.name,
      title: survey.title,
      half: survey.half,
      status: survey.status as SurveyStatus,
      questions: toSurvey(survey, []).questions,
      people: people.map((person) => ({
        personId: person.person_id,
        ordinal: person.ordinal,
        name: person.name,
        gender: person.gender,
        phoneMasked: person.phone_masked,
        address: person.address,
        answered: person.channel !== null,
        answeredChannel: person.channel,
      })),
    };
  }

  /** The village's survey behind a public code while it is open; 404 for an unknown or closed one. */
  async function openByCode(code: string) {
    const village = await repo.villageByPublicCode(db.kysely, code);
    const survey = village ? await repo.findSurvey(db.kysely, village.survey_id) : undefined;
    if (!village || !survey || survey.status !== 'open') throw new DomainError('NOT_FOUND');
    return { village, survey };
  }

  async function publicSurvey(code: string): Promise<PublicSurvey> {
    const { village, survey } = await openByCode(code);
    const [township] = await repo.unitNamesByPath(db.kysely, [pathAtDepth(village.village_path, 2)]);
    return toPublicSurvey(survey, village.public_code, village.village_name, township?.name ?? null);
  }

  async function publicAnswer(origin: { ip: string; userAgent: string }, code: string, body: PublicSurveyAnswerBody): Promise<{ receipt: PublicSurveyReceipt; created: boolean }> {
    const { village, survey } = await openByCode(code);
    const earlier = await replayed(body.clientKey, survey.id, village.village_id);
    if (earlier) return { receipt: { id: earlier.id, createdAt: earlier.created_at }, created: false };
    const phoneIndex = phoneIndexOf(body.phone);
    checkAnswers(survey, body.answers);
    const actor: AuditActor = { id: null, username: null, role: null, ip: origin.ip, userAgent: origin.userAgent };
    const { row, created } = await record(actor, { survey, village, channel: 'public', personId: null, phoneIndex, answers: body.answers, clientKey: body.clientKey, enteredBy: null });
    return { receipt: { id: row.id, createdAt: row.created_at }, created };
  }

  return { answer, sample, publicSurvey, publicAnswer };
}

export type SurveyAnswersService = ReturnType<typeof createSurveyAnswersService>;
