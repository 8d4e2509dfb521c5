// SQL for reading the audit trail; the trail is written only by platform/audit.ts.
import type { Kysely } from 'kysely';
import type { AuditQuery } from '@gridwork/core';
import type { Database } from '../../db/schema.js';

export function searchAudit(db: Kysely<Database>, query: AuditQuery & { limit: number }) {
  let select = db.selectFrom('audit_log').selectAll();
  if (query.actorId) select = select.where('actor_id', '=', query.actorId);
  if (query.actorUsername) select = select.where('actor_username', '=', query.actorUsername);
  if (query.objectType) select = select.where('object_type', '=', query.objectType);
  if (query.objectId) select = select.where('object_id', '=', query.objectId);
  if (query.action) select = select.where('action', '=', query.action);
  if (query.outcome) select = select.where('outcome', '=', query.outcome);
  if (query.from) select = select.where('at', '>=', new Date(query.from).toISOString());
  if (query.to) select = select.where('at', '<', new Date(query.to).toISOString());
  if (query.before) select = select.where('seq', '<', query.before);
  return select.orderBy('seq', 'desc').limit(query.limit).execute();
}
