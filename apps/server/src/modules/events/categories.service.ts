// The county's event catalogue: deadlines, on-the-spot resolution, what the public may report,
// and the department that leads by default. Every change is audited with before and after.
import { DomainError, type Category, type CreateCategoryBody, type Locale, type UpdateCategoryBody } from '@gridwork/core';
import type { EventCategoryTable } from '../../db/tables/event.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import * as repo from './events.repo.js';

export function toCategory(row: EventCategoryTable, locale: Locale): Category {
  return {
    code: row.code,
    parentCode: row.parent_code,
    name: locale === 'en-US' ? row.name_en : row.name_zh,
    signForHours: row.sign_for_hours,
    handleDays: row.handle_days,
    onSpotAllowed: row.on_spot_allowed === 1,
    publicAllowed: row.public_allowed === 1,
    defaultLeadDepartmentId: row.default_lead_department_id,
    disabled: row.disabled_at !== null,
  };
}

export function createCategoriesService(ctx: AppContext) {
  const { db, clock, audit } = ctx;

  async function list(locale: Locale): Promise<Category[]> {
    return (await repo.listCategories(db.kysely)).map((row) => toCategory(row, locale));
  }

  async function update(actor: AuditActor, code: string, body: UpdateCategoryBody, locale: Locale): Promise<Category> {
    return db.kysely.transaction().execute(async (trx) => {
      const before = await repo.findCategory(trx, code);
      if (!before) throw new DomainError('NOT_FOUND');
      if (body.defaultLeadDepartmentId) {
        const [department] = await repo.departmentsByIds(trx, [body.defaultLeadDepartmentId]);
        if (!department || department.disabled_at) throw new DomainError('EVENT_DEPARTMENT_INVALID', { departmentId: body.defaultLeadDepartmentId });
      }
      const now = new Date(clock()).toISOString();
      const changes: Partial<EventCategoryTable> = {
        ...(body.signForHours === undefined ? {} : { sign_for_hours: body.signForHours }),
        ...(body.handleDays === undefined ? {} : { handle_days: body.handleDays }),
        ...(body.onSpotAllowed === undefined ? {} : { on_spot_allowed: body.onSpotAllowed ? 1 : 0 }),
        ...(body.publicAllowed === undefined ? {} : { public_allowed: body.publicAllowed ? 1 : 0 }),
        ...(body.defaultLeadDepartmentId === undefined ? {} : { default_lead_department_id: body.defaultLeadDepartmentId }),
        ...(body.disabled === undefined ? {} : { disabled_at: body.disabled ? (before.disabled_at ?? now) : null }),
        updated_at: now,
      };
      await repo.updateCategory(trx, code, changes);
      const after = { ...before, ...changes };
      await audit.append(trx, actor, { action: 'event_category.updated', objectType: 'event_category', objectId: code, details: { before: toCategory(before, 'zh-CN'), after: toCategory(after, 'zh-CN') } });
      return toCategory(after, locale);
    });
  }

  async function create(actor: AuditActor, body: CreateCategoryBody, locale: Locale): Promise<Category> {
    return db.kysely.transaction().execute(async (trx) => {
      if (await repo.findCategory(trx, body.code)) throw new DomainError('CATEGORY_CODE_TAKEN', { category: body.code });
      if (body.parentCode) {
        const parent = await repo.findCategory(trx, body.parentCode);
        if (!parent || parent.parent_code !== null) throw new DomainError('CATEGORY_PARENT_INVALID', { category: body.parentCode });
      }
      if (body.defaultLeadDepartmentId) {
        const [department] = await repo.departmentsByIds(trx, [body.defaultLeadDepartmentId]);
        if (!department || department.disabled_at) throw new DomainError('EVENT_DEPARTMENT_INVALID', { departmentId: body.defaultLeadDepartmentId });
      }
      const existing = await repo.listCategories(trx);
      const row: EventCategoryTable = {
        code: body.code,
        parent_code: body.parentCode ?? null,
        name_zh: body.nameZh.trim(),
        name_en: body.nameEn.trim(),
        sign_for_hours: body.signForHours,
        handle_days: body.handleDays,
        on_spot_allowed: body.onSpotAllowed ? 1 : 0,
        public_allowed: body.publicAllowed ? 1 : 0,
        default_lead_department_id: body.defaultLeadDepartmentId ?? null,
        sort_order: Math.max(0, ...existing.map((category) => category.sort_order)) + 1,
        disabled_at: null,
        updated_at: new Date(clock()).toISOString(),
      };
      await repo.insertCategories(trx, [row]);
      await audit.append(trx, actor, { action: 'event_category.updated', objectType: 'event_category', objectId: row.code, details: { before: null, after: toCategory(row, 'zh-CN') } });
      return toCategory(row, locale);
    });
  }

  return { list, update, create };
}

export type CategoriesService = ReturnType<typeof createCategoriesService>;
