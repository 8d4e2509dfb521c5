// The demo county that `npm start` creates on first run, so a new user can sign in at once and
// find real places: 井研县 (Jingyan county, Leshan, Sichuan) with its official townships and
// villages, departments in 马踏镇, grids drawn in one village, and an account for every role.
// Later capabilities add their own demo data here: events at every stage, a generated registry.
import fs from 'node:fs';
import { DomainError, PERSON_COLUMNS, creditCodeCheckCharacter, shanghaiDate, type DepartmentKind, type Role, type StandardEventCategory } from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR, createAccountsService } from '../accounts/accounts.service.js';
import { countAccounts } from '../auth/auth.repo.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { createDepartmentsService } from '../departments/departments.service.js';
import { createEventActionsService } from '../events/event-actions.service.js';
import { createEventCardsService } from '../events/event-cards.service.js';
import { createEventsService } from '../events/events.service.js';
import { createPersonImporter } from '../persons/persons.import.js';
import { personsByIdIndexes, placesInScope } from '../persons/persons.repo.js';
import { createRecordsService } from '../records/records.service.js';
import { seedDemoFloating } from '../floating/floating.demo.js';
import { seedDemoVisits } from '../visits/visits.demo.js';
import { seedDemoDuty } from '../duty/duty.demo.js';
import { seedDemoDailyChecks } from '../daily-checks/daily-checks.demo.js';
import { seedDemoPublicity } from '../publicity/publicity.demo.js';
import { seedDemoStations } from '../stations/stations.demo.js';
import { seedDemoInfoReports } from '../info-reports/info-reports.demo.js';
import { seedDemoTraining } from '../training/training.demo.js';
import { seedDemoBulletins } from '../bulletins/bulletins.demo.js';
import { seedDemoSurveys } from '../surveys/surveys.demo.js';
import { seedDemoScores } from '../assessment/scores.demo.js';
import { seedDemoVerifications } from '../assessment/operations-indicators.demo.js';
import { createGridsService } from '../territory/grids.service.js';
import { createDivisionsService } from '../territory/divisions.service.js';
import * as territory from '../territory/territory.repo.js';
import { syntheticHouseholdMembers, type SyntheticMember } from './synthetic-people.js';

export const DEMO_PASSWORD = 'Grid@2026';
export const DEMO_COUNTY = { code: '511124', name: '井研县' } as const;
const COUNTY = '/511124/';
const TOWNSHIP = '/511124/511124101/';
const DEMO_DATA = new URL('../../../demo-data/', import.meta.url);

export interface DemoLogin {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
}

export const DEMO_LOGINS: readonly DemoLogin[] = [
  { username: 'county', displayName: '县中心管理员', role: 'county_admin' },
  { username: 'center', displayName: '马踏镇分中心值班员', role: 'center_operator' },
  { username: 'village', displayName: '村网格负责人', role: 'village_admin' },
  { username: 'worker', displayName: '专职网格员', role: 'grid_worker_fulltime' },
  { username: 'parttime', displayName: '兼职网格员', role: 'grid_worker_parttime' },
  { username: 'dept', displayName: '派出所经办人', role: 'dept_handler' },
  { username: 'deptlead', displayName: '派出所分管领导', role: 'dept_leader' },
  { username: 'leader', displayName: '县委领导', role: 'leader' },
  { username: 'sysadmin', displayName: '系统管理员', role: 'system_admin' },
  { username: 'secadmin', displayName: '安全管理员', role: 'security_admin' },
  { username: 'auditor', displayName: '安全审计员', role: 'audit_admin' },
];

const DEMO_DEPARTMENTS: readonly { name: string; kind: DepartmentKind; orgPath: string; categories: StandardEventCategory[] }[] = [
  { name: '马踏镇派出所', kind: 'police_station', orgPath: TOWNSHIP, categories: ['public_order', 'dispute', 'floating_population'] },
  { name: '马踏镇司法所', kind: 'judicial_office', orgPath: TOWNSHIP, categories: ['dispute', 'special_population'] },
  { name: '马踏镇卫生院', kind: 'health_center', orgPath: TOWNSHIP, categories: ['livelihood'] },
  { name: '马踏镇村镇建设办', kind: 'township_department', orgPath: TOWNSHIP, categories: ['illegal_construction', 'safety_hazard', 'sanitation'] },
  { name: '县应急管理局', kind: 'county_department', orgPath: COUNTY, categories: ['safety_hazard'] },
];

