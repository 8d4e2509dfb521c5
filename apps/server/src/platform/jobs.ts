// Scheduled work. Each server runs the schedule; on PostgreSQL the work itself takes an advisory
// lock, so with several servers only one sweeps at a time, and a restart misses nothing: the
// sweep looks at what is due, not at what happened since it last ran.
import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './context.js';
import { createEventCardsService } from '../modules/events/event-cards.service.js';
import { createVisitCardsService } from '../modules/visits/visit-cards.service.js';
import { createPermitRemindersService } from '../modules/floating/floating-permits.service.js';
import { createDutyCheckService } from '../modules/duty/duty-check.service.js';
import { createDailyChecksService } from '../modules/daily-checks/daily-checks.service.js';
import { createBulletinsService } from '../modules/bulletins/bulletins.service.js';
import { createScoresService } from '../modules/assessment/scores.service.js';
import { createIndicatorsService } from '../modules/assessment/indicators.service.js';
import { createAttachmentStore } from './attachments.js';

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
  // Daily on working days: a sub-center with nobody on duty, or nobody checked in, by the cut-off. Once at start too, for days missed while down.
  if (ctx.config.dutyCheckCron) {
    const duty = createDutyCheckService(ctx);
    const check = async () => {
      try {
        const result = await duty.run(new Date(ctx.clock()).toISOString());
        if (result && result.recorded > 0) log.info(result, 'duty check recorded lapses');
        if (result?.missed) log.warn(result.missed, `duty check: ${result.missed.from} to ${result.missed.to} were never checked (down longer than the look-back)`);
      } catch (err) {
        log.error({ err }, 'duty check failed');
      }
    };
    jobs.push(new Cron(ctx.config.dutyCheckCron, { timezone: 'Asia/Shanghai', protect: true }, check));
    void check();
  }
  // 每天定时登录签收: at the cut-off on working days, every unit's login and sign-for result; each run
  // (and one at start) also checks the days of the last week it missed while down.
  if (ctx.config.dailyCheckCron) {
    const daily = createDailyChecksService(ctx);
    const check = async () => {
      try {
        const outcomes = await daily.catchUp(new Date(ctx.clock()).toISOString());
        if (outcomes.some((outcome) => outcome.outcome === 'checked')) log.info({ outcomes }, 'daily login and sign-for check stored results');
      } catch (err) {
        log.error({ err }, 'daily login and sign-for check failed');
      }
    };
    jobs.push(new Cron(ctx.config.dailyCheckCron, { timezone: 'Asia/Shanghai', protect: true }, check));
    void check();
  }
  // 通报: last month's bulletin on the schedule, and once at start for a month missed while down
  // (the run finds a bulletin already written and stops; on PostgreSQL one server writes it).
  if (ctx.config.bulletinCron) {
    const bulletins = createBulletinsService(ctx, createScoresService(ctx, createIndicatorsService(ctx)), createAttachmentStore(ctx.config.dataDir));
    const write = async () => {
      try {
        const result = await bulletins.runMonthly(new Date(ctx.clock()).toISOString());
        if (result.outcome === 'written') log.info(result, 'monthly bulletin written');
      } catch (err) {
        log.error({ err }, 'monthly bulletin failed');
      }
    };
    jobs.push(new Cron(ctx.config.bulletinCron, { timezone: 'Asia/Shanghai', protect: true }, write));
    void write();
  }
  return { stop: () => jobs.forEach((job) => job.stop()) };
}
