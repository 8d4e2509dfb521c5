// Follow-up plans, schedules, visits and their cards. See migration 0012 for why each column exists.
import type {
  CardLevel,
  VisitMet,
  VisitReviewState,
  VisitShiftRule,
  VisitSituation,
  VisitSubjectKind,
} from '@gridwork/core';
import type { UnitCodeColumns } from '../sql-helpers.js';

export interface FollowUpPlanTable {
  id: string;
  name: string;
  subject_kind: VisitSubjectKind;
  subject_value: string;
  category_index: string | null;
  risk_level: string | null;
  subject_key: string;
  /** JSON array of whole days. */
  intervals_days: string;
  shift: VisitShiftRule;
  grace_days: number;
  active: 0 | 1;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface VisitScheduleTable extends UnitCodeColumns {
  id: string;
  subject_key: string;
  subject_kind: VisitSubjectKind;
  record_id: string | null;
  tag: string | null;
  plan_id: string;
  person_id: string;
  path: string;
  grid_id: string | null;
  anchor_on: string;
  base_on: string;
  due_on: string;
  due_week_on: string;
  overdue_after: string;
  missed_after: string;
  next_card_after: string | null;
  visits_done: number;
  missed_count: number;
  last_visited_at: string | null;
  ended_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface VisitTable extends UnitCodeColumns {
  id: string;
  client_key: string;
  client_owner: string;
  request_hash: string;
  person_id: string;
  schedule_id: string | null;
  worker_id: string;
  path: string;
  visited_at: string;
  lon: number | null;
  lat: number | null;
  accuracy: number | null;
  met: VisitMet;
  situation: VisitSituation;
  event_id: string | null;
  notes: string | null;
  distance_m: number | null;
  /** JSON array of VisitFlag. */
  flags: string;
  review: VisitReviewState;
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  created_at: string;
}

export interface VisitPhotoTable {
  visit_id: string;
  photo_id: string;
}

export interface VisitTargetTable {
  visit_id: string;
  schedule_id: string;
  due_on: string;
  on_time: 0 | 1;
}

export interface VisitCardTable {
  id: string;
  schedule_id: string;
  due_on: string;
  level: CardLevel;
  unit_path: string;
  worker_id: string | null;
  person_id: string;
  issued_at: string;
  month: string;
}
