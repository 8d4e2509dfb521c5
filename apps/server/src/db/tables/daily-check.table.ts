// The daily login and sign-for check's results. See migration 0017 for why each column exists.
import type { DailyCheckStatus, DailyUnitKind } from '@gridwork/core';
import type { Flag } from './account.table.js';

export interface DailyUnitCheckTable {
  unit_kind: DailyUnitKind;
  unit_id: string;
  /** Shanghai date, YYYY-MM-DD. */
  date: string;
  name: string;
  path: string;
  accounts: number;
  logged_in: Flag;
  first_sign_in_at: string | null;
  waiting_count: number;
  late_signed_count: number;
  status: DailyCheckStatus;
  as_of: string;
  checked_at: string;
  notified_at: string | null;
  notified_by: string | null;
  notice_text: string | null;
  notice_recipients: number | null;
}

/** A day the scheduled check has done: its results describe `as_of`, the cut-off in force then. */
export interface DailyCheckRunTable {
  date: string;
  cutoff: string;
  as_of: string;
  units: number;
  checked_at: string;
}