/** Three grids side by side, about 1 km² each, drawn over 马踏镇 (lon 104.0, lat 29.5). */
function demoGridBoundary(index: number) {
  const lon = 104.0 + index * 0.01;
  const lat = 29.5;
  return { type: 'Polygon' as const, coordinates: [[[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.009], [lon, lat + 0.009], [lon, lat]]] };
}

function rolePath(role: Role, villagePath: string): string {
  if (role === 'center_operator' || role === 'dept_handler' || role === 'dept_leader') return TOWNSHIP;
  if (role === 'village_admin' || role === 'grid_worker_fulltime' || role === 'grid_worker_parttime') return villagePath;
  return COUNTY;
}

/** Seeds the demo once: a database that already has accounts is left as it is. */
export async function seedDemo(ctx: AppContext): Promise<{ seeded: boolean }> {
  if ((await countAccounts(ctx.db.kysely)) > 0) return { seeded: false };
  await createEventsService(ctx).ensureCatalogue();
  await createDivisionsService(ctx).importDivisions(SYSTEM_ACTOR, {
    countyCode: DEMO_COUNTY.code,
    countyName: DEMO_COUNTY.name,
    streetsCsv: fs.readFileSync(new URL('511124-streets.csv', DEMO_DATA), 'utf8'),
    villagesCsv: fs.readFileSync(new URL('511124-villages.csv', DEMO_DATA), 'utf8'),
  });
  // The demo village is the first rural village (行政村) of 马踏镇 in the official list: 马踏村.
  const township = await territory.findUnitByPath(ctx.db.kysely, TOWNSHIP);
  const village = township ? (await territory.childrenOf(ctx.db.kysely, township.id)).find((unit) => unit.kind === 'village') : undefined;
  if (!village) throw new DomainError('NOT_FOUND', { path: TOWNSHIP });

  // Departments and grids are made as the county would make them, through the same rules.
  const countyOffice: AuthenticatedSession = { sessionId: 'demo-seed', departmentId: null, user: { id: '', username: 'seed', displayName: '', role: 'county_admin', orgPath: COUNTY, mustChangePassword: false, locale: 'zh-CN' } };
  const departmentIds = new Map<string, string>();
  const departments = createDepartmentsService(ctx);
  for (const department of DEMO_DEPARTMENTS) {
    departmentIds.set(department.name, (await departments.create(countyOffice, SYSTEM_ACTOR, department)).id);
  }

  const accounts = createAccountsService(ctx);
  const ids = new Map<string, string>();
  for (const login of DEMO_LOGINS) {
    const id = await accounts.createAccountAsSystem({
      username: login.username,
      displayName: login.displayName,
      password: DEMO_PASSWORD,
      role: login.role,
      orgPath: rolePath(login.role, village.path),
      departmentId: login.role === 'dept_handler' || login.role === 'dept_leader' ? (departmentIds.get('马踏镇派出所') ?? null) : null,
      mustChangePassword: false,
    });
    ids.set(login.username, id);
  }
  await seedDemoDuty(ctx, { countyId: ids.get('county') ?? '', centerId: ids.get('center') ?? '', countyPath: COUNTY, townshipPath: TOWNSHIP, password: DEMO_PASSWORD });

  const grids = createGridsService(ctx);
  const operator: AuthenticatedSession = { ...countyOffice, user: { ...countyOffice.user, id: ids.get('center') ?? '', username: 'center', role: 'center_operator', orgPath: TOWNSHIP } };
  for (const [index, name] of ['一组网格', '二组网格', '三组网格'].entries()) {
    const grid = await grids.create(operator, SYSTEM_ACTOR, { villageId: village.id, name, boundary: demoGridBoundary(index) });
    const worker = index === 0 ? ids.get('worker') : ids.get('parttime');
    if (worker) await grids.assignWorkers(operator, SYSTEM_ACTOR, grid.id, [worker]);
  }

  await seedDemoRegistry(ctx, { id: ids.get('village') ?? '', name: '村网格负责人', villagePath: village.path, villageCode: village.code, villageName: village.name });
  await seedDemoEvents(ctx, {
    worker: { ...countyOffice, user: { ...countyOffice.user, id: ids.get('worker') ?? '', username: 'worker', displayName: '专职网格员', role: 'grid_worker_fulltime', orgPath: village.path } },
    center: { ...operator, user: { ...operator.user, displayName: '马踏镇分中心值班员' } },
    police: { ...countyOffice, departmentId: departmentIds.get('马踏镇派出所') ?? null, user: { ...countyOffice.user, id: ids.get('dept') ?? '', username: 'dept', displayName: '派出所经办人', role: 'dept_handler', orgPath: TOWNSHIP } },
    policeId: departmentIds.get('马踏镇派出所') ?? '',
    buildingOfficeId: departmentIds.get('马踏镇村镇建设办') ?? '',
  });
  await seedDemoVisits(ctx, {
    county: { ...countyOffice, user: { ...countyOffice.user, id: ids.get('county') ?? '', username: 'county' } },
    center: operator,
    worker: { ...countyOffice, user: { ...countyOffice.user, id: ids.get('worker') ?? '', username: 'worker', displayName: '专职网格员', role: 'grid_worker_fulltime', orgPath: village.path } },
  });
  await seedDemoInfoReports(ctx, { center: operator, county: { ...countyOffice, user: { ...countyOffice.user, id: ids.get('county') ?? '', username: 'county' } }, workerId: ids.get('worker') ?? '' });
  const villageOffice: AuthenticatedSession = { ...countyOffice, user: { ...countyOffice.user, id: ids.get('village') ?? '', username: 'village', displayName: '村网格负责人', role: 'village_admin', orgPath: village.path } };
  await seedDemoPublicity(ctx, { center: operator, village: villageOffice });
  await seedDemoStations(ctx, { county: { ...countyOffice, user: { ...countyOffice.user, id: ids.get('county') ?? '', username: 'county' } }, center: operator, workerIds: [ids.get('worker') ?? '', ids.get('parttime') ?? ''], villagePath: village.path });
  await seedDemoDailyChecks(ctx, { countyId: ids.get('county') ?? '' });
  await seedDemoTraining(ctx, { county: { ...countyOffice, user: { ...countyOffice.user, id: ids.get('county') ?? '', username: 'county' } }, center: operator, villagePath: village.path });
  await seedDemoVerifications(ctx, { ...countyOffice, user: { ...countyOffice.user, id: ids.get('worker') ?? '', username: 'worker', displayName: '专职网格员', role: 'grid_worker_fulltime', orgPath: village.path } });
  await seedDemoSurveys(ctx, { county: { ...countyOffice, user: { ...countyOffice.user, id: ids.get('county') ?? '', username: 'county' } }, center: operator, worker: { ...countyOffice, user: { ...countyOffice.user, id: ids.get('worker') ?? '', username: 'worker', displayName: '专职网格员', role: 'grid_worker_fulltime', orgPath: village.path } }, townshipPath: TOWNSHIP });
  await seedDemoScores(ctx, { county: { ...countyOffice, user: { ...countyOffice.user, id: ids.get('county') ?? '', username: 'county' } } });
  // Last: last month's bulletin reads everything seeded above.
  await seedDemoBulletins(ctx);
  return { seeded: true };
}

