// Scheduled work. Each server runs the schedule; on PostgreSQL the work itself takes an advisory
// lock, so with several servers only one sweeps at a time, and a restart misses nothing: the
// sweep looks at what is due, not at what happened since it last ran.
import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './context.js';
import { createEventCardsService } from '../modules/events/event-cards.service.js';
import { createVisitCardsService } from '../modules/visits/visit-cards.service.js';
import { createPermitRemindersService } from '../modules/floating/floating-permits.service.js';

export interface Schedule {
  stop(): void;
}

export function startSchedule(ctx: AppContext, log: FastifyBaseLogger): Schedule {
  const jobs: Cron[] = [];
  if (ctx.config.sweepCron) {
    const cards = createEventCardsService(ctx);
    jobs.push(
      new Cron(ctx.config.sweepCron, { timezone: 'Asia/Shanghai', protect: true }, async () => {
        try {
          const result = await cards.sweep(new Date(ctx.clock()).toISOString());
          if (result && result.issued + result.reminded > 0) log.info(result, 'deadline sweep issued cards and reminders');
        } catch (err) {
          log.error({ err }, 'deadline sweep failed');
        }
      }),
    );
    // Overdue visits earn their cards on the same schedule (their own advisory lock).
    const visitCards = createVisitCardsService(ctx);
    jobs.push(
      new Cron(ctx.config.sweepCron, { timezone: 'Asia/Shanghai', protect: true }, async () => {
        try {
          const result = await visitCards.sweep(new Date(ctx.clock()).toISOString());
          if (result && result.issued > 0) log.info(result, 'visit sweep issued cards');
        } catch (err) {
          log.error({ err }, 'visit sweep failed');
        }
      }),
    );
  }
  // Daily: residence permits expiring within GRIDWORK_PERMIT_REMINDER_DAYS, each told to its grid workers once.
  if (ctx.config.permitReminderCron) {
    const permits = createPermitRemindersService(ctx);
    jobs.push(
      new Cron(ctx.config.permitReminderCron, { timezone: 'Asia/Shanghai', protect: true }, async () => {
        try {
          const result = await permits.remind(new Date(ctx.clock()).toISOString());
          if (result && result.reminded > 0) log.info(result, 'permit check reminded grid workers');
        } catch (err) {
          log.error({ err }, 'permit check failed');
        }
      }),
    );
  }
  return { stop: () => jobs.forEach((job) => job.stop()) };
}
