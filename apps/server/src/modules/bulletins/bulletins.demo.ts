// The demo county's bulletin archive: last month's bulletin, written the way the scheduled job
// writes it on the 1st (so a server started on the demo finds it and writes no second one).
import type { AppContext } from '../../platform/context.js';
import { createAttachmentStore } from '../../platform/attachments.js';
import { createIndicatorsService } from '../assessment/indicators.service.js';
import { createScoresService } from '../assessment/scores.service.js';
import { createBulletinsService } from './bulletins.service.js';

export async function seedDemoBulletins(ctx: AppContext): Promise<void> {
  const bulletins = createBulletinsService(ctx, createScoresService(ctx, createIndicatorsService(ctx)), createAttachmentStore(ctx.config.dataDir));
  await bulletins.runMonthly(new Date(ctx.clock()).toISOString());
}
