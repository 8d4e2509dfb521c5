// Frozen: never edit a landed migration; add a new one.
// Settings the county changes while the platform runs (how often each kind of registry record
// falls due for re-verification, …): one row a setting, its value as JSON, who set it and when.
// A setting never set has no row, and the installation's configured default applies.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('county_setting')
    .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(36)')
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute();
}
