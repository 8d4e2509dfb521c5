// Frozen: never edit a landed migration; add a new one.
// Assessment (考核): surveys of awareness and satisfaction (知晓率、满意率) with their villages,
// drawn samples and answers (one public answer per phone, found by the phone's blind index);
// the county's scoring schemes, one version per change and year; the stored scores and
// rankings per period and unit with the facts behind them; and the archived bulletins (通报).
// Unit paths are compared as bytes (COLLATE "C" on PostgreSQL, like every path column).
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
    .createTable('survey')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    // H1: awareness (知晓率) in the first half-year; H2: awareness and satisfaction (满意率).
    .addColumn('half', 'varchar(2)', (c) => c.notNull())
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('sample_per_village', 'integer', (c) => c.notNull())
    .addColumn('seed', 'varchar(64)', (c) => c.notNull())
    // JSON: the questions, each {id, kind: awareness|satisfaction|free, text, options}.
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_year_idx').on('survey').columns(['year', 'half']).execute();

  await db.schema
    .createTable('survey_village')
    .addColumn('survey_id', 'varchar(36)', (c) => c.notNull().references('survey.id'))
    .addColumn('village_id', 'varchar(36)', (c) => c.notNull().references('org_unit.id'))
    .addColumn('village_path', 'varchar(255)', (c) => c.notNull())
    // The code the village's QR code carries to the public form.
    .addColumn('public_code', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('adult_population', 'integer', (c) => c.notNull())
    .addColumn('sample_size', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_village_pk', ['survey_id', 'village_id'])
    .execute();
  await db.schema.createIndex('survey_village_path_idx').on('survey_village').columns(['village_path', 'survey_id']).execute();

  await db.schema
    .createTable('survey_sample')
    .addColumn('survey_id', 'varchar(36)', (c) => c.notNull().references('survey.id'))
    .addColumn('village_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_sample_pk', ['survey_id', 'person_id'])
    .execute();
  await db.schema.createIndex('survey_sample_village_idx').on('survey_sample').columns(['survey_id', 'village_id', 'ordinal']).execute();

  await db.schema
    .createTable('survey_answer')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('survey_id', 'varchar(36)', (c) => c.notNull().references('survey.id'))
    .addColumn('village_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('village_path', 'varchar(255)', (c) => c.notNull())
    // phone (a phone interview entered in the console), field (a visit in the field app), public (the QR form).
    .addColumn('channel', 'varchar(8)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)')
    // The phone's keyed blind index: one answer per phone and survey.
    .addColumn('phone_index', 'varchar(64)')
    // JSON: {questionId: optionIndex | text}.
    .addColumn('answers', 'text', (c) => c.notNull())
    // 1 or 0 when the survey asks it (the respondent counts as aware / satisfied), null otherwise.
    .addColumn('aware', 'integer')
    .addColumn('satisfied', 'integer')
    .addColumn('entered_by', 'varchar(36)')
    .addColumn('client_key', 'varchar(64)', (c) => c.unique())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addUniqueConstraint('survey_answer_phone_uq', ['survey_id', 'phone_index'])
    .execute();
  await db.schema.createIndex('survey_answer_village_idx').on('survey_answer').columns(['survey_id', 'village_id']).execute();
  await db.schema.createIndex('survey_answer_path_idx').on('survey_answer').columns(['village_path', 'created_at']).execute();

  await db.schema
    .createTable('score_scheme')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    // JSON: the scheme's items, deduction rules and caps per unit kind.
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('note', 'varchar(500)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addUniqueConstraint('score_scheme_year_version_uq', ['year', 'version'])
    .execute();

  await db.schema
    .createTable('score_result')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('scheme_id', 'varchar(36)', (c) => c.notNull().references('score_scheme.id'))
    // 2026-11 (a month) or 2026 (the year).
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('unit_kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('unit_path', 'varchar(255)', (c) => c.notNull())
    .addColumn('unit_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('rank', 'integer')
    .addColumn('too_few', 'integer', (c) => c.notNull())
    // JSON: every item and deduction with the indicator values behind it.
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'varchar(24)', (c) => c.notNull())
    .addUniqueConstraint('score_result_unit_uq', ['period', 'unit_kind', 'unit_id'])
    .execute();
  await db.schema.createIndex('score_result_path_idx').on('score_result').columns(['unit_path', 'period']).execute();

  await db.schema
    .createTable('bulletin')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    // monthly (by the scheduled job, once per month) or on_demand.
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('docx_attachment_id', 'varchar(36)', (c) => c.notNull().references('attachment.id'))
    .addColumn('xlsx_attachment_id', 'varchar(36)', (c) => c.notNull().references('attachment.id'))
    // JSON: the figures the bulletin was written from.
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bulletin_period_idx').on('bulletin').columns(['period', 'kind']).execute();

  if (await isPostgres(db)) {
    await sql`alter table survey_village alter column village_path type varchar(255) collate "C"`.execute(db);
    await sql`alter table survey_answer alter column village_path type varchar(255) collate "C"`.execute(db);
    await sql`alter table score_result alter column unit_path type varchar(255) collate "C"`.execute(db);
  }
}
