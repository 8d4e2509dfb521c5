// The demo county's surveys (知晓率、满意率调查) for 马踏镇: the first half-year's awareness survey of
// 2026, closed, with its answers; and the second half-year's awareness and satisfaction survey,
// open, answered so far by phone interviews (the township center), field visits (the grid worker)
// and residents through the village's QR form. Only villages whose registry holds enough adults
// are asked (the demo registry fills 马踏村).
import { isDomainError, latestAdultBirthDate, seededRandom, type SurveyAnswers, type SurveyHalf, type SurveyQuestionBody } from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../accounts/accounts.service.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { createSurveyAnswersService } from './survey-answers.service.js';
import * as repo from './surveys.repo.js';
import { createSurveysService } from './surveys.service.js';

const YES_NO = [
  { label: '知道', positive: true },
  { label: '不太清楚', positive: false },
  { label: '不知道', positive: false },
];
const SATISFIED = [
  { label: '满意', positive: true },
  { label: '比较满意', positive: true },
  { label: '不太满意', positive: false },
  { label: '不满意', positive: false },
];

const AWARENESS: SurveyQuestionBody[] = [
  { id: 'a1', kind: 'awareness', text: '您知道自己所在的网格和网格员是谁吗？', options: YES_NO },
  { id: 'a2', kind: 'awareness', text: '您知道遇到矛盾纠纷、安全隐患可以找网格员或拨打县综治中心电话反映吗？', options: YES_NO },
  { id: 'a3', kind: 'awareness', text: '您知道本县正在开展的城乡网格化服务管理工作吗？', options: YES_NO },
];
const SATISFACTION: SurveyQuestionBody[] = [
  { id: 's1', kind: 'satisfaction', text: '您对网格员上门走访、代办服务的情况满意吗？', options: SATISFIED },
  { id: 's2', kind: 'satisfaction', text: '您对反映问题后的处理结果满意吗？', options: SATISFIED },
];
const FREE: SurveyQuestionBody = { id: 'f1', kind: 'free', text: '您对网格化服务管理还有什么意见和建议？' };

const SAMPLE = 30;
const SUGGESTIONS = ['希望网格员多来走访', '路灯坏了希望尽快修', '', '服务很好', '希望多宣传防诈骗知识'];

export interface DemoSurveyActors {
  readonly county: AuthenticatedSession;
  /** The township center (马踏镇): phone interviews. */
  readonly center: AuthenticatedSession;
  /** The full-time grid worker of 马踏村: field visits. */
  readonly worker: AuthenticatedSession;
  readonly townshipPath: string;
}

export async function seedDemoSurveys(ctx: AppContext, actors: DemoSurveyActors): Promise<void> {
  const surveys = createSurveysService(ctx);
  const answers = createSurveyAnswersService(ctx);
  const random = seededRandom('demo-surveys-2026');
  const pick = (chance: number, positive: number, negative: number) => (random() < chance ? positive : negative);
  const sheet = (half: SurveyHalf, awareChance: number, satisfiedChance: number): SurveyAnswers => {
    const sheetAnswers: Record<string, number | string> = {};
    for (const question of AWARENESS) sheetAnswers[question.id] = pick(awareChance, 0, random() < 0.5 ? 1 : 2);
    if (half === 'H2') for (const question of SATISFACTION) sheetAnswers[question.id] = pick(satisfiedChance, random() < 0.6 ? 0 : 1, random() < 0.7 ? 2 : 3);
    const suggestion = SUGGESTIONS[Math.floor(random() * SUGGESTIONS.length)] ?? '';
    if (suggestion) sheetAnswers['f1'] = suggestion;
    return sheetAnswers;
  };

  // The villages of 马踏镇 whose registry has enough adults on the survey's first day.
  const villages = await repo.villagesUnder(ctx.db.kysely, actors.townshipPath);
  const counts = await repo.adultCounts(ctx.db.kysely, villages.map((village) => village.path), latestAdultBirthDate('2026-03-01'));
  const villageIds = villages.filter((village) => (counts.get(village.path) ?? 0) >= SAMPLE).map((village) => village.id);
  if (villageIds.length === 0) return;

  // Households share phones: a second answer from one phone is refused, as it would be for real.
  const unlessAnswered = async (write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'SURVEY_ALREADY_ANSWERED') throw error;
    }
  };

  const define = async (half: SurveyHalf) => {
    const first = half === 'H1';
    const created = await surveys.create(actors.county, SYSTEM_ACTOR, {
      clientKey: `demo-survey-2026-${half}`,
      title: first ? '2026年上半年平安建设群众知晓率调查' : '2026年下半年平安建设群众知晓率和满意率调查',
      year: 2026,
      half,
      startsOn: first ? '2026-03-01' : '2026-09-01',
      endsOn: first ? '2026-06-30' : '2026-12-31',
      samplePerVillage: SAMPLE,
      seed: `demo-2026-${half}`,
      questions: first ? [...AWARENESS, FREE] : [...AWARENESS, ...SATISFACTION, FREE],
      villageIds,
    });
    return surveys.open(actors.county, SYSTEM_ACTOR, created.survey.id);
  };

  const h1 = await define('H1');
  for (const village of h1.villages) {
    const drawn = await answers.sample(actors.county, h1.id, village.id);
    for (const [index, person] of drawn.people.entries()) {
      if (index >= 24) break;
      const interviewer = index % 3 === 0 ? actors.worker : actors.center;
      await unlessAnswered(() => answers.answer(interviewer, SYSTEM_ACTOR, h1.id, { clientKey: `demo-h1-${village.id}-${index}`, villageId: village.id, channel: interviewer === actors.worker ? 'field' : 'phone', personId: person.personId, answers: sheet('H1', 0.78, 0) }));
    }
    for (let index = 0; index < 6; index += 1) {
      await unlessAnswered(() => answers.publicAnswer({ ip: `192.0.2.${index + 1}`, userAgent: 'demo' }, village.publicCode, { clientKey: `demo-h1-public-${village.id}-${index}`, phone: `1350833${String(1000 + index)}`, answers: sheet('H1', 0.7, 0) }));
    }
  }
  await surveys.close(actors.county, SYSTEM_ACTOR, h1.id);

  const h2 = await define('H2');
  for (const village of h2.villages) {
    const drawn = await answers.sample(actors.county, h2.id, village.id);
    for (const [index, person] of drawn.people.entries()) {
      if (index >= 14) break;
      const interviewer = index % 2 === 0 ? actors.worker : actors.center;
      await unlessAnswered(() => answers.answer(interviewer, SYSTEM_ACTOR, h2.id, { clientKey: `demo-h2-${village.id}-${index}`, villageId: village.id, channel: interviewer === actors.worker ? 'field' : 'phone', personId: person.personId, answers: sheet('H2', 0.86, 0.9) }));
    }
    for (let index = 0; index < 5; index += 1) {
      await unlessAnswered(() => answers.publicAnswer({ ip: `198.51.100.${index + 1}`, userAgent: 'demo' }, village.publicCode, { clientKey: `demo-h2-public-${village.id}-${index}`, phone: `1360833${String(2000 + index)}`, answers: sheet('H2', 0.8, 0.85) }));
    }
  }
}
