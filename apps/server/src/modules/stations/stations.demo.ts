// The demo county's station standards: the county has inspected most sub-centers and 马踏镇 most of
// its village stations, the county the others (some items not met, one sub-center overdue, a few never inspected), and
// 马踏镇 keeps about thirty hand-held terminals, two of them with the demo grid workers.
import { addDays, imeiCheckDigit, shanghaiDate, type CreateInspectionBody, type StationItemState, type TerminalState } from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../accounts/accounts.service.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { dailyUnitsInScope } from '../publicity/daily-units.repo.js';
import { createStationsService } from './stations.service.js';
import { createTerminalsService } from './terminals.service.js';

export interface DemoStationActors {
  readonly county: AuthenticatedSession;
  readonly center: AuthenticatedSession;
  /** The demo full-time and part-time grid workers of 马踏村. */
  readonly workerIds: readonly string[];
  readonly villagePath: string;
}

const NOTES: Readonly<Record<string, string>> = {
  site: '办公场地不足 20 平方米',
  signage: '门牌标识缺失或褪色',
  equipment: '电脑老旧，缺少打印机',
  staff: '专职人员未到岗',
  rules: '工作制度未上墙',
};

function items(seed: number): CreateInspectionBody['items'] {
  const state = (item: number): StationItemState => {
    const roll = (seed * 7 + item * 3) % 19;
    return roll === 0 ? 'not_met' : roll === 1 ? 'partly' : 'met';
  };
  const one = (name: string, index: number) => {
    const found = state(index);
    return found === 'met' ? { state: found } : { state: found, note: NOTES[name] ?? '' };
  };
  return { site: one('site', 0), signage: one('signage', 1), equipment: one('equipment', 2), staff: one('staff', 3), rules: one('rules', 4) };
}

export async function seedDemoStations(ctx: AppContext, actors: DemoStationActors): Promise<void> {
  const stations = createStationsService(ctx);
  const today = shanghaiDate(ctx.clock());
  const units = await dailyUnitsInScope(ctx.db.kysely, actors.county.user.orgPath);
  const townships = units.filter((unit) => unit.kind === 'township');
  for (const [index, township] of townships.entries()) {
    if (index % 6 === 5) continue; // never inspected
    const session = township.path === actors.center.user.orgPath ? actors.center : actors.county;
    // One sub-center's last check is over half a year old.
    const checkedOn = addDays(today, index === 2 ? -220 : -(10 + ((index * 13) % 90)));
    await stations.inspect(session, SYSTEM_ACTOR, { unitId: township.id, checkedOn, note: '季度阵地建设检查', items: items(index) });
  }
  // Village stations: 马踏镇 checks its own (twice, so the history shows a change), the county the others once.
  const allVillages = units.filter((unit) => unit.kind !== 'township');
  for (const [index, village] of allVillages.entries()) {
    if (index % 5 === 4) continue; // never inspected
    const ours = village.path.startsWith(actors.center.user.orgPath);
    const session = ours ? actors.center : actors.county;
    if (ours) await stations.inspect(session, SYSTEM_ACTOR, { unitId: village.id, checkedOn: addDays(today, -(120 + (index % 30))), items: items(index + 3) });
    await stations.inspect(session, SYSTEM_ACTOR, { unitId: village.id, checkedOn: addDays(today, -(5 + ((index * 7) % 40))), note: '网格工作站达标检查', items: items(index) });
  }
  const villages = allVillages.filter((unit) => unit.path.startsWith(actors.center.user.orgPath));

  const terminals = createTerminalsService(ctx);
  // The states of terminals nobody holds (a held terminal is always in use).
  const STATES: readonly TerminalState[] = ['spare', 'spare', 'repair', 'spare', 'retired'];
  let serial = 0;
  for (const [index, village] of villages.entries()) {
    const own = village.path === actors.villagePath;
    const count = own ? 4 : 2 + (index % 2);
    for (let n = 0; n < count; n += 1) {
      serial += 1;
      const body14 = `8693410${String(serial).padStart(7, '0')}`;
      const holderId = own ? actors.workerIds[n] : undefined;
      // The demo village keeps its other terminals spare, ready to hand out.
      const state: TerminalState = holderId ? 'in_use' : own ? 'spare' : (STATES[(serial + n) % STATES.length] ?? 'spare');
      await terminals.register(actors.center, SYSTEM_ACTOR, {
        assetCode: `JY-MT-SCZD-${String(serial).padStart(3, '0')}`,
        model: serial % 3 === 0 ? '华为 畅享 60' : '中兴 Blade A73',
        imei: `${body14}${imeiCheckDigit(body14)}`,
        unitId: village.id,
        state,
        ...(serial % 4 === 0 ? { phone: `1398130${String(serial).padStart(4, '0')}` } : {}),
        ...(holderId ? { holderId, issuedOn: addDays(today, -60) } : {}),
      });
    }
  }
}
