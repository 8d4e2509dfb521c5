// Frozen: never edit a landed migration; add a new one.
// The event workflow: the county's catalogue, events with their current step and deadline, the
// timeline of every action, photos (content-addressed files), yellow and red cards, the in-app
// inbox and the SMS outbox.
import { sql, type Kysely } from 'kysely';

async function isPostgres(db: Kysely<any>): Promise<boolean> {
  try {
    // SQLite has no pg_catalog and fails here harmlessly (it runs migrations outside a transaction).
    await sql`select 1 from pg_catalog.pg_type limit 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('event_category')
    .addColumn('code', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('parent_code', 'varchar(32)')
    .addColumn('name_zh', 'varchar(50)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(80)', (c) => c.notNull())
    .addColumn('sign_for_hours', 'integer', (c) => c.notNull())
    .addColumn('handle_days', 'integer', (c) => c.notNull())
    .addColumn('on_spot_allowed', 'integer', (c) => c.notNull().check(sql`on_spot_allowed in (0, 1)`))
    .addColumn('public_allowed', 'integer', (c) => c.notNull().check(sql`public_allowed in (0, 1)`))
    .addColumn('default_lead_department_id', 'varchar(36)', (c) => c.references('department.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('disabled_at', 'varchar(24)')
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('event')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('client_key', 'varchar(64)', (c) => c.notNull())
    // Who made the client key: an account id, or "public:<api key or address>" for Open311.
    .addColumn('client_owner', 'varchar(80)', (c) => c.notNull())
    .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('title', 'varchar(100)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category_code', 'varchar(32)', (c) => c.notNull().references('event_category.code'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('path', 'varchar(255)', (c) => c.notNull())
    .addColumn('grid_id', 'varchar(36)', (c) => c.references('org_unit.id'))
    .addColumn('lon', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('address', 'varchar(200)')
    .addColumn('reporter_account_id', 'varchar(36)', (c) => c.references('account.id'))
    .addColumn('caller_name', 'varchar(50)')
    // A public reporter's contact, sealed with the configured crypto suite; never shown back.
    .addColumn('contact_sealed', 'text')
    .addColumn('lead_department_id', 'varchar(36)', (c) => c.references('department.id'))
    .addColumn('duplicate_of_id', 'varchar(36)', (c) => c.references('event.id'))
    .addColumn('escalated_at', 'varchar(24)')
    .addColumn('step', 'varchar(16)')
    .addColumn('step_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('step_started_at', 'varchar(24)')
    .addColumn('step_deadline', 'varchar(24)')
    // When the current step's next card falls due: the sweep reads only events past it.
    .addColumn('next_card_at', 'varchar(24)')
    .addColumn('reported_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('closed_at', 'varchar(24)')
    .addUniqueConstraint('event_client_key_unique', ['client_owner', 'client_key'])
    .execute();
  await db.schema.createIndex('event_path_idx').on('event').columns(['path', 'id']).execute();
  await db.schema.createIndex('event_status_idx').on('event').columns(['status', 'id']).execute();
  await db.schema.createIndex('event_lead_idx').on('event').columns(['lead_department_id', 'status', 'id']).execute();
  await db.schema.createIndex('event_reporter_idx').on('event').columns(['reporter_account_id', 'id']).execute();
  await db.schema.createIndex('event_next_card_idx').on('event').columns(['next_card_at']).execute();

  await db.schema
    .createTable('event_assist')
    .addColumn('event_id', 'varchar(36)', (c) => c.notNull().references('event.id'))
    .addColumn('department_id', 'varchar(36)', (c) => c.notNull().references('department.id'))
    .addPrimaryKeyConstraint('event_assist_pk', ['event_id', 'department_id'])
    .execute();
  await db.schema.createIndex('event_assist_department_idx').on('event_assist').column('department_id').execute();

  await db.schema
    .createTable('event_timeline')
    .addColumn('event_id', 'varchar(36)', (c) => c.notNull().references('event.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'varchar(24)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(16)')
    .addColumn('to_status', 'varchar(16)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('actor_name', 'varchar(100)')
    .addColumn('actor_role', 'varchar(32)')
    .addColumn('note', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('at', 'varchar(24)', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_timeline_pk', ['event_id', 'seq'])
    .execute();

  await db.schema
    .createTable('photo')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('mime', 'varchar(16)', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'varchar(80)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('event_photo')
    .addColumn('event_id', 'varchar(36)', (c) => c.notNull().references('event.id'))
    .addColumn('photo_id', 'varchar(64)', (c) => c.notNull().references('photo.id'))
    .addColumn('stage', 'varchar(24)', (c) => c.notNull())
    .addColumn('timeline_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_photo_pk', ['event_id', 'photo_id', 'stage'])
    .execute();
  await db.schema.createIndex('event_photo_photo_idx').on('event_photo').column('photo_id').execute();

  await db.schema
    .createTable('event_card')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('event_id', 'varchar(36)', (c) => c.notNull().references('event.id'))
    .addColumn('step_seq', 'integer', (c) => c.notNull())
    .addColumn('step', 'varchar(16)', (c) => c.notNull())
    .addColumn('level', 'varchar(8)', (c) => c.notNull())
    // The unit that answers for the late step: a department, or the village of the event.
    .addColumn('department_id', 'varchar(36)', (c) => c.references('department.id'))
    .addColumn('unit_path', 'varchar(255)', (c) => c.notNull())
    .addColumn('deadline', 'varchar(24)', (c) => c.notNull())
    .addColumn('issued_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addUniqueConstraint('event_card_once', ['event_id', 'step_seq', 'level'])
    .execute();
  await db.schema.createIndex('event_card_unit_idx').on('event_card').columns(['unit_path', 'month']).execute();
  await db.schema.createIndex('event_card_department_idx').on('event_card').columns(['department_id', 'month']).execute();

  await db.schema
    .createTable('inbox_message')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull().references('account.id'))
    .addColumn('kind', 'varchar(24)', (c) => c.notNull())
    .addColumn('event_id', 'varchar(36)', (c) => c.references('event.id'))
    .addColumn('text', 'varchar(500)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(24)')
    .execute();
  await db.schema.createIndex('inbox_message_account_idx').on('inbox_message').columns(['account_id', 'id']).execute();

  await db.schema
    .createTable('sms_outbox')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('account_id', 'varchar(36)', (c) => c.references('account.id'))
    .addColumn('text', 'varchar(500)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(24)')
    .execute();

  if (await isPostgres(db)) {
    // Scope filters are ranges on these paths: binary collation makes them exact (see 0003).
    await sql`alter table event alter column path type varchar(255) collate "C"`.execute(db);
    await sql`alter table event_card alter column unit_path type varchar(255) collate "C"`.execute(db);
  }
}
