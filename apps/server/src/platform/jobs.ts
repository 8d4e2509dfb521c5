// Scheduled work. Each server runs the schedule; on PostgreSQL the work itself takes an advisory
// lock, so with several servers only one sweeps at a time, and a restart misses nothing: the
// sweep looks at what is due, not at what happened since it last ran.
import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './context.js';
import { createEventCardsService } from '../modules/events/event-cards.service.js';

export interface Schedule {
  stop(): void;
}

export function startSchedule(ctx: AppContext, log: FastifyBaseLogger): Schedule {
  if (!ctx.config.sweepCron) return { stop: () => undefined };
  const cards = createEventCardsService(ctx);
  const job = new Cron(ctx.config.sweepCron, { timezone: 'Asia/Shanghai', protect: true }, async () => {
    try {
      const result = await cards.sweep(new Date(ctx.clock()).toISOString());
      if (result && result.issued + result.reminded > 0) log.info(result, 'deadline sweep issued cards and reminders');
    } catch (err) {
      log.error({ err }, 'deadline sweep failed');
    }
  });
  return { stop: () => job.stop() };
}
