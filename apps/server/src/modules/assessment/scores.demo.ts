// The demo's scoring scheme of this year: the plan's default saved by the county as version 1, then
// a version 2 that weighs red cards more, so the scheme page shows a history and the rankings a
// scheme the county chose. Saved through the scheme service, audited like a county's change.
import { defaultScoreScheme, type ScoreSchemeBody } from '@gridwork/core';
import { SYSTEM_ACTOR } from '../accounts/accounts.service.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import type { AppContext } from '../../platform/context.js';
import { createIndicatorsService } from './indicators.service.js';
import { createSchemeService } from './scheme.service.js';
import { createScoresService } from './scores.service.js';

/** Red cards at 3 points each instead of 2, for every unit kind that has the rule. */
function heavierRedCards(body: ScoreSchemeBody): ScoreSchemeBody {
  const units = Object.fromEntries(
    Object.entries(body.units).map(([kind, scheme]) => [
      kind,
      { ...scheme, deductions: scheme.deductions.map((rule) => (rule.id === 'red-card' ? { ...rule, points: 3, label: '每张红牌扣 3 分' } : rule)) },
    ]),
  );
  return { ...body, units };
}

export async function seedDemoScores(ctx: AppContext, actors: { county: AuthenticatedSession }): Promise<void> {
  const scores = createScoresService(ctx, createIndicatorsService(ctx));
  const schemes = createSchemeService(ctx, scores);
  const year = scores.currentYear();
  const first = defaultScoreScheme();
  await schemes.put(actors.county, SYSTEM_ACTOR, year, { body: first, note: '依据《专兼职网格员考核管理办法》和考核奖惩要求制定', baseVersion: 0 }, 'zh-CN');
  await schemes.put(actors.county, SYSTEM_ACTOR, year, { body: heavierRedCards(first), note: '县考核办意见：红牌扣分由每张 2 分调整为 3 分', baseVersion: 1 }, 'zh-CN');
}
