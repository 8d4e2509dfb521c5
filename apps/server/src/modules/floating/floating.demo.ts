// The demo village's floating population, registered through the same service as the phones
// use: people from several provinces over the past year, most in the village's rental houses,
// one residence permit expiring within the month, and a few departures so the trend has shape.
import { idNumberCheckCharacter, shanghaiDate, type FloatingReason } from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../accounts/accounts.service.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { placesInScope } from '../persons/persons.repo.js';
import { createRecordsService } from '../records/records.service.js';
import { createFloatingService } from './floating.service.js';

interface DemoNewcomer {
  readonly name: string;
  readonly gender: 'male' | 'female';
  readonly origin: string;
  readonly birth: string;
  readonly reason: FloatingReason;
  readonly monthsAgo: number;
  /** Which of the village's rental houses they live in, if any. */
  readonly house: number | null;
  readonly grid: 'G01' | 'G02' | 'G03';
  readonly employer?: string;
  /** Days from today to the permit's expiry, if they hold one. */
  readonly permitDays?: number;
  /** Months ago they left, and where to. */
  readonly departed?: { readonly monthsAgo: number; readonly to: string };
}

const NEWCOMERS: readonly DemoNewcomer[] = [
  { name: '陈建华', gender: 'male', origin: '500229', birth: '19850612', reason: 'work', monthsAgo: 11, house: 0, grid: 'G01', employer: '井研县马踏茶叶专业合作社', permitDays: 20 },
  { name: '刘芳', gender: 'female', origin: '440305', birth: '19920303', reason: 'business', monthsAgo: 9, house: 0, grid: 'G01', employer: '马踏村惠民超市', permitDays: 200 },
  { name: '黄志强', gender: 'male', origin: '421127', birth: '19880909', reason: 'work', monthsAgo: 8, house: 1, grid: 'G02', departed: { monthsAgo: 3, to: '4201' } },
  { name: '周丽', gender: 'female', origin: '360824', birth: '19950120', reason: 'family', monthsAgo: 6, house: 1, grid: 'G02' },
  { name: '吴涛', gender: 'male', origin: '520304', birth: '19900418', reason: 'work', monthsAgo: 5, house: 2, grid: 'G02', departed: { monthsAgo: 1, to: '5201' } },
  { name: '郑小红', gender: 'female', origin: '431122', birth: '20050707', reason: 'study', monthsAgo: 4, house: null, grid: 'G03' },
  { name: '孙强', gender: 'male', origin: '410526', birth: '19830215', reason: 'work', monthsAgo: 2, house: 0, grid: 'G01', employer: '井研县马踏茶叶专业合作社', permitDays: 300 },
  { name: '马丽娟', gender: 'female', origin: '620102', birth: '19870828', reason: 'business', monthsAgo: 1, house: null, grid: 'G03' },
  { name: '何勇', gender: 'male', origin: '5113', birth: '19791111', reason: 'work', monthsAgo: 10, house: 2, grid: 'G02', departed: { monthsAgo: 6, to: '5113' } },
  { name: '林晓', gender: 'female', origin: '350203', birth: '19980601', reason: 'work', monthsAgo: 0, house: 1, grid: 'G02', employer: '马踏场镇农贸市场' },
];

/** The day `months` months before `today`, on the same day of the month (the 28th at most). */
function monthsBefore(today: string, months: number): string {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - months;
  const day = Math.min(Number(today.slice(8, 10)), 28);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysFrom(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** An ID number of the person's home county (its first 6 digits), valid by its check character. */
function idNumberOf(newcomer: DemoNewcomer, index: number): string {
  const region = newcomer.origin.padEnd(6, '0').slice(0, 4) + (newcomer.origin.length === 6 ? newcomer.origin.slice(4) : '02');
  const first17 = `${region}${newcomer.birth}${String(index * 2 + 11).padStart(2, '0')}${newcomer.gender === 'male' ? 1 : 2}`;
  return first17 + idNumberCheckCharacter(first17);
}

/** How many people the demo registers as arriving (some of them left again). */
export const DEMO_FLOATING_PEOPLE = NEWCOMERS.length;

export async function seedDemoFloating(ctx: AppContext, session: AuthenticatedSession): Promise<void> {
  const today = shanghaiDate(ctx.clock());
  const grids = new Map((await placesInScope(ctx.db.kysely, session.user.orgPath)).filter((unit) => unit.kind === 'grid').map((unit) => [unit.code, unit.id]));
  const records = createRecordsService(ctx);
  const houses = (await records.list('house', session, { category: 'rental', limit: 3 })).items;
  const floating = createFloatingService(ctx);
  for (const [index, newcomer] of NEWCOMERS.entries()) {
    const house = newcomer.house === null ? undefined : houses[newcomer.house % Math.max(houses.length, 1)];
    const arrivedOn = monthsBefore(today, newcomer.monthsAgo);
    const idNumber = idNumberOf(newcomer, index);
    const { registration } = await floating.arrive(session, SYSTEM_ACTOR, {
      clientKey: `demo-arrival-${String(index + 1).padStart(2, '0')}`,
      person: { gridId: grids.get(newcomer.grid) ?? '', name: newcomer.name, idType: 'resident_id', idNumber, phone: `1390833${String(1000 + index * 37).slice(-4)}`, address: house?.address ?? `马踏村${newcomer.grid === 'G03' ? '三' : '一'}组` },
      originCode: newcomer.origin,
      reason: newcomer.reason,
      arrivedOn,
      expectedStayUntil: daysFrom(today, 365),
      ...(house ? { houseId: house.id } : {}),
      ...(newcomer.employer ? { employer: newcomer.employer } : {}),
      ...(newcomer.permitDays !== undefined ? { residencePermit: { number: idNumber, issuedOn: daysFrom(daysFrom(today, newcomer.permitDays), -365), expiresOn: daysFrom(today, newcomer.permitDays) } } : {}),
    });
    if (newcomer.departed) {
      await floating.depart(session, SYSTEM_ACTOR, { clientKey: `demo-departure-${String(index + 1).padStart(2, '0')}`, personId: registration.personId, departedOn: monthsBefore(today, newcomer.departed.monthsAgo), destinationCode: newcomer.departed.to });
    }
  }
}