/** People of the demo village, generated and taken in through the import, as a village office would. */
export const DEMO_PEOPLE = 600;

async function seedDemoRegistry(ctx: AppContext, owner: { id: string; name: string; villagePath: string; villageCode: string; villageName: string }): Promise<void> {
  const today = shanghaiDate(ctx.clock());
  const importer = createPersonImporter(ctx, { scopePath: owner.villagePath, actorId: owner.id, actorName: owner.name, fileName: '演示人员.xlsx', dryRun: false, today, now: () => new Date(ctx.clock()).toISOString() });
  importer.readHeaders(PERSON_COLUMNS.map((column) => column.key));
  const members = [...syntheticHouseholdMembers({ seed: 2026, count: DEMO_PEOPLE, countyCode: DEMO_COUNTY.code, places: [{ villageCode: owner.villageCode, villageName: owner.villageName, gridCodes: ['G01', 'G02', 'G03'] }], today })];
  const rows = members.map((member, index) => ({ number: index + 2, cells: PERSON_COLUMNS.map((column) => member.person[column.key]) }));
  const result = await ctx.db.kysely.transaction().execute((trx) => importer.importBatch(trx, rows));
  if (result.rejections.length > 0) throw new DomainError('VALIDATION_FAILED', { summary: `demo people refused: ${JSON.stringify(result.rejections[0])}` });
  await seedDemoRecords(ctx, owner, members);
  await seedDemoFloating(ctx, { sessionId: 'demo-seed', departmentId: null, user: { id: owner.id, username: 'village', displayName: owner.name, role: 'village_admin', orgPath: owner.villagePath, mustChangePassword: false, locale: 'zh-CN' } });
}

