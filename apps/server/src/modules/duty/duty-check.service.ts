// The daily "nobody on duty" check (值班缺岗): on each working day, at the cut-off the schedule
// sets (GRIDWORK_DUTY_CHECK_CRON, 10:00 by default), every staffed sub-center with nobody on the
// roster, or nobody checked in by then, gets a lapse row (one per unit and day) and the county's
// administrators and the unit's operators an inbox message. On PostgreSQL an advisory lock lets
// one instance write.
// The first run ever writes the county setting `duty_check.since` (its Shanghai date) and no run
// looks back before it: after an upgrade nobody is blamed for days when there was no roster to
// keep. Each run looks back up to 31 days (not before `since`), so a server that was down for up
// to a month catches up; an outage longer than that is not guessed at but reported: the run answers
// the days it could no longer check (`missed`, from `duty_check.through`, the last day a run
// settled) and the schedule logs them as a warning.
import { Cron } from 'croner';
import { addCalendarDays, ancestorPaths, newId, shanghaiDate, shanghaiDayRange, DUTY_LAPSE_REASON_LABELS, type DutyLapseReason } from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../accounts/accounts.service.js';
import { putSetting, settingsByKeys } from '../settings/settings.repo.js';
import { loadWorkingCalendar } from '../calendar/working-calendar.repo.js';
import { insertInboxMessages } from '../events/events.repo.js';
import { DUTY_ROLES } from './duty.service.js';
import * as repo from './duty.repo.js';

/** The cut-off when the schedule is off (tests, or GRIDWORK_DUTY_CHECK_CRON=''). */
export const DEFAULT_DUTY_CHECK_CRON = '0 10 * * *';
/** Days looked back for a check that did not run (never before `duty_check.since`). */
export const DUTY_CHECK_LOOK_BACK_DAYS = 31;
/** County settings: the first day checked (written once, by the first run) and the last day a run settled. */
export const DUTY_CHECK_SINCE_KEY = 'duty_check.since';
export const DUTY_CHECK_THROUGH_KEY = 'duty_check.through';

export interface DutyCheckResult {
  /** The working days whose cut-off had passed, checked by this run. */
  readonly days: string[];
  /** Lapses this run recorded. */
  readonly recorded: number;
  /** Days after the last settled one that fell out of the look-back before a run came (an outage longer than it): never checked. */
  readonly missed: { readonly from: string; readonly to: string } | null;
}

/** The first time the pattern fires on a Shanghai date, or null if it does not fire that day. */
export function cutOffOn(pattern: string, date: string): string | null {
  const { start } = shanghaiDayRange(date);
  const next = new Cron(pattern, { timezone: 'Asia/Shanghai', paused: true }).nextRun(new Date(Date.parse(start) - 1));
  if (!next || shanghaiDate(next.getTime()) !== date) return null;
  return next.toISOString();
}

export function createDutyCheckService(ctx: AppContext) {
  return { run: (now: string) => runDutyCheck(ctx, now) };
}

async function runDutyCheck(ctx: AppContext, now: string): Promise<DutyCheckResult | null> {
  const { db, audit } = ctx;
  const pattern = ctx.config.dutyCheckCron || DEFAULT_DUTY_CHECK_CRON;
  const today = shanghaiDate(Date.parse(now));
  return db.kysely.transaction().execute(async (trx) => {
    if (!(await repo.tryDutyCheckLock(trx, db.kind))) return null;
    const settings = new Map((await settingsByKeys(trx, [DUTY_CHECK_SINCE_KEY, DUTY_CHECK_THROUGH_KEY])).map((row) => [row.key, JSON.parse(row.value) as string]));
    let since = settings.get(DUTY_CHECK_SINCE_KEY);
    if (since === undefined) {
      since = today;
      await putSetting(trx, { key: DUTY_CHECK_SINCE_KEY, value: JSON.stringify(since), updated_by: null, updated_at: now });
    }
    const lookBack = addCalendarDays(today, -DUTY_CHECK_LOOK_BACK_DAYS);
    const from = since > lookBack ? since : lookBack;
    const through = settings.get(DUTY_CHECK_THROUGH_KEY);
    const missed = through !== undefined && addCalendarDays(through, 1) < from ? { from: addCalendarDays(through, 1), to: addCalendarDays(from, -1) } : null;
    const calendar = await loadWorkingCalendar(trx, from, today);
    const cutOffs = new Map<string, string>();
    let settled = addCalendarDays(today, -1);
    for (let date = from; date <= today; date = addCalendarDays(date, 1)) {
      const cutOff = calendar.isWorkday(date) ? cutOffOn(pattern, date) : null;
      if (cutOff && cutOff <= now) cutOffs.set(date, cutOff);
      if (date === today && (!cutOff || cutOff <= now)) settled = today;
    }
    if (through === undefined || settled > through) await putSetting(trx, { key: DUTY_CHECK_THROUGH_KEY, value: JSON.stringify(settled), updated_by: null, updated_at: now });
    const days = [...cutOffs.keys()];
    const [units, entries, lapses] = await Promise.all([repo.staffedSubCenters(trx, DUTY_ROLES), repo.entriesOnDays(trx, days), repo.lapsesOnDays(trx, days)]);
    const recordedBefore = new Set(lapses.map((lapse) => `${lapse.unit_id} ${lapse.date}`));
    let recorded = 0;
    for (const [date, cutOff] of cutOffs) {
      for (const unit of units) {
        // A unit is answerable from the day it had someone who could be on duty.
        if (recordedBefore.has(`${unit.id} ${date}`) || String(unit.staffed_since) > cutOff) continue;
        const onDuty = entries.filter((entry) => entry.unit_id === unit.id && entry.date === date);
        const reason: DutyLapseReason | null = onDuty.length === 0 ? 'no_roster' : onDuty.some((entry) => entry.checked_in_at !== null && entry.checked_in_at <= cutOff) ? null : 'no_check_in';
        if (!reason) continue;
        const id = newId();
        if (!(await repo.insertLapseOnce(trx, { id, unit_id: unit.id, unit_path: unit.path, date, reason, recorded_at: now }))) continue;
        const recipients = await repo.lapseRecipients(trx, ancestorPaths(unit.path)[1] ?? unit.path, unit.path);
        const text = `值班缺岗：${unit.name} ${date} ${DUTY_LAPSE_REASON_LABELS[reason]['zh-CN']}`;
        await insertInboxMessages(trx, recipients.map((recipient) => ({ id: newId(), account_id: recipient.id, kind: 'duty_lapse', event_id: null, text, created_at: now })));
        await audit.append(trx, SYSTEM_ACTOR, { action: 'duty.lapse_recorded', objectType: 'duty_lapse', objectId: id, orgPath: unit.path, details: { date, reason, recipients: recipients.length } });
        recorded += 1;
      }
    }
    return { days, recorded, missed };
  });
}
