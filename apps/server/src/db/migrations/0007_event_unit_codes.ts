// Frozen: never edit a landed migration; add a new one.
// The county, township and village codes of each event's path, each with the id in an index: the
// newest events of a township are then read in order from one B-tree. With only the path, a
// township's list made SQLite sort all its events (0.6 s for 120 000 of 1 M) before returning 20.
// Codes have fixed widths (6, 9, 12 digits), so they are cut from the path by position.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('event').addColumn('county_code', 'varchar(6)').execute();
  await db.schema.alterTable('event').addColumn('township_code', 'varchar(9)').execute();
  await db.schema.alterTable('event').addColumn('village_code', 'varchar(12)').execute();
  await sql`update event set
      county_code = case when length(path) >= 8 then substr(path, 2, 6) end,
      township_code = case when length(path) >= 18 then substr(path, 9, 9) end,
      village_code = case when length(path) >= 31 then substr(path, 19, 12) end`.execute(db);
  await db.schema.createIndex('event_county_idx').on('event').columns(['county_code', 'id']).execute();
  await db.schema.createIndex('event_township_idx').on('event').columns(['township_code', 'id']).execute();
  await db.schema.createIndex('event_village_idx').on('event').columns(['village_code', 'id']).execute();
}
