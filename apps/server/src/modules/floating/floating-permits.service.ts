// Residence permits (居住证) about to expire: once a day, each present person's permit expiring
// within the configured days (30 by default) is told to the grid workers of their grid as an
// inbox message, once per registration and expiry date (a ledger row with that key). On
// PostgreSQL the check holds an advisory lock, so with several servers one of them sends.
import { daysAfter, newId, shanghaiDate } from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../accounts/accounts.service.js';
import { insertInboxMessages } from '../events/events.repo.js';
import * as repo from './floating.repo.js';

/** The permits expiring within the configured days, each reminded to its grid's workers once; null while another server sends. */
export function createPermitRemindersService(ctx: AppContext) {
  return { remind: (now: string) => remindPermits(ctx, now) };
}

const BATCH = 200;

async function remindPermits(ctx: AppContext, now: string): Promise<{ reminded: number } | null> {
  const { db, audit } = ctx;
  const today = shanghaiDate(Date.parse(now));
  const until = daysAfter(today, ctx.config.permitReminderDays);
  let reminded = 0;
  for (;;) {
    const batch = await db.kysely.transaction().execute(async (trx) => {
      if (!(await repo.tryPermitLock(trx, db.kind))) return null;
      const due = await repo.permitsToRemind(trx, today, until, BATCH);
      const workers = await repo.gridWorkersOf(trx, [...new Set(due.flatMap((row) => (row.grid_id ? [row.grid_id] : [])))]);
      let count = 0;
      for (const row of due) {
        const expiresOn = row.permit_expires_on ?? until;
        const recipients = workers.filter((worker) => worker.grid_id === row.grid_id).map((worker) => worker.id);
        if (!(await repo.insertReminderOnce(trx, { registration_id: row.id, expires_on: expiresOn, reminded_at: now, recipients: recipients.length }))) continue;
        const text = `流动人口“${row.name}”的居住证将于 ${expiresOn} 到期，请提醒其及时续签`;
        await insertInboxMessages(trx, recipients.map((accountId) => ({ id: newId(), account_id: accountId, kind: 'permit_expiring', event_id: null, text, created_at: now })));
        await audit.append(trx, SYSTEM_ACTOR, { action: 'floating.permit_reminded', objectType: 'floating_registration', objectId: row.id, orgPath: row.path, details: { expiresOn, recipients: recipients.length } });
        count += 1;
      }
      return { seen: due.length, count };
    });
    if (batch === null) return reminded === 0 ? null : { reminded };
    reminded += batch.count;
    if (batch.seen < BATCH) return { reminded };
  }
}
