// What the audit trail records, by name; the audit admin searches by these.
export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.locked_out',
  'auth.sign_out',
  'auth.password_changed',
  'access.denied',
  'access.not_found',
  'account.created',
  'account.updated',
  'account.role_changed',
  'account.password_reset',
  'account.disabled',
  'account.enabled',
  'account.sessions_revoked',
  'account.handover',
  'territory.imported',
  'org_unit.created',
  'org_unit.updated',
  'grid.created',
  'grid.updated',
  'grid.split',
  'grid.merged',
  'grid.workers_assigned',
  'department.created',
  'department.updated',
  'sensitive.unmasked',
  'event.reported',
  'event.acted',
  'event.card_issued',
  'event_category.updated',
  'photo.uploaded',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditOutcome = 'ok' | 'denied' | 'failed';
