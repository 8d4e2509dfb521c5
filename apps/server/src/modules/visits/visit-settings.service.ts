// The county's visit settings: how far from the known address a visit is flagged, the speed
// beyond which two visits in succession are impossible, and when an overdue visit earns a yellow
// and a red card. Kept in county_setting like the re-verification days; the county sets them.
import {
  DomainError,
  DEFAULT_VISIT_CHECK_SETTINGS,
  orgPathDepth,
  type UpdateVisitSettingsBody,
  type VisitSettings,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { putSetting, settingsByKeys } from '../settings/settings.repo.js';

const KEY = 'visits';

export function defaultVisitSettings(ctx: AppContext): VisitSettings {
  return {
    ...DEFAULT_VISIT_CHECK_SETTINGS,
    cardRules: {
      yellowPercent: Math.round(ctx.config.cardRules.yellowAt * 100),
      redPercent: Math.round(ctx.config.cardRules.redAt * 100),
    },
  };
}

export async function visitSettingsOf(ctx: AppContext, db: Executor = ctx.db.kysely): Promise<VisitSettings> {
  const [row] = await settingsByKeys(db, [KEY]);
  const defaults = defaultVisitSettings(ctx);
  if (!row) return defaults;
  const stored = JSON.parse(row.value) as Partial<VisitSettings>;
  return { ...defaults, ...stored, cardRules: { ...defaults.cardRules, ...stored.cardRules } };
}

export function createVisitSettingsService(ctx: AppContext) {
  const { db, clock, audit } = ctx;

  async function update(
    session: AuthenticatedSession,
    actor: AuditActor,
    body: UpdateVisitSettingsBody,
  ): Promise<VisitSettings> {
    // A county-wide setting is the county's: a county-role account placed in a township cannot change it.
    if (orgPathDepth(session.user.orgPath) > 1) {
      await audit.appendAlone(actor, {
        action: 'access.denied',
        outcome: 'denied',
        details: {
          permission: 'visit.plan.manage',
          reason: 'below_county',
          route: 'PUT /api/settings/visits',
        },
      });
      throw new DomainError('FORBIDDEN', { permission: 'visit.plan.manage' });
    }
    return db.kysely.transaction().execute(async (trx) => {
      const before = await visitSettingsOf(ctx, trx);
      const after: VisitSettings = {
        ...before,
        ...body,
        cardRules: { ...before.cardRules, ...body.cardRules },
      };
      if (after.cardRules.redPercent <= after.cardRules.yellowPercent)
        throw new DomainError('VISIT_CARD_RULES_INVALID', { field: 'cardRules.redPercent' });
      await putSetting(trx, {
        key: KEY,
        value: JSON.stringify(after),
        updated_by: session.user.id,
        updated_at: new Date(clock()).toISOString(),
      });
      await audit.append(trx, actor, {
        action: 'setting.updated',
        objectType: 'county_setting',
        objectId: KEY,
        orgPath: session.user.orgPath,
        details: { before, after },
      });
      return after;
    });
  }

  return { get: () => visitSettingsOf(ctx), update };
}

export type VisitSettingsService = ReturnType<typeof createVisitSettingsService>;
