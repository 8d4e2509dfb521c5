// Frozen: never edit a landed migration; add a new one.
// The floating population (流动人口): one registration per stay, from arrival (来) to departure
// (去), scoped like the person it is about (path and unit codes), with the residence permit's
// number sealed like an ID number (it identifies the person) and its dates kept for reminders.
// Phones retry: the arrival's and the departure's client keys are each unique, and a person has
// at most one registration present at a time (a partial unique index, on both databases).
import { sql, type Kysely } from 'kysely';

async function isPostgres(db: Kysely<any>): Promise<boolean> {
  try {
    await sql`select 1 from pg_catalog.pg_type limit 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('floating_registration')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('client_key', 'varchar(64)', (c) => c.notNull().unique())
    // A keyed hash of the arrival as sent: a retry matches it, a reuse of the key for something else does not.
    .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('departure_client_key', 'varchar(64)', (c) => c.unique())
    .addColumn('departure_hash', 'varchar(64)')
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('path', 'varchar(255)', (c) => c.notNull())
    .addColumn('county_code', 'varchar(6)')
    .addColumn('township_code', 'varchar(9)')
    .addColumn('village_code', 'varchar(12)')
    .addColumn('grid_id', 'varchar(36)', (c) => c.references('org_unit.id'))
    // GB/T 2260: 6 digits for a county, 2 or 4 when only the province or city is known.
    .addColumn('origin_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('reason', 'varchar(16)', (c) => c.notNull())
    .addColumn('expected_stay_until', 'varchar(10)')
    .addColumn('arrived_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('house_id', 'varchar(36)', (c) => c.references('registry_record.id'))
    .addColumn('is_rental', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('employer', 'varchar(100)')
    .addColumn('permit_sealed', 'text')
    .addColumn('permit_masked', 'varchar(40)')
    .addColumn('permit_issued_on', 'varchar(10)')
    .addColumn('permit_expires_on', 'varchar(10)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('departed_on', 'varchar(10)')
    .addColumn('destination_code', 'varchar(6)')
    .addColumn('destination_text', 'varchar(200)')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  for (const level of ['county', 'township', 'village']) {
    await db.schema.createIndex(`floating_registration_${level}_idx`).on('floating_registration').columns([`${level}_code`, 'id']).execute();
  }
  await db.schema.createIndex('floating_registration_path_idx').on('floating_registration').columns(['path', 'id']).execute();
  await db.schema.createIndex('floating_registration_person_idx').on('floating_registration').columns(['person_id', 'arrived_on']).execute();
  await db.schema
    .createIndex('floating_registration_present_idx')
    .on('floating_registration')
    .column('person_id')
    .unique()
    .where(sql.ref('status'), '=', 'present')
    .execute();
  await db.schema.createIndex('floating_registration_house_idx').on('floating_registration').columns(['house_id', 'status']).execute();
  // The daily reminder's search: present people by permit expiry.
  await db.schema.createIndex('floating_registration_permit_idx').on('floating_registration').columns(['status', 'permit_expires_on']).execute();

  // The permit reminders sent: once per registration and expiry date (a renewed permit is reminded again).
  await db.schema
    .createTable('floating_permit_reminder')
    .addColumn('registration_id', 'varchar(36)', (c) => c.notNull().references('floating_registration.id'))
    .addColumn('expires_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('reminded_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('floating_permit_reminder_pk', ['registration_id', 'expires_on'])
    .execute();

  if (await isPostgres(db)) {
    await sql`alter table floating_registration alter column path type varchar(255) collate "C"`.execute(db);
  }
}
