// The deadline sweep: every late step earns a yellow card past its deadline and a red one past
// 150% of it, as ledger entries against the unit that answers for the step. Each card is issued
// once per step: a unique key makes a second sweep (or a second server) a no-op.
import { DEFAULT_CARD_RULES, EVERY_DAY_WORKING, ancestorPaths, cardsDue, newId, nextCardDue, shanghaiDate, stepOf, CARD_LEVEL_LABELS, EVENT_STEP_LABELS } from '@gridwork/core';
import { loadWorkingCalendar } from '../calendar/working-calendar.repo.js';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../accounts/accounts.service.js';
import * as repo from './events.repo.js';

/** Arbitrary but fixed: the advisory lock that makes one PostgreSQL instance the sweeper. */
const SWEEP_LOCK_KEY = 5_111_241_001;
const BATCH = 500;

/** Shanghai wall-clock time to the minute, as a message reads it: 11月25日 14:30. */
function shanghaiIsoMinute(iso: string): string {
  const local = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${Number(local.slice(5, 7))}月${Number(local.slice(8, 10))}日 ${local.slice(11, 16)}`;
}

/** Who answers for a step: the department's staff, or the village's administrator and grid workers. */
function responsibleAccounts(trx: Parameters<typeof repo.activeStaffOfDepartments>[0], department: string | null, villagePath: string) {
  return department
    ? repo.activeStaffOfDepartments(trx, [department])
    : repo.activeAccountsAt(trx, [villagePath], ['village_admin', 'grid_worker_fulltime', 'grid_worker_parttime']);
}

export function createEventCardsService(ctx: AppContext) {
  const { db, audit } = ctx;
  const rules = { ...DEFAULT_CARD_RULES, ...ctx.config.cardRules };

  /** Issues the cards due at `now`; answers how many, or null when another instance holds the lock. */
  async function issueCards(now: string): Promise<{ issued: number } | null> {
    let issued = 0;
    for (;;) {
      const batch = await db.kysely.transaction().execute(async (trx) => {
        if (db.kind === 'postgres') {
          const lock = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${SWEEP_LOCK_KEY}) as locked`.execute(trx);
          if (!lock.rows[0]?.locked) return null;
        }
        const steps = await repo.stepsWithCardDue(trx, now, BATCH);
        // Card times are shares of a step's working time: the calendar of every year a step may span.
        const calendar = steps.length > 0 ? await loadWorkingCalendar(trx, '1970-01-01', '9999-12-31') : EVERY_DAY_WORKING;
        let count = 0;
        for (const event of steps) {
          const step = stepOf(event.status);
          if (!step || !event.step_started_at || !event.step_deadline) {
            await repo.updateEvent(trx, event.id, { next_card_at: null });
            continue;
          }
          const held = (await repo.cardsOfStep(trx, event.id, event.step_seq)).map((card) => card.level);
          const window = { startedAt: event.step_started_at, deadline: event.step_deadline };
          for (const level of cardsDue(window, now, held, rules, calendar)) {
            const village = ancestorPaths(event.path)[3] ?? event.path;
            const department = step.responsible === 'lead_department' ? event.lead_department_id : null;
            const departmentRow = department ? (await repo.departmentsByIds(trx, [department]))[0] : undefined;
            const unitPath = departmentRow?.org_path ?? village;
            const inserted = await repo.insertCardOnce(trx, {
              id: newId(),
              event_id: event.id,
              step_seq: event.step_seq,
              step: step.step,
              level,
              department_id: department,
              unit_path: unitPath,
              deadline: event.step_deadline,
              issued_at: now,
              month: shanghaiDate(Date.parse(now)).slice(0, 7),
            });
            if (!inserted) continue;
            count += 1;
            const recipients = await responsibleAccounts(trx, department, village);
            const text = `事件“${event.title}”${EVENT_STEP_LABELS[step.step]['zh-CN']}超时，记${CARD_LEVEL_LABELS[level]['zh-CN']}一次`;
            await repo.insertInboxMessages(trx, recipients.map((row) => ({ id: newId(), account_id: row.id, kind: 'card', event_id: event.id, text, created_at: now })));
            await audit.append(trx, SYSTEM_ACTOR, { action: 'event.card_issued', objectType: 'event', objectId: event.id, orgPath: event.path, details: { step: step.step, level, unitPath, departmentId: department } });
          }
          const holds = (await repo.cardsOfStep(trx, event.id, event.step_seq)).map((card) => card.level);
          await repo.updateEvent(trx, event.id, { next_card_at: nextCardDue(window, holds, rules, calendar) });
        }
        return { seen: steps.length, count };
      });
      if (batch === null) return issued === 0 ? null : { issued };
      issued += batch.count;
      // Every event read has its next_card_at moved past now (or cleared): the next batch is new work.
      if (batch.seen < BATCH) return { issued };
    }
  }

  /** Tells the unit of each step entering its last quarter, once per step. */
  async function remind(now: string): Promise<number> {
    let reminded = 0;
    for (;;) {
      const batch = await db.kysely.transaction().execute(async (trx) => {
        const steps = await repo.stepsToRemind(trx, now, BATCH);
        let count = 0;
        for (const event of steps) {
          await repo.updateEvent(trx, event.id, { remind_at: null });
          const step = stepOf(event.status);
          // A sweep that ran late tells nobody of a deadline already passed: the card says it.
          if (!step || !event.step_deadline || event.step_deadline < now) continue;
          const department = step.responsible === 'lead_department' ? event.lead_department_id : null;
          const recipients = await responsibleAccounts(trx, department, ancestorPaths(event.path)[3] ?? event.path);
          const text = `事件“${event.title}”${EVENT_STEP_LABELS[step.step]['zh-CN']}即将到期（${shanghaiIsoMinute(event.step_deadline)}）`;
          await repo.insertInboxMessages(trx, recipients.map((row) => ({ id: newId(), account_id: row.id, kind: 'near_deadline', event_id: event.id, text, created_at: now })));
          await ctx.sms.send(trx, recipients.map((row) => ({ accountId: row.id, text })), now);
          count += 1;
        }
        return { seen: steps.length, count };
      });
      reminded += batch.count;
      if (batch.seen < BATCH) return reminded;
    }
  }

  /** Cards first, then reminders; null when another PostgreSQL server is sweeping. */
  async function sweep(now: string): Promise<{ issued: number; reminded: number } | null> {
    const cards = await issueCards(now);
    if (cards === null) return null;
    return { issued: cards.issued, reminded: await remind(now) };
  }

  return { sweep };
}

export type EventCardsService = ReturnType<typeof createEventCardsService>;
