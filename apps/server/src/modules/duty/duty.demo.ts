// The demo county's working calendar and duty: the State Council's holidays of the years whose
// notice is out (2026), and rosters for the county center and 马踏镇's sub-center from three weeks back to two
// weeks ahead — two operators taking turns at 马踏镇, with today's duty the demo `center` login's —
// checked in on past days except one, which the daily check recorded as a lapse.
import { HOLIDAY_NOTICES, addCalendarDays, newId, shanghaiDate, shanghaiDayRange, workdaysBetween } from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import { createAccountsService } from '../accounts/accounts.service.js';
import { loadWorkingCalendar, putException } from '../calendar/working-calendar.repo.js';
import { insertInboxMessages } from '../events/events.repo.js';
import * as repo from './duty.repo.js';

export interface DutyDemoActors {
  readonly countyId: string;
  readonly centerId: string;
  readonly countyPath: string;
  readonly townshipPath: string;
  readonly password: string;
}

/** 08:00–09:00 Shanghai on `date`, a few minutes apart from day to day. */
function morning(date: string, i: number): string {
  return new Date(Date.parse(shanghaiDayRange(date).start) + (8 * 60 + ((i * 7) % 50)) * 60_000).toISOString();
}

export async function seedDemoDuty(ctx: AppContext, actors: DutyDemoActors): Promise<void> {
  const db = ctx.db.kysely;
  const now = new Date(ctx.clock()).toISOString();
  for (const day of Object.values(HOLIDAY_NOTICES).flat()) await putException(db, { ...day, updated_by: actors.countyId, updated_at: now });

  // A second operator at 马踏镇, so that the roster has someone to take turns and swap with.
  const secondId = await createAccountsService(ctx).createAccountAsSystem({
    username: 'center2',
    displayName: '马踏镇分中心值班员（二）',
    password: actors.password,
    role: 'center_operator',
    orgPath: actors.townshipPath,
    mustChangePassword: false,
    departmentId: null,
  });

  const today = shanghaiDate(ctx.clock());
  const from = addCalendarDays(today, -21);
  const to = addCalendarDays(today, 14);
  const calendar = await loadWorkingCalendar(db, from, to);
  // Working days, and today even when it is a rest day: the demo's on-duty person can always check in.
  const days = [...new Set([...workdaysBetween(from, to, calendar), today])].sort();
  const units = await repo.unitsAtPaths(db, [actors.countyPath, actors.townshipPath]);
  const township = units.find((unit) => unit.path === actors.townshipPath);
  const county = units.find((unit) => unit.path === actors.countyPath);
  if (!township || !county) return;
  const todayIndex = days.indexOf(today);
  // The one past working day at 马踏镇 nobody checked in: a week ago or so.
  const missed = days.filter((date) => date < today).at(-5);
  const rows = days.flatMap((date, i) => {
    const mata = (i - todayIndex) % 2 === 0 ? actors.centerId : secondId;
    const checkedIn = (unitPath: string) => (date < today && !(unitPath === township.path && date === missed) ? morning(date, i) : null);
    return [
      { id: newId(), unit_id: township.id, unit_path: township.path, date, slot: 'day', account_id: mata, checked_in_at: checkedIn(township.path), created_by: actors.countyId, created_at: now, updated_at: now },
      { id: newId(), unit_id: county.id, unit_path: county.path, date, slot: 'day', account_id: actors.countyId, checked_in_at: checkedIn(county.path), created_by: actors.countyId, created_at: now, updated_at: now },
    ];
  });
  for (let i = 0; i < rows.length; i += 100) await repo.insertEntries(db, rows.slice(i, i + 100));
  if (missed) {
    const recordedAt = new Date(Date.parse(shanghaiDayRange(missed).start) + 10 * 3600_000).toISOString();
    await repo.insertLapseOnce(db, { id: newId(), unit_id: township.id, unit_path: township.path, date: missed, reason: 'no_check_in', recorded_at: recordedAt });
    await insertInboxMessages(db, [actors.countyId, actors.centerId, secondId].map((accountId) => ({ id: newId(), account_id: accountId, kind: 'duty_lapse', event_id: null, text: `值班缺岗：${township.name} ${missed} 值班人员未签到`, created_at: recordedAt })));
  }
}
