// The database as Kysely sees it: one interface per table, the single source of column types.
import type { AccountTable } from './tables/account.table.js';
import type { SessionTable } from './tables/session.table.js';

export interface Database {
  account: AccountTable;
  session: SessionTable;
}
