// The demo county's training year: the county's and 马踏镇's ethics, skills (one a quarter),
// department, hierarchical and study-visit sessions before today, attended by sign-in sheet and by
// QR code so that some grid workers and department staff fall short of the rules; a session today
// (its QR code ready to scan) and one next week. Four more grid workers in 马踏镇 make the lists real.
import { addCalendarDays, shanghaiDate, type CreateTrainingSessionBody, type Role } from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR, createAccountsService } from '../accounts/accounts.service.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import * as territory from '../territory/territory.repo.js';
import * as repo from './training.repo.js';
import { createTrainingCheckInService } from './training-check-in.service.js';
import { createTrainingService } from './training.service.js';

/** The demo logins' password (demo.seed.ts), repeated so this module does not import the seed that calls it. */
const DEMO_PASSWORD = 'Grid@2026';
const TOWNSHIP = '/511124/511124101/';

export interface TrainingDemoActors {
  readonly county: AuthenticatedSession;
  readonly center: AuthenticatedSession;
  readonly villagePath: string;
}

interface DemoSession {
  readonly monthDay: string;
  readonly by: 'county' | 'center';
  readonly body: Omit<CreateTrainingSessionBody, 'date'>;
  /** Usernames marked on the sheet, and those who signed in by QR code. */
  readonly sheet: readonly string[];
  readonly qr: readonly string[];
}

const at = (start: string, end: string) => ({ startTime: start, endTime: end });
const GRID_WORKERS = { roles: ['grid_worker_fulltime', 'grid_worker_parttime'] as Role[], orgPaths: [], departmentIds: [] };

const YEAR: readonly DemoSession[] = [
  { monthDay: '02-26', by: 'center', body: { kind: 'skills', topic: '网格员手持终端操作与事件上报', ...at('09:00', '11:30'), place: '马踏镇便民服务中心三楼会议室', trainer: '县网格中心 陈晓', audience: GRID_WORKERS }, sheet: ['zhangli', 'liqiang', 'wangfang'], qr: ['worker', 'parttime'] },
  { monthDay: '03-18', by: 'county', body: { kind: 'ethics', topic: '网格员职业道德与保密纪律', ...at('14:30', '17:00'), place: '县政务服务中心二楼报告厅', trainer: '县委政法委 刘建华', audience: GRID_WORKERS }, sheet: ['worker', 'parttime', 'zhangli', 'liqiang', 'wangfang'], qr: [] },
  { monthDay: '04-16', by: 'county', body: { kind: 'department', topic: '事件签收与办理规范（部门经办人员）', ...at('09:00', '11:00'), place: '县政务服务中心二楼报告厅', trainer: '县网格中心 陈晓', audience: { roles: ['dept_handler', 'dept_leader'], orgPaths: [], departmentIds: [] } }, sheet: ['dept'], qr: [] },
  { monthDay: '05-21', by: 'center', body: { kind: 'skills', topic: '特殊人群走访与信息采集', ...at('09:00', '11:30'), place: '马踏镇便民服务中心三楼会议室', trainer: '镇综治办 杨丽', audience: GRID_WORKERS }, sheet: ['worker', 'parttime', 'zhangli', 'liqiang'], qr: [] },
  { monthDay: '06-11', by: 'county', body: { kind: 'hierarchical', topic: '村（社区）网格负责人层级培训', ...at('14:00', '17:00'), place: '县委党校', trainer: '县委党校 周敏', audience: { roles: ['village_admin'], orgPaths: [], departmentIds: [] } }, sheet: ['village'], qr: [] },
  { monthDay: '07-09', by: 'county', body: { kind: 'study_visit', topic: '赴夹江县学习网格化服务管理经验', ...at('08:00', '18:00'), place: '夹江县网格化服务管理中心', trainer: '县网格中心 陈晓', audience: { roles: ['center_operator', 'village_admin'], orgPaths: [], departmentIds: [] } }, sheet: ['center', 'village'], qr: [] },
  { monthDay: '08-20', by: 'center', body: { kind: 'skills', topic: '流动人口登记与出租屋管理', ...at('09:00', '11:30'), place: '马踏镇便民服务中心三楼会议室', trainer: '马踏镇派出所 何军', audience: GRID_WORKERS }, sheet: ['zhangli', 'wangfang', 'zhaomin'], qr: [] },
  { monthDay: '09-24', by: 'center', body: { kind: 'ethics', topic: '依法履职与群众工作方法', ...at('14:30', '16:30'), place: '马踏镇便民服务中心三楼会议室', trainer: '镇司法所 罗红', audience: GRID_WORKERS }, sheet: ['worker', 'zhangli', 'wangfang'], qr: ['zhaomin'] },
  { monthDay: '11-12', by: 'center', body: { kind: 'skills', topic: '矛盾纠纷排查与事件核查', ...at('09:00', '11:30'), place: '马踏镇便民服务中心三楼会议室', trainer: '县网格中心 陈晓', audience: GRID_WORKERS }, sheet: ['zhangli', 'liqiang'], qr: ['worker'] },
];

