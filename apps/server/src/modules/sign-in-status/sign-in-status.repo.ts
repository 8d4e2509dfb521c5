// SQL for the daily sign-in check: units and departments in scope, their accounts, and who
// signed in on the day (from the audit trail, so any past day can be checked).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { startsWith } from '../../db/sql-helpers.js';

export function unitsInScope(db: Kysely<Database>, scopePath: string) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'name', 'kind', 'path'])
    .where(startsWith('path', scopePath))
    .where('kind', 'in', ['township', 'village', 'community', 'resident_group'])
    .where('retired_at', 'is', null)
    .orderBy('path')
    .execute();
}

export function departmentsInScope(db: Kysely<Database>, scopePath: string) {
  return db
    .selectFrom('department')
    .select(['id', 'name', 'kind', 'org_path as path'])
    .where(startsWith('org_path', scopePath))
    .where('disabled_at', 'is', null)
    .orderBy('org_path')
    .orderBy('name')
    .execute();
}

export function accountsInScope(db: Kysely<Database>, scopePath: string) {
  return db
    .selectFrom('account')
    .select(['id', 'org_path', 'department_id', 'last_sign_in_at'])
    .where(startsWith('org_path', scopePath))
    .where('disabled_at', 'is', null)
    .execute();
}

export async function accountsSignedInBetween(
  db: Kysely<Database>,
  start: string,
  end: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('audit_log')
    .select('actor_id')
    .distinct()
    .where('action', '=', 'auth.sign_in')
    .where('at', '>=', start)
    .where('at', '<', end)
    .execute();
  return new Set(rows.flatMap((row) => (row.actor_id ? [row.actor_id] : [])));
}
