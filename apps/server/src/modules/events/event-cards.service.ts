// The deadline sweep: every late step earns a yellow card past its deadline and a red one past
// 150% of it, as ledger entries against the unit that answers for the step. Each card is issued
// once per step: a unique key makes a second sweep (or a second server) a no-op.
import { DEFAULT_CARD_RULES, ancestorPaths, cardsDue, newId, nextCardDue, shanghaiDate, stepOf, CARD_LEVEL_LABELS, EVENT_STEP_LABELS } from '@gridwork/core';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../accounts/accounts.service.js';
import * as repo from './events.repo.js';

/** Arbitrary but fixed: the advisory lock that makes one PostgreSQL instance the sweeper. */
const SWEEP_LOCK_KEY = 5_111_241_001;
const BATCH = 500;

export function createEventCardsService(ctx: AppContext) {
  const { db, audit } = ctx;
  const rules = { ...DEFAULT_CARD_RULES, ...ctx.config.cardRules };

  /** Issues the cards due at `now`; answers how many, or null when another instance holds the lock. */
  async function sweep(now: string): Promise<{ issued: number } | null> {
    let issued = 0;
    for (;;) {
      const batch = await db.kysely.transaction().execute(async (trx) => {
        if (db.kind === 'postgres') {
          const lock = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${SWEEP_LOCK_KEY}) as locked`.execute(trx);
          if (!lock.rows[0]?.locked) return null;
        }
        const steps = await repo.stepsWithCardDue(trx, now, BATCH);
        let count = 0;
        for (const event of steps) {
          const step = stepOf(event.status);
          if (!step || !event.step_started_at || !event.step_deadline) {
            await repo.updateEvent(trx, event.id, { next_card_at: null });
            continue;
          }
          const held = (await repo.cardsOfStep(trx, event.id, event.step_seq)).map((card) => card.level);
          const window = { startedAt: event.step_started_at, deadline: event.step_deadline };
          for (const level of cardsDue(window, now, held, rules)) {
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
            const recipients = department
              ? await repo.activeStaffOfDepartments(trx, [department])
              : await repo.activeAccountsAt(trx, [village], ['village_admin', 'grid_worker_fulltime', 'grid_worker_parttime']);
            const text = `事件“${event.title}”${EVENT_STEP_LABELS[step.step]['zh-CN']}超时，记${CARD_LEVEL_LABELS[level]['zh-CN']}一次`;
            await repo.insertInboxMessages(trx, recipients.map((row) => ({ id: newId(), account_id: row.id, kind: 'card', event_id: event.id, text, created_at: now })));
            await audit.append(trx, SYSTEM_ACTOR, { action: 'event.card_issued', objectType: 'event', objectId: event.id, orgPath: event.path, details: { step: step.step, level, unitPath, departmentId: department } });
          }
          const holds = (await repo.cardsOfStep(trx, event.id, event.step_seq)).map((card) => card.level);
          await repo.updateEvent(trx, event.id, { next_card_at: nextCardDue(window, holds, rules) });
        }
        return { seen: steps.length, count };
      });
      if (batch === null) return issued === 0 ? null : { issued };
      issued += batch.count;
      // Every event read has its next_card_at moved past now (or cleared): the next batch is new work.
      if (batch.seen < BATCH) return { issued };
    }
  }

  return { sweep };
}

export type EventCardsService = ReturnType<typeof createEventCardsService>;
