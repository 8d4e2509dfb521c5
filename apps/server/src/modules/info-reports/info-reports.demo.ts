// The demo county's information reports (信息报送): three months of them. 马踏镇 (the `center`
// login) has reports adopted at city and county level, one about its exemplary full-time grid
// worker, one returned with a note and one draft, and nothing submitted yet this month, so it is
// the township below quota; every other township has a 信息员 account and a report this month,
// some adopted, some waiting in the county's queue.
import { randomBytes } from 'node:crypto';
import type { InfoReportCategory, InfoReportLevel } from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR, createAccountsService } from '../accounts/accounts.service.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { createInfoReportsService } from './info-reports.service.js';
import * as repo from './info-reports.repo.js';

const DAY = 86_400_000;

interface DemoReport {
  readonly title: string;
  readonly category: InfoReportCategory;
  readonly body: string;
  readonly subjectAccountId?: string;
}

/** What happens to a report: submitted (and maybe adopted or returned) at an instant, or left a draft. */
type Fate = { readonly kind: 'draft' } | { readonly kind: 'submitted' } | { readonly kind: 'adopted'; readonly level: InfoReportLevel } | { readonly kind: 'returned'; readonly note: string };

const TOPICS: readonly DemoReport[] = [
  { title: '推行“网格+调解”模式，一月化解邻里纠纷十余起', category: 'experience', body: '镇综治中心依托网格，将调解员编入网格，做到小事不出网格、大事不出村。\n\n本月共受理邻里、土地、家庭纠纷 13 起，调解成功 12 起，调解成功率 92%。' },
  { title: '汛期地质灾害隐患网格排查全覆盖', category: 'work_update', body: '入汛以来，镇分中心组织网格员对辖区 36 处地质灾害隐患点开展拉网式排查。\n\n排查发现新增隐患 2 处，已设置警示标志并落实专人监测。' },
  { title: '群众反映农村客运班次少、出行难', category: 'public_opinion', body: '网格员走访中收集到，部分偏远村组群众反映客运班次减少，赶场、就医出行不便。\n\n建议交通部门优化班次或开通预约响应式公交。' },
  { title: '网格员代办服务让群众少跑腿', category: 'work_update', body: '分中心梳理社保认证、医保缴费等 18 项高频事项，由网格员上门代办。\n\n本月代办 240 件，群众满意率 100%。' },
  { title: '独居老人“每日一问候”机制', category: 'experience', body: '网格员每日电话或上门问候辖区独居老人，建立健康和需求台账。\n\n本月发现突发疾病 1 例，及时送医。' },
  { title: '秸秆禁烧网格巡查工作简报', category: 'work_update', body: '按照县统一部署，网格员每日巡查田间地头，宣传秸秆综合利用政策。\n\n本月未发现焚烧火点。' },
];

export interface DemoInfoReportActors {
  /** The `center` login of 马踏镇. */
  readonly center: AuthenticatedSession;
  readonly county: AuthenticatedSession;
  /** The full-time grid worker of 马踏村: the exemplary one. */
  readonly workerId: string;
}

export async function seedDemoInfoReports(ctx: AppContext, actors: DemoInfoReportActors): Promise<void> {
  const now = ctx.clock();
  const monthStart = Date.parse(`${new Date(now + 8 * 3600_000).toISOString().slice(0, 7)}-01T00:00:00+08:00`);
  // Two months ago, last month, and this month (never before its first minute, never after now).
  const twoMonthsAgo = monthStart - 50 * DAY;
  const lastMonth = monthStart - 20 * DAY;
  const thisMonth = Math.max(monthStart + 60_000, now - 3 * 3600_000);
  let keys = 0;

  /** Writes one report and takes it through its fate, each step at its own instant. */
  async function report(author: AuthenticatedSession, at: number, content: DemoReport, fate: Fate): Promise<void> {
    const at_ = (offset: number) => createInfoReportsService({ ...ctx, clock: () => Math.min(at + offset, now) });
    const { report: written } = await at_(0).create(author, SYSTEM_ACTOR, { clientKey: `demo-info-report-${(keys += 1)}`, ...content });
    if (fate.kind === 'draft') return;
    let current = await at_(3600_000).submit(author, SYSTEM_ACTOR, written.id, { version: written.version });
    if (fate.kind === 'adopted') current = await at_(2 * DAY).adopt(actors.county, SYSTEM_ACTOR, written.id, { version: current.version, level: fate.level, note: '内容翔实，予以采用' });
    if (fate.kind === 'returned') await at_(2 * DAY).returnReport(actors.county, SYSTEM_ACTOR, written.id, { version: current.version, note: fate.note });
  }

  const center = actors.center;
  await report(center, twoMonthsAgo, { ...TOPICS[0]!, title: `马踏镇${TOPICS[0]!.title}` }, { kind: 'adopted', level: 'city' });
  await report(center, twoMonthsAgo + DAY, { ...TOPICS[1]!, title: `马踏镇${TOPICS[1]!.title}` }, { kind: 'adopted', level: 'county' });
  await report(
    center,
    lastMonth,
    { title: '优秀网格员：扎根网格的“贴心人”', category: 'experience', subjectAccountId: actors.workerId, body: '马踏村专职网格员坚持每天走访，熟悉网格内每户情况。\n\n今年以来共上报并协助处置事件 86 件，帮助群众代办事项 120 余件。' },
    { kind: 'adopted', level: 'province' },
  );
  await report(center, lastMonth + DAY, { ...TOPICS[2]!, title: `马踏镇${TOPICS[2]!.title}` }, { kind: 'returned', note: '请补充涉及的村组、群众人数和具体诉求，再行报送。' });
  await report(center, thisMonth, { ...TOPICS[3]!, title: `马踏镇${TOPICS[3]!.title}` }, { kind: 'draft' });

  // Every other township: a 信息员 account and a report in each of the three months.
  const accounts = createAccountsService(ctx);
  const townships = (await repo.townshipsUnder(ctx.db.kysely, '/511124/')).filter((unit) => unit.path !== center.user.orgPath);
  for (const [index, township] of townships.entries()) {
    const code = township.path.split('/').at(-2) ?? String(index);
    const id = await accounts.createAccountAsSystem({
      username: `xxy${code}`,
      displayName: `${township.name}信息员`,
      password: `Xx@${randomBytes(12).toString('base64url')}9a`,
      role: 'center_operator',
      orgPath: township.path,
      departmentId: null,
      mustChangePassword: true,
    });
    const author: AuthenticatedSession = { ...center, user: { ...center.user, id, username: `xxy${code}`, displayName: `${township.name}信息员`, orgPath: township.path } };
    const topic = (offset: number) => {
      const chosen = TOPICS[(index + offset) % TOPICS.length]!;
      return { ...chosen, title: `${township.name}${chosen.title}` };
    };
    await report(author, twoMonthsAgo + (index % 10) * DAY, topic(0), { kind: 'adopted', level: index % 3 === 0 ? 'city' : 'county' });
    await report(author, lastMonth + (index % 10) * DAY, topic(1), index % 4 === 1 ? { kind: 'submitted' } : { kind: 'adopted', level: 'county' });
    await report(author, thisMonth, topic(2), index % 2 === 0 ? { kind: 'submitted' } : { kind: 'adopted', level: index % 3 === 0 ? 'city' : 'county' });
  }
}
