// The ordered list of migrations. A static map (not a folder scan) so the built server finds them
// wherever it is installed; names sort in the order they run.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_accounts_and_sessions.js';
import * as m0002 from './0002_territory_access_audit.js';
import * as m0003 from './0003_grid_cells_and_path_collation.js';
import * as m0004 from './0004_events.js';
import * as m0005 from './0005_event_reminders.js';
import * as m0006 from './0006_persons.js';
import * as m0007 from './0007_event_unit_codes.js';
import * as m0008 from './0008_imports.js';
import * as m0009 from './0009_person_records.js';
import * as m0010 from './0010_registry_records.js';
import * as m0011 from './0011_settings.js';
import * as m0012 from './0012_visits.js';
import * as m0013 from './0013_floating.js';
import * as m0014 from './0014_verification_keys.js';
import * as m0015 from './0015_working_calendar_attachments.js';
import * as m0020 from './0020_training.js';
import * as m0018 from './0018_info_reports.js';
import * as m0016 from './0016_duty_roster.js';
import * as m0019 from './0019_publicity_stations.js';
import * as m0017 from './0017_daily_checks.js';
import * as m0021 from './0021_assessment.js';
import * as m0022 from './0022_assessment_indexes.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001_accounts_and_sessions': m0001,
  '0002_territory_access_audit': m0002,
  '0003_grid_cells_and_path_collation': m0003,
  '0004_events': m0004,
  '0005_event_reminders': m0005,
  '0006_persons': m0006,
  '0007_event_unit_codes': m0007,
  '0008_imports': m0008,
  '0009_person_records': m0009,
  '0010_registry_records': m0010,
  '0011_settings': m0011,
  '0012_visits': m0012,
  '0013_floating': m0013,
  '0014_verification_keys': m0014,
  '0015_working_calendar_attachments': m0015,
  '0020_training': m0020,
  '0018_info_reports': m0018,
  '0016_duty_roster': m0016,
  '0019_publicity_stations': m0019,
  '0017_daily_checks': m0017,
  '0021_assessment': m0021,
  '0022_assessment_indexes': m0022,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1) ?? '';