/** Households of the generated people (with their members), some of their houses, and the shops, places and facilities of the village. */
async function seedDemoRecords(ctx: AppContext, owner: { id: string; name: string; villagePath: string }, members: readonly SyntheticMember[]): Promise<void> {
  const session: AuthenticatedSession = { sessionId: 'demo-seed', departmentId: null, user: { id: owner.id, username: 'village', displayName: owner.name, role: 'village_admin', orgPath: owner.villagePath, mustChangePassword: false, locale: 'zh-CN' } };
  const records = createRecordsService(ctx);
  const crypto = ctx.fieldCrypto();
  const persons = await personsByIdIndexes(ctx.db.kysely, members.map((member) => crypto.blindIndex('id_number', member.person.idNumber)));
  const personIdOf = new Map(persons.map((person) => [person.id_index, person.id]));
  const grids = new Map((await placesInScope(ctx.db.kysely, owner.villagePath)).filter((unit) => unit.kind === 'grid').map((unit) => [unit.code, unit.id]));
  const households = new Map<number, SyntheticMember[]>();
  for (const member of members) households.set(member.household, [...(households.get(member.household) ?? []), member]);
  let number = 0;
  for (const group of households.values()) {
    number += 1;
    const head = group[0]!;
    const gridId = grids.get(head.person.grid) ?? '';
    const household = await records.create('household', session, SYSTEM_ACTOR, { gridId, name: `${head.person.name}户`, category: 'family', key: `MT-${String(number).padStart(4, '0')}`, address: head.person.address });
    const linked = group.flatMap((member, index) => {
      const personId = personIdOf.get(crypto.blindIndex('id_number', member.person.idNumber));
      return personId ? [{ personId, relation: index === 0 ? 'head' : member.relation === 'head' ? 'other' : member.relation }] : [];
    });
    await records.setMembers('household', session, SYSTEM_ACTOR, household.id, linked);
    if (number % 3 === 0) {
      const house = await records.create('house', session, SYSTEM_ACTOR, { gridId, name: head.person.address, address: head.person.address, category: number % 24 === 0 ? 'rental' : 'self_occupied' });
      await records.setMembers('house', session, SYSTEM_ACTOR, house.id, linked.map((member, index) => ({ personId: member.personId, relation: index === 0 ? 'owner' : 'resident' })));
    }
  }
  const g01 = grids.get('G01') ?? '';
  const g02 = grids.get('G02') ?? '';
  const creditCode = (first17: string) => first17 + creditCodeCheckCharacter(first17);
  await records.create('organisation', session, SYSTEM_ACTOR, { gridId: g01, name: '马踏村惠民超市', category: 'individual_business', key: creditCode('92511124MA62X1K3P'), address: '马踏村一组村口', legalRepresentative: '王建国', staffCount: 3 });
  await records.create('organisation', session, SYSTEM_ACTOR, { gridId: g02, name: '井研县马踏茶叶专业合作社', category: 'enterprise', key: creditCode('93511124MA6B7C2D8'), address: '马踏村二组', legalRepresentative: '李德兵', staffCount: 26 });
  await records.create('place', session, SYSTEM_ACTOR, { gridId: g01, name: '马踏镇中心小学', category: 'school', lon: 104.006, lat: 29.505 });
  await records.create('place', session, SYSTEM_ACTOR, { gridId: g02, name: '马踏场镇农贸市场', category: 'market', lon: 104.016, lat: 29.503 });
  await records.create('place', session, SYSTEM_ACTOR, { gridId: grids.get('G03') ?? g01, name: '茫溪河马踏段', category: 'water', lon: 104.025, lat: 29.507 });
  for (const [index, category] of (['street_lamp', 'street_lamp', 'manhole', 'camera', 'fire_hydrant', 'waste_bin'] as const).entries()) {
    const facility = await records.create('facility', session, SYSTEM_ACTOR, { gridId: index % 2 === 0 ? g01 : g02, name: `${category === 'street_lamp' ? '路灯' : category === 'manhole' ? '井盖' : category === 'camera' ? '监控探头' : category === 'fire_hydrant' ? '消防栓' : '垃圾桶'} ${index + 1} 号`, category, key: `MT-BJ-${String(index + 1).padStart(3, '0')}`, lon: 104.005 + index * 0.003, lat: 29.504 });
    if (index === 0) await records.update('facility', session, SYSTEM_ACTOR, facility.id, { version: 1, state: 'damaged' });
  }
}

