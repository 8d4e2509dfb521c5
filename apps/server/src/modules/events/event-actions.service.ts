// Moving an event along the workflow: the core table decides whether the caller may take the
// action from this status; here each action's needs are checked, the step and its deadline are
// set, and the timeline, photos, audit and notifications are written in one transaction.
import {
  DEFAULT_CARD_RULES,
  DomainError,
  EVENT_ACTION_LABELS,
  EVENT_TRANSITIONS,
  addCalendarDays,
  ancestorPaths,
  checkTransition,
  newId,
  nextCardDue,
  relationsTo,
  reminderTime,
  shanghaiDate,
  stepDeadline,
  stepOf,
  type EventActionBody,
  type EventView,
} from '@gridwork/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { EventTable } from '../../db/tables/event.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import type { EventsService } from './events.service.js';
import { visibilityOf } from './events.service.js';
import * as repo from './events.repo.js';
import { loadWorkingCalendar } from '../calendar/working-calendar.repo.js';

const GRID_WORKER_ROLES = ['grid_worker_fulltime', 'grid_worker_parttime'];

/** The township part of an event's path: where its sub-center and departments are. */
function townshipPathOf(path: string): string {
  return ancestorPaths(path)[2] ?? path;
}

export function createEventActionsService(ctx: AppContext, events: EventsService) {
  const { db, clock, audit } = ctx;
  const rules = { ...DEFAULT_CARD_RULES, ...ctx.config.cardRules };

  async function notify(trx: Transaction<Database>, accountIds: readonly string[], kind: string, event: EventTable, text: string, now: string) {
    const unique = [...new Set(accountIds)];
    await repo.insertInboxMessages(trx, unique.map((account_id) => ({ id: newId(), account_id, kind, event_id: event.id, text, created_at: now })));
    await ctx.sms.send(trx, unique.map((accountId) => ({ accountId, text })), now);
  }

  /** A department may take an event it serves: at or above the event's township, not disabled. */
  async function usableDepartments(trx: Transaction<Database>, event: EventTable, ids: readonly string[]) {
    const rows = await repo.departmentsByIds(trx, ids);
    const serving = new Set(ancestorPaths(townshipPathOf(event.path)));
    for (const id of ids) {
      const row = rows.find((candidate) => candidate.id === id);
      if (!row || row.disabled_at || !serving.has(row.org_path)) throw new DomainError('EVENT_DEPARTMENT_INVALID', { departmentId: id });
    }
    return rows;
  }

  function need(body: EventActionBody, field: 'note' | 'result' | 'leadDepartmentId' | 'duplicateOfId'): string {
    const value = body[field];
    if (typeof value !== 'string' || value.trim() === '') throw new DomainError('EVENT_FIELD_REQUIRED', { action: body.action, field });
    return value.trim();
  }

  async function act(session: AuthenticatedSession, actor: AuditActor, id: string, body: EventActionBody): Promise<EventView> {
    return db.write(async (trx) => {
      const event = await repo.findVisibleEvent(trx, visibilityOf(session), id);
      if (!event) throw new DomainError('NOT_FOUND');
      const relations = relationsTo({
        role: session.user.role,
        accountId: session.user.id,
        departmentId: session.departmentId,
        callerPath: session.user.orgPath,
        event: { reporterAccountId: event.reporter_account_id, leadDepartmentId: event.lead_department_id, path: event.path, escalated: event.escalated_at !== null },
      });
      const check = checkTransition(body.action, event.status, relations);
      if (!check.ok) throw new DomainError(check.code, { action: body.action, status: event.status });
      const transition = EVENT_TRANSITIONS[body.action];

      const now = new Date(clock()).toISOString();
      const changes: Partial<EventTable> = { updated_at: now };
      const details: Record<string, unknown> = {};
      const photoIds = body.photoIds ?? [];
      const known = await repo.existingPhotoIds(trx, photoIds);
      const missing = photoIds.find((photoId) => !known.has(photoId));
      if (missing) throw new DomainError('PHOTO_NOT_FOUND', { photoId: missing });
      let note: string | null = body.note?.trim() || null;
      const category = await repo.findCategory(trx, event.category_code);
      if (!category) throw new DomainError('UNKNOWN_EVENT_CATEGORY', { category: event.category_code });
      const deadlines = { signForHours: category.sign_for_hours, handleDays: category.handle_days };
      const tell: { accounts: string[]; kind: string; text: string }[] = [];
      const label = (action: keyof typeof EVENT_ACTION_LABELS) => EVENT_ACTION_LABELS[action]['zh-CN'];

      switch (body.action) {
        case 'reject':
        case 'return':
        case 'verify_fail':
        case 'escalate':
        case 'supervise':
          note = need(body, 'note');
          break;
        case 'resolve_on_spot':
        case 'handle':
          details['result'] = need(body, 'result');
          break;
        default:
          break;
      }

      switch (body.action) {
        case 'merge': {
          const target = await repo.findVisibleEvent(trx, visibilityOf(session), need(body, 'duplicateOfId'));
          if (!target || target.id === event.id || target.status === 'merged' || target.status === 'rejected') throw new DomainError('EVENT_DUPLICATE_INVALID');
          changes.duplicate_of_id = target.id;
          details['duplicateOf'] = target.id;
          break;
        }
        case 'resolve_on_spot': {
          // A grid worker resolving their own report: only where the catalogue allows, with a photo.
          if (!relations.has('center')) {
            if (!category.on_spot_allowed) throw new DomainError('EVENT_ON_SPOT_NOT_ALLOWED', { category: category.name_zh });
            if (photoIds.length === 0) throw new DomainError('EVENT_PHOTO_REQUIRED');
          }
          break;
        }
        case 'dispatch': {
          const leadId = need(body, 'leadDepartmentId');
          const assisting = (body.assistingDepartmentIds ?? []).filter((departmentId) => departmentId !== leadId);
          await usableDepartments(trx, event, [leadId, ...assisting]);
          changes.lead_department_id = leadId;
          await repo.replaceAssisting(trx, event.id, assisting);
          details['leadDepartmentId'] = leadId;
          details['assistingDepartmentIds'] = assisting;
          const staff = await repo.activeStaffOfDepartments(trx, [leadId, ...assisting]);
          tell.push({ accounts: staff.map((row) => row.id), kind: 'dispatch', text: `新派遣事件“${event.title}”，请及时签收` });
          break;
        }
        case 'return': {
          changes.lead_department_id = null;
          await repo.replaceAssisting(trx, event.id, []);
          details['fromDepartmentId'] = event.lead_department_id;
          const center = await repo.activeAccountsAt(trx, [townshipPathOf(event.path)], ['center_operator']);
          tell.push({ accounts: center.map((row) => row.id), kind: 'return', text: `事件“${event.title}”被部门退回：${note ?? ''}` });
          break;
        }
        case 'verify_fail':
        case 'supervise': {
          if (event.lead_department_id) {
            const staff = await repo.activeStaffOfDepartments(trx, [event.lead_department_id]);
            tell.push({ accounts: staff.map((row) => row.id), kind: body.action, text: `事件“${event.title}”${label(body.action)}：${note ?? ''}` });
          }
          break;
        }
        case 'escalate':
          changes.escalated_at = now;
          break;
        case 'handle': {
          const village = ancestorPaths(event.path)[3];
          if (village) {
            const workers = await repo.activeAccountsAt(trx, [village], GRID_WORKER_ROLES);
            tell.push({ accounts: workers.map((row) => row.id), kind: 'verify', text: `事件“${event.title}”已办理，请核查` });
          }
          break;
        }
        default:
          break;
      }

      const to = check.to ?? event.status;
      changes.status = to;
      if (to !== event.status || body.action === 'verify_fail') {
        const step = stepOf(to);
        if (step) {
          changes.step = step.step;
          changes.step_seq = event.step_seq + 1;
          changes.step_started_at = now;
          // Deadlines count working days (工作日历); a year ahead covers the longest handling time.
          const today = shanghaiDate(Date.parse(now));
          const calendar = await loadWorkingCalendar(trx, today, addCalendarDays(today, 366));
          changes.step_deadline = stepDeadline(step.step, now, deadlines, rules, calendar);
          changes.next_card_at = nextCardDue({ startedAt: now, deadline: changes.step_deadline }, [], rules, calendar);
          changes.remind_at = reminderTime({ startedAt: now, deadline: changes.step_deadline }, calendar);
        } else {
          Object.assign(changes, { step: null, step_started_at: null, step_deadline: null, next_card_at: null, remind_at: null });
        }
      }
      if (to === 'closed' || to === 'rejected' || to === 'merged') changes.closed_at = now;
      await repo.updateEvent(trx, event.id, changes);

      const seq = await repo.nextTimelineSeq(trx, event.id);
      await repo.insertTimeline(trx, {
        event_id: event.id,
        seq,
        action: body.action,
        from_status: event.status,
        to_status: to,
        actor_id: session.user.id,
        actor_name: session.user.displayName,
        actor_role: session.user.role,
        note,
        details: JSON.stringify(details),
        at: now,
      });
      await repo.attachPhotos(trx, event.id, photoIds, body.action, seq);
      for (const message of tell) await notify(trx, message.accounts, message.kind, event, message.text, now);
      await audit.append(trx, actor, {
        action: 'event.acted',
        objectType: 'event',
        objectId: event.id,
        orgPath: event.path,
        details: { action: body.action, before: { status: event.status }, after: { status: to }, ...details, ...(transition.to === null ? { note } : {}) },
      });
      const updated = await repo.findVisibleEvent(trx, visibilityOf(session), event.id);
      // A department that returns an event no longer sees it; answer with what it last saw.
      return events.describeOne(trx, updated ?? { ...event, ...changes }, session);
    });
  }

  return { act };
}
