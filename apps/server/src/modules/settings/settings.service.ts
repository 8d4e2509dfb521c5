// The county's settings: how often each kind of registry record falls due for re-verification.
// Read on every request that needs them (one indexed read), so a change made on one server is
// seen at once by every server and every due list; written in one transaction with its audit.
import {
  DomainError,
  REVERIFY_KINDS,
  REVERIFY_KIND_LABELS,
  defaultReverifyDays,
  orgPathDepth,
  reverifyDaysWith,
  type Locale,
  type ReverificationSettings,
  type ReverifyDays,
  type ReverifyKind,
  type UpdateReverificationBody,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import * as repo from './settings.repo.js';

const reverifyKey = (kind: ReverifyKind) => `reverify_days.${kind}`;
const REVERIFY_KEYS = REVERIFY_KINDS.map(reverifyKey);

/** What the county set, by kind: the value as stored (JSON), who and when. */
async function reverifySettings(db: Executor) {
  const rows = await repo.settingsByKeys(db, REVERIFY_KEYS);
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return new Map(
    REVERIFY_KINDS.flatMap((kind) => {
      const row = byKey.get(reverifyKey(kind));
      return row ? [[kind, { value: JSON.parse(row.value) as unknown, by: row.updated_by, name: row.display_name, at: row.updated_at }] as const] : [];
    }),
  );
}

/** Days between verifications per kind now: the county's setting, else the configured default. */
export async function reverifyDaysOf(ctx: AppContext, db: Executor = ctx.db.kysely): Promise<ReverifyDays> {
  const set = await reverifySettings(db);
  return reverifyDaysWith(defaultReverifyDays(ctx.config.reverify), Object.fromEntries([...set].map(([kind, setting]) => [kind, setting.value])));
}

export function createSettingsService(ctx: AppContext) {
  const { db, clock, audit } = ctx;

  async function reverification(locale: Locale, executor: Executor = db.kysely): Promise<ReverificationSettings> {
    const defaults = defaultReverifyDays(ctx.config.reverify);
    const set = await reverifySettings(executor);
    const days = reverifyDaysWith(defaults, Object.fromEntries([...set].map(([kind, setting]) => [kind, setting.value])));
    return {
      items: REVERIFY_KINDS.map((kind) => {
        const setting = set.get(kind);
        return {
          kind,
          label: REVERIFY_KIND_LABELS[kind][locale],
          days: days[kind],
          defaultDays: defaults[kind],
          source: setting ? 'county' : 'default',
          updatedBy: setting?.by ? { id: setting.by, name: setting.name ?? '' } : null,
          updatedAt: setting?.at ?? null,
        };
      }),
    };
  }

  /** The county sets the days of some kinds; the others keep theirs. */
  async function updateReverification(session: AuthenticatedSession, actor: AuditActor, body: UpdateReverificationBody, locale: Locale): Promise<ReverificationSettings> {
    // A county-wide setting is the county's: an account of the county role placed in a township cannot change it.
    if (orgPathDepth(session.user.orgPath) > 1) {
      await audit.appendAlone(actor, { action: 'access.denied', outcome: 'denied', details: { permission: 'registry.settings.manage', reason: 'below_county', route: 'PUT /api/settings/reverification' } });
      throw new DomainError('FORBIDDEN', { permission: 'registry.settings.manage' });
    }
    const wanted = REVERIFY_KINDS.flatMap((kind) => (body[kind] === undefined ? [] : [[kind, body[kind]] as const]));
    return db.kysely.transaction().execute(async (trx) => {
      const before = await reverifyDaysOf(ctx, trx);
      const now = new Date(clock()).toISOString();
      for (const [kind, days] of wanted) {
        await repo.putSetting(trx, { key: reverifyKey(kind), value: JSON.stringify(days), updated_by: session.user.id, updated_at: now });
      }
      await audit.append(trx, actor, {
        action: 'setting.updated',
        objectType: 'county_setting',
        objectId: 'reverification',
        orgPath: session.user.orgPath,
        details: { days: Object.fromEntries(wanted.map(([kind, days]) => [kind, [before[kind], days]])) },
      });
      return reverification(locale, trx);
    });
  }

  return { reverification, updateReverification };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
