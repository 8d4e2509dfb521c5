// The audit trail as the audit administrator reads it.
import { Type, type Static } from 'typebox';
import { AUDIT_ACTIONS } from '../audit/audit-actions.js';

export const AuditEntrySchema = Type.Object({
  seq: Type.Integer(),
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorUsername: Type.Union([Type.String(), Type.Null()]),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  outcome: Type.Enum(['ok', 'denied', 'failed']),
  objectType: Type.Union([Type.String(), Type.Null()]),
  objectId: Type.Union([Type.String(), Type.Null()]),
  orgPath: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type AuditEntry = Static<typeof AuditEntrySchema>;

export const AuditQuerySchema = Type.Object(
  {
    actorId: Type.Optional(Type.String({ maxLength: 36 })),
    actorUsername: Type.Optional(Type.String({ maxLength: 64 })),
    objectType: Type.Optional(Type.String({ maxLength: 32 })),
    objectId: Type.Optional(Type.String({ maxLength: 64 })),
    action: Type.Optional(Type.Enum([...AUDIT_ACTIONS])),
    outcome: Type.Optional(Type.Enum(['ok', 'denied', 'failed'])),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    before: Type.Optional(
      Type.Integer({ minimum: 1, description: 'seq of the last entry of the previous page (newest first)' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuerySchema>;

export const AuditChainReportSchema = Type.Object({
  entries: Type.Integer(),
  ok: Type.Boolean(),
  brokenAt: Type.Union([Type.Integer(), Type.Null()]),
  reason: Type.Union([Type.Enum(['hash_mismatch', 'broken_link', 'missing_entry']), Type.Null()]),
});
