// Frozen: never edit a landed migration; add a new one.
// A reminder before a step's deadline: when the step enters its last quarter, the unit that must
// act is told once. remind_at is when; the sweep clears it once the reminder is sent.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('event').addColumn('remind_at', 'varchar(24)').execute();
  await db.schema.createIndex('event_remind_idx').on('event').column('remind_at').execute();
}