interface DemoActors {
  readonly worker: AuthenticatedSession;
  readonly center: AuthenticatedSession;
  readonly police: AuthenticatedSession;
  readonly policeId: string;
  readonly buildingOfficeId: string;
}

/** Events at every stage of the loop, so each demo login has something in its queue. */
async function seedDemoEvents(ctx: AppContext, actors: DemoActors): Promise<void> {
  const events = createEventsService(ctx);
  const actions = createEventActionsService(ctx, events);
  const { worker, center, police } = actors;
  const report = async (key: string, title: string, description: string, categoryCode: string, lon: number) =>
    (await events.report(worker, SYSTEM_ACTOR, { clientKey: `demo-${key}`, title, description, categoryCode, lon, lat: 29.504 })).event.id;
  const act = (session: AuthenticatedSession, id: string, body: Parameters<typeof actions.act>[3]) => actions.act(session, SYSTEM_ACTOR, id, body);

  await report('lamp', '村口路灯不亮', '马踏村一组村口两盏路灯夜间不亮，村民出行不便。', 'livelihood', 104.005);
  await report('dispute', '邻里宅基地纠纷', '二组两户因宅基地边界发生争执，需调解。', 'dispute', 104.015);
  const waste = await report('waste', '河边垃圾堆放', '三组河边有生活垃圾堆放，影响环境。', 'sanitation', 104.025);
  await act(center, waste, { action: 'accept' });
  const building = await report('building', '疑似危房有人居住', '一组一处土坯房墙体开裂，仍有老人居住。', 'hazard_building', 104.004);
  await act(center, building, { action: 'accept' });
  await act(center, building, { action: 'dispatch', leadDepartmentId: actors.buildingOfficeId });
  const fight = await report('fight', '夜间聚众喧哗', '二组小卖部门前夜间有人聚众喧哗。', 'public_order', 104.016);
  await act(center, fight, { action: 'accept' });
  await act(center, fight, { action: 'dispatch', leadDepartmentId: actors.policeId });
  await act(police, fight, { action: 'sign_for' });
  const theft = await report('theft', '电动车被盗', '一组村民电动车夜间在院内被盗。', 'public_order', 104.006);
  await act(center, theft, { action: 'accept' });
  await act(center, theft, { action: 'dispatch', leadDepartmentId: actors.policeId });
  await act(police, theft, { action: 'sign_for' });
  await act(police, theft, { action: 'handle', result: '已立案调查，并在村口加装监控。' });
  const drain = await report('drain', '排水沟堵塞', '一组排水沟被杂物堵塞，雨天积水。', 'sanitation', 104.007);
  await act(center, drain, { action: 'accept' });
  await act(center, drain, { action: 'dispatch', leadDepartmentId: actors.buildingOfficeId });
  const office: AuthenticatedSession = { ...police, departmentId: actors.buildingOfficeId };
  await act(office, drain, { action: 'sign_for' });
  await act(office, drain, { action: 'handle', result: '已组织清理排水沟。' });
  await act(worker, drain, { action: 'verify_pass' });

  // A late one: a geological hazard dispatched to the police station five hours ago (sign for
  // within 2 hours) and never signed for, so the sweep has given the station a yellow and a red card.
  const earlier = { ...ctx, clock: () => ctx.clock() - 5 * 3600_000 };
  const lateEvents = createEventsService(earlier);
  const lateActions = createEventActionsService(earlier, lateEvents);
  const rocks = (await lateEvents.report(worker, SYSTEM_ACTOR, { clientKey: 'demo-rocks', title: '山坡落石隐患', description: '三组后山坡有松动石块，下方为村道，雨后可能滚落。', categoryCode: 'hazard_geology', lon: 104.026, lat: 29.504 })).event.id;
  await lateActions.act(center, SYSTEM_ACTOR, rocks, { action: 'accept' });
  await lateActions.act(center, SYSTEM_ACTOR, rocks, { action: 'dispatch', leadDepartmentId: actors.policeId });
  await createEventCardsService(ctx).sweep(new Date(ctx.clock()).toISOString());
}
