// Training sessions, their materials and attendance (migration 0020).
import type { AttendanceMethod, TrainingKind, TrainingSessionStatus } from '@gridwork/core';

export interface TrainingSessionTable {
  id: string;
  kind: TrainingKind;
  topic: string;
  /** Shanghai calendar date. */
  date: string;
  start_time: string;
  end_time: string;
  place: string;
  trainer: string;
  /** The county or township that organises it: its scope is the session's. */
  organiser_path: string;
  /** JSON of TrainingAudience. */
  audience: string;
  sign_in_token: string;
  status: TrainingSessionStatus;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface TrainingMaterialTable {
  session_id: string;
  attachment_id: string;
  position: number;
}

export interface TrainingAttendanceTable {
  id: string;
  session_id: string;
  account_id: string;
  how: AttendanceMethod;
  at: string;
  recorded_by: string;
  /** The phone's client key of a QR check-in; null for the sign-in sheet. */
  client_key: string | null;
  created_at: string;
}
