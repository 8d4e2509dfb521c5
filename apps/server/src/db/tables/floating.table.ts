// The floating population (流动人口). See migration 0013 for why each column exists.
import type { FloatingReason, FloatingStatus } from '@gridwork/core';
import type { UnitCodeColumns } from '../sql-helpers.js';

/** A registration as the service builds it; the repository adds the unit codes of its path. */
export interface NewFloatingRegistration {
  id: string;
  client_key: string;
  request_hash: string;
  departure_client_key: string | null;
  departure_hash: string | null;
  person_id: string;
  path: string;
  grid_id: string | null;
  origin_code: string;
  reason: FloatingReason;
  expected_stay_until: string | null;
  arrived_on: string;
  house_id: string | null;
  /** 1 when the house was rental housing (出租屋) at arrival. */
  is_rental: number;
  employer: string | null;
  permit_sealed: string | null;
  permit_masked: string | null;
  permit_issued_on: string | null;
  permit_expires_on: string | null;
  status: FloatingStatus;
  departed_on: string | null;
  destination_code: string | null;
  destination_text: string | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export type FloatingRegistrationTable = NewFloatingRegistration & UnitCodeColumns;

/** One row per permit expiry reminded: a second sweep (or a second server) finds it and sends nothing. */
export interface FloatingPermitReminderTable {
  registration_id: string;
  expires_on: string;
  reminded_at: string;
  recipients: number;
}
