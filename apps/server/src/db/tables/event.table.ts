// The event workflow's tables. See migration 0004 for why each column exists.
import type { CardLevel, EventSource, EventStatus, EventStep } from '@gridwork/core';
import type { UnitCodeColumns } from '../sql-helpers.js';
import type { Flag } from './account.table.js';

export interface EventCategoryTable {
  code: string;
  parent_code: string | null;
  name_zh: string;
  name_en: string;
  sign_for_hours: number;
  handle_days: number;
  on_spot_allowed: Flag;
  public_allowed: Flag;
  default_lead_department_id: string | null;
  sort_order: number;
  disabled_at: string | null;
  updated_at: string;
}

/** An event as the services build it; the repository adds the unit codes of its path. */
export interface NewEvent {
  id: string;
  client_key: string;
  client_owner: string;
  request_hash: string;
  title: string;
  description: string;
  category_code: string;
  status: EventStatus;
  source: EventSource;
  path: string;
  grid_id: string | null;
  lon: number | null;
  lat: number | null;
  address: string | null;
  reporter_account_id: string | null;
  caller_name: string | null;
  contact_sealed: string | null;
  lead_department_id: string | null;
  duplicate_of_id: string | null;
  escalated_at: string | null;
  step: EventStep | null;
  step_seq: number;
  step_started_at: string | null;
  step_deadline: string | null;
  next_card_at: string | null;
  remind_at: string | null;
  reported_at: string;
  updated_at: string;
  closed_at: string | null;
}

export type EventTable = NewEvent & UnitCodeColumns;

export interface EventAssistTable {
  event_id: string;
  department_id: string;
}

export interface EventTimelineTable {
  event_id: string;
  seq: number;
  action: string;
  from_status: EventStatus | null;
  to_status: EventStatus;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  note: string | null;
  /** JSON. */
  details: string;
  at: string;
}

export interface PhotoTable {
  id: string;
  mime: string;
  bytes: number;
  uploaded_by: string;
  created_at: string;
}

export interface EventPhotoTable {
  event_id: string;
  photo_id: string;
  stage: string;
  timeline_seq: number;
}

export interface EventCardTable {
  id: string;
  event_id: string;
  step_seq: number;
  step: EventStep;
  level: CardLevel;
  department_id: string | null;
  unit_path: string;
  deadline: string;
  issued_at: string;
  month: string;
}

export interface InboxMessageTable {
  id: string;
  account_id: string;
  kind: string;
  event_id: string | null;
  text: string;
  created_at: string;
  read_at: string | null;
}

export interface SmsOutboxTable {
  id: string;
  account_id: string | null;
  text: string;
  created_at: string;
  sent_at: string | null;
}
