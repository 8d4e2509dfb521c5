// Registry imports as background jobs. See migration 0008 for why each column exists.
import type { ImportJobStatus, ImportKind } from '@gridwork/core';
import type { Flag } from './account.table.js';

export interface ImportJobTable {
  id: string;
  kind: ImportKind;
  dry_run: Flag;
  file_name: string;
  file_type: 'csv' | 'xlsx';
  file_bytes: number;
  status: ImportJobStatus;
  bytes_read: number;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  error_code: string | null;
  /** JSON. */
  error_details: string | null;
  scope_path: string;
  created_by: string;
  actor_ip: string | null;
  actor_agent: string | null;
  created_at: string;
  started_at: string | null;
  heartbeat_at: string | null;
  finished_at: string | null;
}

export interface ImportRejectionTable {
  job_id: string;
  row_number: number;
  /** JSON: the row's cells by column key. */
  cells: string;
  /** JSON: [{ column, problem }]. */
  problems: string;
}
