// The demo county's publicity log: three months of meetings, banners, broadcasts and WeChat posts
// in 马踏镇 and its villages, recorded by the sub-center and the village office, with a few
// villages that have none this month (the monthly table lists them) and one withdrawn entry.
import { addDays, shanghaiDate, type CreatePublicityBody, type PublicityKind } from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../accounts/accounts.service.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { dailyUnitsInScope } from './daily-units.repo.js';
import { createPublicityService } from './publicity.service.js';

export interface DemoPublicityActors {
  /** The 马踏镇 sub-center. */
  readonly center: AuthenticatedSession;
  /** The village office of 马踏村. */
  readonly village: AuthenticatedSession;
}

const TOPICS: readonly { kind: PublicityKind; place: string; description: string; audience?: number }[] = [
  { kind: 'meeting', place: '村委会会议室', description: '网格化服务管理政策宣讲，讲解网格员职责和群众上报渠道。', audience: 45 },
  { kind: 'banner', place: '村口公路旁', description: '悬挂“网格连万家 服务零距离”横幅两条。' },
  { kind: 'wall_newspaper', place: '村务公开栏', description: '更新平安建设专栏墙报，张贴网格员照片和联系电话。' },
  { kind: 'broadcast', place: '村广播站', description: '早晚各播放一次防诈骗、防溺水宣传。', audience: 600 },
  { kind: 'led', place: '场镇农贸市场电子屏', description: '滚动播放扫黑除恶和矛盾纠纷调解宣传标语。', audience: 1200 },
  { kind: 'wechat', place: '微信公众号', description: '推送《网格员在身边》图文一篇。', audience: 860 },
  { kind: 'leaflet', place: '逢场天集市', description: '发放网格化服务宣传单，现场解答群众咨询。', audience: 180 },
];

/** The first day of the month `monthsAgo` months before the month of `today`. */
function monthStart(today: string, monthsAgo: number): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) - monthsAgo;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

export async function seedDemoPublicity(ctx: AppContext, actors: DemoPublicityActors): Promise<void> {
  const publicity = createPublicityService(ctx);
  const today = shanghaiDate(ctx.clock());
  const units = await dailyUnitsInScope(ctx.db.kysely, actors.center.user.orgPath);
  let serial = 0;
  const record = async (session: AuthenticatedSession, unitId: string, heldOn: string, topic: (typeof TOPICS)[number]) => {
    serial += 1;
    const body: CreatePublicityBody = {
      clientKey: `demo-publicity-${String(serial).padStart(4, '0')}`,
      unitId,
      kind: topic.kind,
      heldOn,
      place: topic.place,
      description: topic.description,
      ...(topic.audience !== undefined ? { audience: topic.audience + (serial % 7) * 5 } : {}),
    };
    return (await publicity.create(session, SYSTEM_ACTOR, body)).activity;
  };
  for (const [index, unit] of units.entries()) {
    const own = unit.path === actors.village.user.orgPath;
    const session = own ? actors.village : actors.center;
    // This month (up to today) and the three before: one to three activities a month each.
    for (let monthsAgo = 3; monthsAgo >= 0; monthsAgo -= 1) {
      // This month, every third village has done nothing yet.
      if (monthsAgo === 0 && !own && index % 3 === 2) continue;
      const first = monthStart(today, monthsAgo);
      const span = monthsAgo === 0 ? Number(today.slice(8, 10)) : 28;
      const count = own ? 3 : 1 + ((index + monthsAgo) % 2);
      for (let n = 0; n < count; n += 1) {
        const heldOn = addDays(first, (index * 5 + n * 9) % span);
        await record(session, unit.id, heldOn, TOPICS[(index + n + monthsAgo) % TOPICS.length] ?? TOPICS[0]!);
      }
    }
  }
  // A duplicate entered by mistake and withdrawn: it stays in the log, out of the counts.
  const mata = units.find((unit) => unit.path === actors.village.user.orgPath);
  if (mata) {
    const duplicate = await record(actors.village, mata.id, addDays(today, -2), TOPICS[1]!);
    await publicity.withdraw(actors.village, SYSTEM_ACTOR, duplicate.id, { version: duplicate.version, reason: '重复登记' });
  }
}
