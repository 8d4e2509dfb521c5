// Frozen: never edit a landed migration; add a new one.
// The client keys of verifications (复核) of people and registry records, so that the field app's
// retries are answered as "already applied by you" rather than as a conflict.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('verification_key')
    .addColumn('client_key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('object_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('at', 'varchar(24)', (c) => c.notNull())
    .execute();
}
