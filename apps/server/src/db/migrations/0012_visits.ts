// Frozen: never edit a landed migration; add a new one.
// Follow-up plans and visits (走访): the county's plans, one schedule per subject that a plan
// covers (a special-population record, an assistance record, or a tag of a person) with its
// due date and the dates at which it turns overdue and missed, the visits grid workers record
// (idempotent by client key, flagged for review when far from the address or in impossible
// succession), the due dates each visit met, and the cards that overdue visits earn.
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
    .createTable('follow_up_plan')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('subject_kind', 'varchar(24)', (c) => c.notNull())
    // special_population: the category (plain: a plan is configuration, not personal data) and its
    // blind index, which is how schedules find the sealed records; assistance: the kind; tag: the tag.
    .addColumn('subject_value', 'varchar(32)', (c) => c.notNull())
    .addColumn('category_index', 'varchar(64)')
    .addColumn('risk_level', 'varchar(8)')
    // 'special_population:community_correction:high' … one active plan per key.
    .addColumn('subject_key', 'varchar(80)', (c) => c.notNull())
    .addColumn('intervals_days', 'varchar(200)', (c) => c.notNull())
    .addColumn('shift', 'varchar(16)', (c) => c.notNull())
    .addColumn('grace_days', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('follow_up_plan_subject_idx')
    .on('follow_up_plan')
    .columns(['subject_key', 'active'])
    .execute();

  await db.schema
    .createTable('visit_schedule')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    // The record id (special_population, assistance) or person id + ':' + tag: one schedule per subject.
    .addColumn('subject_key', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('subject_kind', 'varchar(24)', (c) => c.notNull())
    .addColumn('record_id', 'varchar(36)')
    .addColumn('tag', 'varchar(32)')
    .addColumn('plan_id', 'varchar(36)', (c) => c.notNull().references('follow_up_plan.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('path', 'varchar(255)', (c) => c.notNull())
    .addColumn('county_code', 'varchar(6)')
    .addColumn('township_code', 'varchar(9)')
    .addColumn('village_code', 'varchar(12)')
    .addColumn('grid_id', 'varchar(36)')
    .addColumn('anchor_on', 'varchar(10)', (c) => c.notNull())
    // The date the current due date counts from: the anchor, the last visit or the previous due date.
    .addColumn('base_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('due_week_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('overdue_after', 'varchar(10)', (c) => c.notNull())
    .addColumn('missed_after', 'varchar(10)', (c) => c.notNull())
    // The day after which the card sweep looks at the schedule again; null once both cards are held.
    .addColumn('next_card_after', 'varchar(10)')
    .addColumn('visits_done', 'integer', (c) => c.notNull())
    .addColumn('missed_count', 'integer', (c) => c.notNull())
    .addColumn('last_visited_at', 'varchar(24)')
    .addColumn('ended_at', 'varchar(24)')
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  // Due lists: a worker's grids (grid path) or a village/township, soonest due first; the open
  // schedules only (ended ones keep their row for history).
  await db.schema
    .createIndex('visit_schedule_path_due_idx')
    .on('visit_schedule')
    .columns(['path', 'due_on', 'id'])
    .where(sql.ref('ended_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('visit_schedule_village_due_idx')
    .on('visit_schedule')
    .columns(['village_code', 'due_on', 'id'])
    .where(sql.ref('ended_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('visit_schedule_township_due_idx')
    .on('visit_schedule')
    .columns(['township_code', 'due_on', 'id'])
    .where(sql.ref('ended_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('visit_schedule_card_idx')
    .on('visit_schedule')
    .columns(['next_card_after', 'id'])
    .where(sql.ref('ended_at'), 'is', null)
    .execute();
  await db.schema.createIndex('visit_schedule_person_idx').on('visit_schedule').column('person_id').execute();
  await db.schema
    .createIndex('visit_schedule_plan_idx')
    .on('visit_schedule')
    .columns(['plan_id', 'id'])
    .execute();

  await db.schema
    .createTable('visit')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('client_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('client_owner', 'varchar(36)', (c) => c.notNull())
    .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('schedule_id', 'varchar(36)')
    .addColumn('worker_id', 'varchar(36)', (c) => c.notNull().references('account.id'))
    .addColumn('path', 'varchar(255)', (c) => c.notNull())
    .addColumn('county_code', 'varchar(6)')
    .addColumn('township_code', 'varchar(9)')
    .addColumn('village_code', 'varchar(12)')
    .addColumn('visited_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('lon', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('accuracy', 'double precision')
    .addColumn('met', 'varchar(16)', (c) => c.notNull())
    .addColumn('situation', 'varchar(16)', (c) => c.notNull())
    .addColumn('event_id', 'varchar(36)', (c) => c.references('event.id'))
    .addColumn('notes', 'varchar(2000)')
    .addColumn('distance_m', 'integer')
    // JSON array of flags; review is 'pending' when there is any.
    .addColumn('flags', 'varchar(200)', (c) => c.notNull())
    .addColumn('review', 'varchar(16)', (c) => c.notNull())
    .addColumn('review_note', 'varchar(500)')
    .addColumn('reviewed_by', 'varchar(36)')
    .addColumn('reviewed_at', 'varchar(24)')
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addUniqueConstraint('visit_client_key_unique', ['client_owner', 'client_key'])
    .execute();
  await db.schema.createIndex('visit_person_idx').on('visit').columns(['person_id', 'visited_at']).execute();
  await db.schema.createIndex('visit_worker_idx').on('visit').columns(['worker_id', 'visited_at']).execute();
  await db.schema.createIndex('visit_path_idx').on('visit').columns(['path', 'id']).execute();
  await db.schema.createIndex('visit_review_idx').on('visit').columns(['review', 'id']).execute();

  await db.schema
    .createTable('visit_photo')
    .addColumn('visit_id', 'varchar(36)', (c) => c.notNull().references('visit.id'))
    .addColumn('photo_id', 'varchar(64)', (c) => c.notNull().references('photo.id'))
    .addPrimaryKeyConstraint('visit_photo_pk', ['visit_id', 'photo_id'])
    .execute();

  // The due dates a visit met, one row per schedule it counted for: on time or late.
  await db.schema
    .createTable('visit_target')
    .addColumn('visit_id', 'varchar(36)', (c) => c.notNull().references('visit.id'))
    .addColumn('schedule_id', 'varchar(36)', (c) => c.notNull().references('visit_schedule.id'))
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('visit_target_pk', ['visit_id', 'schedule_id'])
    .execute();
  await db.schema.createIndex('visit_target_schedule_idx').on('visit_target').column('schedule_id').execute();

  // The ledger of lateness: one card per schedule, due date and level, against the village of
  // the responsible grid worker.
  await db.schema
    .createTable('visit_card')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('schedule_id', 'varchar(36)', (c) => c.notNull().references('visit_schedule.id'))
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('level', 'varchar(8)', (c) => c.notNull())
    .addColumn('unit_path', 'varchar(255)', (c) => c.notNull())
    .addColumn('worker_id', 'varchar(36)')
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('issued_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addUniqueConstraint('visit_card_once', ['schedule_id', 'due_on', 'level'])
    .execute();
  await db.schema
    .createIndex('visit_card_month_idx')
    .on('visit_card')
    .columns(['month', 'unit_path'])
    .execute();

  // The tagged people are the few key-group rows: recomputing tag schedules reads only them.
  await db.schema
    .createIndex('person_key_group_idx')
    .on('person')
    .column('id')
    .where(sql.ref('key_group'), '=', 1)
    .execute();

  if (await isPostgres(db)) {
    for (const table of ['visit_schedule', 'visit']) {
      await sql`alter table ${sql.table(table)} alter column path type varchar(255) collate "C"`.execute(db);
    }
    await sql`alter table visit_card alter column unit_path type varchar(255) collate "C"`.execute(db);
  }
}
