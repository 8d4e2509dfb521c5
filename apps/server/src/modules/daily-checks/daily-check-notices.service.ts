// 一键提醒: the county (or a township, for its own villages) chases units that have not signed in
// or leave events waiting: an inbox message and a text message to every account of each unit,
// naming what is missing. The unit's row is stamped in the same transaction; a second click within
// ten minutes answers what the first one sent and sends nothing again.
import {
  DomainError,
  addCalendarDays,
  cutoffInstant,
  dailyCheckNotice,
  isAccountOf,
  newId,
  shanghaiDate,
  summarizeIssues,
  type CheckedUnit,
  type DailyNotifyBody,
  type DailyNotifyResult,
  type DailyUnitResult,
  type Locale,
} from '@gridwork/core';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { insertInboxMessages } from '../events/events.repo.js';
import * as signIns from '../sign-in-status/sign-in-status.repo.js';
import { loadDailyCheckSettings } from './daily-check-settings.service.js';
import { CATCH_UP_DAYS, type DailyChecksService } from './daily-checks.service.js';
import * as repo from './daily-checks.repo.js';

/** A unit chased again within this window is not told twice. */
export const RENOTIFY_AFTER_MS = 10 * 60_000;

const VILLAGE_KINDS = new Set(['village', 'community', 'resident_group']);

export function createDailyCheckNoticesService(ctx: AppContext, checks: DailyChecksService) {
  const { db, clock, audit, sms } = ctx;

  async function notify(session: AuthenticatedSession, actor: AuditActor, body: DailyNotifyBody, locale: Locale): Promise<DailyNotifyResult> {
    const now = new Date(clock()).toISOString();
    const today = shanghaiDate(clock());
    // Only the last week's days: an older one would first check the whole county for that day.
    const refuse = (rule: string, zh: string, en: string) => {
      const fields = [{ field: 'body.date', rule, message: locale === 'zh-CN' ? zh : en }];
      return new DomainError('VALIDATION_FAILED', { fields, summary: summarizeIssues(fields, locale) });
    };
    if (body.date > today) throw refuse('maximum', '不能晚于今天', 'must not be after today');
    if (body.date < addCalendarDays(today, -CATCH_UP_DAYS)) throw refuse('minimum', `不能早于 ${CATCH_UP_DAYS} 天前`, `must not be more than ${CATCH_UP_DAYS} days ago`);
    const scope = session.user.orgPath;
    const [orgUnits, departments, accounts, settings] = await Promise.all([
      signIns.unitsInScope(db.kysely, scope),
      signIns.departmentsInScope(db.kysely, scope),
      signIns.accountsInScope(db.kysely, scope),
      loadDailyCheckSettings(db.kysely),
    ]);
    const seen = new Set<string>();
    const wanted = body.units.filter((unit) => !seen.has(`${unit.kind}:${unit.id}`) && seen.add(`${unit.kind}:${unit.id}`));
    const units = wanted.map((want): CheckedUnit => {
      const found =
        want.kind === 'department'
          ? departments.find((department) => department.id === want.id)
          : orgUnits.find((unit) => unit.id === want.id && (want.kind === 'township' ? unit.kind === 'township' : VILLAGE_KINDS.has(unit.kind)));
      if (!found) throw new DomainError('NOT_FOUND', { kind: want.kind, id: want.id });
      return { kind: want.kind, id: found.id, name: found.name, path: found.path };
    });

    // Today before the cut-off as it stands now; a day past its cut-off as stored at it (or judged as of it, when never stored).
    const cutoff = cutoffInstant(body.date, settings.cutoff);
    const live = body.date === today && now < cutoff;
    const asOf = live ? now : cutoff;
    // A day past its cut-off that the schedule has not checked yet is checked for every unit first,
    // so the stamped row below cannot pass for a done day.
    if (!live) await checks.runDailyCheck(body.date, now);
    const stored = live ? [] : await repo.resultsOfDay(db.kysely, { path: scope }, body.date);
    const computed = await checks.computeDay(db.kysely, scope, body.date, asOf);
    const stateOf = (unit: CheckedUnit): DailyUnitResult => {
      const row = stored.find((candidate) => candidate.unit_kind === unit.kind && candidate.unit_id === unit.id);
      if (row) return { ...unit, accounts: row.accounts, loggedIn: row.logged_in === 1, firstSignInAt: row.first_sign_in_at, waiting: row.waiting_count, lateSigned: row.late_signed_count, status: row.status };
      return computed.find((result) => result.kind === unit.kind && result.id === unit.id) ?? { ...unit, accounts: 0, loggedIn: false, firstSignInAt: null, waiting: 0, lateSigned: 0, status: 'ok' };
    };
    const notBefore = new Date(Date.parse(now) - RENOTIFY_AFTER_MS).toISOString();

    return db.kysely.transaction().execute(async (trx) => {
      const items: DailyNotifyResult['items'] = [];
      for (const unit of units) {
        const state = stateOf(unit);
        const recipients = accounts.filter((account) => isAccountOf(unit, { id: account.id, orgPath: account.org_path, departmentId: account.department_id })).map((account) => account.id);
        const text = dailyCheckNotice({ ...state, date: body.date, cutoff: settings.cutoff, beforeCutoff: live });
        const key = { kind: unit.kind, id: unit.id, date: body.date };
        await repo.insertResultOnce(trx, checks.toRow(state, body.date, asOf, now));
        if (await repo.claimNotification(trx, key, { at: now, by: session.user.id, text, recipients: recipients.length, notBefore })) {
          await insertInboxMessages(trx, recipients.map((accountId) => ({ id: newId(), account_id: accountId, kind: 'daily_check', event_id: null, text, created_at: now })));
          await sms.send(trx, recipients.map((accountId) => ({ accountId, text })), now);
          await audit.append(trx, actor, { action: 'daily_check.notified', objectType: 'daily_unit_check', objectId: `${unit.kind}:${unit.id}:${body.date}`, orgPath: unit.path, details: { date: body.date, status: state.status, recipients: recipients.length } });
          items.push({ kind: unit.kind, id: unit.id, name: unit.name, recipients: recipients.length, text, notifiedAt: now, repeated: false });
        } else {
          const first = await repo.resultOf(trx, key);
          items.push({ kind: unit.kind, id: unit.id, name: unit.name, recipients: first?.notice_recipients ?? 0, text: first?.notice_text ?? text, notifiedAt: first?.notified_at ?? now, repeated: true });
        }
      }
      return { items };
    });
  }

  return { notify };
}

export type DailyCheckNoticesService = ReturnType<typeof createDailyCheckNoticesService>;
