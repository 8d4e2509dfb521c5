// Rows to the event as a caller sees it: names resolved, the current step with its deadline and
// cards, and the actions the caller may take now. A public reporter's contact never leaves.
import { availableActions, isOverdue, relationsTo, type EventView, type Locale } from '@gridwork/core';
import type { NewEvent } from '../../db/tables/event.table.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';

export interface EventExtras {
  readonly categoryName: string;
  readonly gridName: string | null;
  readonly reporterName: string | null;
  readonly leadDepartment: { id: string; name: string } | null;
  readonly assisting: { id: string; name: string }[];
  readonly photos: { photo_id: string; stage: string }[];
  readonly cards: ('yellow' | 'red')[];
}

export function photoUrl(id: string): string {
  return `/api/photos/${id}`;
}

export function toEventView(row: NewEvent, extras: EventExtras, session: AuthenticatedSession | null, now: string): EventView {
  const relations = session
    ? relationsTo({
        role: session.user.role,
        accountId: session.user.id,
        departmentId: session.departmentId,
        callerPath: session.user.orgPath,
        event: { reporterAccountId: row.reporter_account_id, leadDepartmentId: row.lead_department_id, path: row.path, escalated: row.escalated_at !== null },
      })
    : new Set<never>();
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    categoryCode: row.category_code,
    categoryName: extras.categoryName,
    status: row.status,
    source: row.source,
    path: row.path,
    gridId: row.grid_id,
    gridName: extras.gridName,
    lon: row.lon,
    lat: row.lat,
    address: row.address,
    reporter: row.reporter_account_id && extras.reporterName !== null ? { id: row.reporter_account_id, displayName: extras.reporterName } : null,
    leadDepartment: extras.leadDepartment,
    assistingDepartments: extras.assisting,
    escalated: row.escalated_at !== null,
    step:
      row.step && row.step_started_at && row.step_deadline
        ? { step: row.step, startedAt: row.step_started_at, deadline: row.step_deadline, overdue: isOverdue(row.step_deadline, now), cards: extras.cards }
        : null,
    photos: extras.photos.map((photo) => ({ id: photo.photo_id, url: photoUrl(photo.photo_id), stage: photo.stage })),
    reportedAt: row.reported_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    actions: availableActions(row.status, relations),
  };
}

export function categoryNameOf(row: { name_zh: string; name_en: string } | undefined, locale: Locale, code: string): string {
  if (!row) return code;
  return locale === 'en-US' ? row.name_en : row.name_zh;
}
