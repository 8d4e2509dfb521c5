// The monthly quota of information reports (信息报送考核): each township submits at least the
// county's quota a month (county setting info_report.monthly_quota, 1 unless set), counted by the
// Shanghai month of each report's first submission; the adoption rate is adopted of submitted.
import {
  DomainError,
  INFO_REPORT_QUOTA_DEFAULT,
  ancestorPaths,
  orgPathDepth,
  quotaFigures,
  shanghaiMonth,
  type InfoReportQuota,
  type InfoReportQuotaQuery,
  type InfoReportSettings,
  type UpdateInfoReportSettingsBody,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { putSetting, settingsByKeys } from '../settings/settings.repo.js';
import * as repo from './info-reports.repo.js';

export const INFO_REPORT_QUOTA_KEY = 'info_report.monthly_quota';

export async function infoReportSettingsOf(db: Executor): Promise<InfoReportSettings> {
  const [row] = await settingsByKeys(db, [INFO_REPORT_QUOTA_KEY]);
  if (!row) return { monthlyQuota: INFO_REPORT_QUOTA_DEFAULT, updatedBy: null, updatedAt: null };
  const stored = Number(JSON.parse(row.value));
  return {
    monthlyQuota: Number.isInteger(stored) && stored >= 1 ? stored : INFO_REPORT_QUOTA_DEFAULT,
    updatedBy: row.updated_by ? { id: row.updated_by, name: row.display_name ?? '' } : null,
    updatedAt: row.updated_at,
  };
}

export function createInfoReportQuotaService(ctx: AppContext) {
  const { db, clock, audit } = ctx;

  async function quota(session: AuthenticatedSession, query: InfoReportQuotaQuery): Promise<InfoReportQuota> {
    const month = query.month ?? shanghaiMonth(clock());
    const scope = session.user.orgPath;
    // A township's own account sees its township; the county sees every township.
    const prefix = orgPathDepth(scope) >= 2 ? (ancestorPaths(scope)[2] ?? scope) : scope;
    const [settings, townships, counts] = await Promise.all([infoReportSettingsOf(db.kysely), repo.townshipsUnder(db.kysely, prefix), repo.monthCounts(db.kysely, prefix, month)]);
    const byPath = new Map(counts.map((row) => [row.path, { submitted: Number(row.submitted), adopted: Number(row.adopted ?? 0) }]));
    const rows = townships.map((township) => {
      const count = byPath.get(township.path) ?? { submitted: 0, adopted: 0 };
      return { townshipId: township.id, townshipName: township.name, path: township.path, ...quotaFigures(count.submitted, count.adopted, settings.monthlyQuota) };
    });
    const submitted = rows.reduce((sum, row) => sum + row.submitted, 0);
    const adopted = rows.reduce((sum, row) => sum + row.adopted, 0);
    return {
      month,
      quota: settings.monthlyQuota,
      submitted,
      adopted,
      adoptionRate: quotaFigures(submitted, adopted, 0).adoptionRate,
      belowQuota: rows.filter((row) => !row.met).length,
      townships: rows,
    };
  }

  async function updateSettings(session: AuthenticatedSession, actor: AuditActor, body: UpdateInfoReportSettingsBody): Promise<InfoReportSettings> {
    // The quota is the county's: a reviewing account placed below the county cannot change it.
    if (orgPathDepth(session.user.orgPath) > 1) {
      await audit.appendAlone(actor, { action: 'access.denied', outcome: 'denied', details: { permission: 'info_report.review', reason: 'below_county', route: 'PUT /api/settings/info-reports' } });
      throw new DomainError('FORBIDDEN', { permission: 'info_report.review' });
    }
    return db.write(async (trx) => {
      const before = await infoReportSettingsOf(trx);
      await putSetting(trx, { key: INFO_REPORT_QUOTA_KEY, value: JSON.stringify(body.monthlyQuota), updated_by: session.user.id, updated_at: new Date(clock()).toISOString() });
      await audit.append(trx, actor, {
        action: 'setting.updated',
        objectType: 'county_setting',
        objectId: INFO_REPORT_QUOTA_KEY,
        orgPath: session.user.orgPath,
        details: { before: before.monthlyQuota, after: body.monthlyQuota },
      });
      return infoReportSettingsOf(trx);
    });
  }

  return { quota, settings: () => infoReportSettingsOf(db.kysely), updateSettings };
}

export type InfoReportQuotaService = ReturnType<typeof createInfoReportQuotaService>;
