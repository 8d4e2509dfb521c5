// The county's settings of the daily check: the cut-off hour (17:00 by default) and whether rest
// days are checked (no by default). Stored in county_setting, read on every use so a change on one
// server holds on all at once; only the county itself changes them, on the audit trail.
import {
  DAILY_CHECK_CUTOFF_PATTERN,
  DEFAULT_DAILY_CHECK_SETTINGS,
  DomainError,
  orgPathDepth,
  type DailyCheckSettings,
  type DailyCheckSettingsView,
  type UpdateDailyCheckSettingsBody,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import * as settingsRepo from '../settings/settings.repo.js';

const CUTOFF_KEY = 'daily_check.cutoff';
const REST_DAYS_KEY = 'daily_check.check_rest_days';

function parsed(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

async function stored(db: Executor) {
  const rows = await settingsRepo.settingsByKeys(db, [CUTOFF_KEY, REST_DAYS_KEY]);
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const cutoff = parsed(byKey.get(CUTOFF_KEY)?.value);
  const restDays = parsed(byKey.get(REST_DAYS_KEY)?.value);
  const settings: DailyCheckSettings = {
    cutoff: typeof cutoff === 'string' && new RegExp(DAILY_CHECK_CUTOFF_PATTERN).test(cutoff) ? cutoff : DEFAULT_DAILY_CHECK_SETTINGS.cutoff,
    checkRestDays: typeof restDays === 'boolean' ? restDays : DEFAULT_DAILY_CHECK_SETTINGS.checkRestDays,
  };
  const latest = rows.reduce<(typeof rows)[number] | null>((last, row) => (!last || row.updated_at > last.updated_at ? row : last), null);
  return { settings, latest };
}

/** The settings in force: the county's, else the defaults. */
export async function loadDailyCheckSettings(db: Executor): Promise<DailyCheckSettings> {
  return (await stored(db)).settings;
}

export function createDailyCheckSettingsService(ctx: AppContext) {
  const { db, clock, audit } = ctx;

  async function read(executor: Executor = db.kysely): Promise<DailyCheckSettingsView> {
    const { settings, latest } = await stored(executor);
    return {
      ...settings,
      updatedBy: latest?.updated_by ? { id: latest.updated_by, name: latest.display_name ?? '' } : null,
      updatedAt: latest?.updated_at ?? null,
    };
  }

  async function update(session: AuthenticatedSession, actor: AuditActor, body: UpdateDailyCheckSettingsBody): Promise<DailyCheckSettingsView> {
    // A county-wide setting is the county's: an account of the county role placed in a township cannot change it.
    if (orgPathDepth(session.user.orgPath) > 1) {
      await audit.appendAlone(actor, { action: 'access.denied', outcome: 'denied', details: { permission: 'daily_check.manage', reason: 'below_county', route: 'PUT /api/settings/daily-checks' } });
      throw new DomainError('FORBIDDEN', { permission: 'daily_check.manage' });
    }
    return db.kysely.transaction().execute(async (trx) => {
      const before = (await stored(trx)).settings;
      const now = new Date(clock()).toISOString();
      if (body.cutoff !== undefined) await settingsRepo.putSetting(trx, { key: CUTOFF_KEY, value: JSON.stringify(body.cutoff), updated_by: session.user.id, updated_at: now });
      if (body.checkRestDays !== undefined) await settingsRepo.putSetting(trx, { key: REST_DAYS_KEY, value: JSON.stringify(body.checkRestDays), updated_by: session.user.id, updated_at: now });
      const after = (await stored(trx)).settings;
      await audit.append(trx, actor, { action: 'setting.updated', objectType: 'county_setting', objectId: 'daily_check', orgPath: session.user.orgPath, details: { before, after } });
      return read(trx);
    });
  }

  return { read, update };
}

export type DailyCheckSettingsService = ReturnType<typeof createDailyCheckSettingsService>;
