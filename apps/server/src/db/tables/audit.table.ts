// The audit trail: append-only, hash-chained. See migration 0002 for why each column exists.
import type { AuditAction, AuditOutcome } from '@gridwork/core';

export interface AuditLogTable {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  actor_username: string | null;
  actor_role: string | null;
  action: AuditAction;
  outcome: AuditOutcome;
  object_type: string | null;
  object_id: string | null;
  org_path: string | null;
  ip: string | null;
  user_agent: string | null;
  /** Canonical JSON: before/after of a write, reasons of a denial. */
  details: string;
  hash_alg: 'sha256' | 'sm3';
  prev_hash: string;
  hash: string;
}
