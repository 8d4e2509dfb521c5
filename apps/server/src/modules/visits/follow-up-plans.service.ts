// The county's follow-up plans (走访计划): one active plan per subject (a category and risk level,
// an assistance kind, a tag). Creating, changing or retiring a plan recomputes every schedule in
// the same transaction, set-wise, so the due lists follow at once.
import {
  DomainError,
  newId,
  orgPathDepth,
  planSubjectKey,
  type AssistanceKind,
  type RiskLevel,
  type SpecialPopulationCategory,
  type VISIT_TAGS,
  type CreateFollowUpPlanBody,
  type FollowUpPlan,
  type UpdateFollowUpPlanBody,
  type VisitPlanSubject,
} from '@gridwork/core';
import type { FollowUpPlanTable } from '../../db/tables/visit.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import * as repo from './visits.repo.js';
import { planRuleOf, syncVisitSchedules } from './visit-schedules.service.js';

export function subjectOfPlan(row: FollowUpPlanTable): VisitPlanSubject {
  switch (row.subject_kind) {
    case 'special_population':
      return {
        kind: 'special_population',
        category: row.subject_value as SpecialPopulationCategory,
        riskLevel: row.risk_level as RiskLevel | null,
      };
    case 'assistance':
      return { kind: 'assistance', assistanceKind: row.subject_value as AssistanceKind };
    case 'tag':
      return { kind: 'tag', tag: row.subject_value as (typeof VISIT_TAGS)[number] };
  }
}

export function toPlanView(row: FollowUpPlanTable, schedules: number): FollowUpPlan {
  const rule = planRuleOf(row);
  return {
    id: row.id,
    name: row.name,
    subject: subjectOfPlan(row),
    intervalsDays: rule.intervalsDays,
    shift: rule.shift,
    graceDays: rule.graceDays,
    active: row.active === 1,
    version: row.version,
    updatedAt: row.updated_at,
    schedules,
  };
}

export function createFollowUpPlansService(ctx: AppContext) {
  const { db, clock, audit } = ctx;
  const iso = () => new Date(clock()).toISOString();

  function subjectColumns(
    subject: VisitPlanSubject,
  ): Pick<
    FollowUpPlanTable,
    'subject_kind' | 'subject_value' | 'category_index' | 'risk_level' | 'subject_key'
  > {
    const key = planSubjectKey(subject);
    switch (subject.kind) {
      case 'special_population':
        return {
          subject_kind: 'special_population',
          subject_value: subject.category,
          category_index: ctx.fieldCrypto().blindIndex('special_category', subject.category),
          risk_level: subject.riskLevel,
          subject_key: key,
        };
      case 'assistance':
        return {
          subject_kind: 'assistance',
          subject_value: subject.assistanceKind,
          category_index: null,
          risk_level: null,
          subject_key: key,
        };
      case 'tag':
        return {
          subject_kind: 'tag',
          subject_value: subject.tag,
          category_index: null,
          risk_level: null,
          subject_key: key,
        };
    }
  }

  async function assertCounty(
    session: AuthenticatedSession,
    actor: AuditActor,
    route: string,
  ): Promise<void> {
    if (orgPathDepth(session.user.orgPath) > 1) {
      await audit.appendAlone(actor, {
        action: 'access.denied',
        outcome: 'denied',
        details: { permission: 'visit.plan.manage', reason: 'below_county', route },
      });
      throw new DomainError('FORBIDDEN', { permission: 'visit.plan.manage' });
    }
  }

  async function list(): Promise<{ items: FollowUpPlan[] }> {
    const [rows, counts] = await Promise.all([repo.allPlans(db.kysely), repo.openSchedulesByPlan(db.kysely)]);
    return { items: rows.map((row) => toPlanView(row, counts.get(row.id) ?? 0)) };
  }

  async function create(
    session: AuthenticatedSession,
    actor: AuditActor,
    body: CreateFollowUpPlanBody,
  ): Promise<FollowUpPlan> {
    await assertCounty(session, actor, 'POST /api/follow-up-plans');
    return db.kysely.transaction().execute(async (trx) => {
      const subject = subjectColumns(body.subject);
      if (await repo.activePlanWithKey(trx, subject.subject_key, null))
        throw new DomainError('VISIT_PLAN_SUBJECT_TAKEN', { field: 'subject' });
      const now = iso();
      const row: FollowUpPlanTable = {
        id: newId(),
        name: body.name.trim(),
        ...subject,
        intervals_days: JSON.stringify(body.intervalsDays),
        shift: body.shift ?? 'from_visit',
        grace_days: body.graceDays ?? 0,
        active: 1,
        version: 1,
        created_by: session.user.id,
        created_at: now,
        updated_at: now,
      };
      await repo.insertPlan(trx, row);
      const sync = await syncVisitSchedules(ctx, trx, null);
      await audit.append(trx, actor, {
        action: 'follow_up_plan.created',
        objectType: 'follow_up_plan',
        objectId: row.id,
        orgPath: session.user.orgPath,
        details: {
          subject: body.subject,
          intervalsDays: body.intervalsDays,
          shift: row.shift,
          graceDays: row.grace_days,
          schedules: sync,
        },
      });
      return toPlanView(row, (await repo.openSchedulesByPlan(trx)).get(row.id) ?? 0);
    });
  }

  async function update(
    session: AuthenticatedSession,
    actor: AuditActor,
    id: string,
    body: UpdateFollowUpPlanBody,
  ): Promise<FollowUpPlan> {
    await assertCounty(session, actor, 'PATCH /api/follow-up-plans/:id');
    return db.kysely.transaction().execute(async (trx) => {
      const before = await repo.findPlan(trx, id);
      if (!before) throw new DomainError('NOT_FOUND');
      if (before.version !== body.version)
        throw new DomainError('RECORD_CHANGED', { version: before.version });
      const changes: Partial<FollowUpPlanTable> = { version: before.version + 1, updated_at: iso() };
      if (body.name !== undefined) changes.name = body.name.trim();
      if (body.intervalsDays !== undefined) changes.intervals_days = JSON.stringify(body.intervalsDays);
      if (body.shift !== undefined) changes.shift = body.shift;
      if (body.graceDays !== undefined) changes.grace_days = body.graceDays;
      if (body.active !== undefined) {
        changes.active = body.active ? 1 : 0;
        if (
          body.active &&
          before.active === 0 &&
          (await repo.activePlanWithKey(trx, before.subject_key, before.id))
        )
          throw new DomainError('VISIT_PLAN_SUBJECT_TAKEN', { field: 'active' });
      }
      if (!(await repo.updatePlan(trx, id, before.version, changes)))
        throw new DomainError('RECORD_CHANGED', { version: before.version });
      const sync = await syncVisitSchedules(ctx, trx, null);
      const changed = Object.keys(body).filter((key) => key !== 'version');
      await audit.append(trx, actor, {
        action: 'follow_up_plan.updated',
        objectType: 'follow_up_plan',
        objectId: id,
        orgPath: session.user.orgPath,
        details: { changed, before: toPlanView(before, 0), schedules: sync },
      });
      const after = { ...before, ...changes };
      return toPlanView(after, (await repo.openSchedulesByPlan(trx)).get(id) ?? 0);
    });
  }

  return { list, create, update };
}

export type FollowUpPlansService = ReturnType<typeof createFollowUpPlansService>;
