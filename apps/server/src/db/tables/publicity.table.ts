// Publicity activities and station standards with the hand-held terminal register. See migration
// 0019 for why each column exists.
import type { PublicityKind, PublicityStatus, StationItem, StationItemState, TerminalState } from '@gridwork/core';
import type { UnitCodeColumns } from '../sql-helpers.js';

/** An activity as the service builds it; the repository adds the unit codes of its path. */
export interface NewPublicityActivity {
  id: string;
  client_key: string;
  request_hash: string;
  unit_id: string;
  path: string;
  kind: PublicityKind;
  held_on: string;
  place: string;
  audience: number | null;
  description: string;
  status: PublicityStatus;
  withdrawn_reason: string | null;
  recorded_by: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export type PublicityActivityTable = NewPublicityActivity & UnitCodeColumns;

export interface PublicityPhotoTable {
  activity_id: string;
  photo_id: string;
  position: number;
}

export interface PublicityHistoryTable {
  activity_id: string;
  version: number;
  action: 'created' | 'updated' | 'withdrawn';
  changed_by: string;
  changed_at: string;
  /** JSON. */
  changes: string;
}

export interface StationInspectionTable {
  id: string;
  unit_id: string;
  path: string;
  checked_on: string;
  checked_by: string;
  note: string;
  /** Chosen by the client so that a retry records nothing twice; null when none was given. */
  client_key: string | null;
  request_hash: string | null;
  created_at: string;
}

export interface StationInspectionItemTable {
  inspection_id: string;
  item: StationItem;
  state: StationItemState;
  note: string;
}

export interface StationInspectionPhotoTable {
  inspection_id: string;
  item: StationItem;
  photo_id: string;
  position: number;
}

export interface TerminalTable {
  id: string;
  asset_code: string;
  model: string;
  imei: string;
  phone: string | null;
  state: TerminalState;
  unit_id: string;
  path: string;
  holder_id: string | null;
  issued_on: string | null;
  /** Chosen by the client so that a retry registers nothing twice; null when none was given. */
  client_key: string | null;
  request_hash: string | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface TerminalHandoverTable {
  id: string;
  terminal_id: string;
  from_holder_id: string | null;
  to_holder_id: string | null;
  handed_on: string;
  note: string;
  recorded_by: string;
  recorded_at: string;
}
