// The county's settings for station standards: after how many days a station's last inspection
// is overdue, and how many terminals one grid worker may hold. Stored as county settings (JSON),
// read on each request so every server sees a change at once.
import {
  DEFAULT_STATION_STALE_DAYS,
  DEFAULT_TERMINALS_PER_WORKER,
  DomainError,
  orgPathDepth,
  type StationSettings,
  type UpdateStationSettingsBody,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { putSetting, settingsByKeys } from '../settings/settings.repo.js';

const STALE_KEY = 'station.stale_days';
const PER_WORKER_KEY = 'terminal.per_worker';

export async function stationSettings(db: Executor): Promise<StationSettings> {
  const rows = await settingsByKeys(db, [STALE_KEY, PER_WORKER_KEY]);
  const value = (key: string, fallback: number) => {
    const row = rows.find((candidate) => candidate.key === key);
    const parsed = row ? (JSON.parse(row.value) as unknown) : null;
    return typeof parsed === 'number' && Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
  };
  const updatedAt = rows.map((row) => row.updated_at).sort().at(-1) ?? null;
  return { staleDays: value(STALE_KEY, DEFAULT_STATION_STALE_DAYS), terminalsPerWorker: value(PER_WORKER_KEY, DEFAULT_TERMINALS_PER_WORKER), updatedAt };
}

export function createStationSettingsService(ctx: AppContext) {
  const { db, clock, audit } = ctx;

  async function update(session: AuthenticatedSession, actor: AuditActor, body: UpdateStationSettingsBody): Promise<StationSettings> {
    // A county-wide setting is the county's: an account of the county role placed in a township cannot change it.
    if (orgPathDepth(session.user.orgPath) > 1) {
      await audit.appendAlone(actor, { action: 'access.denied', outcome: 'denied', details: { permission: 'station.settings.manage', reason: 'below_county', route: 'PUT /api/stations/settings' } });
      throw new DomainError('FORBIDDEN', { permission: 'station.settings.manage' });
    }
    return db.write(async (trx) => {
      const before = await stationSettings(trx);
      const now = new Date(clock()).toISOString();
      const changes: Record<string, [number, number]> = {};
      if (body.staleDays !== undefined) {
        await putSetting(trx, { key: STALE_KEY, value: JSON.stringify(body.staleDays), updated_by: session.user.id, updated_at: now });
        changes['staleDays'] = [before.staleDays, body.staleDays];
      }
      if (body.terminalsPerWorker !== undefined) {
        await putSetting(trx, { key: PER_WORKER_KEY, value: JSON.stringify(body.terminalsPerWorker), updated_by: session.user.id, updated_at: now });
        changes['terminalsPerWorker'] = [before.terminalsPerWorker, body.terminalsPerWorker];
      }
      await audit.append(trx, actor, { action: 'setting.updated', objectType: 'county_setting', objectId: 'stations', orgPath: session.user.orgPath, details: changes });
      return stationSettings(trx);
    });
  }

  return { get: () => stationSettings(db.kysely), update };
}

export type StationSettingsService = ReturnType<typeof createStationSettingsService>;
