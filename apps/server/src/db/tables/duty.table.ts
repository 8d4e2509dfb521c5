// The duty roster of the sub-centers and the lapses of the daily check. See migration 0016.
import type { DutyLapseReason } from '@gridwork/core';

export interface DutyUnitSettingTable {
  /** org_unit.id of the county center or a township sub-center. */
  unit_id: string;
  /** JSON array of DutySlot ({key, name, capacity}). */
  slots: string;
  updated_by: string | null;
  updated_at: string;
}

export interface DutyEntryTable {
  /** UUIDv7. */
  id: string;
  unit_id: string;
  /** The unit's org path, for scope filters. */
  unit_path: string;
  /** Shanghai date, YYYY-MM-DD. */
  date: string;
  /** DutySlot.key. */
  slot: string;
  account_id: string;
  checked_in_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DutyLapseTable {
  id: string;
  unit_id: string;
  unit_path: string;
  date: string;
  reason: DutyLapseReason;
  recorded_at: string;
}
