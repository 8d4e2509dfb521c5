// Frozen: never edit a landed migration; add a new one. Uses Kysely<any> and imports nothing
// from the app, so it means the same thing forever.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('display_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
    .addColumn('role', 'varchar(32)', (c) => c.notNull())
    .addColumn('org_path', 'varchar(255)', (c) => c.notNull())
    .addColumn('locale', 'varchar(8)', (c) => c.notNull().defaultTo('zh-CN'))
    .addColumn('must_change_password', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`must_change_password in (0, 1)`),
    )
    .addColumn('disabled_at', 'varchar(24)')
    .addColumn('last_sign_in_at', 'varchar(24)')
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('account_org_path_idx').on('account').column('org_path').execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull().references('account.id'))
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)', (c) => c.notNull())
    .addColumn('user_agent', 'varchar(512)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(24)')
    .execute();
  await db.schema
    .createIndex('session_account_idx')
    .on('session')
    .columns(['account_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('session').execute();
  await db.schema.dropTable('account').execute();
}
