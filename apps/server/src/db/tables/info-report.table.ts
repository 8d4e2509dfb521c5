// Information reports, their photos, attachments and history. See migration 0018 for why each column exists.
import type { InfoReportCategory, InfoReportLevel, InfoReportStatus } from '@gridwork/core';

export type InfoReportHistoryAction = 'create' | 'update' | 'submit' | 'withdraw' | 'adopt' | 'return';

export interface InfoReportTable {
  id: string;
  client_key: string;
  request_hash: string;
  township_id: string;
  path: string;
  title: string;
  body: string;
  category: InfoReportCategory;
  subject_account_id: string | null;
  status: InfoReportStatus;
  level: InfoReportLevel | null;
  submitted_at: string | null;
  first_submitted_at: string | null;
  /** Shanghai YYYY-MM of first_submitted_at. */
  first_submitted_month: string | null;
  adopted_at: string | null;
  returned_note: string | null;
  author_id: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface InfoReportPhotoTable {
  report_id: string;
  photo_id: string;
  seq: number;
}

export interface InfoReportAttachmentTable {
  report_id: string;
  attachment_id: string;
  seq: number;
}

export interface InfoReportHistoryTable {
  id: string;
  report_id: string;
  action: InfoReportHistoryAction;
  from_status: InfoReportStatus | null;
  to_status: InfoReportStatus;
  level: InfoReportLevel | null;
  note: string | null;
  version: number;
  actor_id: string;
  at: string;
}
