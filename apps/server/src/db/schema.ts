// The database as Kysely sees it: one interface per table, the single source of column types.
import type { Kysely, Transaction } from 'kysely';
import type { AccountTable } from './tables/account.table.js';
import type { AuditLogTable } from './tables/audit.table.js';
import type { ImportJobTable, ImportRejectionTable } from './tables/import.table.js';
import type { RegistryMemberTable, RegistryRecordHistoryTable, RegistryRecordTable } from './tables/registry-record.table.js';
import type { AssistanceRecordTable, PersonHistoryTable, PersonTable, PersonVerificationTable, SpecialPopulationTable } from './tables/person.table.js';
import type {
  EventAssistTable,
  EventCardTable,
  EventCategoryTable,
  EventPhotoTable,
  EventTable,
  EventTimelineTable,
  InboxMessageTable,
  PhotoTable,
  SmsOutboxTable,
} from './tables/event.table.js';
import type { FloatingPermitReminderTable, FloatingRegistrationTable } from './tables/floating.table.js';
import type { SessionTable } from './tables/session.table.js';
import type { CountySettingTable } from './tables/setting.table.js';
import type { FollowUpPlanTable, VisitCardTable, VisitPhotoTable, VisitScheduleTable, VisitTable, VisitTargetTable } from './tables/visit.table.js';
import type { VerificationKeyTable } from './tables/verification-key.table.js';
import type { AttachmentTable, WorkingDayTable } from './tables/calendar.table.js';
import type { DailyCheckRunTable, DailyUnitCheckTable } from './tables/daily-check.table.js';
import type { BulletinTable, ScoreResultTable, ScoreSchemeTable, SurveyAnswerTable, SurveySampleTable, SurveyTable, SurveyVillageTable } from './tables/assessment.table.js';
import type { TrainingAttendanceTable, TrainingMaterialTable, TrainingSessionTable } from './tables/training.table.js';
import type { InfoReportAttachmentTable, InfoReportHistoryTable, InfoReportPhotoTable, InfoReportTable } from './tables/info-report.table.js';
import type { DutyEntryTable, DutyLapseTable, DutyUnitSettingTable } from './tables/duty.table.js';
import type {
  PublicityActivityTable,
  PublicityHistoryTable,
  PublicityPhotoTable,
  StationInspectionItemTable,
  StationInspectionPhotoTable,
  StationInspectionTable,
  TerminalHandoverTable,
  TerminalTable,
} from './tables/publicity.table.js';
import type {
  DepartmentCategoryTable,
  DepartmentTable,
  GridCellTable,
  GridWorkerTable,
  OrgUnitTable,
} from './tables/territory.table.js';

export interface Database {
  account: AccountTable;
  session: SessionTable;
  org_unit: OrgUnitTable;
  grid_cell: GridCellTable;
  grid_worker: GridWorkerTable;
  department: DepartmentTable;
  department_category: DepartmentCategoryTable;
  audit_log: AuditLogTable;
  event_category: EventCategoryTable;
  event: EventTable;
  event_assist: EventAssistTable;
  event_timeline: EventTimelineTable;
  photo: PhotoTable;
  event_photo: EventPhotoTable;
  event_card: EventCardTable;
  inbox_message: InboxMessageTable;
  sms_outbox: SmsOutboxTable;
  person: PersonTable;
  person_history: PersonHistoryTable;
  person_verification: PersonVerificationTable;
  special_population: SpecialPopulationTable;
  assistance_record: AssistanceRecordTable;
  import_job: ImportJobTable;
  registry_record: RegistryRecordTable;
  registry_member: RegistryMemberTable;
  registry_record_history: RegistryRecordHistoryTable;
  import_rejection: ImportRejectionTable;
  county_setting: CountySettingTable;
  floating_registration: FloatingRegistrationTable;
  floating_permit_reminder: FloatingPermitReminderTable;
  follow_up_plan: FollowUpPlanTable;
  visit_schedule: VisitScheduleTable;
  visit: VisitTable;
  visit_photo: VisitPhotoTable;
  visit_target: VisitTargetTable;
  visit_card: VisitCardTable;
  verification_key: VerificationKeyTable;
  working_day: WorkingDayTable;
  duty_unit_setting: DutyUnitSettingTable;
  duty_entry: DutyEntryTable;
  duty_lapse: DutyLapseTable;
  attachment: AttachmentTable;
  daily_unit_check: DailyUnitCheckTable;
  daily_check_run: DailyCheckRunTable;
  training_session: TrainingSessionTable;
  training_material: TrainingMaterialTable;
  training_attendance: TrainingAttendanceTable;
  info_report: InfoReportTable;
  info_report_photo: InfoReportPhotoTable;
  info_report_attachment: InfoReportAttachmentTable;
  info_report_history: InfoReportHistoryTable;
  publicity_activity: PublicityActivityTable;
  publicity_photo: PublicityPhotoTable;
  publicity_history: PublicityHistoryTable;
  station_inspection: StationInspectionTable;
  station_inspection_item: StationInspectionItemTable;
  station_inspection_photo: StationInspectionPhotoTable;
  terminal: TerminalTable;
  terminal_handover: TerminalHandoverTable;
  survey: SurveyTable;
  survey_village: SurveyVillageTable;
  survey_sample: SurveySampleTable;
  survey_answer: SurveyAnswerTable;
  score_scheme: ScoreSchemeTable;
  score_result: ScoreResultTable;
  bulletin: BulletinTable;
}

/** The database or a transaction on it: what a repository function runs its SQL on. */
export type Executor = Kysely<Database> | Transaction<Database>;
