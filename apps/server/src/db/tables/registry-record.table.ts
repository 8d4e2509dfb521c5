// The registry's other kinds. See migration 0010 for why each column exists.
import type { RecordKind } from '@gridwork/core';
import type { UnitCodeColumns } from '../sql-helpers.js';

/** A record as the services build it; the repository adds the unit codes of its path. */
export interface NewRegistryRecord {
  id: string;
  kind: RecordKind;
  path: string;
  grid_id: string | null;
  name: string;
  address: string | null;
  category: string;
  state: string;
  state_reason: string | null;
  record_key: string | null;
  lon: number | null;
  lat: number | null;
  contact_name: string | null;
  contact_sealed: string | null;
  contact_masked: string | null;
  /** JSON. */
  attributes: string;
  version: number;
  verified_at: string | null;
  verified_by: string | null;
  created_at: string;
  updated_at: string;
}

export type RegistryRecordTable = NewRegistryRecord & UnitCodeColumns;

export interface RegistryMemberTable {
  record_id: string;
  person_id: string;
  relation: string;
  since: string;
}

export interface RegistryRecordHistoryTable {
  record_id: string;
  version: number;
  action: string;
  reason: string | null;
  actor_id: string | null;
  actor_name: string | null;
  /** JSON of the fields that changed, before and after. */
  changes: string;
  at: string;
}