const EXTRA_WORKERS = [
  { username: 'zhangli', displayName: '张丽', role: 'grid_worker_fulltime', second: false },
  { username: 'liqiang', displayName: '李强', role: 'grid_worker_parttime', second: false },
  { username: 'wangfang', displayName: '王芳', role: 'grid_worker_parttime', second: true },
  { username: 'zhaomin', displayName: '赵敏', role: 'grid_worker_fulltime', second: true },
] as const;

export async function seedDemoTraining(ctx: AppContext, actors: TrainingDemoActors): Promise<void> {
  const db = ctx.db.kysely;
  const township = await territory.findUnitByPath(db, TOWNSHIP);
  const villages = township ? (await territory.childrenOf(db, township.id)).filter((unit) => unit.path !== actors.villagePath) : [];
  const secondVillage = villages[0]?.path ?? actors.villagePath;
  const accounts = createAccountsService(ctx);
  for (const extra of EXTRA_WORKERS)
    await accounts.createAccountAsSystem({ username: extra.username, displayName: extra.displayName, password: DEMO_PASSWORD, role: extra.role, orgPath: extra.second ? secondVillage : actors.villagePath, departmentId: null, mustChangePassword: false });

  const people = await repo.traineesInScope(db, '/511124/', ['grid_worker_fulltime', 'grid_worker_parttime', 'village_admin', 'center_operator', 'dept_handler', 'dept_leader']);
  const byUsername = new Map(people.map((person) => [person.username, person]));
  // The demo's staff were seeded just now but have been in post all year: compliance counts every quarter.
  await repo.backdateAccountsCreated(db, people.map((person) => person.id), `${shanghaiDate(ctx.clock()).slice(0, 4)}-01-01T00:00:00.000Z`);
  const sessionOf = (username: string): AuthenticatedSession | null => {
    const person = byUsername.get(username);
    if (!person) return null;
    return { sessionId: 'demo-seed', departmentId: person.department_id, user: { id: person.id, username, displayName: person.display_name, role: person.role, orgPath: person.org_path, mustChangePassword: false, locale: 'zh-CN' } };
  };

  const today = shanghaiDate(ctx.clock());
  const year = today.slice(0, 4);
  for (const demo of YEAR) {
    const date = `${year}-${demo.monthDay}`;
    if (date >= today) continue;
    // Each session is organised, marked and signed in to on its own day.
    const onTheDay = { ...ctx, clock: () => Date.parse(`${date}T03:30:00.000Z`) };
    const service = createTrainingService(onTheDay);
    const checkIns = createTrainingCheckInService(onTheDay);
    const organiser = demo.by === 'county' ? actors.county : actors.center;
    const session = await service.create(organiser, SYSTEM_ACTOR, { ...demo.body, date });
    for (const username of demo.qr) {
      const trainee = sessionOf(username);
      if (trainee) await checkIns.checkIn(trainee, SYSTEM_ACTOR, { sessionId: session.id, token: session.signInToken ?? '', clientKey: `demo-qr-${session.id}-${username}` });
    }
    const ids = demo.sheet.flatMap((username) => byUsername.get(username)?.id ?? []);
    if (ids.length > 0) await service.recordSheet(organiser, SYSTEM_ACTOR, session.id, { accountIds: ids });
  }
  const service = createTrainingService(ctx);
  await service.create(actors.center, SYSTEM_ACTOR, { kind: 'skills', topic: '网格员移动端离线上报与扫码签到', date: today, ...at('14:30', '16:30'), place: '马踏镇便民服务中心三楼会议室', trainer: '县网格中心 陈晓', audience: GRID_WORKERS });
  await service.create(actors.county, SYSTEM_ACTOR, { kind: 'ethics', topic: '网格员廉洁自律与服务规范', date: addCalendarDays(today, 7), ...at('09:00', '11:30'), place: '县政务服务中心二楼报告厅', trainer: '县纪委监委 王涛', audience: GRID_WORKERS });
}
