// The demo county's follow-up plans and visits: the county's default plans, a few special-
// population and assistance records in the full-time worker's grid with start dates that make
// one visit due this week and others overdue, a visit done, a visit flagged far from the house,
// and the cards the overdue ones earned.
import { shanghaiDate, addDays, type CreateFollowUpPlanBody } from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../accounts/accounts.service.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { createPersonRecordsService } from '../person-records/person-records.service.js';
import { createRecordsService } from '../records/records.service.js';
import { createFollowUpPlansService } from './follow-up-plans.service.js';
import { createVisitCardsService } from './visit-cards.service.js';
import { createVisitsService } from './visits.service.js';
import * as repo from './visits.repo.js';

const plan = (
  name: string,
  subject: CreateFollowUpPlanBody['subject'],
  intervalsDays: number[],
  graceDays = 0,
): CreateFollowUpPlanBody => ({ name, subject, intervalsDays, graceDays });
const LEVELS = [
  ['high', '高风险 每周', 7],
  ['medium', '中风险 每月', 30],
  ['low', '低风险 每季', 90],
] as const;

export const DEMO_PLANS: readonly CreateFollowUpPlanBody[] = [
  ...(['released_prisoner', 'drug_user'] as const).flatMap((category) =>
    LEVELS.map(([riskLevel, label, days]) =>
      plan(
        `${category === 'released_prisoner' ? '刑满释放' : '吸毒人员'} ${label}`,
        { kind: 'special_population', category, riskLevel },
        [days],
      ),
    ),
  ),
  plan(
    '社区矫正 7/15/30 天',
    { kind: 'special_population', category: 'community_correction', riskLevel: null },
    [7, 15, 30],
    2,
  ),
  plan(
    '严重精神障碍 14/30 天',
    { kind: 'special_population', category: 'severe_mental_disorder', riskLevel: null },
    [14, 30],
  ),
  plan('低保对象 每月', { kind: 'assistance', assistanceKind: 'minimum_living' }, [30]),
  plan('特困供养 每月', { kind: 'assistance', assistanceKind: 'extreme_poverty' }, [30]),
  plan('留守儿童 每月', { kind: 'tag', tag: 'left_behind_child' }, [30]),
  plan('留守老人 每月', { kind: 'tag', tag: 'left_behind_elderly' }, [30]),
  plan('独居老人 每月', { kind: 'tag', tag: 'elderly_alone' }, [30]),
];

export interface DemoVisitActors {
  readonly county: AuthenticatedSession;
  readonly center: AuthenticatedSession;
  readonly worker: AuthenticatedSession;
}

/** The context as it was `days` ago: the demo's plans and records are made on the days they began. */
function daysAgoContext(ctx: AppContext, days: number): AppContext {
  return { ...ctx, clock: () => ctx.clock() - days * 86_400_000 };
}

export async function seedDemoVisits(ctx: AppContext, actors: DemoVisitActors): Promise<void> {
  // The county introduced its plans four months ago; a schedule owes visits from the day it is kept.
  const plans = createFollowUpPlansService(daysAgoContext(ctx, 120));
  for (const plan of DEMO_PLANS) await plans.create(actors.county, SYSTEM_ACTOR, plan);
  const today = shanghaiDate(ctx.clock());
  const [gridPath] = await repo.gridPathsOfWorker(ctx.db.kysely, actors.worker.user.id);
  if (!gridPath) return;
  const people = await repo.activePersonsAt(ctx.db.kysely, gridPath, 6);
  if (people.length < 6) return;
  const [corrected, released, mental, dibao, visited, far] = people as [
    (typeof people)[number],
    ...typeof people,
  ];
  // Each record is entered on the day it began, so its schedule has owed visits since then.
  const recordsOn = (daysAgo: number) => createPersonRecordsService(daysAgoContext(ctx, daysAgo));
  const special = (
    personId: string,
    category: 'community_correction' | 'released_prisoner' | 'severe_mental_disorder',
    riskLevel: 'high' | 'medium' | 'low',
    daysAgo: number,
  ) =>
    recordsOn(daysAgo).createSpecial(actors.center, SYSTEM_ACTOR, personId, {
      category,
      riskLevel,
      supervisingUnit: '马踏镇司法所',
      startDate: addDays(today, -daysAgo),
    });
  // Released 12 days ago, first visit due after 7 (+2 grace): overdue, with a yellow card.
  await special(corrected!.id, 'community_correction', 'high', 12);
  // Released 16 days ago, high risk weekly: overdue long enough for a red card, and a visit missed.
  await special(released!.id, 'released_prisoner', 'high', 16);
  // Due within the week.
  await special(mental!.id, 'severe_mental_disorder', 'medium', 10);
  await recordsOn(35).createAssistance(actors.center, SYSTEM_ACTOR, dibao!.id, {
    kind: 'minimum_living',
    measures: '每月发放低保金，走访了解生活情况',
    startDate: addDays(today, -35),
  });
  await special(visited!.id, 'released_prisoner', 'medium', 25);
  await special(far!.id, 'released_prisoner', 'low', 80);
  // The far one lives in a house with a known location; the visit was recorded 1.6 km away.
  const house = await createRecordsService(ctx).create('house', actors.center, SYSTEM_ACTOR, {
    gridId: (await repo.gridIdAt(ctx.db.kysely, gridPath)) ?? '',
    name: '马踏村一组 18 号',
    address: '马踏村一组 18 号',
    category: 'self_occupied',
    lon: 104.004,
    lat: 29.503,
  });
  await createRecordsService(ctx).setMembers('house', actors.center, SYSTEM_ACTOR, house.id, [
    { personId: far!.id, relation: 'owner' },
  ]);
  const visits = createVisitsService(ctx);
  const at = new Date(ctx.clock()).toISOString();
  await visits.record(actors.worker, SYSTEM_ACTOR, {
    clientKey: 'demo-visit-0001',
    personId: visited!.id,
    visitedAt: at,
    met: 'person',
    situation: 'normal',
    notes: '本人在家务农，情绪稳定，按时到司法所报到',
  });
  await visits.record(actors.worker, SYSTEM_ACTOR, {
    clientKey: 'demo-visit-0002',
    personId: far!.id,
    visitedAt: at,
    location: { lon: 104.004, lat: 29.518, accuracy: 20 },
    met: 'relative',
    situation: 'normal',
    notes: '本人外出打工，见到其母亲',
  });
  await createVisitCardsService(ctx).sweep(at);
}
