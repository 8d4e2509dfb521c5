// Payloads of information reports (信息报送): writing, submitting, withdrawing, adopting and
// returning one, the list, one report with its history, the monthly quota per township and the
// county's quota setting.
import { Type, type Static } from 'typebox';
import { ATTACHMENT_ID_PATTERN, AttachmentRefSchema } from './attachment.schema.js';
import { PHOTO_ID_PATTERN } from './event.schema.js';
import {
  INFO_REPORT_ATTACHMENTS_MAX,
  INFO_REPORT_BODY_MAX,
  INFO_REPORT_CATEGORIES,
  INFO_REPORT_LEVELS,
  INFO_REPORT_NOTE_MAX,
  INFO_REPORT_PHOTOS_MAX,
  INFO_REPORT_QUOTA_MAX,
  INFO_REPORT_STATUSES,
  INFO_REPORT_TITLE_MAX,
} from '../info-reports/info-report-machine.js';

const Id = Type.String({ minLength: 1, maxLength: 36 });
const MONTH_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])$';
const Month = Type.String({ pattern: MONTH_PATTERN, description: 'YYYY-MM (Asia/Shanghai)' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const Category = Type.Enum([...INFO_REPORT_CATEGORIES], { description: '工作动态 work_update, 经验做法 experience, 社情民意 public_opinion, 其他 other' });
const Level = Type.Enum([...INFO_REPORT_LEVELS], { description: '采用级别: county 县级, city 市级, province 省级' });
const Status = Type.Enum([...INFO_REPORT_STATUSES]);
const Title = Type.String({ minLength: 1, maxLength: INFO_REPORT_TITLE_MAX });
const Body = Type.String({ minLength: 1, maxLength: INFO_REPORT_BODY_MAX, description: 'Plain text; paragraphs separated by blank lines' });
const PhotoIds = Type.Array(Type.String({ pattern: PHOTO_ID_PATTERN }), { maxItems: INFO_REPORT_PHOTOS_MAX, uniqueItems: true, description: 'Ids from POST /api/photos' });
const AttachmentIds = Type.Array(Type.String({ pattern: ATTACHMENT_ID_PATTERN }), { maxItems: INFO_REPORT_ATTACHMENTS_MAX, uniqueItems: true, description: 'Ids from POST /api/attachments' });
const Version = Type.Integer({ minimum: 1, description: 'The version read; another answers 409 RECORD_CHANGED' });

export const CreateInfoReportBodySchema = Type.Object(
  {
    clientKey: Type.String({ minLength: 8, maxLength: 64, description: 'A retry with the same key answers the first report' }),
    title: Title,
    body: Body,
    category: Category,
    subjectAccountId: Type.Optional(Nullable(Id)),
    photoIds: Type.Optional(PhotoIds),
    attachmentIds: Type.Optional(AttachmentIds),
  },
  { additionalProperties: false },
);
export type CreateInfoReportBody = Static<typeof CreateInfoReportBodySchema>;

export const UpdateInfoReportBodySchema = Type.Object(
  {
    version: Version,
    title: Type.Optional(Title),
    body: Type.Optional(Body),
    category: Type.Optional(Category),
    subjectAccountId: Type.Optional(Nullable(Id)),
    photoIds: Type.Optional(PhotoIds),
    attachmentIds: Type.Optional(AttachmentIds),
  },
  { additionalProperties: false },
);
export type UpdateInfoReportBody = Static<typeof UpdateInfoReportBodySchema>;

export const InfoReportVersionBodySchema = Type.Object({ version: Version }, { additionalProperties: false });
export type InfoReportVersionBody = Static<typeof InfoReportVersionBodySchema>;

export const AdoptInfoReportBodySchema = Type.Object(
  { version: Version, level: Level, note: Type.Optional(Type.String({ maxLength: INFO_REPORT_NOTE_MAX })) },
  { additionalProperties: false },
);
export type AdoptInfoReportBody = Static<typeof AdoptInfoReportBodySchema>;

export const ReturnInfoReportBodySchema = Type.Object(
  { version: Version, note: Type.String({ minLength: 1, maxLength: INFO_REPORT_NOTE_MAX, description: 'Why it is returned: what to revise' }) },
  { additionalProperties: false },
);
export type ReturnInfoReportBody = Static<typeof ReturnInfoReportBodySchema>;

export const InfoReportSummarySchema = Type.Object({
  id: Type.String(),
  townshipId: Type.String(),
  townshipName: Type.String(),
  path: Type.String(),
  title: Type.String(),
  category: Category,
  status: Status,
  level: Nullable(Level),
  subjectAccountId: Nullable(Type.String()),
  subjectName: Nullable(Type.String()),
  authorId: Type.String(),
  authorName: Type.String(),
  submittedAt: Nullable(Type.String()),
  firstSubmittedAt: Nullable(Type.String()),
  adoptedAt: Nullable(Type.String()),
  returnedNote: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type InfoReportSummary = Static<typeof InfoReportSummarySchema>;

export const InfoReportHistoryEntrySchema = Type.Object({
  action: Type.Enum(['create', 'update', 'submit', 'withdraw', 'adopt', 'return']),
  fromStatus: Nullable(Status),
  toStatus: Status,
  level: Nullable(Level),
  note: Nullable(Type.String()),
  actorId: Type.String(),
  actorName: Type.String(),
  at: Type.String(),
  version: Type.Integer(),
});
export type InfoReportHistoryEntry = Static<typeof InfoReportHistoryEntrySchema>;

export const InfoReportPhotoSchema = Type.Object({ id: Type.String(), url: Type.String() });

export const InfoReportSchema = Type.Object({
  ...InfoReportSummarySchema.properties,
  body: Type.String(),
  photos: Type.Array(InfoReportPhotoSchema),
  attachments: Type.Array(AttachmentRefSchema),
  history: Type.Array(InfoReportHistoryEntrySchema),
});
export type InfoReport = Static<typeof InfoReportSchema>;

export const InfoReportListQuerySchema = Type.Object(
  {
    townshipId: Type.Optional(Id),
    status: Type.Optional(Status),
    category: Type.Optional(Category),
    level: Type.Optional(Level),
    month: Type.Optional(Type.String({ pattern: MONTH_PATTERN, description: 'Reports first submitted in this month (Asia/Shanghai)' })),
    cursor: Type.Optional(Type.String({ maxLength: 36, description: 'nextCursor of the previous page' })),
    after: Type.Optional(Type.String({ maxLength: 36, description: 'The same as cursor' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  },
  { additionalProperties: false },
);
export type InfoReportListQuery = Static<typeof InfoReportListQuerySchema>;

export const InfoReportPageSchema = Type.Object({ items: Type.Array(InfoReportSummarySchema), nextCursor: Nullable(Type.String()) });
export type InfoReportPage = Static<typeof InfoReportPageSchema>;

export const InfoReportExportQuerySchema = Type.Object(
  {
    month: Month,
    townshipId: Type.Optional(Id),
    status: Type.Optional(Status),
    category: Type.Optional(Category),
    level: Type.Optional(Level),
  },
  { additionalProperties: false },
);
export type InfoReportExportQuery = Static<typeof InfoReportExportQuerySchema>;

export const InfoReportQuotaQuerySchema = Type.Object({ month: Type.Optional(Month) }, { additionalProperties: false });
export type InfoReportQuotaQuery = Static<typeof InfoReportQuotaQuerySchema>;

export const InfoReportQuotaRowSchema = Type.Object({
  townshipId: Type.String(),
  townshipName: Type.String(),
  path: Type.String(),
  submitted: Type.Integer({ description: 'Reports first submitted this month and not withdrawn' }),
  adopted: Type.Integer(),
  quota: Type.Integer(),
  met: Type.Boolean(),
  adoptionRate: Nullable(Type.Integer({ description: 'Adopted of submitted, whole percent; null when none was submitted' })),
});
export type InfoReportQuotaRow = Static<typeof InfoReportQuotaRowSchema>;

export const InfoReportQuotaSchema = Type.Object({
  month: Type.String(),
  quota: Type.Integer(),
  submitted: Type.Integer(),
  adopted: Type.Integer(),
  adoptionRate: Nullable(Type.Integer()),
  belowQuota: Type.Integer({ description: 'Townships that have not met the quota' }),
  townships: Type.Array(InfoReportQuotaRowSchema),
});
export type InfoReportQuota = Static<typeof InfoReportQuotaSchema>;

export const InfoReportSettingsSchema = Type.Object({
  monthlyQuota: Type.Integer({ description: 'Reports each township submits a month (info_report.monthly_quota)' }),
  updatedBy: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  updatedAt: Nullable(Type.String()),
});
export type InfoReportSettings = Static<typeof InfoReportSettingsSchema>;

export const UpdateInfoReportSettingsBodySchema = Type.Object(
  { monthlyQuota: Type.Integer({ minimum: 1, maximum: INFO_REPORT_QUOTA_MAX }) },
  { additionalProperties: false },
);
export type UpdateInfoReportSettingsBody = Static<typeof UpdateInfoReportSettingsBodySchema>;
