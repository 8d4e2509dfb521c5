// The registry's people. See migration 0006 for why each column exists.
import type { UnitCodeColumns } from '../sql-helpers.js';
import type { AssistanceKind, IdType, PersonStatus, ResidenceStatus, RiskLevel } from '@gridwork/core';

/** A person as the services build it; the repository adds the unit codes of its path. */
export interface NewPerson {
  id: string;
  path: string;
  grid_id: string | null;
  name: string;
  gender: 'male' | 'female' | null;
  ethnicity: string | null;
  birth_date: string | null;
  id_type: IdType;
  id_sealed: string | null;
  id_index: string | null;
  id_masked: string | null;
  phone_sealed: string | null;
  phone_index: string | null;
  phone_masked: string | null;
  hukou_place: string | null;
  address: string | null;
  residence_status: ResidenceStatus;
  /** JSON array of tag codes. */
  tags: string;
  status: PersonStatus;
  status_reason: string | null;
  version: number;
  key_group: 0 | 1;
  verified_at: string | null;
  verified_by: string | null;
  created_at: string;
  updated_at: string;
}

export type PersonTable = NewPerson & UnitCodeColumns;

export interface PersonHistoryTable {
  person_id: string;
  version: number;
  action: string;
  reason: string | null;
  actor_id: string | null;
  actor_name: string | null;
  /** JSON: { field: [before, after] }; sealed fields appear masked. */
  changes: string;
  at: string;
}

export interface PersonVerificationTable {
  id: string;
  person_id: string;
  path: string;
  outcome: 'confirmed' | 'corrected';
  /** JSON: the fields the verification corrected. */
  corrected: string;
  actor_id: string;
  at: string;
}

export interface SpecialPopulationTable {
  id: string;
  person_id: string;
  category_sealed: string;
  category_index: string;
  risk_level: RiskLevel;
  supervising_unit: string;
  start_date: string;
  end_date: string | null;
  end_reason: string | null;
  details_sealed: string | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface AssistanceRecordTable {
  id: string;
  person_id: string;
  kind: AssistanceKind;
  measures: string;
  start_date: string;
  end_date: string | null;
  end_reason: string | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}
