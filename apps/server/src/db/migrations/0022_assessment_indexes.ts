// Frozen: never edit a landed migration; add a new one.
// The assessment's indicators read a month's (or a year's) events by the time they were reported:
// without an index on it, a county's monthly table scanned all 1 M events of bench/assessment-indicators
// through the code indexes (10 s for the villages' closure and valid-report counts, 4.6 s for the grid
// workers' reports); with it, the month's 42 000.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('event_reported_at_idx').on('event').column('reported_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('event_reported_at_idx').execute();
}
